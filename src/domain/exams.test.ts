// R-LVL-2 / R-LVL-5 with the numbers of 002 eis 44 and 75.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXAM_RULES } from './contract.js';
import {
  markStateFunded,
  monthlyPassRates,
  passedParts,
  passRate,
  passRateSignal,
  passRateSignalMonths,
  stateFundedAttemptsLeft,
  type ExamAttempt,
  type MonthlyPassRate,
} from './exams.js';

const rules = DEFAULT_EXAM_RULES;
let n = 0;
const attempt = (part: ExamAttempt['part'], takenOn: string, result: ExamAttempt['result'] = 'failed', level: ExamAttempt['level'] = 'B1'): ExamAttempt => ({
  id: `a${++n}`,
  part,
  takenOn,
  level,
  result,
});

describe('state-funded attempts (R-LVL-2, 002 eis 75)', () => {
  it('defaults are the source numbers: 2 attempts, 80%, 3 months', () => {
    expect([rules.stateFundedAttempts, rules.passRateNorm, rules.passRateMonths]).toEqual([2, 0.8, 3]);
  });

  it('the first two attempts per part are paid by the state, counted by date', () => {
    const list = [
      attempt('writing', '2027-05-01'),
      attempt('writing', '2027-01-10'),
      attempt('speaking', '2027-02-01', 'passed'),
      attempt('writing', '2027-03-01'),
      attempt('writing', '2027-07-01', 'passed', 'A2'), // after down-scaling: same part, still the 4th attempt
    ];
    const marked = markStateFunded(list, rules);
    expect(marked.map((a) => [a.part, a.takenOn, a.attemptNumber, a.stateFunded])).toEqual([
      ['writing', '2027-05-01', 3, false],
      ['writing', '2027-01-10', 1, true],
      ['speaking', '2027-02-01', 1, true],
      ['writing', '2027-03-01', 2, true],
      ['writing', '2027-07-01', 4, false],
    ]);
    expect(stateFundedAttemptsLeft(list, 'writing', rules)).toBe(0);
    expect(stateFundedAttemptsLeft(list, 'speaking', rules)).toBe(1);
    expect(stateFundedAttemptsLeft(list, 'knm', rules)).toBe(2);
  });

  it('property: per part exactly min(count, 2) attempts are state-funded', () => {
    const part = fc.constantFrom('reading' as const, 'writing' as const, 'listening' as const, 'speaking' as const, 'knm' as const);
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2027-02-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(part, day)), (xs) => {
        const marked = markStateFunded(
          xs.map(([p, d]) => attempt(p, d)),
          rules,
        );
        for (const p of ['reading', 'writing', 'listening', 'speaking', 'knm'] as const) {
          const ofPart = marked.filter((a) => a.part === p);
          expect(ofPart.filter((a) => a.stateFunded).length).toBe(Math.min(ofPart.length, 2));
          expect(ofPart.map((a) => a.attemptNumber).sort((a, b) => a - b)).toEqual(ofPart.map((_, i) => i + 1));
        }
      }),
    );
  });

  it('passed parts keep their first pass', () => {
    const list = [attempt('reading', '2027-03-01', 'passed'), attempt('reading', '2027-02-01', 'passed'), attempt('knm', '2027-01-01', 'failed')];
    expect(passedParts(list)).toEqual([{ part: 'reading', level: 'B1', passedOn: '2027-02-01' }]);
  });
});

describe('pass rate (R-LVL-5, 002 eis 44)', () => {
  it('counts decided attempts in the window; pending ones do not count', () => {
    const list = [
      attempt('reading', '2027-01-05', 'passed'),
      attempt('writing', '2027-01-20', 'failed'),
      attempt('speaking', '2027-01-31', 'passed'),
      attempt('knm', '2027-01-31', 'pending'),
      attempt('knm', '2027-02-01', 'passed'),
    ];
    expect(passRate(list, '2027-01-01', '2027-01-31')).toEqual({ passed: 2, decided: 3, rate: 2 / 3 });
    expect(passRate(list, '2026-01-01', '2026-12-31')).toEqual({ passed: 0, decided: 0, rate: null });
    expect(monthlyPassRates(list, '2026-12', '2027-02')).toEqual([
      { month: '2026-12', rate: null },
      { month: '2027-01', rate: 2 / 3 },
      { month: '2027-02', rate: 1 },
    ]);
  });

  const months = (...rates: (number | null)[]): MonthlyPassRate[] => rates.map((rate, i) => ({ month: `2027-${String(i + 1).padStart(2, '0')}`, rate }));

  it('79.9% for three consecutive months raises the signal', () => {
    expect(passRateSignal(months(0.799, 0.799, 0.799), rules)).toBe(true);
    expect(passRateSignalMonths(months(0.799, 0.799, 0.799), rules)).toEqual(['2027-03']);
  });

  it('two months below is not yet a signal', () => {
    expect(passRateSignal(months(0.9, 0.799, 0.799), rules)).toBe(false);
  });

  it('one month at exactly 80% breaks the run', () => {
    expect(passRateSignal(months(0.799, 0.8, 0.799), rules)).toBe(false);
    expect(passRateSignal(months(0.799, 0.799, 0.8), rules)).toBe(false);
    expect(passRateSignalMonths(months(0.799, 0.8, 0.799, 0.799, 0.799), rules)).toEqual(['2027-05']);
  });

  it('a month without exams or a missing month breaks the run; input order does not matter', () => {
    expect(passRateSignal(months(0.5, null, 0.5, 0.5), rules)).toBe(false);
    const gap: MonthlyPassRate[] = [
      { month: '2027-01', rate: 0.5 },
      { month: '2027-02', rate: 0.5 },
      { month: '2027-04', rate: 0.5 },
    ];
    expect(passRateSignal(gap, rules)).toBe(false);
    expect(passRateSignal([...months(0.5, 0.5, 0.5)].reverse(), rules)).toBe(true);
    // Over a year boundary.
    expect(passRateSignal([{ month: '2026-11', rate: 0.7 }, { month: '2026-12', rate: 0.7 }, { month: '2027-01', rate: 0.7 }], rules)).toBe(true);
  });

  it('a run longer than three months signals once, and keeps the latest month signalling', () => {
    const long = months(0.5, 0.5, 0.5, 0.5, 0.5);
    expect(passRateSignalMonths(long, rules)).toEqual(['2027-03']);
    expect(passRateSignal(long, rules)).toBe(true);
  });
});
