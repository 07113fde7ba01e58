// The forecast of a participant's route (R-BYD-1, R-HRS-5), pure: at the recent pace, when are the
// route's hour norm and the milestones on the way reached? Its parameters are the contract's
// (ForecastRules in contract.ts: the weeks of the pace; progress.milestoneHours: the milestones).
//
//   - The pace is the average of the recent weeks' hours (see weeklyHours in progress-status.ts); no
//     weeks is no pace.
//   - At that pace the missing hours take ⌈hours × 7 / pace⌉ days from today. Zero or unknown pace
//     forecasts no date, nor does a pace so slow the day lies a century after the end of the term.
//   - The milestones shown are the contract's below the route's norm, then the norm itself (000 §4.4
//     lists 200, 400, 600; the Z-route's norm is 800, 001 §1.3).
import { addCalendarDays, compareDates } from './calendar.js';
import type { IsoDate } from './contract.js';

/** 000 §4.4: progress tests and reports at 200, 400 and 600 hours; for a contract without its own list. */
export const DEFAULT_MILESTONE_HOURS: readonly number[] = [200, 400, 600];

export interface MilestoneForecast {
  hours: number;
  /** Null when the pace is zero or unknown. */
  projectedOn: IsoDate | null;
  /** Projected on or before the end of the term. */
  beforeTermEnd: boolean;
}

export interface ForecastInput {
  today: IsoDate;
  termEndsOn: IsoDate;
  hoursMade: number;
  /** The route's hour norm (routeHourNorm in hours.ts). */
  targetHours: number;
  milestoneHours: readonly number[];
  /** Hours a week (see paceOf); null when unknown. */
  pacePerWeek: number | null;
}

export interface Forecast {
  /** When the norm's hours are made: `today` when already made, null when never at this pace. */
  targetReachedOn: IsoDate | null;
  /** The milestones not yet reached, ending at the norm, each with its projected date. */
  milestones: MilestoneForecast[];
}

/** The average hours a week over the given weeks; null without weeks. */
export function paceOf(weeklyHours: readonly number[]): number | null {
  return weeklyHours.length === 0 ? null : weeklyHours.reduce((a, b) => a + b, 0) / weeklyHours.length;
}

const daysFromTo = (a: IsoDate, b: IsoDate) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * The day `hours` more hours are made at `pace` hours per week. Null when the pace is zero or unknown,
 * and when the pace is so slow that the day lies more than a century beyond the end of the term.
 */
export function projectDate(today: IsoDate, hours: number, pace: number | null, termEndsOn: IsoDate): IsoDate | null {
  if (hours <= 0) return today;
  if (pace === null || pace <= 0) return null;
  // The epsilon keeps 420.0000000001 days at 420: floating point must not push a date a day later.
  const days = Math.ceil((hours * 7) / pace - 1e-9);
  if (!Number.isFinite(days) || days > Math.max(0, daysFromTo(today, termEndsOn)) + 36_525) return null;
  return addCalendarDays(today, days);
}

/**
 * R-BYD-1: the hour milestones the forecast shows, ending at the route's norm (`targetHours`): the
 * contract's milestones below the norm, then the norm itself. The contracts list 200, 400 and 600 (000
 * §4.4), so without this a Z-route's forecast stopped at 600 of its 800 hours; a milestone above the
 * norm (800 in a B1-route) is no step on that route's way.
 */
export function forecastMilestones(milestoneHours: readonly number[], targetHours: number): number[] {
  const below = milestoneHours.filter((m) => m > 0 && m < targetHours);
  return [...new Set([...below, targetHours])].sort((a, b) => a - b);
}

/** R-BYD-1: the day the norm is reached and the milestones still ahead, at the given pace. */
export function forecast(input: ForecastInput): Forecast {
  const { today, termEndsOn, hoursMade, targetHours, pacePerWeek } = input;
  const milestones = forecastMilestones(input.milestoneHours, targetHours)
    .filter((m) => m > hoursMade)
    .map((hours) => {
      const projectedOn = projectDate(today, hours - hoursMade, pacePerWeek, termEndsOn);
      return { hours, projectedOn, beforeTermEnd: projectedOn !== null && compareDates(projectedOn, termEndsOn) <= 0 };
    });
  return { targetReachedOn: projectDate(today, Math.max(0, targetHours - hoursMade), pacePerWeek, termEndsOn), milestones };
}
