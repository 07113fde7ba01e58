// Issue #13 (R-KPI-1, R-KPI-2, R-KPI-3, R-KPI-4): a KPI's share per quarter as a line with its target as a dashed line. Loaded
// lazily (its own chunk), like HoursChart; the same numbers are in the table beside it (KpiPanel).
import { useEffect, useRef } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([LineChart, GridComponent, LegendComponent, SVGRenderer]);

export interface TrendPoint {
  quarter: string;
  /** Share 0..1, or null when not known (suppressed, not registered, 0 ÷ 0). */
  share: number | null;
  target: number | null;
}

const percent = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

export default function TrendChart({ points }: { points: readonly TrendPoint[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return undefined;
    const chart = init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      legend: { bottom: 0, textStyle: { color: '#1a1a1a' } },
      grid: { left: 48, right: 24, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: points.map((p) => p.quarter), axisLabel: { color: '#1a1a1a' } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: '#1a1a1a', formatter: '{value}%' } },
      series: [
        { type: 'line', name: 'Behaald', data: points.map((p) => percent(p.share)), itemStyle: { color: '#01689b' }, connectNulls: false },
        { type: 'line', name: 'Doel', data: points.map((p) => percent(p.target)), lineStyle: { type: 'dashed', color: '#1a1a1a' }, itemStyle: { color: '#1a1a1a' }, symbol: 'none' },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [points]);
  return <div ref={ref} className="koers-chart" />;
}
