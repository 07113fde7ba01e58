// R-CM-2: deadline compliance per provider for 2027-Q1 (1 Jan – 31 Mar) on hand-built steps, with the
// due dates worked out on paper on the working-day calendar (Good Friday 26 March 2027 and Easter Monday
// 29 March 2027, New Year's Day 1 January 2027 are no working days). "Today" is 31 March 2027.
import { describe, expect, it } from 'vitest';
import { DeadlineName, type Deadline } from '../contract.js';
import { deadlineCompliance, stepDueDate, type ComplianceVersion, type DeadlineStepFact } from './deadline-compliance.js';
import { periodContaining } from './periods.js';

const Q1 = periodContaining('quarter', '2027-01-01');
const term = (amount: number, unit: Deadline['unit']): Deadline => ({ amount, unit, source: 'test' });
const terms: Partial<Record<DeadlineName, Deadline>> = { acknowledgement: term(5, 'workingDays'), intakeInvitation: term(10, 'workingDays'), learningPlanAfterIntake: term(5, 'workingDays'), invoice: term(6, 'weeks') };
const VERSION: ComplianceVersion = {
  version: 1,
  deadlines: Object.fromEntries(DeadlineName.options.map((n) => [n, terms[n] ?? term(1, 'months')])) as ComplianceVersion['deadlines'],
  holidayCalendar: { goodFriday: true, liberationDay: 'lustrum', source: 'test' },
};
const step = (deadline: DeadlineStepFact['deadline'], from: string, doneOn: string | null, o: Partial<DeadlineStepFact> = {}): DeadlineStepFact => ({ deadline, provider: 'p1', municipality: 'm1', from, version: 1, doneOn, ...o });

const STEPS: DeadlineStepFact[] = [
  step('acknowledgement', '2027-02-01', '2027-02-08'), // Mon + 5 working days = Mon 8 Feb: on time (the due day itself)
  step('acknowledgement', '2027-02-02', '2027-02-10'), // due Tue 9 Feb: late
  step('acknowledgement', '2027-03-22', null), // Tue 23, Wed 24, Thu 25, (Good Friday, Easter Monday), Tue 30, Wed 31: due 31 Mar = today: pending
  step('acknowledgement', '2027-03-23', null), // Wed 24, Thu 25, Tue 30, Wed 31, Thu 1 Apr: due in Q2, not counted
  step('acknowledgement', '2026-12-28', '2027-01-05'), // Tue 29, Wed 30, Thu 31, (1 Jan), Mon 4, Tue 5 Jan: on time
  step('acknowledgement', '2026-12-01', null, { dueOn: '2027-02-10' }), // the stored due date counts: not done, past: late
  step('intakeInvitation', '2027-02-01', '2027-02-12'), // due Mon 15 Feb: on time
  step('learningPlan', '2027-02-10', '2027-02-18'), // Thu 11, Fri 12, Mon 15, Tue 16, Wed 17: late
  step('report', '2027-01-01', '2027-03-01', { dueOn: '2027-03-01' }), // on time
  step('invoice', '2027-01-15', null), // + 6 weeks = Fri 26 Feb; not sent by 31 Mar: late
  step('acknowledgement', '2027-02-01', '2027-02-03', { provider: 'p2' }), // on time
  step('acknowledgement', '2027-02-01', null, { version: 9 }), // a version the contract does not have: no due date, not counted
];
const fig = (deadline: string, numerator: number, late: number, pending = 0) => ({ deadline, numerator, denominator: numerator + late, share: numerator + late === 0 ? null : numerator / (numerator + late), late, pending });

describe('deadlineCompliance (R-CM-2)', () => {
  it('the due dates on the working-day calendar', () => {
    expect(stepDueDate(STEPS[2] as DeadlineStepFact, [VERSION])).toBe('2027-03-31');
    expect(stepDueDate(STEPS[3] as DeadlineStepFact, [VERSION])).toBe('2027-04-01');
    expect(stepDueDate(STEPS[4] as DeadlineStepFact, [VERSION])).toBe('2027-01-05');
    expect(stepDueDate(STEPS[9] as DeadlineStepFact, [VERSION])).toBe('2027-02-26');
  });

  it('per provider: p1 2 of 3 acknowledged on time (one pending), p2 1 of 1, p3 nothing due', () => {
    expect(deadlineCompliance(STEPS, Q1, [VERSION], ['p1', 'p2', 'p3'], '2027-03-31')).toEqual([
      { provider: 'p1', figures: [fig('acknowledgement', 2, 2, 1), fig('intakeInvitation', 1, 0), fig('learningPlan', 0, 1), fig('report', 1, 0), fig('invoice', 0, 1)] },
      { provider: 'p2', figures: [fig('acknowledgement', 1, 0), fig('intakeInvitation', 0, 0), fig('learningPlan', 0, 0), fig('report', 0, 0), fig('invoice', 0, 0)] },
      { provider: 'p3', figures: [fig('acknowledgement', 0, 0), fig('intakeInvitation', 0, 0), fig('learningPlan', 0, 0), fig('report', 0, 0), fig('invoice', 0, 0)] },
    ]);
  });

  it('a day later the pending acknowledgement is late', () => {
    const [p1] = deadlineCompliance(STEPS, Q1, [VERSION], ['p1'], '2027-04-01');
    expect(p1?.figures[0]).toEqual(fig('acknowledgement', 2, 3));
  });
});
