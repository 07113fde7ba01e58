// R-INV-1: what Koers has registered of a provider's referrals for one municipality, read from the
// tables that hold the facts and mapped to the pure rules' RouteFacts (src/domain/invoicing/billable.ts).
//
// Mapped:
// - the route start (referral.started_on, the lifecycle step 'started');
// - submitted progress reports, the final report (its goals reached, and the municipality's invoicing
//   decision, R-END-2) and the end of the route (route_event: routeEnded ends it, droppedOut and
//   movedAway are a drop-out);
// - the route's registered hours (routeHours below), which the run turns into the day each hour
//   milestone was reached (hourMilestone items, src/domain/invoicing/hour-milestones.ts);
// - a route change the referral follows (routeChanges below: the day, the first route's start and what
//   the earlier route earned up to it), which the run turns into RouteFacts.routeChange
//   (src/domain/invoicing/route-change-facts.ts);
// - the PVT completed (completedProducts.pvt, billed with 002 §2.4's product 6) from the month a
//   submitted report names (content.pvtCompletedMonth; pvtCompletedOn below).
// Not registered by Koers, so not read (never guessed):
// - the period a progress report is for. progress_report has no period; its due_on is the earliest open
//   progress signal when the draft was made — an hour-milestone test or a cadence moment — and one
//   submission answers every open one (src/features/progress/reports.ts), so it names no single period.
//   The n-th submitted progress report is therefore the report for the n-th progressReport item of the
//   schedule (after a route change: of the items not counted as paid). A period column would only help
//   once the report form asks the provider for it;
// - the staffel's cohort (participants over two intake moments, 002 §2.2, R-INV-3): a referral records
//   its intake meeting and start, not the intake moment (instroommoment) whose cohort it belongs to, and
//   nothing says who counts (started? across every municipality of the contract?) or when the count of
//   the second moment is final; so a staffel product is priced by its tariff (run.ts).
import type { RouteFacts } from '../../domain/invoicing/billable.js';
import type { RouteHours } from '../../domain/invoicing/hour-milestones.js';
import type { IsoDate } from '../../domain/iso-date.js';
import type { Queryable } from '../../platform/db.js';
import { groupBy } from '../../domain/group-by.js';

export interface ReferralToInvoice {
  referralId: string;
  participantId: string;
  municipalityId: string;
  providerId: string;
  productCode: string;
  contractId: string;
  contractVersion: number;
  referredOn: IsoDate;
  startedOn: IsoDate;
}

/**
 * R-HRS-1: the hours registered for each referral's route up to `upTo`, per day and kind — the one sum
 * of a route's hours that the run (hour milestones) and the evidence (src/features/invoicing/evidence.ts)
 * both read: the participant's attended minutes of lessons that took place in groups of the referral's
 * provider, and the hours that provider's own system pushed for this referral (R-EXC-1). The hours
 * feature's unsafeHourFacts counts the participant's hours at every provider (credited across a route
 * change, R-RTE-2); a provider is paid only for the hours it gave, so its milestones count its own.
 * One query for every referral of the batch, all of one provider (the run's), not one per referral.
 */
export async function routeHours(q: Queryable, input: { providerId: string; referrals: readonly { referralId: string; participantId: string }[]; upTo: IsoDate }): Promise<Map<string, RouteHours[]>> {
  const rows = await q.query<RouteHours & { referralId: string }>(
    `WITH r AS (SELECT * FROM unnest($2::uuid[], $3::uuid[]) AS r(referral_id, participant_id))
     SELECT referral_id AS "referralId", date::text AS date, kind, sum(minutes)::int AS minutes, bool_or(start_class) AS "startClass" FROM (
       SELECT r.referral_id, l.date, l.kind, a.minutes_attended AS minutes, false AS start_class
         FROM r JOIN attendance a ON a.participant_id = r.participant_id JOIN lesson l ON l.id = a.lesson_id JOIN class_group g ON g.id = l.group_id
        WHERE g.provider_id = $1 AND a.minutes_attended > 0 AND NOT l.cancelled_by_provider AND l.date <= $4
       UNION ALL
       SELECT r.referral_id, h.date, h.kind, h.minutes, h.start_class
         FROM r JOIN hours_entry h ON h.referral_id = r.referral_id
        WHERE h.provider_id = $1 AND NOT h.superseded AND h.date <= $4) f
     GROUP BY referral_id, date, kind, start_class ORDER BY referral_id, date, kind`,
    [input.providerId, input.referrals.map((r) => r.referralId), input.referrals.map((r) => r.participantId), input.upTo],
  );
  const out = new Map<string, RouteHours[]>();
  for (const { referralId, ...h } of rows) {
    const list = out.get(referralId);
    if (list === undefined) out.set(referralId, [h]);
    else list.push(h);
  }
  return out;
}

/** The events an earlier referral of the participant earned up to a route change, for the amount already paid. */
export interface PaidBefore {
  contractId: string;
  contractVersion: number;
  route: string;
  productCode: string;
  amountCents: number;
}

/** R-INV-2: the route change a referral follows, if any — the facts the deduction needs. */
export interface RouteChangeRow {
  changedOn: IsoDate;
  firstStartedOn: IsoDate;
  paid: PaidBefore[];
}

/**
 * R-INV-2 (002 §2.4): for each referral that follows a route change — a routeChanged event of its
 * participant dated on or before this referral's start (recorded on the old referral, or on this one
 * when the municipality referred first) — the change's day, the first route's start, and the billable
 * events the participant's other referrals, made by that day, earned up to it.
 * "Het reeds betaalde bedrag": Koers registers no payments, and what is on live invoice lines depends on
 * when each provider last invoiced; the earned events are fixed facts (each recorded once, by the daily
 * run too, sweep.ts) that the old route's provider invoices within its term, so the amount already paid
 * is the sum of those earned by the day of the change. One query for every referral of the batch.
 */
export async function routeChanges(q: Queryable, referrals: readonly { referralId: string; participantId: string; startedOn: IsoDate }[]): Promise<Map<string, RouteChangeRow>> {
  const rows = await q.query<{ referralId: string; changedOn: IsoDate; firstStartedOn: IsoDate | null; paid: PaidBefore[] | string | null }>(
    `WITH r AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[]) AS r(referral_id, participant_id, started_on))
     SELECT r.referral_id AS "referralId", c.on_date::text AS "changedOn",
       (SELECT min(o.started_on) FROM referral o WHERE o.participant_id = r.participant_id AND o.id <> r.referral_id AND o.referred_on <= c.on_date)::text AS "firstStartedOn",
       (SELECT json_agg(json_build_object('contractId', e.contract_id, 'contractVersion', e.contract_version, 'route', e.route, 'productCode', e.product_code, 'amountCents', e.amount_cents::int) ORDER BY e.earned_on, e.id)
          FROM billable_event e JOIN referral o ON o.id = e.referral_id
         WHERE e.participant_id = r.participant_id AND e.referral_id <> r.referral_id AND o.referred_on <= c.on_date AND e.earned_on <= c.on_date) AS paid
     FROM r JOIN LATERAL (
       SELECT on_date FROM route_event c
       WHERE c.participant_id = r.participant_id AND c.type = 'routeChanged' AND c.on_date <= r.started_on
       ORDER BY c.on_date DESC, c.recorded_at DESC, c.id DESC LIMIT 1) c ON true`,
    [referrals.map((r) => r.referralId), referrals.map((r) => r.participantId), referrals.map((r) => r.startedOn)],
  );
  const out = new Map<string, RouteChangeRow>();
  for (const row of rows) {
    // No earlier route that started: nothing was paid and the months count from this route's start.
    if (row.firstStartedOn === null) continue;
    const paid = typeof row.paid === 'string' ? (JSON.parse(row.paid) as PaidBefore[]) : (row.paid ?? []);
    out.set(row.referralId, { changedOn: row.changedOn, firstStartedOn: row.firstStartedOn, paid });
  }
  return out;
}

/** The provider's started referrals for the municipality (started on or before `upTo`), with their facts and registered hours. */
export async function referralsWithFacts(
  q: Queryable,
  input: { providerId: string; municipalityId: string; upTo: IsoDate },
): Promise<{ referral: ReferralToInvoice; facts: RouteFacts; hours: RouteHours[]; routeChange: RouteChangeRow | undefined }[]> {
  const referrals = await q.query<ReferralToInvoice>(
    `SELECT id AS "referralId", participant_id AS "participantId", municipality_id AS "municipalityId", provider_id AS "providerId",
       product_code AS "productCode", contract_id AS "contractId", contract_version AS "contractVersion",
       referred_on::text AS "referredOn", started_on::text AS "startedOn"
     FROM referral WHERE provider_id = $1 AND municipality_id = $2 AND started_on IS NOT NULL AND started_on <= $3
     ORDER BY started_on, id`,
    [input.providerId, input.municipalityId, input.upTo],
  );
  if (referrals.length === 0) return [];
  const ids = referrals.map((r) => r.referralId);
  const reports = await q.query<{ referralId: string; kind: 'progress' | 'final'; submittedOn: IsoDate; goalsReached: boolean | null; pvtMonth: string | null; decision: string | null; decidedOn: IsoDate | null }>(
    `SELECT referral_id AS "referralId", kind, submitted_on::text AS "submittedOn", (content->>'goalsReached')::boolean AS "goalsReached",
       nullif(content->>'pvtCompletedMonth', '') AS "pvtMonth",
       invoice_decision AS decision, (invoice_decided_at AT TIME ZONE 'Europe/Amsterdam')::date::text AS "decidedOn"
     FROM progress_report WHERE status = 'submitted' AND submitted_on IS NOT NULL AND referral_id = ANY($1::uuid[])
     ORDER BY submitted_on, submitted_at, id`,
    [ids],
  );
  const ends = await q.query<{ referralId: string | null; participantId: string; type: string; onDate: IsoDate }>(
    `SELECT referral_id AS "referralId", participant_id AS "participantId", type, on_date::text AS "onDate"
     FROM route_event WHERE participant_id = ANY($1::uuid[]) AND type IN ('routeEnded', 'droppedOut', 'movedAway')
     ORDER BY on_date, recorded_at, id`,
    [referrals.map((r) => r.participantId)],
  );
  // Grouped once (query order kept), so a provider with thousands of referrals in a municipality is not
  // a scan of every report and route event per referral (bench/invoicing.ts).
  const reportsOf = groupBy(reports, (r) => r.referralId);
  const endsOf = groupBy(ends, (e) => e.participantId);
  const hoursOf = await routeHours(q, { providerId: input.providerId, referrals, upTo: input.upTo });
  const changes = await routeChanges(q, referrals);
  return referrals.map((referral) => {
    const own = reportsOf.get(referral.referralId) ?? [];
    const progress = own.filter((r) => r.kind === 'progress');
    const final = own.filter((r) => r.kind === 'final').at(-1);
    // A route event without a referral belongs to the participant's every referral.
    const end = (endsOf.get(referral.participantId) ?? []).find((e) => e.referralId === null || e.referralId === referral.referralId);
    const pvt = pvtCompletedOn(own);
    const facts: RouteFacts = {
      startedOn: referral.startedOn,
      // The n-th report is the n-th period's (see above); `month` is the ordinal, matched by progressReportMonths.
      progressReports: progress.map((r, i) => ({ month: i + 1, deliveredOn: r.submittedOn })),
      ...(end?.type === 'routeEnded' ? { finishedOn: end.onDate } : {}),
      ...(end !== undefined && end.type !== 'routeEnded' ? { droppedOutOn: end.onDate } : {}),
      ...(final?.goalsReached === true ? { resultReachedOn: final.submittedOn } : {}),
      ...(final?.decision != null && final.decidedOn !== null ? { finalDecision: { decidedOn: final.decidedOn, mayInvoice: final.decision === 'mayInvoice' } } : {}),
      ...(pvt === undefined ? {} : { completedProducts: { [PVT_PRODUCT]: pvt } }),
    };
    return { referral, facts, hours: hoursOf.get(referral.referralId) ?? [], routeChange: changes.get(referral.referralId) };
  });
}

/** The PVT's product code in the contract files (002 §2.3, `withProducts: [pvt]` on product 6). */
export const PVT_PRODUCT = 'pvt';

/**
 * 002 §2.4 product 6 "+ PVT-kosten indien afgerond": the Onderwijsroute report asks the month the PVT
 * was completed (content.pvtCompletedMonth, JJJJ-MM; R-HRS-4). Koers knows it from the first submitted
 * report that names it, so the PVT counts as completed on that report's submission — or on the first
 * day of the month named, if that lies later — never before it was registered.
 */
export function pvtCompletedOn(reports: readonly { submittedOn: IsoDate; pvtMonth: string | null }[]): IsoDate | undefined {
  const first = reports.find((r) => r.pvtMonth !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(r.pvtMonth));
  if (first?.pvtMonth == null) return undefined;
  const monthStart = `${first.pvtMonth}-01`;
  return monthStart > first.submittedOn ? monthStart : first.submittedOn;
}

/**
 * The facts with each report's ordinal replaced by the month of the schedule's progressReport item of
 * that rank (the first report is month 6's when the schedule pays at months 6 and 12).
 */
export function progressReportMonths(facts: RouteFacts, reportMonths: readonly number[]): RouteFacts {
  return {
    ...facts,
    progressReports: facts.progressReports.flatMap((r) => {
      const month = reportMonths[r.month - 1];
      return month === undefined ? [] : [{ month, deliveredOn: r.deliveredOn }];
    }),
  };
}
