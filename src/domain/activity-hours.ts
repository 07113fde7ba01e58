// Issue #12 (R-HRS-1, R-HRS-2): participation activities beside the route's hours. Their hours count per
// hour kind (activityHourKind); whether a kind also counts toward the contract's hour milestones is
// contract data (progress.activityHoursCount, default none). 001 §3: "De praktijkopdrachten mogen
// meetellen in de taaluren voor zowel B1-route als Z-route" — the MAP practical part, in Centraal
// Gelderland's file. An activity's hours count on its end date, as for the 200-hour meeting.
import type { IsoDate } from './contract.js';
import type { HourKind } from './hours.js';
import { activityHourKind, type ActivityHours } from './participation.js';

export type ActivityHourKind = Extract<HourKind, 'participation' | 'mapPractical' | 'internship'>;

/** The activities of the counted hour kinds as hour facts for milestonesReached (never start-class hours). */
export function countedActivityFacts(activities: readonly ActivityHours[], counted: readonly ActivityHourKind[]): { date: IsoDate; kind: HourKind; minutes: number; startClass: false }[] {
  return activities.flatMap((a) => {
    const kind = activityHourKind(a.kind, a.product);
    return (counted as readonly HourKind[]).includes(kind) ? [{ date: a.endDate, kind, minutes: a.minutes, startClass: false as const }] : [];
  });
}
