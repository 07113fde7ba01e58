// R-CM-2: deadline compliance per provider and quarter — the share of referrals acknowledged within 5
// working days, invitations to the intake within 10, learning plans within 5 after the intake, reports
// on time and invoices within 6 weeks — from the registered dates. The terms are the contract's
// deadlines (R-CON-3) in the version the referral was made under (R-CON-10), on its working-day calendar
// with the Dutch public holidays (R-CON-4): computeDeadline of src/domain/deadline.ts, never a second copy.
// Window: a step counts in the quarter its due date falls in (docs/reports.md §13).
import { compareDates } from '../calendar.js';
import type { ContractVersion, DeadlineName, IsoDate } from '../contract.js';
import { computeDeadline } from '../deadline.js';
import type { ReportPeriod } from './periods.js';

/** The five deadlines of R-CM-2, in its order. */
export const ComplianceDeadlines = ['acknowledgement', 'intakeInvitation', 'learningPlan', 'report', 'invoice'] as const;
export type ComplianceDeadline = (typeof ComplianceDeadlines)[number];

/** The contract deadline behind each; `report` carries its own due date (progress_report.due_on). */
export const CONTRACT_DEADLINE: Record<ComplianceDeadline, DeadlineName | null> = {
  acknowledgement: 'acknowledgement',
  intakeInvitation: 'intakeInvitation',
  learningPlan: 'learningPlanAfterIntake',
  report: null,
  invoice: 'invoice',
};

/** One step a provider owed: from which day, under which contract version, done on which day (null: not yet). */
export interface DeadlineStepFact {
  deadline: ComplianceDeadline;
  /** Provider code. */
  provider: string;
  /** Municipality code. */
  municipality: string;
  /** The day the term starts: referred_on, intake_held_on, billable_event.earned_on. */
  from: IsoDate;
  /** The due date as registered (referral.acknowledgement_due_date, progress_report.due_on); else computed from `from`. */
  dueOn?: IsoDate | undefined;
  /** The contract version the step falls under (referral.contract_version, billable_event.contract_version). */
  version: number;
  doneOn: IsoDate | null;
}

/** The part of a contract version the due dates need. */
export type ComplianceVersion = Pick<ContractVersion, 'version' | 'deadlines' | 'holidayCalendar'>;

export type StepOutcome = 'onTime' | 'late' | 'pending';

/** The due date of a step; undefined when its version or the version's term is unknown. */
export function stepDueDate(s: DeadlineStepFact, versions: readonly ComplianceVersion[]): IsoDate | undefined {
  if (s.dueOn !== undefined) return s.dueOn;
  const name = CONTRACT_DEADLINE[s.deadline];
  const v = versions.find((x) => x.version === s.version);
  const term = name === null ? undefined : v?.deadlines[name];
  return v === undefined || term === undefined ? undefined : computeDeadline(s.from, term, v.holidayCalendar);
}

/**
 * On time: done on or before the due date (the due date itself is on time, isOverdue). Late: done after
 * it, or not done and `today` past it. Pending: not done and not yet due — left out of the share.
 */
export function stepOutcome(due: IsoDate, doneOn: IsoDate | null, today: IsoDate): StepOutcome {
  if (doneOn !== null) return compareDates(doneOn, due) <= 0 ? 'onTime' : 'late';
  return compareDates(today, due) > 0 ? 'late' : 'pending';
}

export interface ComplianceFigure {
  deadline: ComplianceDeadline;
  /** Steps due in the quarter and done on time. */
  numerator: number;
  /** Steps due in the quarter and decided: on time plus late. */
  denominator: number;
  /** numerator ÷ denominator; null when the denominator is 0. */
  share: number | null;
  late: number;
  /** Due in the quarter, not done and not yet due on `today`: not counted. */
  pending: number;
}

export interface ComplianceRow {
  provider: string;
  figures: ComplianceFigure[];
}

/** Per provider (in the order given), the five figures of the quarter as they stand on `today`. */
export function deadlineCompliance(steps: readonly DeadlineStepFact[], q: ReportPeriod, versions: readonly ComplianceVersion[], providers: readonly string[], today: IsoDate): ComplianceRow[] {
  const counts = new Map<string, Record<StepOutcome, number>>();
  for (const s of steps) {
    const due = stepDueDate(s, versions);
    if (due === undefined || compareDates(due, q.start) < 0 || compareDates(due, q.end) > 0) continue;
    const key = `${s.provider}|${s.deadline}`;
    const c = counts.get(key) ?? { onTime: 0, late: 0, pending: 0 };
    c[stepOutcome(due, s.doneOn, today)]++;
    counts.set(key, c);
  }
  return providers.map((provider) => ({
    provider,
    figures: ComplianceDeadlines.map((deadline) => {
      const c = counts.get(`${provider}|${deadline}`) ?? { onTime: 0, late: 0, pending: 0 };
      const denominator = c.onTime + c.late;
      return { deadline, numerator: c.onTime, denominator, share: denominator === 0 ? null : c.onTime / denominator, late: c.late, pending: c.pending };
    }),
  }));
}
