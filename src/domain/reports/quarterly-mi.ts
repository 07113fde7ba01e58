// R-MI-1: the quarterly management information of 001 §4.2 and Bijlage 5 (items 1–17), per municipality
// × product, with the previous quarters beside it. A pure function of the facts and the contract: every
// definition (numerator, window, which date counts, every open choice) is in docs/reports.md, section
// "Quarterly management information", under the same item numbers as the comments below.
import { addCalendarDays, addMonths } from '../calendar.js';
import { latestLadderSteps, type LadderStep } from '../participation.js';
import { isB1Route, isEducationRoute } from '../route-change.js';
import type { IsoDate, Route } from '../contract.js';
import { LevelBands, minutesPerParticipant, reportVersionOn, type AttendanceQuarterFact, type MinutesPerParticipant, type GroupMembershipFact, type LadderStepFact, type LevelBand, type ReferralFact, type ReportContract, type RouteChangeFact } from './facts.js';
import { periodContaining, type ReportPeriod } from './periods.js';
import { groupBy } from '../group-by.js';

export interface QuarterlyMiFacts {
  referrals: readonly ReferralFact[];
  attendance: readonly AttendanceQuarterFact[];
  groups: readonly GroupMembershipFact[];
  routeChanges: readonly RouteChangeFact[];
  ladder: readonly LadderStepFact[];
  /** Item 17, entered by the provider: free text per `${municipality}/${product}/${quarter id}`. */
  remarks?: Readonly<Record<string, string>>;
}

export type LadderCounts = Record<LadderStep, number>;

export interface QuarterlyMiFigures {
  quarter: string;
  /** The contract version in force on the quarter's last day (R-CON-10); 0 outside every version. */
  contractVersion: number;
  registered: number; // 1a
  intakeHeld: number; // 1b
  startedRunning: number; // 1c
  startedInStartClass: number; // 2
  belowAttendanceNorm: number; // 3
  runningGroups: Record<LevelBand, number>; // 4 a–g
  waiting: number; // 5
  averageWaitingDays: number | null; // 6
  inMilestone1A: number | null; // 7
  inMilestone1B: number | null; // 8
  transferredToB1: number; // 9
  transferredFromB1: number; // 10
  transferredToZ: number; // 11
  transferredFromZ: number; // 12
  transferredToEducation: number; // 13
  transferredFromEducation: number; // 14
  transferredToUnknown: number; // 15
  ladder: { atReferral: LadderCounts; raisedDuring: LadderCounts; atEnd: LadderCounts } | null; // 16
  remarks: string | null; // 17
}

export interface QuarterlyMiCell {
  municipality: string;
  product: string;
  /** Oldest quarter first; the last is the quarter asked for. */
  quarters: QuarterlyMiFigures[];
}

export interface QuarterlyMi {
  quarter: string;
  quarters: string[];
  cells: QuarterlyMiCell[];
}

// ISO dates (YYYY-MM-DD) order as text: the hot comparisons need no parsing (at national scale a
// municipality's 18,000 referrals pass them some 100 times a request; parsing was 5 s of a request).
const compareDates = (a: IsoDate, b: IsoDate): number => (a < b ? -1 : a > b ? 1 : 0);
const inPeriod = (d: IsoDate | null, q: ReportPeriod): d is IsoDate => d !== null && q.start <= d && d <= q.end;
const onOrBefore = (d: IsoDate | null, limit: IsoDate): d is IsoDate => d !== null && d <= limit;
/** The first start, in a start class or regular (R-REF-4: the start class is a start). */
const firstStart = (r: ReferralFact): IsoDate | null => {
  const a = r.startClassStartedOn;
  const b = r.startedOn;
  return a === null ? b : b === null || a <= b ? a : b;
};
/** Ended before the day: on or before the day before it (`dayBefore`, computed once per quarter). */
const endedBefore = (r: ReferralFact, dayBefore: IsoDate): boolean => onOrBefore(r.endedOn, dayBefore);
/** Still running after the day: started on or before it and not ended on or before it. */
const runningAtEndOf = (r: ReferralFact, d: IsoDate): boolean => onOrBefore(firstStart(r), d) && !onOrBefore(r.endedOn, d);
const participants = (rs: readonly ReferralFact[]): number => new Set(rs.map((r) => r.participantId)).size;
const zeroLadder = (): LadderCounts => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0 });

/** The quarter and the `previous` quarters before it, oldest first. */
export function quartersUpTo(quarter: ReportPeriod, previous: number): ReportPeriod[] {
  const out = [quarter];
  for (let i = 0; i < previous; i++) out.unshift(periodContaining('quarter', addCalendarDays((out[0] ?? quarter).start, -1)));
  return out;
}

/** R-MI-1: every item 1–17 per municipality × product the municipality takes part in (R-CON-2). */
export function quarterlyManagementInformation(facts: QuarterlyMiFacts, quarter: ReportPeriod, contract: ReportContract, previousQuarters = 3): QuarterlyMi {
  const quarters = quartersUpTo(quarter, previousQuarters);
  const cells: QuarterlyMiCell[] = [];
  // Each cell reads only its own referrals' facts, indexed once (at national scale a municipality has
  // 200,000 attendance months: scanning them for each of 4 products × 4 quarters was most of a request).
  const byCell = groupBy(facts.referrals, (r) => `${r.municipality}/${r.product}`);
  const attendance = groupBy(facts.attendance, (a) => a.referralId);
  const groups = groupBy(facts.groups, (g) => g.referralId);
  const routeChanges = groupBy(facts.routeChanges, (c) => c.referralId);
  const ladder = groupBy(facts.ladder, (l) => l.referralId);
  for (const m of contract.municipalities) {
    for (const product of m.products) {
      const referrals = byCell.get(`${m.code}/${product}`) ?? [];
      const of = <T>(index: Map<string, T[]>): T[] => referrals.flatMap((r) => index.get(r.id) ?? []);
      const cellFacts: QuarterlyMiFacts = { referrals, attendance: of(attendance), groups: of(groups), routeChanges: of(routeChanges), ladder: of(ladder), ...(facts.remarks === undefined ? {} : { remarks: facts.remarks }) };
      // Item 3's sums for every quarter in one pass over the cell's attendance (once per quarter was a fifth of the report).
      const participantOf = new Map(referrals.map((r) => [r.id, r.participantId]));
      const minutes = minutesPerParticipant(cellFacts.attendance, (id) => participantOf.get(id));
      cells.push({ municipality: m.code, product, quarters: quarters.map((q) => figuresOf(cellFacts, referrals, m.code, product, q, contract, minutes)) });
    }
  }
  return { quarter: quarter.id, quarters: quarters.map((q) => q.id), cells };
}


function figuresOf(facts: QuarterlyMiFacts, referrals: readonly ReferralFact[], municipality: string, product: string, q: ReportPeriod, contract: ReportContract, minutes: MinutesPerParticipant): QuarterlyMiFigures {
  const version = reportVersionOn(contract, q.end);
  const ids = new Set(referrals.map((r) => r.id));
  const started = referrals.filter((r) => inPeriod(firstStart(r), q));
  const isLanguage = contract.products.find((p) => p.code === product)?.kind === 'language';
  const milestones = milestoneMonths(version, product);
  const dayBeforeStart = addCalendarDays(q.start, -1);
  const changes = facts.routeChanges.filter((c) => ids.has(c.referralId) && inPeriod(c.on, q));
  const transfers = (pick: (c: RouteChangeFact) => boolean): number => {
    const byReferral = new Set(changes.filter(pick).map((c) => c.referralId));
    return participants(referrals.filter((r) => byReferral.has(r.id)));
  };
  const isB1 = (r: Route | null): boolean => r !== null && isB1Route(r);
  const isEdu = (r: Route | null): boolean => r !== null && isEducationRoute(r);
  return {
    quarter: q.id,
    contractVersion: version?.version ?? 0,
    registered: participants(referrals.filter((r) => inPeriod(r.referredOn, q))), // R-MI-1 item 1a
    intakeHeld: participants(referrals.filter((r) => inPeriod(r.intakeHeldOn, q))), // item 1b
    startedRunning: participants(referrals.filter((r) => onOrBefore(firstStart(r), q.end) && !endedBefore(r, dayBeforeStart))), // item 1c
    startedInStartClass: participants(referrals.filter((r) => inPeriod(r.startClassStartedOn, q))), // item 2
    belowAttendanceNorm: belowNormCount(minutes, q, version?.absenceProtocol?.normPercent ?? 80), // item 3
    runningGroups: runningGroups(facts.groups, ids, q), // item 4
    waiting: participants(referrals.filter((r) => onOrBefore(r.referredOn, q.end) && !onOrBefore(firstStart(r), q.end) && !onOrBefore(r.endedOn, q.end))), // item 5
    averageWaitingDays: averageDays(started.map((r) => daysBetween(r.referredOn, firstStart(r) ?? r.referredOn))), // item 6
    inMilestone1A: milestones === null ? null : participants(referrals.filter((r) => inMilestone(r, q.end, 0, milestones[0]))), // item 7
    inMilestone1B: milestones === null ? null : participants(referrals.filter((r) => inMilestone(r, q.end, milestones[0], milestones[1]))), // item 8
    transferredToB1: transfers((c) => isB1(c.to) && !isB1(c.from)), // item 9
    transferredFromB1: transfers((c) => isB1(c.from) && !isB1(c.to)), // item 10
    transferredToZ: transfers((c) => c.to === 'z' && c.from !== 'z'), // item 11
    transferredFromZ: transfers((c) => c.from === 'z' && c.to !== 'z'), // item 12
    transferredToEducation: transfers((c) => isEdu(c.to) && !isEdu(c.from)), // item 13
    transferredFromEducation: transfers((c) => isEdu(c.from) && !isEdu(c.to)), // item 14
    transferredToUnknown: transfers((c) => c.to === null), // item 15
    ladder: isLanguage ? null : ladderCounts(facts.ladder, referrals, q), // item 16 "(niet voor taalaanbieders)"
    remarks: facts.remarks?.[`${municipality}/${product}/${q.id}`] ?? null, // item 17
  };
}

/** Item 3: participants whose attendance over the quarter (its three months) is below the contract's norm (R-ATT-3). */
function belowNormCount(minutes: MinutesPerParticipant, q: ReportPeriod, normPercent: number): number {
  let n = 0;
  // Compared on whole minutes, as belowNorm does: 79.9% is below, 80.0% is not.
  for (const s of minutes.get(q.id)?.values() ?? []) if (s.offered > 0 && s.attended * 100 < normPercent * s.offered) n++;
  return n;
}

/** Item 4: distinct groups per level band with a member of this cell on some day of the quarter. */
function runningGroups(groups: readonly GroupMembershipFact[], ids: ReadonlySet<string>, q: ReportPeriod): Record<LevelBand, number> {
  const out = Object.fromEntries(LevelBands.map((b) => [b, new Set<string>()])) as Record<LevelBand, Set<string>>;
  for (const g of groups) {
    if (ids.has(g.referralId) && onOrBefore(g.from, q.end) && (g.to === null || compareDates(g.to, q.start) >= 0)) out[g.levelBand].add(g.groupId);
  }
  return Object.fromEntries(LevelBands.map((b) => [b, out[b].size])) as Record<LevelBand, number>;
}

/** Calendar days from one date to a later one (UTC day numbers: no time zone can shift them). */
function daysBetween(from: IsoDate, to: IsoDate): number {
  const day = (d: IsoDate): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
  return day(to) - day(from);
}

/** Item 6: the mean, to one decimal; null when nobody started. */
function averageDays(days: readonly number[]): number | null {
  return days.length === 0 ? null : Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10;
}

/**
 * Items 7–8: the milestone ends in months after the start, from the contract's payment schedule for the
 * product (001 Bijlage 5 items 7-8 are milestones 1A and 1B, paid after the progress report of month 6
 * and 12 in centraal-gelderland.yaml). Null when the product's schedule has no two such milestones.
 */
function milestoneMonths(version: ReturnType<typeof reportVersionOn>, product: string): [number, number] | null {
  const schedule = version?.paymentSchedules?.find((s) => s.product === product);
  const months = (schedule?.items ?? []).flatMap((i) => (i.trigger.type === 'progressReport' && i.trigger.month !== undefined ? [i.trigger.month] : [])).sort((a, b) => a - b);
  return months[0] !== undefined && months[1] !== undefined ? [months[0], months[1]] : null;
}

// addMonths parses its date; the starts are a few hundred distinct days, asked for again per referral and
// quarter. A pure cache: the same date and months give the same day (bounded by days × milestone months).
const monthsAfterCache = new Map<string, IsoDate>();
function monthsAfter(date: IsoDate, months: number): IsoDate {
  const key = `${date}+${String(months)}`;
  let out = monthsAfterCache.get(key);
  if (out === undefined) monthsAfterCache.set(key, (out = addMonths(date, months)));
  return out;
}

/** Active in the milestone on the quarter's last day: running, with its start `fromMonth` to `toMonth` months ago. */
function inMilestone(r: ReferralFact, day: IsoDate, fromMonth: number, toMonth: number): boolean {
  const start = firstStart(r);
  if (start === null || !runningAtEndOf(r, day)) return false;
  return monthsAfter(start, fromMonth) <= day && day < monthsAfter(start, toMonth);
}

/**
 * Item 16 (R-MAP-4): per step, the participants (a) registered in the quarter, by their step at referral;
 * (b) whose latest step during the route, recorded in the quarter, is above their step at referral, by
 * that raised step; (c) whose step at the end was recorded in the quarter.
 */
function ladderCounts(ladder: readonly LadderStepFact[], referrals: readonly ReferralFact[], q: ReportPeriod): NonNullable<QuarterlyMiFigures['ladder']> {
  const atReferral = zeroLadder();
  const raisedDuring = zeroLadder();
  const atEnd = zeroLadder();
  const seen = { atReferral: new Set<string>(), raisedDuring: new Set<string>(), atEnd: new Set<string>() };
  const count = (into: LadderCounts, set: Set<string>, participant: string, step: LadderStep): void => {
    if (set.has(participant)) return;
    set.add(participant);
    into[step]++;
  };
  // A participant with two referrals in the cell counts once, by the first qualifying referral in the
  // order of referral (date, then id), so that the figures do not depend on the order of the facts.
  const ordered = [...referrals].sort((x, y) => compareDates(x.referredOn, y.referredOn) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const byReferral = groupBy(ladder, (l) => l.referralId);
  for (const r of ordered) {
    const latest = latestLadderSteps((byReferral.get(r.id) ?? []).filter((l) => onOrBefore(l.recordedOn, q.end)));
    if (latest.atReferral && inPeriod(r.referredOn, q)) count(atReferral, seen.atReferral, r.participantId, latest.atReferral.step);
    if (latest.during && latest.atReferral && inPeriod(latest.during.recordedOn, q) && latest.during.step > latest.atReferral.step) count(raisedDuring, seen.raisedDuring, r.participantId, latest.during.step);
    if (latest.atEnd && inPeriod(latest.atEnd.recordedOn, q)) count(atEnd, seen.atEnd, r.participantId, latest.atEnd.step);
  }
  return { atReferral, raisedDuring, atEnd };
}
