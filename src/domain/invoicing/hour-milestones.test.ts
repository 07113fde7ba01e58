// R-INV-1, R-HRS-1: the day the route's running sum of registered hours reaches a schedule's hour
// milestone — examples on Westfriesland's 200/400/600 shape and properties over arbitrary hours: the days
// are monotone in the milestone, never before the hours exist, and equal to a naive scan day by day.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../calendar.js';
import type { PaymentSchedule } from './contract-data.js';
import { hourMilestoneFacts, type RouteHours, scheduleMilestones } from './hour-milestones.js';

const schedule: PaymentSchedule = {
  product: 'b1_language',
  source: 't',
  items: [
    { code: 'p1', name: 'Start', trigger: { type: 'start' }, shareBasisPoints: 2500, source: 't' },
    { code: 'p2', name: '200 uur', trigger: { type: 'hourMilestone', hours: 200 }, shareBasisPoints: 2000, source: 't' },
    { code: 'p3', name: '400 uur', trigger: { type: 'hourMilestone', hours: 400 }, shareBasisPoints: 2000, source: 't' },
    { code: 'p4', name: '600 uur', trigger: { type: 'hourMilestone', hours: 600 }, shareBasisPoints: 2000, source: 't' },
    { code: 'p5', name: 'Einde', trigger: { type: 'endOfRoute' }, shareBasisPoints: 1500, source: 't' },
  ],
};
const START = '2026-01-05';
const lesson = (date: string, minutes: number, kind = 'language'): RouteHours => ({ date, kind, minutes, startClass: false });

describe('hourMilestoneFacts', () => {
  it('199 hours earn no milestone; the lesson that reaches 200 hours gives its own date', () => {
    const upTo199 = Array.from({ length: 199 }, (_, i) => lesson(addCalendarDays(START, i), 60));
    expect(hourMilestoneFacts(schedule, START, upTo199)).toEqual([]);
    expect(hourMilestoneFacts(schedule, START, [...upTo199, lesson('2026-08-01', 60)])).toEqual([{ hours: 200, reachedOn: '2026-08-01' }]);
  });

  it('counts lesson kinds and pushed hour kinds alike (KNM is language, participation counts as route hours)', () => {
    const hours = [lesson('2026-02-01', 100 * 60, 'knm'), { date: '2026-03-01', kind: 'participation', minutes: 100 * 60, startClass: true }, lesson('2026-04-01', 200 * 60, 'makeUp')];
    expect(hourMilestoneFacts(schedule, START, hours)).toEqual([{ hours: 200, reachedOn: '2026-03-01' }, { hours: 400, reachedOn: '2026-04-01' }]);
  });

  it('hours before the start count, but a milestone reached before the start is reached on the start', () => {
    const startClass = { date: '2025-11-03', kind: 'language', minutes: 150 * 60, startClass: true };
    expect(hourMilestoneFacts(schedule, START, [startClass, lesson('2025-12-01', 60 * 60), lesson('2026-02-02', 200 * 60)])).toEqual([
      { hours: 200, reachedOn: START },
      { hours: 400, reachedOn: '2026-02-02' },
    ]);
  });

  it('one big entry crosses several milestones on its day; a schedule without milestones needs none', () => {
    expect(hourMilestoneFacts(schedule, START, [lesson('2026-05-05', 650 * 60)]).map((m) => m.reachedOn)).toEqual(['2026-05-05', '2026-05-05', '2026-05-05']);
    expect(hourMilestoneFacts({ ...schedule, items: schedule.items.filter((i) => i.trigger.type !== 'hourMilestone').map((i) => ({ ...i, shareBasisPoints: i.code === 'p1' ? 8500 : 1500 })) }, START, [lesson('2026-05-05', 650 * 60)])).toEqual([]);
    expect(scheduleMilestones(schedule)).toEqual([200, 400, 600]);
  });
});

const hoursArb = fc.array(
  fc.record({ date: fc.integer({ min: 0, max: 400 }).map((n) => addCalendarDays(START, n)), kind: fc.constantFrom('language', 'knm', 'participation', 'internship'), minutes: fc.integer({ min: 1, max: 600 }), startClass: fc.boolean() }),
  { maxLength: 300 },
);
const milestonesArb = fc.uniqueArray(fc.integer({ min: 1, max: 900 }), { minLength: 1, maxLength: 5 });
const scheduleOf = (milestones: readonly number[]): PaymentSchedule => ({
  product: 'x',
  source: 't',
  items: milestones.map((h, i) => ({ code: `p${i}`, name: 'n', trigger: { type: 'hourMilestone' as const, hours: h }, shareBasisPoints: i === 0 ? 10000 : 0, source: 't' })),
});

const BEFORE_ALL = '2000-01-01';

/** The naive reading: walk the days in order and take the first whose total up to and including it reaches N hours. */
function naive(hours: readonly RouteHours[], n: number): string | undefined {
  const days = [...new Set(hours.map((h) => h.date))].sort();
  for (const d of days) if (hours.filter((h) => h.date <= d).reduce((s, h) => s + h.minutes, 0) >= n * 60) return d;
  return undefined;
}

describe('hourMilestoneFacts, properties', () => {
  it('equals a naive scan day by day, for every milestone', () => {
    fc.assert(
      fc.property(hoursArb, milestonesArb, (hours, milestones) => {
        const got = new Map(hourMilestoneFacts(scheduleOf(milestones), BEFORE_ALL, hours).map((m) => [m.hours, m.reachedOn]));
        for (const n of milestones) expect(got.get(n)).toBe(naive(hours, n));
      }),
    );
  });

  it('is monotone: a higher milestone is never reached before a lower one, and is never reached before the hours exist', () => {
    fc.assert(
      fc.property(hoursArb, milestonesArb, (hours, milestones) => {
        const got = hourMilestoneFacts(scheduleOf(milestones), BEFORE_ALL, hours);
        for (let i = 1; i < got.length; i++) {
          expect((got[i]?.hours ?? 0) > (got[i - 1]?.hours ?? 0)).toBe(true);
          expect((got[i]?.reachedOn ?? '') >= (got[i - 1]?.reachedOn ?? '')).toBe(true);
        }
        for (const m of got) {
          expect(m.reachedOn >= (hours.map((h) => h.date).sort()[0] ?? '')).toBe(true);
          // Enough hours up to and including the day, and not yet the day before.
          expect(hours.filter((h) => h.date <= m.reachedOn).reduce((s, h) => s + h.minutes, 0)).toBeGreaterThanOrEqual(m.hours * 60);
          expect(hours.filter((h) => h.date < m.reachedOn).reduce((s, h) => s + h.minutes, 0)).toBeLessThan(m.hours * 60);
        }
      }),
    );
  });

  it('is never before the start, and on or after it equals the day the hours reached the milestone', () => {
    fc.assert(
      fc.property(hoursArb, milestonesArb, fc.integer({ min: 0, max: 400 }).map((n) => addCalendarDays(START, n)), (hours, milestones, startedOn) => {
        const free = new Map(hourMilestoneFacts(scheduleOf(milestones), BEFORE_ALL, hours).map((m) => [m.hours, m.reachedOn]));
        for (const m of hourMilestoneFacts(scheduleOf(milestones), startedOn, hours)) {
          const reached = free.get(m.hours) ?? '';
          expect(m.reachedOn).toBe(reached < startedOn ? startedOn : reached);
        }
      }),
    );
  });
});
