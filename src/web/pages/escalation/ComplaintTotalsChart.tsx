// Issue #14 (R-CM-3): complaints received per provider and quarter as bars. Loaded lazily (its own chunk),
// as the invoicing totals; the same counts are in the table below it, which is what assistive technology
// reads (the chart is hidden from it).
import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ProviderSeries } from './complaintTotals';

use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

// Rijkshuisstijl colours that stay apart for the common colour-vision deficiencies, in turn.
const COLOURS = ['#01689b', '#a90061', '#e17000', '#39870c', '#42145f', '#673327'];

export default function ComplaintTotalsChart({ quarters, series }: { quarters: readonly string[]; series: readonly ProviderSeries[] }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!ref.current) return undefined;
    const chart = init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      legend: { top: 0, textStyle: { color: '#1a1a1a' } },
      grid: { left: 48, right: 24, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: [...quarters], axisLabel: { color: '#1a1a1a', interval: 0 } },
      yAxis: { type: 'value', name: 'Klachten', minInterval: 1, axisLabel: { color: '#1a1a1a' } },
      series: series.map((s, i) => ({ type: 'bar', name: s.providerName, data: s.received, itemStyle: { color: COLOURS[i % COLOURS.length] } })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [quarters, series]);

  return <div ref={ref} className="koers-chart" />;
}
