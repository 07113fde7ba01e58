// Hours and progress-report moments (R-HRS-1, R-HRS-2, R-HRS-3), pure. Groundwork for issue #4.
// R-HRS-2: crossing 200, 400 or 600 hours asks for a progress test and a report within two weeks
// (000 §4.4). R-HRS-3: a report is also due on a calendar cadence from the start — every three months
// (001 §2.3.1) or every half year (002 eis 19), per contract.
import { addMonths } from './calendar.js';
import type { IsoDate } from './contract.js';

export const HourKinds = ['language', 'participation', 'mapPractical', 'deficiencySubject', 'studySkills', 'internship'] as const;
export type HourKind = (typeof HourKinds)[number];

// R-HRS-1: the hour kind a lesson kind counts as. KNM, make-up and exam-training lessons are language
// hours (KNM is counted with language in 000 §4.4's "gevolgde lesuren"). An unknown kind counts as
// language: every lesson is NT2 education unless it says otherwise.
const LESSON_HOUR_KIND: Record<string, HourKind> = {
  language: 'language',
  knm: 'language',
  participation: 'participation',
  mapPractice: 'mapPractical',
  deficiencySubject: 'deficiencySubject',
  makeUp: 'language',
  examTraining: 'language',
};

/** The hour kind of a lesson kind, or a registered hour kind as it is. */
export function hourKindOf(kind: string): HourKind {
  if ((HourKinds as readonly string[]).includes(kind)) return kind as HourKind;
  return LESSON_HOUR_KIND[kind] ?? 'language';
}

export interface HoursEntry {
  date: IsoDate;
  kind: HourKind;
  /** Minutes, so that partial lessons add up exactly. */
  minutes: number;
  /** R-REF-4: start-class hours count towards the 600 (B1) / 800 (Z) hours. */
  startClass: boolean;
}

/** R-HRS-1: hours per kind, in minutes. Start-class minutes are included in their kind. */
export function minutesByKind(entries: readonly HoursEntry[]): Record<HourKind, number> {
  const out = Object.fromEntries(HourKinds.map((k) => [k, 0])) as Record<HourKind, number>;
  for (const e of entries) out[e.kind] += e.minutes;
  return out;
}

export interface MilestoneCrossing {
  milestoneHours: number;
  /** The date of the entry that crossed it. */
  reachedOn: IsoDate;
}

/**
 * R-HRS-2: the milestones crossed, and on which day. Counted over the kinds the contract counts (by
 * default every kind: the milestones are route hours).
 */
export function milestonesReached(entries: readonly HoursEntry[], milestones: readonly number[], counted: readonly HourKind[] = HourKinds): MilestoneCrossing[] {
  const sorted = entries.filter((e) => counted.includes(e.kind)).sort((a, b) => a.date.localeCompare(b.date));
  const targets = [...milestones].sort((a, b) => a - b);
  const out: MilestoneCrossing[] = [];
  let total = 0;
  let next = 0;
  for (const e of sorted) {
    total += e.minutes;
    while (next < targets.length && total >= (targets[next] ?? Infinity) * 60) {
      out.push({ milestoneHours: targets[next] ?? 0, reachedOn: e.date });
      next += 1;
    }
  }
  return out;
}

/** R-HRS-3: the report moments from the start up to and including `until`, every `everyMonths` months. */
export function reportMoments(startedOn: IsoDate, everyMonths: number, until: IsoDate): IsoDate[] {
  if (everyMonths <= 0) throw new RangeError('everyMonths must be positive');
  const out: IsoDate[] = [];
  for (let i = 1; ; i++) {
    // Counted from the start each time, so the 31st does not drift to the 28th after February.
    const d = addMonths(startedOn, i * everyMonths);
    if (d > until) return out;
    out.push(d);
  }
}

/**
 * R-HRS-3: the day the report cadence counts from. The route starts at the referral's start date
 * (started_on); while that is unset, at the first lesson or registered hour. Neither may lie before the
 * referral date (referred_on): a group placement or an attendance can be dated before the referral (a
 * participant placed before the order was entered), and the municipality's order is what the provider
 * reports on, so no report can be owed for time before it. The referral date, not its start, is the
 * floor because a referral that is not started yet still owes reports once lessons run.
 * Undefined while there is neither a start nor a fact: no cadence yet.
 */
export function reportCadenceStart(referredOn: IsoDate, startedOn: IsoDate | null | undefined, firstFactOn: IsoDate | undefined): IsoDate | undefined {
  const start = startedOn ?? firstFactOn;
  if (start === undefined) return undefined;
  return start < referredOn ? referredOn : start;
}

/** 001 §1.3: the hour norm of a route: 800 in the Z-route, 600 in the B1-route (and its language part elsewhere). */
export function routeHourNorm(route: string): number {
  return route === 'z' ? 800 : 600;
}
