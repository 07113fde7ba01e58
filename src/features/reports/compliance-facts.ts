// The reader of deadline compliance (R-CM-2): the steps the providers owed under one contract whose term
// started in the year before the quarter's end, with the day each was done, in five statements. Which
// dates count (docs/reports.md §13):
// - acknowledgement: from referral.referred_on, due referral.acknowledgement_due_date (stored when
//   referred, R-CON-10), done referral.acknowledged_on;
// - intakeInvitation: from referred_on, done on the first referral_event 'intakeInvited' (else, without
//   one, the day the intake was held: the invitation came on or before it);
// - learningPlan: from referral.intake_held_on, done on the first learning_plan version's submitted_on;
// - report: progress_report with a due_on, done on its submitted_on;
// - invoice: billable_event.earned_on, done on the issue_date of the first sent invoice with a line for it.
// Unscoped by name: the room's fact scope lands in SQL (referralInReportScope).
import type { IsoDate } from '../../domain/contract.js';
import type { ComplianceDeadline, DeadlineStepFact } from '../../domain/reports/deadline-compliance.js';
import { referralInReportScope, SqlParams, type AggregateScope, type Scope } from '../../platform/access.js';
import type { Queryable } from '../../platform/db.js';

export interface ComplianceWindow {
  contractId: string;
  /** Terms starting on or after this day are read (a year before the quarter: every contract term is shorter). */
  from: IsoDate;
  to: IsoDate;
}

type Row = Omit<DeadlineStepFact, 'deadline' | 'dueOn'> & { dueOn: string | null };

const JOIN = `JOIN provider pv ON pv.id = r.provider_id JOIN municipality m ON m.id = r.municipality_id`;
const COLUMNS = `pv.code AS provider, m.code AS municipality`;

export async function unsafeComplianceFacts(q: Queryable, scope: Scope | AggregateScope, w: ComplianceWindow): Promise<DeadlineStepFact[]> {
  const statement = async (deadline: ComplianceDeadline, sql: (p: SqlParams, where: string) => string): Promise<DeadlineStepFact[]> => {
    const p = new SqlParams();
    const where = `r.contract_id = ${p.add(w.contractId)} AND ${referralInReportScope(scope, p, 'r')}`;
    const rows = await q.query<Row>(sql(p, where), p.values);
    return rows.map((r) => ({ ...r, deadline, dueOn: r.dueOn ?? undefined }));
  };
  const between = (p: SqlParams, column: string) => `${column} BETWEEN ${p.add(w.from)}::date AND ${p.add(w.to)}::date`;
  const parts = await Promise.all([
    statement(
      'acknowledgement',
      (p, where) => `SELECT ${COLUMNS}, r.referred_on::text AS "from", r.acknowledgement_due_date::text AS "dueOn", r.contract_version AS version, r.acknowledged_on::text AS "doneOn"
        FROM referral r ${JOIN} WHERE ${where} AND ${between(p, 'r.referred_on')}`,
    ),
    statement(
      'intakeInvitation',
      (p, where) => `SELECT ${COLUMNS}, r.referred_on::text AS "from", NULL AS "dueOn", r.contract_version AS version,
          COALESCE((SELECT min(e.occurred_on) FROM referral_event e WHERE e.referral_id = r.id AND e.type = 'intakeInvited'), r.intake_held_on)::text AS "doneOn"
        FROM referral r ${JOIN} WHERE ${where} AND ${between(p, 'r.referred_on')}`,
    ),
    statement(
      'learningPlan',
      (p, where) => `SELECT ${COLUMNS}, r.intake_held_on::text AS "from", NULL AS "dueOn", r.contract_version AS version,
          COALESCE((SELECT min(lp.submitted_on) FROM learning_plan lp WHERE lp.referral_id = r.id), r.plan_submitted_on)::text AS "doneOn"
        FROM referral r ${JOIN} WHERE ${where} AND ${between(p, 'r.intake_held_on')}`,
    ),
    statement(
      'report',
      (p, where) => `SELECT pv.code AS provider, m.code AS municipality, pr.created_at::date::text AS "from", pr.due_on::text AS "dueOn", r.contract_version AS version, pr.submitted_on::text AS "doneOn"
        FROM progress_report pr JOIN referral r ON r.id = pr.referral_id JOIN provider pv ON pv.id = pr.provider_id JOIN municipality m ON m.id = r.municipality_id
        WHERE ${where} AND ${between(p, 'pr.due_on')}`,
    ),
    statement(
      'invoice',
      (p, where) => `SELECT pv.code AS provider, m.code AS municipality, be.earned_on::text AS "from", NULL AS "dueOn", be.contract_version AS version,
          (SELECT min(i.issue_date) FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id WHERE l.event_id = be.id AND i.kind = 'invoice' AND i.status = 'sent')::text AS "doneOn"
        FROM billable_event be JOIN referral r ON r.id = be.referral_id JOIN provider pv ON pv.id = be.provider_id JOIN municipality m ON m.id = be.municipality_id
        WHERE ${where} AND ${between(p, 'be.earned_on')}`,
    ),
  ]);
  return parts.flat();
}
