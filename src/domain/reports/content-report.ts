// R-MI-2: the content report of 000 §4.1 (items 1–5 computed, 1c/3b/3f/3g/3j/4b/5a/5b/6a–e entered) per
// municipality and for the whole region, per route (B1, Z), built as a running year: each quarter of the
// year so far plus the cumulative year. A pure function of the facts and the contract; every definition
// (numerator, denominator, window, which date counts, the choices) is in docs/reports.md §2 under the same
// item numbers as the comments below. Every count is the length of its member list (the participants or
// referrals behind it, with the date that counted), so the drill-down (R-MI-6) and the figure cannot differ.
import { groupBy } from '../group-by.js';
import { addCalendarDays, addMonths } from '../calendar.js';
import type { IsoDate, Route } from '../contract.js';
import { isB1Route } from '../route-change.js';
import { minutesPerParticipant, quarterIdsOf, reportVersionOn, type MinutesPerParticipant, type ReferralFact } from './facts.js';
import { cellFacts, type ContentContract, type ContentReportFacts, type ContentRouteEventFact, type ScalingFact } from './content-fact-types.js';
import { periodContaining, type ReportPeriod } from './periods.js';

export type { ActivityFact, CancelledLessonsFact, ComplaintFact, ContentAttendanceQuarterFact, ContentContract, ContentReportFacts, ContentRouteEventFact, HoursMonthFact, ScalingFact } from './content-fact-types.js';
export { cellFacts } from './content-fact-types.js';

export const ContentRoutes = ['b1', 'z'] as const;
export type ContentRoute = (typeof ContentRoutes)[number];

/** One participant or referral behind a count, with the date that made it count. */
export interface Member {
  participantId: string;
  referralId: string;
  on: IsoDate;
}

/** The count items (each the length of its members), under 000 §4.1's numbers. */
export const ContentCountItems = ['1a', '1b', '1c', '2a', '3b', '3c', '3d', '3e', '3g', '3h', '3k', '4a', '4b', '4b.medical', '4b.death', '4b.moved', '4b.other', '4c'] as const;
export type ContentCountItem = (typeof ContentCountItems)[number];

export const DropOutReasons = ['medical', 'death', 'moved', 'other'] as const;
export type DropOutReason = (typeof DropOutReasons)[number];

export interface ContentFigures {
  /** '2027-Q1' for a quarter, '2027' for the cumulative year so far (or the whole year). */
  period: string;
  start: IsoDate;
  end: IsoDate;
  /** The contract version in force on the period's last day (R-CON-10); 0 outside every version. */
  contractVersion: number;
  counts: Record<ContentCountItem, number>;
  averageWaitingDays: number | null; // 1c
  completedPvt: null; // 3a: not registered
  changesZToB1Reasons: string[]; // 3b
  changesB1ToZReasons: string[]; // 3c
  participationHoursPerParticipant: number | null; // 3f (Z only)
  languageHoursPerParticipant: number | null; // 3f (Z only)
  localFacilities: string[]; // 3g
  homeworkClassAverage: null; // 3i: not registered
  cancelledLessonsPerGroup: number | null; // 3j
  complaints: number; // 5a: the participants' complaints about the cell's referrals received in the window (R-CM-3)
  averageAbsencePercent: number | null; // 5b
  /** What the averages are taken over (1c: referrals started; 3f: Z participants running; 3j: groups running; 5b: participants with minutes offered); null for aggregate readers. */
  denominators: ContentDenominators | null;
}

export interface ContentDenominators {
  started: number;
  zParticipantsRunning: number;
  runningGroups: number;
  participantsWithLessons: number;
}

export interface ContentRouteColumns {
  route: ContentRoute;
  /** The quarters of the year so far, oldest first, then the cumulative year. */
  columns: ContentFigures[];
}

export interface ContentReport {
  quarter: string;
  year: string;
  /** 'region' or a municipality code. */
  scope: string;
  periods: string[];
  routes: ContentRouteColumns[];
}

/** ISO dates (YYYY-MM-DD) order as text: the hot comparisons need no parsing. */
const compareDates = (a: IsoDate, b: IsoDate): number => (a < b ? -1 : a > b ? 1 : 0);
const inWindow = (d: IsoDate | null, w: ReportPeriod): d is IsoDate => d !== null && compareDates(w.start, d) <= 0 && compareDates(d, w.end) <= 0;
const onOrBefore = (d: IsoDate | null, limit: IsoDate): d is IsoDate => d !== null && compareDates(d, limit) <= 0;
const months = (w: ReportPeriod): Set<string> => {
  const out = new Set<string>();
  for (let d = w.start; compareDates(d, w.end) <= 0; d = addMonths(d, 1)) out.add(d.slice(0, 7));
  return out;
};
/** The first start, in a start class or regular (R-REF-4). */
export const firstStart = (r: ReferralFact): IsoDate | null => {
  const a = r.startClassStartedOn;
  const b = r.startedOn;
  return a === null ? b : b === null || a <= b ? a : b;
};
/** Running on some day of the window: started on or before its last day and not ended before its first. */
export const runningIn = (r: ReferralFact, w: ReportPeriod): boolean => onOrBefore(firstStart(r), w.end) && !(r.endedOn !== null && r.endedOn < w.start);
/** Running at the end of the day: started on or before it and not ended on or before it. */
export const runningAtEndOf = (r: ReferralFact, d: IsoDate): boolean => onOrBefore(firstStart(r), d) && !onOrBefore(r.endedOn, d);
const round1 = (n: number): number => Math.round(n * 10) / 10;

/** The cell of a referral: the route its product serves (B1-entree is a form of the B1-route); null for MAP, PVT. */
export function contentRouteOf(contract: Pick<ContentContract, 'products'>, productCode: string): ContentRoute | null {
  const routes = contract.products.find((p) => p.code === productCode)?.routes ?? [];
  if (routes.some((r) => isB1Route(r))) return 'b1';
  if (routes.includes('z')) return 'z';
  return null;
}

/** One member per participant (the earliest date, then the lowest referral id); unordered (contentMembers orders). */
function perParticipant(ms: readonly Member[]): Member[] {
  const best = new Map<string, Member>();
  for (const m of ms) {
    const b = best.get(m.participantId);
    if (b === undefined || compareDates(m.on, b.on) < 0 || (m.on === b.on && m.referralId < b.referralId)) best.set(m.participantId, m);
  }
  return [...best.values()];
}
/** One member per referral (the earliest date); unordered. */
function perReferral(ms: readonly Member[]): Member[] {
  const best = new Map<string, Member>();
  for (const m of ms) {
    const b = best.get(m.referralId);
    if (b === undefined || compareDates(m.on, b.on) < 0) best.set(m.referralId, m);
  }
  return [...best.values()];
}
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const compareMembers = (a: Member, b: Member): number => compareDates(a.on, b.on) || compareText(a.participantId, b.participantId) || compareText(a.referralId, b.referralId);
const sortMembers = (ms: Member[]): Member[] => ms.sort(compareMembers);

/** The referrals of the cell: municipality (or every municipality for 'region') × route. */
export function cellReferrals(facts: Pick<ContentReportFacts, 'referrals'>, contract: Pick<ContentContract, 'products'>, scope: string, route: ContentRoute): ReferralFact[] {
  const routeOf = new Map(contract.products.map((p) => [p.code, contentRouteOf(contract, p.code)]));
  return facts.referrals.filter((r) => (scope === 'region' || r.municipality === scope) && routeOf.get(r.product) === route);
}

/**
 * A cell's referrals and their facts, sliced once and used for every window of the report, with the
 * look-ups every window and item needs built once too (a report asks 18 items × 5 windows × 2 routes: building
 * a map of a municipality's 18,000 referrals per item was most of the pure report at national scale).
 */
export interface Cell {
  referrals: readonly ReferralFact[];
  facts: ContentReportFacts;
  byId: ReadonlyMap<string, ReferralFact>;
  /** The cell's route events with their referral (the cell's facts hold only its own). */
  events: readonly { r: ReferralFact; e: ContentRouteEventFact }[];
  /** The onHold and resumed events per referral, in the order 4a reads them. */
  holds: ReadonlyMap<string, readonly ContentRouteEventFact[]>;
  /** 5b's sums: per quarter id and participant, the offered and attended minutes of the cell's referrals. */
  minutes: MinutesPerParticipant;
}

function indexed(referrals: readonly ReferralFact[], facts: ContentReportFacts): Cell {
  const byId = new Map(referrals.map((r) => [r.id, r]));
  const events = facts.routeEvents.flatMap((e) => {
    const r = byId.get(e.referralId);
    return r === undefined ? [] : [{ r, e }];
  });
  const holds = groupBy(facts.routeEvents.filter((e) => e.type === 'onHold' || e.type === 'resumed'), (e) => e.referralId);
  // Sorted once: the latest on or before a day is then the last of a prefix.
  for (const es of holds.values()) es.sort((a, b) => compareDates(a.on, b.on) || (a.type === b.type ? 0 : a.type === 'onHold' ? -1 : 1));
  // 5b's sums once per cell (per window they were a tenth of the report).
  const minutes = minutesPerParticipant(facts.attendance, (id) => byId.get(id)?.participantId);
  return { referrals, facts, byId, events, holds, minutes };
}

export function cellOf(facts: ContentReportFacts, contract: Pick<ContentContract, 'products'>, scope: string, route: ContentRoute): Cell {
  const referrals = cellReferrals(facts, contract, scope, route);
  return indexed(referrals, cellFacts(facts, referrals));
}

/** The members behind one count item of one cell and window, ordered by date: the drill-down (R-MI-6). */
export function contentMembers(facts: ContentReportFacts, referrals: readonly ReferralFact[], w: ReportPeriod, item: ContentCountItem): Member[] {
  return sortMembers(membersOf(indexed(referrals, facts), w, item));
}

/** The members behind one count item, unordered: a count is their number (sorting them for every count was a third of a request). */
function membersOf(cell: Cell, w: ReportPeriod, item: ContentCountItem): Member[] {
  const { referrals, facts, byId } = cell;
  const of = (r: ReferralFact, on: IsoDate): Member => ({ participantId: r.participantId, referralId: r.id, on });
  const events = (pick: (e: ContentRouteEventFact) => boolean): { r: ReferralFact; e: ContentRouteEventFact }[] => cell.events.filter((x) => pick(x.e));
  const isB1 = (x: Route | null): boolean => x !== null && isB1Route(x);
  switch (item) {
    case '1a': // participants referred in the window
      return perParticipant(referrals.flatMap((r) => (inWindow(r.referredOn, w) ? [of(r, r.referredOn)] : [])));
    case '1b': // referrals ("trajecten") whose first start lies in the window
      return perReferral(referrals.flatMap((r) => { const s = firstStart(r); return inWindow(s, w) ? [of(r, s)] : []; }));
    case '1c': // waiting at the window's end (MI 5): referred, not started, not ended by then; the date is the referral
      return perParticipant(referrals.flatMap((r) => (onOrBefore(r.referredOn, w.end) && !onOrBefore(firstStart(r), w.end) && !onOrBefore(r.endedOn, w.end) ? [of(r, r.referredOn)] : [])));
    case '2a': // referrals running at the window's end; the date is the start
      return perReferral(referrals.flatMap((r) => (runningAtEndOf(r, w.end) ? [of(r, firstStart(r) as IsoDate)] : [])));
    case '3b': // route changes Z → B1 (or B1-entree) in the window
      return perParticipant(events((e) => e.type === 'routeChanged' && e.fromRoute === 'z' && isB1(e.toRoute) && inWindow(e.on, w)).map(({ r, e }) => of(r, e.on)));
    case '3c': // route changes B1 (or B1-entree) → Z in the window
      return perParticipant(events((e) => e.type === 'routeChanged' && isB1(e.fromRoute) && e.toRoute === 'z' && inWindow(e.on, w)).map(({ r, e }) => of(r, e.on)));
    case '3d': // approved down-scalings B1 → A2, by the decision's date
      return perParticipant(scalings(facts, byId, w, 'down', 'A2').map(({ r, s }) => of(r, s.decidedOn)));
    case '3e': // approved up-scalings B1 → B2
      return perParticipant(scalings(facts, byId, w, 'up', 'B2').map(({ r, s }) => of(r, s.decidedOn)));
    case '3g': // an activity at a local facility overlapping the window; the date is the activity's start
      return perParticipant(
        facts.activities.flatMap((a) => {
          const r = byId.get(a.referralId);
          return r !== undefined && a.isLocalFacility && onOrBefore(a.startDate, w.end) && compareDates(a.endDate, w.start) >= 0 ? [of(r, a.startDate)] : [];
        }),
      );
    case '3h': { // an attendance row on a lesson starting at 18:00 or later in the window; the date is the first such lesson
      const qs = quarterIdsOf(w);
      return perParticipant(facts.attendance.flatMap((a) => { const r = byId.get(a.referralId); return r !== undefined && qs.has(a.quarter) && a.firstEveningOn !== null ? [of(r, a.firstEveningOn)] : []; }));
    }
    case '3k': // referrals ended by routeEnded in the window
      return perReferral(events((e) => e.type === 'routeEnded' && inWindow(e.on, w)).map(({ r, e }) => of(r, e.on)));
    case '4a': // on hold at the window's end: the latest onHold/resumed on or before it is onHold, the referral not ended
      return perParticipant(onHoldAt(cell, w.end));
    case '4b':
      return droppedOut(events((e) => (e.type === 'droppedOut' || e.type === 'movedAway') && inWindow(e.on, w))).map((d) => d.member);
    case '4b.medical':
    case '4b.death':
    case '4b.moved':
    case '4b.other': {
      const reason = item.slice(3);
      return droppedOut(events((e) => (e.type === 'droppedOut' || e.type === 'movedAway') && inWindow(e.on, w))).filter((d) => d.reason === reason).map((d) => d.member);
    }
    case '4c': // referrals with a resumed event in the window
      return perReferral(events((e) => e.type === 'resumed' && inWindow(e.on, w)).map(({ r, e }) => of(r, e.on)));
  }
}

function scalings(facts: ContentReportFacts, byId: ReadonlyMap<string, ReferralFact>, w: ReportPeriod, direction: 'down' | 'up', toLevel: string): { r: ReferralFact; s: ScalingFact }[] {
  return facts.scalings.flatMap((s) => {
    const r = byId.get(s.referralId);
    return r !== undefined && s.direction === direction && s.fromLevel === 'B1' && s.toLevel === toLevel && inWindow(s.decidedOn, w) ? [{ r, s }] : [];
  });
}

function onHoldAt(cell: Cell, day: IsoDate): Member[] {
  const out: Member[] = [];
  for (const r of cell.referrals) {
    if (onOrBefore(r.endedOn, day)) continue;
    // The holds are sorted (indexed()): the latest on or before the day is the last such one.
    const last = (cell.holds.get(r.id) ?? []).findLast((e) => onOrBefore(e.on, day));
    if (last?.type === 'onHold') out.push({ participantId: r.participantId, referralId: r.id, on: last.on });
  }
  return out;
}

/** 4b: each participant once, by its latest drop-out or move in the window; a move is reason "moved" (verhuizing). */
function droppedOut(es: readonly { r: ReferralFact; e: ContentRouteEventFact }[]): { member: Member; reason: DropOutReason }[] {
  const latest = new Map<string, { r: ReferralFact; e: ContentRouteEventFact }>();
  for (const x of es) {
    const b = latest.get(x.r.participantId);
    if (b === undefined || compareDates(x.e.on, b.e.on) > 0 || (x.e.on === b.e.on && x.r.id > b.r.id)) latest.set(x.r.participantId, x);
  }
  const reasonOf = (e: ContentRouteEventFact): DropOutReason => (e.type === 'movedAway' ? 'moved' : (DropOutReasons as readonly string[]).includes(e.reason ?? '') ? (e.reason as DropOutReason) : 'other');
  return [...latest.values()]
    .map(({ r, e }) => ({ member: { participantId: r.participantId, referralId: r.id, on: e.on }, reason: reasonOf(e) }))
    .sort((a, b) => compareMembers(a.member, b.member));
}

/** Every figure of one cell (scope × route) over one window (a quarter, or the year so far). */
export function contentFigures(cell: Cell, contract: ContentContract, route: ContentRoute, w: ReportPeriod): ContentFigures {
  const { referrals, facts, byId: ids } = cell;
  const counts = Object.fromEntries(ContentCountItems.map((i) => [i, membersOf(cell, w, i).length])) as Record<ContentCountItem, number>;
  const started = referrals.filter((r) => inWindow(firstStart(r), w));
  const reasons = (pick: (e: ContentRouteEventFact) => boolean): string[] =>
    facts.routeEvents.filter((e) => ids.has(e.referralId) && e.type === 'routeChanged' && inWindow(e.on, w) && pick(e)).map((e) => e.reason ?? '').filter((t) => t !== '');
  const isB1 = (x: Route | null): boolean => x !== null && isB1Route(x);
  const hours = route === 'z' ? zHours(facts, referrals, w) : { participation: null, language: null, participants: 0 };
  const groups = cancelledPerGroup(facts, ids, w);
  const absence = averageAbsence(cell.minutes, w);
  return {
    period: w.id,
    start: w.start,
    end: w.end,
    contractVersion: reportVersionOn(contract, w.end)?.version ?? 0,
    counts,
    averageWaitingDays: started.length === 0 ? null : round1(started.reduce((s, r) => s + daysBetween(r.referredOn, firstStart(r) as IsoDate), 0) / started.length), // 1c
    completedPvt: null, // 3a: not registered
    changesZToB1Reasons: reasons((e) => e.fromRoute === 'z' && isB1(e.toRoute)), // 3b
    changesB1ToZReasons: reasons((e) => isB1(e.fromRoute) && e.toRoute === 'z'), // 3c
    participationHoursPerParticipant: hours.participation, // 3f
    languageHoursPerParticipant: hours.language, // 3f
    localFacilities: [...new Set(facts.activities.filter((a) => ids.has(a.referralId) && a.isLocalFacility && a.localFacility !== null && onOrBefore(a.startDate, w.end) && compareDates(a.endDate, w.start) >= 0).map((a) => a.localFacility as string))].sort(), // 3g
    homeworkClassAverage: null, // 3i: not registered
    cancelledLessonsPerGroup: groups.perGroup, // 3j
    complaints: (facts.complaints ?? []).filter((c) => ids.has(c.referralId) && compareDates(c.receivedOn, w.start) >= 0 && onOrBefore(c.receivedOn, w.end)).length, // 5a
    averageAbsencePercent: absence.percent, // 5b
    denominators: { started: started.length, zParticipantsRunning: hours.participants, runningGroups: groups.groups, participantsWithLessons: absence.participants },
  };
}

const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** 3f: participation and language hours in the window of the Z referrals running in it, per Z participant running in it. */
function zHours(facts: ContentReportFacts, referrals: readonly ReferralFact[], w: ReportPeriod): { participation: number | null; language: number | null; participants: number } {
  const running = referrals.filter((r) => runningIn(r, w));
  const ids = new Set(running.map((r) => r.id));
  const participants = new Set(running.map((r) => r.participantId)).size;
  const ms = months(w);
  let participation = 0;
  let language = 0;
  for (const a of facts.activities) if (ids.has(a.referralId) && a.productKind === 'participation' && inWindow(a.endDate, w)) participation += a.minutes;
  for (const h of facts.hours) {
    if (!ids.has(h.referralId) || !ms.has(h.month)) continue;
    if (h.kind === 'participation') participation += h.minutes;
    else language += h.minutes;
  }
  // The attendance facts are per quarter (the windows are whole quarters: runningYearWindows, yearWindows).
  const qs = quarterIdsOf(w);
  for (const a of facts.attendance) if (ids.has(a.referralId) && qs.has(a.quarter)) language += a.languageMinutes;
  if (participants === 0) return { participation: null, language: null, participants };
  return { participation: round1(participation / 60 / participants), language: round1(language / 60 / participants), participants };
}

/** 3j: provider-cancelled lessons in the window of the groups with a member of the cell in it, per such group. */
function cancelledPerGroup(facts: ContentReportFacts, ids: { has(id: string): boolean }, w: ReportPeriod): { perGroup: number | null; groups: number } {
  const groups = new Set(facts.groups.filter((g) => ids.has(g.referralId) && onOrBefore(g.from, w.end) && (g.to === null || compareDates(g.to, w.start) >= 0)).map((g) => g.groupId));
  if (groups.size === 0) return { perGroup: null, groups: 0 };
  const ms = months(w);
  const lessons = facts.cancelledLessons.filter((c) => groups.has(c.groupId) && ms.has(c.month)).reduce((s, c) => s + c.lessons, 0);
  return { perGroup: round1(lessons / groups.size), groups: groups.size };
}

/** 5b: the mean over participants with minutes offered of 100 − their attendance % over the window (each participant weighs equally). */
function averageAbsence(minutes: Cell['minutes'], w: ReportPeriod): { percent: number | null; participants: number } {
  // A window's sums per participant: its quarters' added (a quarter's window is that quarter's).
  const sums = new Map<string, { offered: number; attended: number }>();
  for (const q of quarterIdsOf(w)) {
    for (const [p, x] of minutes.get(q) ?? []) {
      const s = sums.get(p);
      sums.set(p, s === undefined ? x : { offered: s.offered + x.offered, attended: s.attended + x.attended });
    }
  }
  const rates = [...sums.values()].filter((s) => s.offered > 0).map((s) => 100 - (100 * s.attended) / s.offered);
  return { percent: rates.length === 0 ? null : round1(rates.reduce((a, b) => a + b, 0) / rates.length), participants: rates.length };
}

/** The quarters of the quarter's year up to and including it, then the year so far (1 January – the quarter's end). */
export function runningYearWindows(quarter: ReportPeriod): ReportPeriod[] {
  const year = quarter.id.slice(0, 4);
  const out: ReportPeriod[] = [];
  for (let q = periodContaining('quarter', `${year}-01-01`); compareDates(q.end, quarter.end) <= 0; q = periodContaining('quarter', addCalendarDays(q.end, 1))) out.push(q);
  return [...out, { cadence: 'year', id: year, start: `${year}-01-01`, end: quarter.end }];
}

/** R-MI-2: the content report of one scope ('region' or a municipality code) as a running year. */
export function contentReport(facts: ContentReportFacts, quarter: ReportPeriod, contract: ContentContract, scope: string): ContentReport {
  const windows = runningYearWindows(quarter);
  return {
    quarter: quarter.id,
    year: quarter.id.slice(0, 4),
    scope,
    periods: windows.map((w) => w.id),
    routes: ContentRoutes.map((route) => {
      const cell = cellOf(facts, contract, scope, route);
      return { route, columns: windows.map((w) => contentFigures(cell, contract, route, w)) };
    }),
  };
}

/** The items the provider enters (R-MI-2: "kwalitatieve toelichtingen"), keyed by 000 §4.1's numbers, in the source's words. */
export const CONTENT_REPORT_ENTERED: readonly { key: string; label: string }[] = [
  { key: '1c', label: 'Toelichting op factoren die van invloed zijn op de uitvoeringscapaciteit' },
  { key: '3b', label: 'Wijzigingen in leerroute van Z naar B1: korte onderbouwing' },
  { key: '3c', label: 'Wijzigingen in leerroute van B1 naar Z: korte onderbouwing' },
  { key: '3f', label: 'Toelichting hoe het aantal participatie-uren zich verhoudt tot het aantal gevolgde taaluren' },
  { key: '3g', label: 'Korte toelichting welke activiteit/voorziening' },
  { key: '3j', label: 'Toelichting op de uitgevallen lessen' },
  { key: '4b', label: 'Uitval: korte toelichting (zoals medisch, overlijden, verhuizing)' },
  { key: '5a', label: 'Ontvangen klachten: toelichting' },
  { key: '5b', label: 'Verzuim: toelichting over structureel/incidenteel, signaalpatronen en getroffen maatregelen' },
  { key: '6a', label: 'Duiding van trends en opvallende ontwikkelingen' },
  { key: '6b', label: 'Verklaringen voor afwijkingen t.o.v. eerdere kwartalen' },
  { key: '6c', label: "Knelpunten en risico's" },
  { key: '6d', label: 'Uitgevoerde en geplande verbeteracties (met beoogd effect en termijn)' },
  { key: '6e', label: 'Relevante signalen of verzoeken richting Gemeente/contractmanagement' },
];
