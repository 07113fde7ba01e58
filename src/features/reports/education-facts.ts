// The reader of the Onderwijsroute quarterly report (R-MI-5, 002 eis 17): the EducationFacts of one
// contract's education referrals (products of kind `education`) up to the quarter's last day, in three
// statements. Unscoped by name: the caller passes the room's fact scope, and it lands in SQL
// (referralInReportScope).
import type { IsoDate, Route } from '../../domain/contract.js';
import type { EducationFacts, EducationReferralFact, OutflowReason, ReportedStatusFact, TransferFact } from '../../domain/reports/education-report.js';
import type { ProgressStatus } from '../../domain/progress-status.js';
import { referralInReportScope, SqlParams, type AggregateScope, type Scope } from '../../platform/access.js';
import type { Queryable } from '../../platform/db.js';

export interface EducationWindow {
  contractId: string;
  /** The contract's education products (kind `education`). */
  products: readonly string[];
  from: IsoDate;
  to: IsoDate;
}

const referrals = (scope: Scope | AggregateScope, p: SqlParams, w: EducationWindow): string =>
  `r.contract_id = ${p.add(w.contractId)} AND r.product_code = ANY(${p.add([...w.products])}::text[]) AND r.referred_on <= ${p.add(w.to)}::date AND ${referralInReportScope(scope, p, 'r')}`;

/** R-MI-5: the facts of eis 17 items 1–6 for the referrals in the scope. */
export async function unsafeEducationFacts(q: Queryable, scope: Scope | AggregateScope, w: EducationWindow): Promise<EducationFacts> {
  const [refs, statuses, transfers] = await Promise.all([readReferrals(q, scope, w), readStatuses(q, scope, w), readTransfers(q, scope, w)]);
  return { referrals: refs, statuses, transfers };
}

async function readReferrals(q: Queryable, scope: Scope | AggregateScope, w: EducationWindow): Promise<EducationReferralFact[]> {
  const p = new SqlParams();
  const to = p.add(w.to);
  // The end: the first routeEnded, droppedOut or movedAway on or before the last day (docs: "End");
  // the result: the latest final report submitted on or before it.
  const rows = await q.query<{ id: string; participantId: string; municipality: string; referredOn: string; startedOn: string | null; endOn: string | null; endType: string | null; endReason: string | null; finalReports: number; goalsReached: boolean | null }>(
    `SELECT r.id, r.participant_id AS "participantId", m.code AS municipality, r.referred_on::text AS "referredOn",
       least(r.start_class_started_on, r.started_on)::text AS "startedOn",
       e.on_date::text AS "endOn", e.type AS "endType", e.details->>'reason' AS "endReason",
       (SELECT count(*)::int FROM progress_report f WHERE f.referral_id = r.id AND f.kind = 'final' AND f.status = 'submitted' AND f.submitted_on <= ${to}::date) AS "finalReports",
       (SELECT (f.content->>'goalsReached')::boolean FROM progress_report f WHERE f.referral_id = r.id AND f.kind = 'final' AND f.status = 'submitted' AND f.submitted_on <= ${to}::date
         ORDER BY f.submitted_on DESC, f.submitted_at DESC LIMIT 1) AS "goalsReached"
     FROM referral r JOIN municipality m ON m.id = r.municipality_id
     LEFT JOIN LATERAL (SELECT x.on_date, x.type, x.details FROM route_event x WHERE x.referral_id = r.id AND x.type IN ('routeEnded', 'droppedOut', 'movedAway') AND x.on_date <= ${to}::date
       ORDER BY x.on_date, x.recorded_at LIMIT 1) e ON true
     WHERE ${referrals(scope, p, w)}
     ORDER BY r.referred_on, r.id`,
    p.values,
  );
  return rows.map((r) => ({
    id: r.id,
    participantId: r.participantId,
    municipality: r.municipality,
    referredOn: r.referredOn,
    startedOn: r.startedOn,
    end: r.endOn === null ? null : { on: r.endOn, reason: endReason(r.endType, r.endReason) },
    ...(r.finalReports > 0 ? { goalsReached: r.goalsReached } : {}),
  }));
}

/** routeEnded is a completed route; a drop-out carries its reason (medical, death, moved, other); moving away is its own. */
function endReason(type: string | null, reason: string | null): OutflowReason {
  if (type === 'routeEnded') return 'completed';
  if (type === 'movedAway') return 'movedAway';
  return reason === 'medical' || reason === 'death' || reason === 'moved' ? reason : 'other';
}

function readStatuses(q: Queryable, scope: Scope | AggregateScope, w: EducationWindow): Promise<ReportedStatusFact[]> {
  const p = new SqlParams();
  // The status as submitted (content.status holds the provider's override, R-HRS-5).
  return q.query<ReportedStatusFact & { status: ProgressStatus }>(
    `SELECT pr.referral_id AS "referralId", pr.submitted_on::text AS "submittedOn", to_char(pr.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "submittedAt",
       pr.content->>'status' AS status
     FROM progress_report pr
     WHERE pr.status = 'submitted' AND pr.submitted_on <= ${p.add(w.to)}::date AND pr.content->>'status' IN ('onTrack', 'atRisk', 'behind')
       AND pr.referral_id IN (SELECT r.id FROM referral r WHERE ${referrals(scope, p, w)})
     ORDER BY pr.submitted_on, pr.submitted_at`,
    p.values,
  );
}

function readTransfers(q: Queryable, scope: Scope | AggregateScope, w: EducationWindow): Promise<TransferFact[]> {
  const p = new SqlParams();
  return q.query<TransferFact & { to: Route }>(
    `SELECT e.referral_id AS "referralId", e.on_date::text AS "on", e.details->>'toRoute' AS "to", COALESCE(e.details->>'reason', '') AS reason
     FROM route_event e
     WHERE e.type = 'routeChanged' AND e.on_date BETWEEN ${p.add(w.from)}::date AND ${p.add(w.to)}::date
       AND e.referral_id IN (SELECT r.id FROM referral r WHERE ${referrals(scope, p, w)})
     ORDER BY e.on_date, e.recorded_at`,
    p.values,
  );
}
