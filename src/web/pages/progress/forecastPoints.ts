// R-BYD-1: the points of the forecast chart: today's hours, then each milestone still ahead on the day it
// is expected. The milestones come from the status rule and end at the route's norm (800 in a Z-route),
// so the line ends there too. Pure, so it is tested without a browser.
import type { Milestone } from '../../api/progress';

export interface ForecastPoint {
  date: string;
  hours: number;
}

export function forecastPoints(today: string, hoursMade: number, milestones: readonly Milestone[]): ForecastPoint[] {
  const ahead = milestones.filter((m) => m.hours > hoursMade && m.projectedOn !== null);
  return [{ date: today, hours: hoursMade }, ...ahead.map((m) => ({ date: m.projectedOn ?? today, hours: m.hours }))];
}
