// SQL of the referral lifecycle (R-REF-2, R-REF-6). The referral row itself is always first loaded
// through the scoped `findReferral` (store.ts); these functions then work on that one referral id.
import { randomUUID } from 'node:crypto';
import type { ReferralStatus } from '../../domain/lifecycle.js';
import type { ReferralTimeline } from '../../domain/steps.js';
import type { Queryable } from '../../platform/db.js';
import type { LearningPlanContent } from './schemas.js';

export interface TimelineRow extends ReferralTimeline {
  id: string;
  lockVersion: number;
  municipalityId: string;
  providerId: string;
  participantId: string;
  productCode: string;
  contractId: string;
  contractVersion: number;
  intakeLocation: string | null;
  startedOn: string | null;
  pipSignedOn: string | null;
  /** How many no-shows the timeline holds: an agreement answers the no-show with its number. */
  noShowCount: number;
  agreedIntakeDate: string | null;
}

// R-REF-3: the municipality's agreement on a new intake is an event, not a column: it counts only when it
// answers the latest no-show (its details carry the no-show's number), so a second no-show asks again.
const NO_SHOW_COUNT = `(SELECT count(*)::int FROM referral_event n WHERE n.referral_id = r.id AND n.type = 'intakeNoShow')`;
const AGREEMENT_OF_LAST_NO_SHOW = `FROM referral_event a WHERE a.referral_id = r.id AND a.type = 'newIntakeAgreed'
    AND (a.details->>'noShowNumber')::int = ${NO_SHOW_COUNT} ORDER BY a.occurred_at DESC LIMIT 1`;

export const TIMELINE_COLUMNS = `r.id, r.status, r.lock_version AS "lockVersion", r.municipality_id AS "municipalityId",
  r.provider_id AS "providerId", r.participant_id AS "participantId", r.product_code AS "productCode",
  r.contract_id AS "contractId", r.contract_version AS "contractVersion", r.referred_on AS "referredOn",
  r.acknowledgement_due_date AS "acknowledgementDueDate", r.intake_date AS "intakeDate", r.intake_location AS "intakeLocation",
  r.intake_held_on AS "intakeHeldOn", r.intake_no_show_on AS "noShowOn", r.regular_start_in_time AS "regularStartInTime",
  r.plan_version AS "planVersion", r.plan_submitted_on AS "planSubmittedOn", r.plan_returned_on AS "planReturnedOn",
  r.plan_approved_on AS "planApprovedOn", r.start_class_started_on AS "startClassStartedOn", r.started_on AS "startedOn",
  (SELECT pp.pip_signed_on FROM participant pp WHERE pp.id = r.participant_id) AS "pipSignedOn",
  ${NO_SHOW_COUNT} AS "noShowCount",
  (SELECT a.occurred_on ${AGREEMENT_OF_LAST_NO_SHOW}) AS "newIntakeAgreedOn",
  (SELECT a.details->>'agreedIntakeDate' ${AGREEMENT_OF_LAST_NO_SHOW}) AS "agreedIntakeDate"`;

/** Unscoped by design: call only with an id that a scoped query has already returned. */
export async function loadTimeline(q: Queryable, referralId: string): Promise<TimelineRow | undefined> {
  const rows = await q.query<TimelineRow>(`SELECT ${TIMELINE_COLUMNS} FROM referral r WHERE r.id = $1`, [referralId]);
  return rows[0];
}

/** Columns a lifecycle step may set. */
export type ReferralUpdate = Partial<{
  acknowledged_at: Date;
  acknowledged_on: string;
  acknowledged_by: string;
  intake_date: string;
  intake_location: string;
  intake_held_on: string;
  intake_no_show_on: string;
  regular_start_in_time: boolean;
  plan_version: number;
  plan_submitted_on: string;
  plan_returned_on: string;
  plan_approved_on: string;
  plan_signed_on: string;
  start_class_started_on: string;
  started_on: string;
}>;

/**
 * Applies one step with optimistic locking: the update only lands when the row still has the
 * version the actor saw. Returns false when somebody else changed it first (→ 409).
 */
export async function applyStep(q: Queryable, id: string, expectedLock: number, status: ReferralStatus, update: ReferralUpdate): Promise<boolean> {
  const entries = Object.entries(update);
  const sets = entries.map(([column], i) => `${column} = $${i + 4}`);
  const rows = await q.query(
    `UPDATE referral SET status = $3, lock_version = lock_version + 1${sets.length > 0 ? `, ${sets.join(', ')}` : ''}
     WHERE id = $1 AND lock_version = $2 RETURNING id`,
    [id, expectedLock, status, ...entries.map(([, v]) => v)],
  );
  return rows.length === 1;
}

export async function insertEvent(
  q: Queryable,
  e: { referralId: string; municipalityId: string; type: string; occurredOn: string; occurredAt: Date; actorUserId: string; details: Record<string, unknown> },
): Promise<void> {
  await q.query(
    `INSERT INTO referral_event (id, referral_id, municipality_id, type, occurred_on, occurred_at, actor_user_id, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [randomUUID(), e.referralId, e.municipalityId, e.type, e.occurredOn, e.occurredAt, e.actorUserId, JSON.stringify(e.details)],
  );
}

export interface EventRow {
  id: string;
  type: string;
  occurredOn: string;
  occurredAt: Date;
  actorName: string;
  actorRole: string;
  organisationName: string | null;
  details: Record<string, unknown>;
}

export async function listEvents(q: Queryable, referralId: string): Promise<EventRow[]> {
  return q.query<EventRow>(
    `SELECT e.id, e.type, e.occurred_on AS "occurredOn", e.occurred_at AS "occurredAt", u.name AS "actorName", u.role AS "actorRole",
            COALESCE(m.name, p.name) AS "organisationName", e.details
     FROM referral_event e JOIN app_user u ON u.id = e.actor_user_id
     LEFT JOIN municipality m ON m.id = u.municipality_id LEFT JOIN provider p ON p.id = u.provider_id
     WHERE e.referral_id = $1 ORDER BY e.occurred_at ASC, e.id ASC`,
    [referralId],
  );
}

export async function insertLearningPlan(
  q: Queryable,
  p: { referralId: string; municipalityId: string; version: number; content: LearningPlanContent; on: string; at: Date; by: string },
): Promise<string> {
  const id = randomUUID();
  await q.query(
    `INSERT INTO learning_plan (id, referral_id, municipality_id, version, status, content, submitted_on, submitted_at, submitted_by)
     VALUES ($1, $2, $3, $4, 'submitted', $5, $6, $7, $8)`,
    [id, p.referralId, p.municipalityId, p.version, JSON.stringify(p.content), p.on, p.at, p.by],
  );
  return id;
}

/** Records the municipality's decision on the version under review; false when it was already decided. */
export async function decideLearningPlan(
  q: Queryable,
  d: { referralId: string; version: number; status: 'approved' | 'returned'; on: string; at: Date; by: string; remarks: string | null },
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE learning_plan SET status = $3, decided_on = $4, decided_at = $5, decided_by = $6, remarks = $7
     WHERE referral_id = $1 AND version = $2 AND status = 'submitted' RETURNING id`,
    [d.referralId, d.version, d.status, d.on, d.at, d.by, d.remarks],
  );
  return rows.length === 1;
}

export interface LearningPlanRow {
  id: string;
  version: number;
  status: 'submitted' | 'returned' | 'approved';
  content: LearningPlanContent;
  submittedOn: string;
  submittedByName: string;
  decidedOn: string | null;
  decidedByName: string | null;
  remarks: string | null;
}

export async function listLearningPlans(q: Queryable, referralId: string): Promise<LearningPlanRow[]> {
  return q.query<LearningPlanRow>(
    `SELECT lp.id, lp.version, lp.status, lp.content, lp.submitted_on AS "submittedOn", s.name AS "submittedByName",
            lp.decided_on AS "decidedOn", d.name AS "decidedByName", lp.remarks
     FROM learning_plan lp JOIN app_user s ON s.id = lp.submitted_by LEFT JOIN app_user d ON d.id = lp.decided_by
     WHERE lp.referral_id = $1 ORDER BY lp.version DESC`,
    [referralId],
  );
}
