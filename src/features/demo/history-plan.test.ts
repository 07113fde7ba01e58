// Issue #13: the demo year's plan (src/features/demo/history-plan.ts) is a history that could have
// happened: within the contract term, never after the demo's today, every step after the one before it,
// and spread over the four quarters before today.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, compareDates } from '../../domain/calendar.js';
import { lastDayInGroup, planHistory, type HistoryLifecycle } from './history-plan.js';
import { seededRandom } from './seeded.js';

const MUNICIPALITIES = ['hoorn', 'enkhuizen', 'medemblik', 'opmeer'];
const ordered = (l: HistoryLifecycle): boolean => {
  const steps = [l.referredOn, l.acknowledgedOn, l.invitedOn, l.intakeOn, l.planSubmittedOn, l.planApprovedOn, l.planSignedOn, l.startedOn];
  return steps.every((d, i) => i === 0 || compareDates(steps[i - 1] ?? d, d) < 0);
};

describe('the demo year (issue #13)', () => {
  it('refers in each of the four quarters of 2026 before 23 December, starts each route, and ends some in three quarters', () => {
    const plan = planHistory(seededRandom(2039), MUNICIPALITIES, '2026-01-01', '2026-12-23');
    const quarterOf = (d: string) => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
    expect(new Set(plan.map((r) => quarterOf(r.referredOn)))).toEqual(new Set(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']));
    const ends = plan.flatMap((r) => (r.outcome.type === 'routeEnded' || r.outcome.type === 'droppedOut' ? [quarterOf(r.outcome.on)] : []));
    expect(new Set(ends).size).toBeGreaterThanOrEqual(3);
    expect(plan.length).toBeGreaterThan(40);
    // Some acknowledgements are late (more than 5 working days ≈ 7 calendar days): deadline compliance has something to show.
    expect(plan.some((r) => compareDates(addCalendarDays(r.referredOn, 7), r.acknowledgedOn) < 0)).toBe(true);
    expect(plan.some((r) => r.scaling?.direction === 'down')).toBe(true);
  });

  it('is empty when the term leaves less than a quarter before today', () => {
    expect(planHistory(seededRandom(1), MUNICIPALITIES, '2026-01-01', '2026-04-15')).toEqual([]);
  });

  it('never dates a step before the term or after today, and keeps every step after the one before it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 120, max: 900 }), (seed, daysIntoTerm) => {
        const today = addCalendarDays('2026-01-01', daysIntoTerm);
        for (const r of planHistory(seededRandom(seed), MUNICIPALITIES, '2026-01-01', today)) {
          expect(ordered(r)).toBe(true);
          expect(compareDates('2026-01-01', r.referredOn)).toBeLessThanOrEqual(0);
          expect(compareDates(r.startedOn, today)).toBeLessThan(0);
          if (r.outcome.type !== 'running') expect(compareDates(r.startedOn, r.outcome.on)).toBeLessThan(0);
          if (r.outcome.type !== 'running') expect(compareDates(r.outcome.on, today)).toBeLessThan(0);
          if (r.outcome.type === 'onHold' && r.outcome.resumedOn !== null) expect(compareDates(r.outcome.on, r.outcome.resumedOn)).toBeLessThan(0);
          expect(compareDates(lastDayInGroup(r, today), r.startedOn)).toBeGreaterThanOrEqual(0);
          if (r.scaling !== null) expect(compareDates(r.scaling.decidedOn, today)).toBeLessThan(0);
        }
      }),
      { numRuns: 60 },
    );
  });
});
