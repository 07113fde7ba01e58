// Issue #13 (R-CM-2): per provider the share of steps done on time, one bar per provider. Loaded lazily;
// the table beside it (CompliancePanel) has every number.
import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, SVGRenderer]);

export default function ComplianceChart({ bars }: { bars: readonly { name: string; share: number | null }[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return undefined;
    const chart = init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 140, right: 24, top: 16, bottom: 32 },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: '#1a1a1a', formatter: '{value}%' } },
      yAxis: { type: 'category', data: bars.map((b) => b.name), axisLabel: { color: '#1a1a1a' } },
      series: [{ type: 'bar', name: 'Op tijd', data: bars.map((b) => (b.share === null ? null : Math.round(b.share * 1000) / 10)), itemStyle: { color: '#01689b' } }],
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
