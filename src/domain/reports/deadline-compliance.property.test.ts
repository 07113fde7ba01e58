// R-CM-2: shape properties of deadline compliance on random steps — each step with a due date counts in
// exactly one quarter (on time, late or pending), the share lies in [0, 1], and doing a step earlier
// never lowers a provider's number on time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../calendar.js';
import { DeadlineName, type Deadline } from '../contract.js';
import { ComplianceDeadlines, deadlineCompliance, type ComplianceVersion, type DeadlineStepFact } from './deadline-compliance.js';
import { periodsEndingWithin } from './periods.js';

const term = (amount: number, unit: Deadline['unit']): Deadline => ({ amount, unit, source: 'test' });
const VERSION: ComplianceVersion = {
  version: 1,
  deadlines: Object.fromEntries(DeadlineName.options.map((n) => [n, n === 'invoice' ? term(6, 'weeks') : term(n === 'intakeInvitation' ? 10 : 5, 'workingDays')])) as ComplianceVersion['deadlines'],
  holidayCalendar: { goodFriday: true, liberationDay: 'lustrum', source: 'test' },
};
const QUARTERS = periodsEndingWithin('quarter', '2026-01-01', '2028-06-30');
const day = fc.integer({ min: 0, max: 700 }).map((n) => addCalendarDays('2026-01-01', n));
const stepArb: fc.Arbitrary<DeadlineStepFact> = fc
  .record({ deadline: fc.constantFrom(...ComplianceDeadlines), provider: fc.constantFrom('p1', 'p2'), from: day, late: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }), stored: fc.boolean() })
  .map((s) => ({
    deadline: s.deadline,
    provider: s.provider,
    municipality: 'm1',
    from: s.from,
    dueOn: s.deadline === 'report' || s.stored ? addCalendarDays(s.from, 20) : undefined,
    version: 1,
    doneOn: s.late === null ? null : addCalendarDays(s.from, s.late),
  }));
const TODAY = '2027-12-31';

describe('deadlineCompliance properties', () => {
  it('every step counts once over the quarters, and the share is numerator ÷ (on time + late) in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 25 }), (steps) => {
        let counted = 0;
        for (const q of QUARTERS) {
          for (const row of deadlineCompliance(steps, q, [VERSION], ['p1', 'p2'], TODAY)) {
            for (const f of row.figures) {
              counted += f.denominator + f.pending;
              expect(f.numerator + f.late).toBe(f.denominator);
              if (f.share !== null) expect(f.share >= 0 && f.share <= 1).toBe(true);
            }
          }
        }
        expect(counted).toBe(steps.length);
      }),
    );
  });

  it('doing a step earlier never lowers the number on time', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 15 }), fc.nat(), (steps, pick) => {
        const i = pick % steps.length;
        const s = steps[i] as DeadlineStepFact;
        const earlier = [...steps];
        earlier[i] = { ...s, doneOn: s.from }; // done on the day the term starts: never late
        for (const q of QUARTERS) {
          const before = deadlineCompliance(steps, q, [VERSION], ['p1', 'p2'], TODAY);
          const after = deadlineCompliance(earlier, q, [VERSION], ['p1', 'p2'], TODAY);
          before.forEach((row, r) => row.figures.forEach((f, k) => expect(after[r]?.figures[k]?.numerator ?? 0).toBeGreaterThanOrEqual(f.numerator)));
        }
      }),
    );
  });
});
