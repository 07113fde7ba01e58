// R-BYD-1 forecast chart: the hours made today and the day each milestone is expected, as a line, with
// the end of the term as a dashed line. Loaded lazily (its own chunk), like AttendanceChart; the same
// numbers are in the table next to it.
import { useEffect, useRef } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { formatDate } from '../../lib/dates';
import type { ForecastPoint } from './forecastPoints';

use([LineChart, GridComponent, MarkLineComponent, SVGRenderer]);

export default function ForecastChart({ points, termEndsOn }: { points: readonly ForecastPoint[]; termEndsOn: string }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!ref.current) return undefined;
    const chart = init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 56, right: 48, top: 32, bottom: 56 },
      xAxis: {
        type: 'time',
        axisLabel: { color: '#1a1a1a', rotate: 45, formatter: (value: number) => formatDate(new Date(value).toISOString()) },
      },
      yAxis: { type: 'value', min: 0, axisLabel: { color: '#1a1a1a', formatter: '{value} u' } },
      series: [
        {
          type: 'line',
          name: 'Uren',
          data: points.map((p) => [p.date, p.hours]),
          itemStyle: { color: '#01689b' },
          lineStyle: { color: '#01689b', width: 2 },
          symbolSize: 8,
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: '#a90061', type: 'dashed', width: 2 },
            label: { formatter: `Einde termijn ${formatDate(termEndsOn)}`, color: '#1a1a1a' },
            data: [{ xAxis: termEndsOn }],
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
  }, [points, termEndsOn]);

  return <div ref={ref} className="koers-chart" />;
}
