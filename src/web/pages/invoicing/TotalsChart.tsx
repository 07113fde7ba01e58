// Issue #11, R-INV-6: the contract manager's totals as bars, invoiced beside credited. Loaded lazily (its
// own chunk), as the attendance charts; the same amounts are in the table below it, which is what
// assistive technology reads (the chart is hidden from it).
import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { TotalsBar } from './totals';

use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

const euros = (cents: number) => Math.round(cents) / 100;

export default function TotalsChart({ bars }: { bars: readonly TotalsBar[] }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!ref.current) return undefined;
    const chart = init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      legend: { top: 0, textStyle: { color: '#1a1a1a' } },
      grid: { left: 72, right: 24, top: 40, bottom: 72 },
      xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { color: '#1a1a1a', rotate: bars.length > 3 ? 30 : 0, interval: 0 } },
      yAxis: { type: 'value', name: '€', axisLabel: { color: '#1a1a1a' } },
      series: [
        { type: 'bar', name: 'Gefactureerd', data: bars.map((b) => euros(b.invoicedCents)), itemStyle: { color: '#01689b' } },
        { type: 'bar', name: 'Gecrediteerd', data: bars.map((b) => euros(b.creditedCents)), itemStyle: { color: '#a90061' } },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [bars]);

  return <div ref={ref} className="koers-chart" />;
}
