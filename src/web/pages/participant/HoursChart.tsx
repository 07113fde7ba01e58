// R-HRS-1 pace chart: hours per week as bars. Loaded lazily (its own chunk), like AttendanceChart, and
// only the ECharts parts used are imported. The same numbers are in the table next to it.
import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { formatDate } from '../../lib/dates';

use([BarChart, GridComponent, SVGRenderer]);

export interface WeekHours {
  /** Monday of the week, YYYY-MM-DD. */
  week: string;
  minutes: number;
}

export default function HoursChart({ byWeek }: { byWeek: readonly WeekHours[] }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!ref.current) return undefined;
    const chart = init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 24, top: 24, bottom: 56 },
      xAxis: {
        type: 'category',
        data: byWeek.map((w) => formatDate(w.week).slice(0, 5)),
        axisLabel: { color: '#1a1a1a', rotate: 45 },
      },
      yAxis: { type: 'value', min: 0, axisLabel: { color: '#1a1a1a', formatter: '{value} u' } },
      series: [
        {
          type: 'bar',
          name: 'Uren',
          data: byWeek.map((w) => Math.round((w.minutes / 60) * 10) / 10),
          itemStyle: { color: '#01689b' },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [byWeek]);

  return <div ref={ref} className="koers-chart" />;
}
