// Builders for the content, management and year report tests (issue #13): the facts report-builders.ts
// does not make — a lesson at a chosen time (evening education, 3h), a provider-cancelled lesson (3j), an
// approved scaling decision (3d/3e), a participation activity (3f/3g), a sent invoice or credit note line
// (000 §4.2 items 5 and 14). Straight into the tables, only the columns the readers look at filled in
// with meaning.
import { randomUUID } from 'node:crypto';
import { aPlacement, aReportGroup, aReportReferral, aRouteEvent, type BuiltReferral, type ReportRegion } from './report-builders.js';

/** A lesson of the group at `startTime` with one participant's attendance (minutes attended). */
export async function aTimedLesson(r: ReportRegion, groupId: string, ref: BuiltReferral, l: { date: string; startTime: string; minutes: number }, attended: number): Promise<void> {
  const lessonId = randomUUID();
  await r.db.query(`INSERT INTO lesson (id, group_id, date, start_time, minutes, kind, cancelled_by_provider) VALUES ($1, $2, $3, $4, $5, 'language', false)`, [lessonId, groupId, l.date, l.startTime, l.minutes]);
  await r.db.query(
    `INSERT INTO attendance (lesson_id, participant_id, municipality_id, present, minutes_attended, called_in, version, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, true, 1, $6, now())`,
    [lessonId, ref.participantId, ref.municipalityId, attended > 0, attended, r.userId],
  );
}

/** A lesson of the group cancelled by the provider, without attendance. */
export async function aCancelledLesson(r: ReportRegion, groupId: string, date: string): Promise<void> {
  await r.db.query(`INSERT INTO lesson (id, group_id, date, start_time, minutes, kind, cancelled_by_provider) VALUES ($1, $2, $3, '09:00', 120, 'language', true)`, [randomUUID(), groupId, date]);
}

/** An approved scaling of one skill, decided on `decidedOn`. */
export async function anApprovedScaling(r: ReportRegion, ref: BuiltReferral, s: { direction: 'down' | 'up'; fromLevel: string; toLevel: string; decidedOn: string }): Promise<void> {
  await r.db.query(
    `INSERT INTO scaling_request (id, participant_id, referral_id, municipality_id, provider_id, skill, direction, from_level, to_level, reason, checks, all_checks_passed,
       requested_on, requested_by, status, decided_on, decided_by)
     VALUES ($1, $2, $3, $4, $5, 'reading', $6, $7, $8, 'Toets', '[]', true, $9, $10, 'approved', $9, $10)`,
    [randomUUID(), ref.participantId, ref.referralId, ref.municipalityId, ref.providerId, s.direction, s.fromLevel, s.toLevel, s.decidedOn, r.userId],
  );
}

/** A current participation activity of the referral; `facility` names a local facility. */
export async function anActivity(r: ReportRegion, ref: BuiltReferral, a: { startDate: string; endDate: string; minutes: number; facility?: string }): Promise<void> {
  await r.db.query(
    `INSERT INTO participation_activity (id, activity_id, version, participant_id, referral_id, provider_id, municipality_id, kind, product_kind, organisation, local_facility, local_facility_name,
       start_date, end_date, minutes, recorded_by, recorded_at)
     VALUES ($1, $2, 1, $3, $4, $5, $6, 'localActivity', 'participation', 'Vereniging', $7, $8, $9, $10, $11, $12, now())`,
    [randomUUID(), randomUUID(), ref.participantId, ref.referralId, ref.providerId, ref.municipalityId, a.facility !== undefined, a.facility ?? null, a.startDate, a.endDate, a.minutes, r.userId],
  );
}

let invoiceNumber = 1000;

/** A sent invoice (or credit note) of the referral's provider to its municipality with one line of one billable event earned on `earnedOn`. */
export async function anInvoiceLine(r: ReportRegion, ref: BuiltReferral, l: { earnedOn: string; issueDate: string; amountCents: number; kind?: 'invoice' | 'creditNote'; product?: string }): Promise<void> {
  const kind = l.kind ?? 'invoice';
  const eventId = randomUUID();
  await r.db.query(
    `INSERT INTO billable_event (id, participant_id, municipality_id, provider_id, referral_id, route, product_code, earned_on, amount_cents, vat_category, vat_rate, contract_id, contract_version, fact_kind, recorded_at)
     VALUES ($1, $2, $3, $4, $5, 'b1', $6, $7, $8, 'E', 0, $9, 1, 'test', now())`,
    [eventId, ref.participantId, ref.municipalityId, ref.providerId, ref.referralId, l.product ?? `p-${eventId.slice(0, 8)}`, l.earnedOn, l.amountCents, r.contractId],
  );
  const invoiceId = randomUUID();
  const credits = kind === 'creditNote' ? await aCreditedInvoice(r, ref, l.issueDate) : null;
  await r.db.query(
    `INSERT INTO invoice (id, provider_id, municipality_id, number, kind, status, issue_date, due_date, period_start, period_end, total_excl_vat_cents, total_vat_cents, total_incl_vat_cents,
       credits_invoice_id, credit_reason, created_at)
     VALUES ($1, $2, $3, $4, $5, 'sent', $6, $6, $6, $6, $7, 0, $7, $8, $9, now())`,
    [invoiceId, ref.providerId, ref.municipalityId, invoiceNumber++, kind, l.issueDate, l.amountCents, credits, credits === null ? null : 'Correctie'],
  );
  await r.db.query(`INSERT INTO invoice_line (id, invoice_id, event_id, participant_id, municipality_id, amount_cents, status) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
    randomUUID(), invoiceId, eventId, ref.participantId, ref.municipalityId, l.amountCents, kind === 'creditNote' ? 'reversal' : 'approved',
  ]);
}

/** An empty sent invoice for a credit note to credit (credits_invoice_id must name one). */
async function aCreditedInvoice(r: ReportRegion, ref: BuiltReferral, on: string): Promise<string> {
  const id = randomUUID();
  await r.db.query(
    `INSERT INTO invoice (id, provider_id, municipality_id, number, kind, status, issue_date, due_date, period_start, period_end, total_excl_vat_cents, total_vat_cents, total_incl_vat_cents, created_at)
     VALUES ($1, $2, $3, $4, 'invoice', 'sent', $5, $5, $5, $5, 0, 0, 0, now())`,
    [id, ref.providerId, ref.municipalityId, invoiceNumber++, on],
  );
  return id;
}

/**
 * The small Westfriesland region of test/content-report.int.test.ts and test/management-year-report.int.test.ts
 * (the facts, and every figure worked out from them, are written out in those files' headers).
 */
export async function aContentRegion(r: ReportRegion): Promise<Record<'A' | 'B' | 'C' | 'D' | 'E' | 'Fz' | 'Fp' | 'G', BuiltReferral>> {
  const T = 'taalpunt-westfriesland';
  const A = await aReportReferral(r, 'hoorn', T, 'b1_language', { referredOn: '2027-01-05', startedOn: '2027-01-25' });
  const B = await aReportReferral(r, 'hoorn', T, 'b1_language', { referredOn: '2027-02-01', startedOn: '2027-04-01' });
  const C = await aReportReferral(r, 'hoorn', T, 'b1_language', { referredOn: '2026-12-01', startedOn: '2027-01-04' });
  const D = await aReportReferral(r, 'hoorn', T, 'b1_language', { referredOn: '2027-01-10' });
  const E = await aReportReferral(r, 'enkhuizen', T, 'b1_language', { referredOn: '2027-02-10', startedOn: '2027-03-01' });
  for (let i = 0; i < 5; i++) await aReportReferral(r, 'enkhuizen', T, 'b1_language', { referredOn: '2027-02-15' });
  const Fz = await aReportReferral(r, 'hoorn', T, 'z_language', { referredOn: '2026-11-01', startedOn: '2026-11-15' });
  const Fp = await aReportReferral(r, 'hoorn', 'werkwijs-participatie', 'z_participation', { referredOn: '2026-11-01', startedOn: '2026-11-15' }, Fz.participantId);
  const G = await aReportReferral(r, 'hoorn', T, 'z_language', { referredOn: '2027-03-01' });
  const g1 = await aReportGroup(r, T, 'a2b1');
  await aPlacement(r, g1, A, '2027-01-25');
  await aTimedLesson(r, g1, A, { date: '2027-02-02', startTime: '09:00', minutes: 120 }, 120);
  await aTimedLesson(r, g1, A, { date: '2027-02-09', startTime: '18:30', minutes: 120 }, 60);
  await aTimedLesson(r, g1, A, { date: '2027-04-06', startTime: '09:00', minutes: 120 }, 120);
  await aCancelledLesson(r, g1, '2027-03-03');
  await anApprovedScaling(r, A, { direction: 'down', fromLevel: 'B1', toLevel: 'A2', decidedOn: '2027-03-15' });
  await aRouteEvent(r, C, 'onHold', '2027-03-20', { reason: 'illness', expectedEndOn: '2027-09-01', note: '' });
  await aRouteEvent(r, E, 'droppedOut', '2027-05-05', { reason: 'medical', note: '' });
  await aRouteEvent(r, Fz, 'routeChanged', '2027-05-10', { fromRoute: 'z', toRoute: 'b1', reason: 'Taal gaat snel', exceptionReason: '' });
  await anActivity(r, Fp, { startDate: '2027-02-01', endDate: '2027-03-10', minutes: 600, facility: 'Bibliotheek Hoorn' });
  await anInvoiceLine(r, A, { earnedOn: '2027-04-01', issueDate: '2027-05-13', amountCents: 100_000 });
  await anInvoiceLine(r, E, { earnedOn: '2027-04-01', issueDate: '2027-05-20', amountCents: 50_000 });
  await anInvoiceLine(r, A, { earnedOn: '2027-04-01', issueDate: '2027-06-01', amountCents: 20_000, kind: 'creditNote' });
  return { A, B, C, D, E, Fz, Fp, G };
}
