// R-MI-5: the Onderwijsroute quarterly management report of 002 eis 17, per municipality and for the
// region, as a pure function of plain facts and the contract. The source's bullets are numbered here
// 1–7 in their order (docs/reports.md §12 has every definition and choice):
//   1 "aantal deelnemers … volgens planning / … een risico loopt / … achterlopen"
//   2 "aantal lopende trajecten"    3 "instroom"    4 "doorlooptijd"
//   5 "uitstroom met reden en resultaat"    6 "doorstroom (andere route) met reden"
//   7 "klachtenoverzicht + afhandeling" — not registered (R-CM-3 is not built): entered by the provider.
import { compareDates } from '../calendar.js';
import type { IsoDate, Route } from '../contract.js';
import type { ProgressStatus } from '../progress-status.js';
import type { ReportPeriod } from './periods.js';

/** How a route ended (route_event): completed (routeEnded), dropped out with its reason, or moved away. */
export const OutflowReasons = ['completed', 'medical', 'death', 'moved', 'other', 'movedAway'] as const;
export type OutflowReason = (typeof OutflowReasons)[number];

/** The result of an ended route: the submitted final report's "doelen behaald" (goalsReached), or none submitted. */
export const OutflowResults = ['goalsReached', 'goalsNotReached', 'noFinalReport'] as const;
export type OutflowResult = (typeof OutflowResults)[number];

/** One Onderwijsroute referral (referral, route_event, progress_report), read up to the quarter's last day. */
export interface EducationReferralFact {
  id: string;
  participantId: string;
  /** Municipality code. */
  municipality: string;
  referredOn: IsoDate;
  /** The first start: start class or regular (R-REF-4). */
  startedOn: IsoDate | null;
  /** The first routeEnded, droppedOut or movedAway, with its reason; null while the route runs. */
  end: { on: IsoDate; reason: OutflowReason } | null;
  /** The latest submitted final report's goalsReached (progress_report kind final); undefined when none is submitted. */
  goalsReached?: boolean | null;
}

/** A submitted progress or final report's status (progress_report.content.status, the override included). */
export interface ReportedStatusFact {
  referralId: string;
  submittedOn: IsoDate;
  /** Orders two reports of one day. */
  submittedAt: string;
  status: ProgressStatus;
}

/** A route change (route_event routeChanged) on one of the referrals, with its registered reason. */
export interface TransferFact {
  referralId: string;
  on: IsoDate;
  to: Route;
  reason: string;
}

export interface EducationFacts {
  referrals: readonly EducationReferralFact[];
  statuses: readonly ReportedStatusFact[];
  transfers: readonly TransferFact[];
}

export type StatusCategory = ProgressStatus | 'noReport';
export const StatusCategories: readonly StatusCategory[] = ['onTrack', 'atRisk', 'behind', 'noReport'];

export interface EducationFigures {
  /** Item 1: participants running at quarter end by the status of their latest submitted report. */
  status: Record<StatusCategory, number>;
  /** Item 2: referrals running at quarter end (stock). */
  running: number;
  /** Item 3: referrals whose start lies in the quarter (flow); beside it the referrals registered in it. */
  inflow: number;
  referred: number;
  /** Item 4: referrals ended in the quarter after a start, and the mean calendar days start → end (null when none). */
  throughput: { count: number; meanDays: number | null };
  /** Item 5: referrals ended in the quarter, by reason and by result. */
  outflowByReason: Record<OutflowReason, number>;
  outflowByResult: Record<OutflowResult, number>;
  /** Item 6: route changes in the quarter by the new route; `reasons` the registered texts, oldest first. */
  transfersByRoute: Partial<Record<Route, number>>;
  transfers: { on: IsoDate; to: Route; reason: string }[];
  /** Item 7: not registered. */
  complaints: null;
}

export interface EducationColumn {
  /** Municipality code; null for the region (the room's municipalities together). */
  municipality: string | null;
  figures: EducationFigures;
}

const inQuarter = (d: IsoDate | null | undefined, q: ReportPeriod): d is IsoDate => d != null && compareDates(q.start, d) <= 0 && compareDates(d, q.end) <= 0;
const onOrBefore = (d: IsoDate | null | undefined, day: IsoDate): d is IsoDate => d != null && compareDates(d, day) <= 0;

/** Running at quarter end: started on or before the last day and not ended on or before it. */
export const runningAt = (r: EducationReferralFact, day: IsoDate): boolean => onOrBefore(r.startedOn, day) && !onOrBefore(r.end?.on, day);

/** Calendar days from one date to a later one (UTC day numbers), as quarterly-mi.ts counts the wait. */
const daysBetween = (from: IsoDate, to: IsoDate): number => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The figures of eis 17 for one set of referrals (one municipality, or the region). */
export function educationFigures(facts: EducationFacts, q: ReportPeriod): EducationFigures {
  const { referrals } = facts;
  const ids = new Set(referrals.map((r) => r.id));
  // Item 1: per participant running at quarter end, the latest report submitted on or before that day
  // over the participant's running referrals; none yet is its own category.
  const latest = new Map<string, ReportedStatusFact>();
  for (const s of facts.statuses) {
    if (!ids.has(s.referralId) || !onOrBefore(s.submittedOn, q.end)) continue;
    const was = latest.get(s.referralId);
    if (was === undefined || `${s.submittedOn}|${s.submittedAt}` > `${was.submittedOn}|${was.submittedAt}`) latest.set(s.referralId, s);
  }
  const byParticipant = new Map<string, ReportedStatusFact | null>();
  const running = referrals.filter((r) => runningAt(r, q.end));
  for (const r of running) {
    const s = latest.get(r.id) ?? null;
    const was = byParticipant.get(r.participantId);
    if (was === undefined || (s !== null && (was === null || `${s.submittedOn}|${s.submittedAt}` > `${was.submittedOn}|${was.submittedAt}`))) byParticipant.set(r.participantId, s);
  }
  const status = zeros(StatusCategories);
  for (const s of byParticipant.values()) status[s === null ? 'noReport' : s.status]++;

  const ended = referrals.filter((r) => inQuarter(r.end?.on, q));
  const timed = ended.filter((r) => onOrBefore(r.startedOn, r.end?.on ?? q.end));
  const days = timed.reduce((n, r) => n + daysBetween(r.startedOn as IsoDate, (r.end as { on: IsoDate }).on), 0);
  const outflowByReason = zeros(OutflowReasons);
  const outflowByResult = zeros(OutflowResults);
  for (const r of ended) {
    outflowByReason[(r.end as { reason: OutflowReason }).reason]++;
    outflowByResult[r.goalsReached === true ? 'goalsReached' : r.goalsReached === false ? 'goalsNotReached' : 'noFinalReport']++;
  }

  const transfers = facts.transfers.filter((t) => ids.has(t.referralId) && inQuarter(t.on, q)).sort((a, b) => compareDates(a.on, b.on));
  const transfersByRoute: Partial<Record<Route, number>> = {};
  for (const t of transfers) transfersByRoute[t.to] = (transfersByRoute[t.to] ?? 0) + 1;

  return {
    status,
    running: running.length,
    inflow: referrals.filter((r) => inQuarter(r.startedOn, q)).length,
    referred: referrals.filter((r) => inQuarter(r.referredOn, q)).length,
    throughput: { count: timed.length, meanDays: timed.length === 0 ? null : Math.round((days / timed.length) * 10) / 10 },
    outflowByReason,
    outflowByResult,
    transfersByRoute,
    transfers: transfers.map((t) => ({ on: t.on, to: t.to, reason: t.reason })),
    complaints: null,
  };
}

/**
 * 002 eis 17: "De managementrapportage is gespecificeerd per individuele gemeente" — one column per
 * municipality asked for, in the order given, and (with `withRegion`) the region's column computed from
 * the same facts.
 */
export function educationReport(facts: EducationFacts, q: ReportPeriod, municipalities: readonly string[], withRegion: boolean): EducationColumn[] {
  const columns: EducationColumn[] = municipalities.map((m) => ({ municipality: m, figures: educationFigures({ ...facts, referrals: facts.referrals.filter((r) => r.municipality === m) }, q) }));
  if (withRegion) {
    const inRoom = new Set(municipalities);
    columns.push({ municipality: null, figures: educationFigures({ ...facts, referrals: facts.referrals.filter((r) => inRoom.has(r.municipality)) }, q) });
  }
  return columns;
}
