// Issue #13: the demo region's year — a cohort referred over the four quarters before the demo's today,
// so that every quarterly figure, KPI and chart has something real to show. This file plans the dates,
// purely, from the seeded stream; src/features/demo/history.ts writes the rows. Every date lies within the
// contract term and on or before the demo's today; every step follows the one before it.
import { addCalendarDays, compareDates } from '../../domain/calendar.js';
import type { IsoDate } from '../../domain/contract.js';
import { pick } from './seeded.js';

export const HISTORY_SIZE = 48;

export type HistoryOutcome =
  | { type: 'running' }
  | { type: 'routeEnded'; on: IsoDate }
  | { type: 'droppedOut'; on: IsoDate; reason: 'medical' | 'moved' | 'other' }
  | { type: 'onHold'; on: IsoDate; resumedOn: IsoDate | null }
  | { type: 'routeChanged'; on: IsoDate; to: 'b1' | 'z' };

export interface HistoryLifecycle {
  referredOn: IsoDate;
  acknowledgedOn: IsoDate;
  invitedOn: IsoDate;
  intakeOn: IsoDate;
  planSubmittedOn: IsoDate;
  planApprovedOn: IsoDate;
  planSignedOn: IsoDate;
  startedOn: IsoDate;
}

export interface HistoryRoute extends HistoryLifecycle {
  index: number;
  municipality: string;
  route: 'b1' | 'z';
  provider: 'taalpunt-westfriesland' | 'leerhuis-noord';
  outcome: HistoryOutcome;
  /** Attendance: 'good' about 95%, 'low' about 65% (below the norm of 80%). */
  attendance: 'good' | 'low';
  /** An approved scaling decision on one skill (content report 3d/3e, KPI 3). */
  scaling: { direction: 'down' | 'up'; skill: 'speaking' | 'writing'; requestedOn: IsoDate; decidedOn: IsoDate } | null;
}

const days = (rand: () => number, min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));
const within = (d: IsoDate, last: IsoDate): boolean => compareDates(d, last) <= 0;

/** The referral-to-start steps of R-REF-2; about one in five acknowledgements and intakes is late (R-CM-2). */
function lifecycleFrom(rand: () => number, referredOn: IsoDate): HistoryLifecycle {
  const acknowledgedOn = addCalendarDays(referredOn, rand() < 0.8 ? days(rand, 1, 5) : days(rand, 8, 12));
  const invitedOn = addCalendarDays(acknowledgedOn, days(rand, 1, 3));
  const intakeOn = addCalendarDays(invitedOn, rand() < 0.8 ? days(rand, 4, 9) : days(rand, 15, 20));
  const planSubmittedOn = addCalendarDays(intakeOn, rand() < 0.85 ? days(rand, 2, 6) : days(rand, 9, 12));
  const planApprovedOn = addCalendarDays(planSubmittedOn, days(rand, 1, 4));
  const planSignedOn = addCalendarDays(planApprovedOn, 2);
  const startedOn = addCalendarDays(planSignedOn, days(rand, 3, 14));
  return { referredOn, acknowledgedOn, invitedOn, intakeOn, planSubmittedOn, planApprovedOn, planSignedOn, startedOn };
}

function outcomeOf(rand: () => number, startedOn: IsoDate, last: IsoDate, route: 'b1' | 'z'): HistoryOutcome {
  const x = rand();
  const at = (min: number, max: number): IsoDate => addCalendarDays(startedOn, days(rand, min, max));
  if (x < 0.3) {
    const on = at(150, 300);
    return within(on, last) ? { type: 'routeEnded', on } : { type: 'running' };
  }
  if (x < 0.42) {
    const on = at(30, 150);
    return within(on, last) ? { type: 'droppedOut', on, reason: pick(rand, ['medical', 'moved', 'other'] as const) } : { type: 'running' };
  }
  if (x < 0.52) {
    const on = at(40, 110);
    if (!within(on, last)) return { type: 'running' };
    const resumedOn = addCalendarDays(on, days(rand, 30, 60));
    return { type: 'onHold', on, resumedOn: within(resumedOn, last) ? resumedOn : null };
  }
  if (x < 0.6) {
    const on = at(60, 120);
    return within(on, last) ? { type: 'routeChanged', on, to: route === 'b1' ? 'z' : 'b1' } : { type: 'running' };
  }
  return { type: 'running' };
}

/**
 * The cohort, referred evenly from `firstDay` (the later of the contract's start and a year before
 * today) to eight weeks before today, so that each has started before today. Empty when the term
 * leaves less than a quarter before today (a demo date early in the contract).
 */
export function planHistory(rand: () => number, municipalities: readonly string[], termStart: IsoDate, today: IsoDate): HistoryRoute[] {
  const yearBefore = addCalendarDays(today, -365);
  const firstDay = compareDates(termStart, yearBefore) > 0 ? termStart : yearBefore;
  const lastReferral = addCalendarDays(today, -56);
  const span = Math.round((Date.parse(`${lastReferral}T00:00:00Z`) - Date.parse(`${firstDay}T00:00:00Z`)) / 86_400_000);
  if (span < 90) return [];
  // Routes end, drop out or change at the latest ten days ago: no step of the history is pending today.
  const last = addCalendarDays(today, -10);
  const out: HistoryRoute[] = [];
  for (let index = 0; index < HISTORY_SIZE; index++) {
    const referredOn = addCalendarDays(firstDay, Math.floor((index * span) / HISTORY_SIZE) + days(rand, 0, 3));
    const life = lifecycleFrom(rand, referredOn);
    if (!within(life.startedOn, addCalendarDays(today, -14))) continue;
    const route = rand() < 0.65 ? 'b1' : 'z';
    const provider = route === 'z' || rand() < 0.6 ? 'taalpunt-westfriesland' : 'leerhuis-noord';
    const municipality = index % 3 === 0 && municipalities.includes('hoorn') ? 'hoorn' : pick(rand, municipalities);
    const outcome = outcomeOf(rand, life.startedOn, last, route);
    const requestedOn = addCalendarDays(life.startedOn, days(rand, 90, 180));
    const decidedOn = addCalendarDays(requestedOn, days(rand, 5, 15));
    const scaling =
      route === 'b1' && outcome.type === 'running' && rand() < 0.3 && within(decidedOn, last)
        ? { direction: rand() < 0.8 ? ('down' as const) : ('up' as const), skill: pick(rand, ['speaking', 'writing'] as const), requestedOn, decidedOn }
        : null;
    out.push({ index, municipality, route, provider, ...life, outcome, attendance: rand() < 0.15 ? 'low' : 'good', scaling });
  }
  return out;
}

/** The last day the participant was in the language group: the day before the route ended, dropped out or changed; else today. */
export function lastDayInGroup(r: HistoryRoute, today: IsoDate): IsoDate {
  switch (r.outcome.type) {
    case 'routeEnded':
    case 'droppedOut':
    case 'routeChanged':
      return addCalendarDays(r.outcome.on, -1);
    case 'onHold':
    case 'running':
      return today;
  }
}
