// R-BYD-1: the forecast chart of a Z-route runs to its norm of 800 hours, built from the status rule.
import { describe, expect, it } from 'vitest';
import { assessProgress } from '../../../domain/progress-status';
import { forecastPoints } from './forecastPoints';

describe('forecast chart points (R-BYD-1)', () => {
  it('a Z-route\'s line ends at 800 hours on the day the norm is expected', () => {
    const a = assessProgress({ today: '2026-06-01', termEndsOn: '2029-06-01', hoursMade: 150, targetHours: 800, milestoneHours: [200, 400, 600], recentWeeklyHours: [10, 10], attendanceRate: 0.9 });
    const points = forecastPoints('2026-06-01', 150, a.milestones);
    expect(points.map((p) => p.hours)).toEqual([150, 200, 400, 600, 800]);
    expect(points.at(-1)?.date).toBe(a.targetReachedOn);
  });

  it('milestones without a forecast date are left out of the line', () => {
    expect(forecastPoints('2026-06-01', 250, [{ hours: 200, projectedOn: null, beforeTermEnd: false }, { hours: 600, projectedOn: null, beforeTermEnd: false }])).toEqual([{ date: '2026-06-01', hours: 250 }]);
  });
});
