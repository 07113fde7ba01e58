// Issue #4 item 7: how many participants fall in each band of ten percent, bands under the norm in a
// second colour. Loaded lazily (its own chunk), like AttendanceChart; only the ECharts parts used are
// imported. The same numbers are in the table next to it, which is what assistive technology reads.
import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Band } from './rates';

use([BarChart, GridComponent, SVGRenderer]);

export default function DistributionChart({ bands }: { bands: readonly Band[] }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!ref.current) return undefined;
    const chart = init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 24, top: 24, bottom: 72 },
      xAxis: {
        type: 'category',
        data: bands.map((b) => b.label.replace(' tot en met ', '–').replace(' tot ', '–')),
        axisLabel: { color: '#1a1a1a', rotate: 45 },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#1a1a1a' } },
      series: [
        {
          type: 'bar',
          name: 'Inburgeraars',
          data: bands.map((b) => ({ value: b.count, itemStyle: { color: b.belowNorm ? '#a90061' : '#01689b' } })),
          label: { show: true, position: 'top', color: '#1a1a1a' },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [bands]);

  return <div ref={ref} className="koers-chart" />;
}
