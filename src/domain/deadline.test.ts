import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addCalendarDays, compareDates, dayOfWeek, isWorkingDay, workingDaysBetween } from './calendar.js';
import type { HolidayCalendar } from './contract.js';
import { computeDeadline, isOverdue } from './deadline.js';

const cal: HolidayCalendar = { goodFriday: false, liberationDay: 'lustrum', source: 'test' };

const DAY = 86_400_000;
const isoDate = fc
  .integer({ min: Date.UTC(2000, 0, 1) / DAY, max: Date.UTC(2099, 11, 31) / DAY })
  .map((d) => new Date(d * DAY).toISOString().slice(0, 10));
const calendar = fc.record({
  goodFriday: fc.boolean(),
  liberationDay: fc.constantFrom('always' as const, 'lustrum' as const, 'never' as const),
  source: fc.constant('property'),
});
const deadline = fc.record({
  amount: fc.integer({ min: 0, max: 60 }),
  unit: fc.constantFrom('workingDays' as const, 'calendarDays' as const, 'weeks' as const, 'months' as const),
});

describe('R-CON-3 computeDeadline', () => {
  it('R-CON-3 acknowledgement within 5 working days (001 §1.1): referral 2026-12-23 is due 2026-12-31', () => {
    expect(computeDeadline('2026-12-23', { amount: 5, unit: 'workingDays' }, cal)).toBe('2026-12-31');
  });

  it('R-CON-3 intake invitation within 10 working days (001 §1.1), over Christmas and New Year', () => {
    // From Monday 2025-12-22: 23, 24, 29, 30, 31 Dec (1-5), 1 Jan is New Year, 2, 5, 6, 7, 8 Jan (6-10).
    expect(computeDeadline('2025-12-22', { amount: 10, unit: 'workingDays' }, cal)).toBe('2026-01-08');
  });

  it('R-CON-4 a calendar-days deadline landing on a Saturday moves to Monday', () => {
    // Monday 2 March 2026 + 5 days = Saturday 7 March -> Monday 9 March.
    expect(dayOfWeek('2026-03-07')).toBe(6);
    expect(computeDeadline('2026-03-02', { amount: 5, unit: 'calendarDays' }, cal)).toBe('2026-03-09');
  });

  it('R-CON-4 a calendar-days deadline landing on Boxing Day moves to the next working day', () => {
    // 2024: Boxing Day is Thursday 26 December -> Friday 27.
    expect(computeDeadline('2024-12-16', { amount: 10, unit: 'calendarDays' }, cal)).toBe('2024-12-27');
    // 2025: Boxing Day is Friday 26 December -> past the weekend to Monday 29.
    expect(computeDeadline('2025-12-16', { amount: 10, unit: 'calendarDays' }, cal)).toBe('2025-12-29');
    // Christmas Day 2025 (Thursday) moves past Boxing Day as well.
    expect(computeDeadline('2025-12-15', { amount: 10, unit: 'calendarDays' }, cal)).toBe('2025-12-29');
  });

  it("R-CON-3 final report within 2 weeks: a due date on King's Day 2026 moves to 28 April", () => {
    expect(computeDeadline('2026-04-13', { amount: 2, unit: 'weeks' }, cal)).toBe('2026-04-28');
    expect(computeDeadline('2026-04-14', { amount: 2, unit: 'weeks' }, cal)).toBe('2026-04-28');
  });

  it('R-CON-3 invoice within 6 weeks: a working day stays where it lands', () => {
    expect(computeDeadline('2026-03-20', { amount: 6, unit: 'weeks' }, cal)).toBe('2026-05-01');
  });

  it('R-CON-3 R-CON-4 months clamp first, then move: 31 Jan 2026 + 1 month = Sat 28 Feb -> Mon 2 Mar', () => {
    expect(computeDeadline('2026-01-31', { amount: 1, unit: 'months' }, cal)).toBe('2026-03-02');
    expect(computeDeadline('2028-01-31', { amount: 1, unit: 'months' }, cal)).toBe('2028-02-29');
  });

  it('R-CON-4 Liberation Day follows the contract calendar: 2 weeks from 21 April 2025 (lustrum year)', () => {
    expect(computeDeadline('2025-04-21', { amount: 2, unit: 'weeks' }, cal)).toBe('2025-05-06');
    expect(computeDeadline('2025-04-21', { amount: 2, unit: 'weeks' }, { ...cal, liberationDay: 'never' })).toBe('2025-05-05');
  });

  it('R-CON-4 an amount of 0 still lands on a working day', () => {
    expect(computeDeadline('2026-03-07', { amount: 0, unit: 'workingDays' }, cal)).toBe('2026-03-09');
    expect(computeDeadline('2026-03-09', { amount: 0, unit: 'workingDays' }, cal)).toBe('2026-03-09');
    expect(computeDeadline('2026-12-25', { amount: 0, unit: 'calendarDays' }, cal)).toBe('2026-12-28');
  });

  it('R-CON-3 property: the due date is never before `from` and is a working day', () => {
    fc.assert(
      fc.property(isoDate, deadline, calendar, (from, d, c) => {
        const due = computeDeadline(from, d, c);
        expect(compareDates(due, from)).toBeGreaterThanOrEqual(0);
        expect(isWorkingDay(due, c)).toBe(true);
      }),
    );
  });

  it('R-CON-3 property: working days count exactly; calendar units move at most to the next working day', () => {
    fc.assert(
      fc.property(isoDate, deadline, calendar, (from, d, c) => {
        const due = computeDeadline(from, d, c);
        if (d.unit === 'workingDays' && d.amount > 0) {
          expect(workingDaysBetween(from, due, c)).toBe(d.amount);
        } else if (d.unit === 'calendarDays') {
          // No working day lies between the raw date and the due date.
          const raw = addCalendarDays(from, d.amount);
          expect(workingDaysBetween(addCalendarDays(raw, -1), due, c)).toBe(1);
        }
      }),
    );
  });
});

describe('R-CON-3 isOverdue', () => {
  it('R-CON-3 the due date itself is on time; the day after is overdue', () => {
    expect(isOverdue('2026-12-31', '2026-12-30')).toBe(false);
    expect(isOverdue('2026-12-31', '2026-12-31')).toBe(false);
    expect(isOverdue('2026-12-31', '2027-01-01')).toBe(true);
  });
});
