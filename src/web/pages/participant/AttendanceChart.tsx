// R-ATT-3 trend chart: attendance per month as bars with the 80% norm as a line. Loaded lazily (its own
// chunk) and only the ECharts parts used are imported. The same numbers are in the table next to it.
import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { monthLabel } from '../../lib/attendanceLabels';

use([BarChart, GridComponent, MarkLineComponent, SVGRenderer]);

export interface MonthRate {
  month: string;
  percentage: number | null;
}

/** `normPercent`: the contract's norm as the server gives it (R-ATT-3). */
export default function AttendanceChart({ byMonth, normPercent }: { byMonth: readonly MonthRate[]; normPercent: number }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!ref.current) return undefined;
    const chart = init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 64, top: 24, bottom: 56 },
      xAxis: {
        type: 'category',
        data: byMonth.map((m) => monthLabel(m.month)),
        axisLabel: { color: '#1a1a1a', rotate: 45 },
      },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: '#1a1a1a', formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          name: 'Aanwezigheid',
          data: byMonth.map((m) => m.percentage),
          itemStyle: { color: '#01689b' },
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: '#a90061', type: 'dashed', width: 2 },
            label: { formatter: `Norm ${normPercent}%`, color: '#1a1a1a' },
            data: [{ yAxis: normPercent }],
          },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [byMonth, normPercent]);

  return <div ref={ref} className="koers-chart" />;
}
