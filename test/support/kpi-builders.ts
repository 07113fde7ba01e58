// Builders for the Onderwijsroute report, deadline compliance and KPI tests (issue #13): facts straight
// into the tables on chosen past dates, beside those of report-builders.ts. The rows carry only what
// the readers look at; everything else is a fixed, valid filler.
import { randomUUID } from 'node:crypto';
import type { BuiltReferral, ReportRegion } from './report-builders.js';

/** A submitted progress or final report (progress_report) with the status and result the readers take. */
export async function aSubmittedReport(
  r: ReportRegion,
  ref: BuiltReferral,
  o: { kind?: 'progress' | 'final'; status?: 'onTrack' | 'atRisk' | 'behind'; submittedOn: string | null; dueOn?: string; goalsReached?: boolean | null; createdOn?: string },
): Promise<void> {
  const content = { status: o.status ?? 'onTrack', goalsReached: o.goalsReached ?? null };
  const submitted = o.submittedOn !== null;
  await r.db.query(
    `INSERT INTO progress_report (id, participant_id, referral_id, municipality_id, provider_id, kind, status, content, computed_status, due_on, created_by, created_at, submitted_by, submitted_at, submitted_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::date, $13, $14::timestamptz, $15)`,
    [
      randomUUID(), ref.participantId, ref.referralId, ref.municipalityId, ref.providerId, o.kind ?? 'progress', submitted ? 'submitted' : 'draft', JSON.stringify(content), content.status,
      o.dueOn ?? null, r.userId, o.createdOn ?? o.submittedOn ?? '2026-01-01', submitted ? r.userId : null, submitted ? `${o.submittedOn}T10:00:00Z` : null, o.submittedOn,
    ],
  );
}

/** The referral acknowledged on `on` (null: not yet), with the due date stored at referral (R-CON-10). */
export async function acknowledge(r: ReportRegion, ref: BuiltReferral, dueOn: string, on: string | null): Promise<void> {
  await r.db.query(`UPDATE referral SET acknowledgement_due_date = $2, acknowledged_on = $3::date, acknowledged_at = $4::timestamptz, acknowledged_by = $5, status = $6 WHERE id = $1`, [
    ref.referralId, dueOn, on, on === null ? null : `${on}T10:00:00Z`, on === null ? null : r.userId, on === null ? 'referred' : 'acknowledged',
  ]);
}

/** A lifecycle event of the referral (referral_event), e.g. 'intakeInvited' on a day. */
export async function aReferralEvent(r: ReportRegion, ref: BuiltReferral, type: string, on: string): Promise<void> {
  await r.db.query(`INSERT INTO referral_event (id, referral_id, municipality_id, type, occurred_on, occurred_at, actor_user_id, details) VALUES ($1, $2, $3, $4, $5::date, $6::timestamptz, $7, '{}')`, [
    randomUUID(), ref.referralId, ref.municipalityId, type, on, `${on}T10:00:00Z`, r.userId,
  ]);
}

/** Version `version` of the learning plan submitted on a day. */
export async function aLearningPlanSubmitted(r: ReportRegion, ref: BuiltReferral, on: string, version = 1): Promise<void> {
  await r.db.query(`INSERT INTO learning_plan (id, referral_id, municipality_id, version, status, content, submitted_on, submitted_at, submitted_by) VALUES ($1, $2, $3, $4, 'submitted', '{}', $5::date, $6::timestamptz, $7)`, [
    randomUUID(), ref.referralId, ref.municipalityId, version, on, `${on}T10:00:00Z`, r.userId,
  ]);
}

/** A product earned (billable_event) on a day; returns its id. */
export async function anEarnedProduct(r: ReportRegion, ref: BuiltReferral, product: string, earnedOn: string, amountCents: number): Promise<string> {
  const id = randomUUID();
  await r.db.query(
    `INSERT INTO billable_event (id, participant_id, municipality_id, provider_id, referral_id, route, product_code, earned_on, amount_cents, vat_category, vat_rate, contract_id, contract_version, fact_kind, fact_id, recorded_at)
     VALUES ($1, $2, $3, $4, $5, 'b1', $6, $7, $8, 'E', 0, $9, 1, 'test', NULL, now())`,
    [id, ref.participantId, ref.municipalityId, ref.providerId, ref.referralId, product, earnedOn, amountCents, r.contractId],
  );
  return id;
}

let invoiceNumber = 1000;
/** An invoice of the provider to the municipality issued on a day, with a line per event; `sent` or still prepared. */
export async function anInvoice(r: ReportRegion, ref: BuiltReferral, issueDate: string, events: readonly { id: string; amountCents: number }[], status: 'sent' | 'prepared' = 'sent'): Promise<void> {
  const id = randomUUID();
  const total = events.reduce((n, e) => n + e.amountCents, 0);
  await r.db.query(
    `INSERT INTO invoice (id, provider_id, municipality_id, number, kind, status, issue_date, due_date, period_start, period_end, total_excl_vat_cents, total_vat_cents, total_incl_vat_cents, created_at, created_by)
     VALUES ($1, $2, $3, $4, 'invoice', $5, $6, $6, $6, $6, $7, 0, $7, now(), $8)`,
    [id, ref.providerId, ref.municipalityId, invoiceNumber++, status, issueDate, total, r.userId],
  );
  for (const e of events) {
    await r.db.query(`INSERT INTO invoice_line (id, invoice_id, event_id, participant_id, municipality_id, amount_cents, status) VALUES ($1, $2, $3, $4, $5, $6, 'toCheck')`, [
      randomUUID(), id, e.id, ref.participantId, ref.municipalityId, e.amountCents,
    ]);
  }
}

/** A current participation activity (participation_activity) of a kind, starting on a day. */
export async function anActivity(r: ReportRegion, ref: BuiltReferral, kind: string, startDate: string): Promise<void> {
  await r.db.query(
    `INSERT INTO participation_activity (id, activity_id, version, participant_id, referral_id, provider_id, municipality_id, kind, product_kind, organisation, start_date, end_date, minutes, recorded_by, recorded_at)
     VALUES ($1, $2, 1, $3, $4, $5, $6, $7, 'participation', 'Buurthuis', $8, $8, 120, $9, now())`,
    [randomUUID(), randomUUID(), ref.participantId, ref.referralId, ref.providerId, ref.municipalityId, kind, startDate, r.userId],
  );
}

/** An approved scaling decision (scaling_request) for one skill, decided on a day. */
export async function aScalingDecision(r: ReportRegion, ref: BuiltReferral, direction: 'down' | 'up', fromLevel: string, toLevel: string, decidedOn: string): Promise<void> {
  await r.db.query(
    `INSERT INTO scaling_request (id, participant_id, referral_id, municipality_id, provider_id, skill, direction, from_level, to_level, reason, checks, all_checks_passed, requested_on, requested_by, status, decided_on, decided_by)
     VALUES ($1, $2, $3, $4, $5, 'speaking', $6, $7, $8, 'Test', '[]', true, $9, $10, 'approved', $9, $10)`,
    [randomUUID(), ref.participantId, ref.referralId, ref.municipalityId, ref.providerId, direction, fromLevel, toLevel, decidedOn, r.userId],
  );
}

/** The participant's route and the end of its duty term (participant.route, duty_end_date). */
export async function aDutyTerm(r: ReportRegion, ref: BuiltReferral, route: 'b1' | 'z', dutyEndsOn: string): Promise<void> {
  await r.db.query(`UPDATE participant SET route = $2, duty_end_date = $3 WHERE id = $1`, [ref.participantId, route, dutyEndsOn]);
}
