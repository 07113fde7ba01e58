// The reader of KPIs 1–4 (R-KPI-1, R-KPI-2, R-KPI-3, R-KPI-4, 000 §2.2; src/domain/reports/kpis.ts): the facts of one contract's
// B1- and Z-route referrals up to a day, in five statements. A referral's route is its product's
// (contract.products[].routes: b1 or b1_entree → B1, z → Z); products of no such route (MAP) are left out.
// Unscoped by name: the room's fact scope lands in SQL (referralInReportScope).
import type { Contract, IsoDate } from '../../domain/contract.js';
import { routePrice } from '../../domain/invoicing/tariff.js';
import type { KpiRoute } from '../../domain/reports/kpi-data.js';
import type { CompletedRouteFact, DutyFact, KpiReferralFact, ScalingDecisionFact, WorkActivityFact } from '../../domain/reports/kpis.js';
import type { ParticipationActivityKind } from '../../domain/participation.js';
import { referralInReportScope, SqlParams, type AggregateScope, type Scope } from '../../platform/access.js';
import type { Queryable } from '../../platform/db.js';

export interface KpiFacts {
  referrals: KpiReferralFact[];
  activities: WorkActivityFact[];
  duties: DutyFact[];
  decisions: ScalingDecisionFact[];
  completed: CompletedRouteFact[];
}

/** The KPI route of each product of the contract; products of neither route are absent. */
export function kpiRoutesOf(contract: Pick<Contract, 'products'>): Map<string, KpiRoute> {
  const out = new Map<string, KpiRoute>();
  for (const p of contract.products) {
    if (p.routes.some((r) => r === 'b1' || r === 'b1_entree')) out.set(p.code, 'b1');
    else if (p.routes.includes('z')) out.set(p.code, 'z');
  }
  return out;
}

/** R-KPI-1, R-KPI-2, R-KPI-3, R-KPI-4: the facts of the contract's B1 and Z referrals in the scope, up to `to`. */
export async function unsafeKpiFacts(q: Queryable, scope: Scope | AggregateScope, contract: Pick<Contract, 'id' | 'products' | 'tariffs' | 'staffels'>, to: IsoDate): Promise<KpiFacts> {
  const routes = kpiRoutesOf(contract);
  const inScope = (p: SqlParams): string =>
    `r.contract_id = ${p.add(contract.id)} AND r.product_code = ANY(${p.add([...routes.keys()])}::text[]) AND r.referred_on <= ${p.add(to)}::date AND ${referralInReportScope(scope, p, 'r')}`;
  const run = async <T extends object>(sql: (p: SqlParams) => string): Promise<T[]> => {
    const p = new SqlParams();
    return q.query<T>(sql(p), p.values);
  };
  const [refs, activities, duties, decisions, ended] = await Promise.all([
    // The start is the first of start class and regular start (R-REF-4); the end the first closing event (docs/reports.md, "End").
    run<{ id: string; participantId: string; product: string; startedOn: string | null; endedOn: string | null }>(
      (p) => `SELECT r.id, r.participant_id AS "participantId", r.product_code AS product, least(r.start_class_started_on, r.started_on)::text AS "startedOn",
        (SELECT min(e.on_date)::text FROM route_event e WHERE e.referral_id = r.id AND e.type IN ('routeEnded', 'droppedOut', 'movedAway') AND e.on_date <= ${p.add(to)}::date) AS "endedOn"
        FROM referral r WHERE ${inScope(p)} ORDER BY r.id`,
    ),
    run<WorkActivityFact & { kind: ParticipationActivityKind }>(
      (p) => `SELECT a.participant_id AS "participantId", a.kind, a.start_date::text AS "startDate" FROM participation_activity a
        WHERE NOT a.superseded AND a.start_date <= ${p.add(to)}::date AND a.referral_id IN (SELECT r.id FROM referral r WHERE ${inScope(p)}) ORDER BY a.participant_id, a.start_date`,
    ),
    // KPI 2: "duty met on" is not registered (docs/reports.md §3): dutyMetOn stays null, the route says so.
    run<{ participantId: string; route: string; dutyEndsOn: string }>(
      (p) => `SELECT pt.id AS "participantId", pt.route, pt.duty_end_date::text AS "dutyEndsOn" FROM participant pt
        WHERE pt.duty_end_date IS NOT NULL AND pt.duty_end_date <= ${p.add(to)}::date AND pt.route IN ('b1', 'b1_entree', 'z')
          AND pt.id IN (SELECT r.participant_id FROM referral r WHERE ${inScope(p)}) ORDER BY pt.id`,
    ),
    run<ScalingDecisionFact & { direction: 'down' | 'up' }>(
      (p) => `SELECT s.participant_id AS "participantId", s.direction, s.from_level AS "fromLevel", s.to_level AS "toLevel", s.decided_on::text AS "decidedOn" FROM scaling_request s
        WHERE s.status = 'approved' AND s.decided_on <= ${p.add(to)}::date AND s.referral_id IN (SELECT r.id FROM referral r WHERE ${inScope(p)}) ORDER BY s.decided_on`,
    ),
    // KPI 4: what was invoiced for the referral — live lines (not credited, not a reversal) on sent invoices.
    run<{ referralId: string; product: string; startedOn: string | null; endedOn: string; invoicedCents: string }>(
      (p) => `SELECT r.id AS "referralId", r.product_code AS product, COALESCE(least(r.start_class_started_on, r.started_on), r.referred_on)::text AS "startedOn", e.on_date::text AS "endedOn",
          COALESCE((SELECT sum(l.amount_cents) FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id JOIN billable_event be ON be.id = l.event_id
            WHERE be.referral_id = r.id AND i.status = 'sent' AND i.kind = 'invoice' AND l.status NOT IN ('credited', 'reversal')), 0)::text AS "invoicedCents"
        FROM referral r JOIN LATERAL (SELECT min(x.on_date) AS on_date FROM route_event x WHERE x.referral_id = r.id AND x.type = 'routeEnded') e ON e.on_date IS NOT NULL
        WHERE ${inScope(p)} AND e.on_date <= ${p.add(to)}::date ORDER BY r.id`,
    ),
  ]);
  const routeOf = (product: string): KpiRoute => routes.get(product) ?? 'b1';
  const completed: CompletedRouteFact[] = [];
  for (const r of ended) {
    // The route price in force at the start (R-CON-5); without a tariff the route is not counted.
    const price = routePrice(contract, r.product, r.startedOn ?? r.endedOn);
    if (price.kind !== 'price') continue;
    completed.push({ referralId: r.referralId, route: routeOf(r.product), endedOn: r.endedOn, invoicedCents: Number(r.invoicedCents), routePriceCents: price.amountCents });
  }
  return {
    referrals: refs.map((r) => ({ id: r.id, participantId: r.participantId, route: routeOf(r.product), startedOn: r.startedOn, endedOn: r.endedOn })),
    activities,
    duties: duties.map((d) => ({ participantId: d.participantId, route: d.route === 'z' ? 'z' : 'b1', dutyEndsOn: d.dutyEndsOn, dutyMetOn: null })),
    decisions,
    completed,
  };
}
