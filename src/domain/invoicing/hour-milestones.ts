// R-HRS-1, R-INV-1: the hour milestones of a payment schedule (trigger hourMilestone: Westfriesland's
// and Twente's 200/400/600 hours, 000 §4.4) as RouteFacts.hourMilestones — for each milestone the day
// the route's cumulative registered hours first reached it. The running sum is the hours rule's own
// (milestonesReached in src/domain/hours.ts, which also raises the progress test of R-HRS-2), so the
// day a milestone pays is the day its progress test falls due. Counted over every hour kind, as that
// rule counts: no contract names a narrower set of kinds for its milestones (000 §4.4 "gevolgde lesuren").
import { hourKindOf, HourKinds, type HourKind, milestonesReached } from '../hours.js';
import type { IsoDate } from '../iso-date.js';
import type { RouteFacts } from './billable.js';
import type { PaymentSchedule } from './contract-data.js';

/** One registered hours fact of the route: an attended lesson or hours a provider's system pushed. */
export interface RouteHours {
  date: IsoDate;
  /** A lesson kind or an hour kind (hourKindOf maps it). */
  kind: string;
  minutes: number;
  startClass: boolean;
}

/** The milestones (in hours) the schedule's hourMilestone items are triggered by, ascending, once each. */
export function scheduleMilestones(schedule: PaymentSchedule): number[] {
  const hours = schedule.items.flatMap((i) => (i.trigger.type === 'hourMilestone' ? [i.trigger.hours] : []));
  return [...new Set(hours)].sort((a, b) => a - b);
}

/**
 * R-INV-1: the day each of the schedule's hour milestones was reached; a milestone not reached is left
 * out. Hours before the route's start count (a start class, R-REF-4), but nothing of a route is earned
 * before it starts: a milestone reached earlier is reached on the start.
 */
export function hourMilestoneFacts(schedule: PaymentSchedule, startedOn: IsoDate, hours: readonly RouteHours[], counted: readonly HourKind[] = HourKinds): NonNullable<RouteFacts['hourMilestones']> {
  const milestones = scheduleMilestones(schedule);
  if (milestones.length === 0) return [];
  const entries = hours.map((h) => ({ date: h.date, kind: hourKindOf(h.kind), minutes: h.minutes, startClass: h.startClass }));
  return milestonesReached(entries, milestones, counted).map((m) => ({ hours: m.milestoneHours, reachedOn: m.reachedOn < startedOn ? startedOn : m.reachedOn }));
}
