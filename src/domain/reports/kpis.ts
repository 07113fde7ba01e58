// KPIs 1–4 of 000 §2.2 as pure functions of plain facts, per quarter and route, against the contract's
// targets, with their trend over quarters. The exact definitions (and the choices made where 000 is
// silent) are in docs/reports.md §3.
import { addCalendarDays, addMonths, compareDates } from '../calendar.js';
import type { IsoDate } from '../iso-date.js';
import type { ParticipationActivityKind } from '../participation.js';
import { kpiTargetOf, type KpiName, type KpiRoute, type KpiTarget } from './kpi-data.js';
import type { ReportPeriod } from './periods.js';

/** A referral with the route of its product (B1-entree reported as B1). */
export interface KpiReferralFact {
  id: string;
  participantId: string;
  route: KpiRoute;
  /** The first start: start class or regular (R-REF-4). */
  startedOn: IsoDate | null;
  /** The route ended by routeEnded, droppedOut or movedAway. */
  endedOn: IsoDate | null;
}

/** A participation activity's current version (participation_activity, superseded = false). */
export interface WorkActivityFact {
  participantId: string;
  kind: ParticipationActivityKind;
  startDate: IsoDate;
}

/** KPI 2's facts. `dutyMetOn` is not registered by Koers yet (docs/reports.md §3). */
export interface DutyFact {
  participantId: string;
  route: KpiRoute;
  dutyEndsOn: IsoDate;
  dutyMetOn: IsoDate | null;
}

/** An approved scaling decision (scaling_request, status approved). */
export interface ScalingDecisionFact {
  participantId: string;
  direction: 'down' | 'up';
  fromLevel: string;
  toLevel: string;
  decidedOn: IsoDate;
}

/** A route ended by routeEnded, with what was invoiced for it and the route price (both in cents). */
export interface CompletedRouteFact {
  referralId: string;
  route: KpiRoute;
  endedOn: IsoDate;
  invoicedCents: number;
  routePriceCents: number;
}

export interface KpiValue {
  kpi: KpiName;
  route: KpiRoute;
  quarter: string;
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator; null when the denominator is 0. */
  share: number | null;
  /** The contract's target share; null where it sets none. */
  target: number | null;
  /** share ≥ target; null without a share or a target. */
  meetsTarget: boolean | null;
}

const inPeriod = (d: IsoDate | null, q: ReportPeriod): d is IsoDate => d !== null && compareDates(q.start, d) <= 0 && compareDates(d, q.end) <= 0;

function value(kpi: KpiName, route: KpiRoute, q: ReportPeriod, numerator: number, denominator: number, targets: readonly KpiTarget[] | undefined): KpiValue {
  const share = denominator === 0 ? null : numerator / denominator;
  const target = kpiTargetOf(targets, kpi, route);
  return { kpi, route, quarter: q.id, numerator, denominator, share, target, meetsTarget: share === null || target === null ? null : share >= target };
}

/** 000 KPI 1: "(een vorm van) werk" — every activity kind but a local activity (a club, a library). */
const WORK_KINDS: readonly ParticipationActivityKind[] = ['volunteering', 'workExperience', 'workOrientation', 'internship', 'companyVisit'];

/**
 * R-KPI-1: of the participants whose first year (12 months from their earliest start on the route)
 * ended in the quarter, the share with a work activity that started within that year.
 */
export function participationRate(referrals: readonly KpiReferralFact[], activities: readonly WorkActivityFact[], route: KpiRoute, q: ReportPeriod, targets?: readonly KpiTarget[]): KpiValue {
  const firstStart = new Map<string, IsoDate>();
  for (const r of referrals) {
    if (r.route !== route || r.startedOn === null) continue;
    const was = firstStart.get(r.participantId);
    if (was === undefined || compareDates(r.startedOn, was) < 0) firstStart.set(r.participantId, r.startedOn);
  }
  let denominator = 0;
  let numerator = 0;
  for (const [participantId, start] of firstStart) {
    const yearEnd = addCalendarDays(addMonths(start, 12), -1);
    if (!inPeriod(yearEnd, q)) continue;
    denominator++;
    if (activities.some((a) => a.participantId === participantId && WORK_KINDS.includes(a.kind) && compareDates(start, a.startDate) <= 0 && compareDates(a.startDate, yearEnd) <= 0)) numerator++;
  }
  return value('participationRate', route, q, numerator, denominator, targets);
}

/** R-KPI-2: of the participants whose duty term ended in the quarter, the share that met it by then. */
export function dutyMetWithinTerm(duties: readonly DutyFact[], route: KpiRoute, q: ReportPeriod, targets?: readonly KpiTarget[]): KpiValue {
  const cohort = duties.filter((d) => d.route === route && inPeriod(d.dutyEndsOn, q));
  const met = cohort.filter((d) => d.dutyMetOn !== null && compareDates(d.dutyMetOn, d.dutyEndsOn) <= 0);
  return value('dutyMetWithinTerm', route, q, met.length, cohort.length, targets);
}

/**
 * R-KPI-3: participants with an approved down-scaling B1 → A2 decided in the quarter, over the B1
 * participants running on some day of it. A monitoring indicator: the contract sets no target.
 */
export function downscalingB1(referrals: readonly KpiReferralFact[], decisions: readonly ScalingDecisionFact[], q: ReportPeriod, targets?: readonly KpiTarget[]): KpiValue {
  const running = new Set(
    referrals
      .filter((r) => r.route === 'b1' && r.startedOn !== null && compareDates(r.startedOn, q.end) <= 0 && (r.endedOn === null || compareDates(r.endedOn, q.start) >= 0))
      .map((r) => r.participantId),
  );
  const scaled = new Set(decisions.filter((d) => d.direction === 'down' && d.fromLevel === 'B1' && d.toLevel === 'A2' && inPeriod(d.decidedOn, q) && running.has(d.participantId)).map((d) => d.participantId));
  return value('downscalingB1', 'b1', q, scaled.size, running.size, targets);
}

/** R-KPI-4: of the routes completed in the quarter, the share invoiced within the route price. */
export function completedWithinRoutePrice(routes: readonly CompletedRouteFact[], route: KpiRoute, q: ReportPeriod, targets?: readonly KpiTarget[]): KpiValue {
  const completed = routes.filter((r) => r.route === route && inPeriod(r.endedOn, q));
  return value('completedWithinRoutePrice', route, q, completed.filter((r) => r.invoicedCents <= r.routePriceCents).length, completed.length, targets);
}

/** The trend: the KPI for each quarter, oldest first, and the change in share from one quarter to the next. */
export function kpiTrend(quarters: readonly ReportPeriod[], compute: (q: ReportPeriod) => KpiValue): { values: KpiValue[]; changes: (number | null)[] } {
  const values = quarters.map(compute);
  const changes = values.map((v, i) => {
    const before = values[i - 1]?.share;
    return i === 0 || before === null || before === undefined || v.share === null ? null : v.share - before;
  });
  return { values, changes };
}
