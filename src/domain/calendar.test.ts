import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addCalendarDays,
  addMonths,
  addWeeks,
  addWorkingDays,
  compareDates,
  dayOfWeek,
  isWorkingDay,
  nextWorkingDay,
  onOrAfterWorkingDay,
  publicHolidays,
  workingDaysBetween,
} from './calendar.js';
import type { HolidayCalendar } from './contract.js';

const cal = (over: Partial<HolidayCalendar> = {}): HolidayCalendar => ({
  goodFriday: false,
  liberationDay: 'lustrum',
  source: 'test',
  ...over,
});
const plain = cal({ liberationDay: 'never' });

// Dates 2000-01-01 … 2099-12-31, as day numbers mapped to ISO strings (UTC, independent of this code).
const DAY = 86_400_000;
const isoDate = fc
  .integer({ min: Date.UTC(2000, 0, 1) / DAY, max: Date.UTC(2099, 11, 31) / DAY })
  .map((d) => new Date(d * DAY).toISOString().slice(0, 10));
const calendar = fc.record({
  goodFriday: fc.boolean(),
  liberationDay: fc.constantFrom('always' as const, 'lustrum' as const, 'never' as const),
  source: fc.constant('property'),
});

describe('date arithmetic', () => {
  it('dayOfWeek is ISO: 1 = Monday … 7 = Sunday', () => {
    expect(dayOfWeek('2026-04-27')).toBe(1);
    expect(dayOfWeek('2026-12-23')).toBe(3);
    expect(dayOfWeek('2025-04-27')).toBe(7);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-28')).toBe(7);
  });

  it('compareDates orders dates', () => {
    expect(compareDates('2026-01-01', '2026-01-02')).toBe(-1);
    expect(compareDates('2026-01-02', '2026-01-02')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(['2026-03-01', '2025-12-31', '2026-02-28'].sort(compareDates)).toEqual(['2025-12-31', '2026-02-28', '2026-03-01']);
  });

  it('addCalendarDays crosses month, year and leap day', () => {
    expect(addCalendarDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    // 29 March 2026 is the switch to summer time: a local-time implementation would lose an hour here.
    expect(addCalendarDays('2026-03-28', 2)).toBe('2026-03-30');
  });

  it('addWeeks adds 7 days per week', () => {
    expect(addWeeks('2026-12-21', 2)).toBe('2027-01-04');
    expect(addWeeks('2026-01-14', -2)).toBe('2025-12-31');
  });

  it('addMonths clamps to the last day of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-05-10', 0)).toBe('2026-05-10');
  });

  it('addMonths in leap year 2028: 31 January + 1 month = 29 February, 29 February + 12 months = 28 February', () => {
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2027-02-28', 12)).toBe('2028-02-28');
    expect(addMonths('2028-02-29', 48)).toBe('2032-02-29');
  });

  it('rejects what is not a real YYYY-MM-DD date or an integer amount', () => {
    for (const bad of ['2026-02-30', '2026-2-3', '', '2026-13-01', '26-01-01', '2026-01-01T00:00:00Z']) {
      expect(() => addCalendarDays(bad, 1)).toThrow(RangeError);
    }
    expect(() => addCalendarDays('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => addMonths('2026-01-01', Number.NaN)).toThrow(RangeError);
    expect(() => addCalendarDays('9999-12-31', 1)).toThrow(RangeError);
  });
});

describe('R-CON-4 public holidays', () => {
  it('R-CON-4 2026: only date-holidays "public" days; Oudejaarsavond (bank) and the options are not in', () => {
    expect(publicHolidays(2026, plain)).toEqual([
      '2026-01-01', // New Year
      '2026-04-05', // Easter Sunday
      '2026-04-06', // Easter Monday
      '2026-04-27', // King's Day
      '2026-05-14', // Ascension
      '2026-05-24', // Whit Sunday
      '2026-05-25', // Whit Monday
      '2026-12-25', // Christmas
      '2026-12-26', // Boxing Day
    ]);
    expect(isWorkingDay('2026-12-31', cal({ goodFriday: true, liberationDay: 'always' }))).toBe(true);
  });

  it('R-CON-4 options add Good Friday and Liberation Day, sorted', () => {
    const all = publicHolidays(2026, cal({ goodFriday: true, liberationDay: 'always' }));
    expect(all).toContain('2026-04-03');
    expect(all).toContain('2026-05-05');
    expect(all).toHaveLength(11);
    expect([...all].sort()).toEqual(all);
  });

  it('R-CON-4 Easter 2026: Good Friday 3 April counts only when the contract says so; Easter Monday 6 April always', () => {
    expect(isWorkingDay('2026-04-03', cal({ goodFriday: true }))).toBe(false);
    expect(isWorkingDay('2026-04-03', cal({ goodFriday: false }))).toBe(true);
    expect(isWorkingDay('2026-04-06', cal({ goodFriday: true }))).toBe(false);
    expect(isWorkingDay('2026-04-06', cal({ goodFriday: false }))).toBe(false);
    // Thursday 2 April + 1 working day: Friday 3 April, or Tuesday 7 April when Good Friday is off too.
    expect(addWorkingDays('2026-04-02', 1, cal({ goodFriday: false }))).toBe('2026-04-03');
    expect(addWorkingDays('2026-04-02', 1, cal({ goodFriday: true }))).toBe('2026-04-07');
  });

  it('R-CON-4 Good Friday is always the Friday three days before date-holidays\' Easter Monday (1990-2100)', () => {
    for (let year = 1990; year <= 2100; year++) {
      const withGf = publicHolidays(year, cal({ goodFriday: true, liberationDay: 'never' }));
      const without = new Set(publicHolidays(year, plain));
      const extra = withGf.filter((d) => !without.has(d));
      expect(extra).toHaveLength(1);
      const goodFriday = extra[0]!;
      expect(dayOfWeek(goodFriday)).toBe(5);
      expect(without.has(addCalendarDays(goodFriday, 3))).toBe(true);
    }
  });

  it("R-CON-4 King's Day 2026 is Monday 27 April", () => {
    expect(dayOfWeek('2026-04-27')).toBe(1);
    expect(isWorkingDay('2026-04-27', plain)).toBe(false);
    expect(addWorkingDays('2026-04-24', 1, plain)).toBe('2026-04-28');
  });

  it("R-CON-4 King's Day 2025: 27 April is a Sunday, so Saturday 26 April by law and no weekday off", () => {
    const days = publicHolidays(2025, plain);
    expect(days).toContain('2025-04-26');
    expect(days).not.toContain('2025-04-27');
    expect(days).not.toContain('2025-04-28');
    expect(isWorkingDay('2025-04-25', plain)).toBe(true);
    expect(isWorkingDay('2025-04-28', plain)).toBe(true);
    expect(addWorkingDays('2025-04-25', 1, plain)).toBe('2025-04-28');
  });

  it("R-CON-4 King's Day follows the law every year 2014-2100: 27 April, Saturday 26 April when the 27th is a Sunday", () => {
    for (let year = 2014; year <= 2100; year++) {
      const april27 = `${year}-04-27`;
      const expected = dayOfWeek(april27) === 7 ? `${year}-04-26` : april27;
      // Easter Monday can fall on 26 April too (2038): found as Good Friday + 3 days, then left out.
      const goodFriday = publicHolidays(year, cal({ goodFriday: true, liberationDay: 'never' })).find((d) => dayOfWeek(d) === 5 && isWorkingDay(d, plain));
      const easterMonday = addCalendarDays(goodFriday!, 3);
      const april = publicHolidays(year, plain).filter((d) => d !== easterMonday && d >= `${year}-04-26` && d <= `${year}-04-28`);
      expect(april, String(year)).toEqual([expected]);
    }
  });

  it('R-CON-4 Ascension 2026 (Thursday 14 May) and Whit Monday 2026 (25 May) are not working days', () => {
    expect(isWorkingDay('2026-05-14', plain)).toBe(false);
    expect(isWorkingDay('2026-05-15', plain)).toBe(true);
    expect(isWorkingDay('2026-05-25', plain)).toBe(false);
    expect(addWorkingDays('2026-05-13', 1, plain)).toBe('2026-05-15');
    expect(addWorkingDays('2026-05-22', 1, plain)).toBe('2026-05-26');
  });

  it("R-CON-4 Liberation Day: 2025 (lustrum year, Monday 5 May) vs 2026 (Tuesday) under 'lustrum', 'always', 'never'", () => {
    const table: [HolidayCalendar['liberationDay'], boolean, boolean][] = [
      // option,   5 May 2025 working?, 5 May 2026 working?
      ['lustrum', false, true],
      ['always', false, false],
      ['never', true, true],
    ];
    for (const [liberationDay, in2025, in2026] of table) {
      expect(isWorkingDay('2025-05-05', cal({ liberationDay })), `${liberationDay} 2025`).toBe(in2025);
      expect(isWorkingDay('2026-05-05', cal({ liberationDay })), `${liberationDay} 2026`).toBe(in2026);
    }
    expect(dayOfWeek('2025-05-05')).toBe(1);
    expect(dayOfWeek('2026-05-05')).toBe(2);
  });
});

describe('R-CON-4 working-day arithmetic', () => {
  it('R-CON-3 R-CON-4 seed 001 §1.1: 5 working days after Wednesday 2026-12-23 is Thursday 2026-12-31', () => {
    // 24 Thu (1), 25 Fri Christmas, 26 Sat (Boxing Day), 27 Sun, 28 Mon (2), 29 (3), 30 (4), 31 Thu (5).
    expect(addWorkingDays('2026-12-23', 5, plain)).toBe('2026-12-31');
  });

  it('R-CON-4 5 and 6 working days after Monday 2025-12-22, over Christmas and New Year 2026', () => {
    // 23 Tue (1), 24 Wed (2), 25 Thu Christmas, 26 Fri Boxing Day, 27-28 weekend, 29 Mon (3), 30 Tue (4),
    // 31 Wed (5): Oudejaarsavond is no public holiday. Then 1 Jan Thu New Year, 2 Jan Fri (6).
    expect(addWorkingDays('2025-12-22', 5, plain)).toBe('2025-12-31');
    expect(addWorkingDays('2025-12-22', 6, plain)).toBe('2026-01-02');
    expect(workingDaysBetween('2025-12-22', '2026-01-02', plain)).toBe(6);
  });

  it('R-CON-4 addWorkingDays: n = 0 returns the date itself, even on a Saturday; n < 0 throws', () => {
    expect(addWorkingDays('2026-03-07', 0, plain)).toBe('2026-03-07');
    expect(addWorkingDays('2026-03-07', 1, plain)).toBe('2026-03-09');
    expect(() => addWorkingDays('2026-03-09', -1, plain)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-09', 0.5, plain)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-30', 0, plain)).toThrow(RangeError);
  });

  it('R-CON-4 addWorkingDays: 30 working days from 2026-04-01 skip Easter Monday, King\'s Day, Ascension', () => {
    // Counted by hand from Wednesday 1 April: 2, 3 Apr (1-2), Easter Monday 6 Apr skipped, 7-10 (3-6),
    // 13-17 (7-11), 20-24 (12-16), King's Day 27 Apr skipped, 28-30 (17-19), Fri 1 May (20), 4-8 May
    // (21-25; 2026 is no lustrum year), 11-13 (26-28), Ascension 14 May skipped, 15 (29), Mon 18 May (30).
    // With Good Friday and Liberation Day off as well, two more days: Wednesday 20 May.
    expect(addWorkingDays('2026-04-01', 30, plain)).toBe('2026-05-18');
    expect(addWorkingDays('2026-04-01', 30, cal({ goodFriday: true, liberationDay: 'always' }))).toBe('2026-05-20');
  });

  it('R-CON-4 nextWorkingDay is strictly after; onOrAfterWorkingDay keeps a working day', () => {
    expect(nextWorkingDay('2026-03-06', plain)).toBe('2026-03-09'); // Fri -> Mon
    expect(nextWorkingDay('2026-03-09', plain)).toBe('2026-03-10');
    expect(onOrAfterWorkingDay('2026-03-09', plain)).toBe('2026-03-09');
    expect(onOrAfterWorkingDay('2026-03-07', plain)).toBe('2026-03-09');
    expect(onOrAfterWorkingDay('2026-12-25', plain)).toBe('2026-12-28');
  });

  it('R-CON-4 workingDaysBetween counts (from, to] and is 0 for an empty interval', () => {
    expect(workingDaysBetween('2026-03-06', '2026-03-09', plain)).toBe(1);
    expect(workingDaysBetween('2026-03-09', '2026-03-09', plain)).toBe(0);
    expect(workingDaysBetween('2026-03-10', '2026-03-09', plain)).toBe(0);
    expect(workingDaysBetween('2025-12-31', '2026-12-31', plain)).toBe(255);
  });

  it('R-CON-4 property: addWorkingDays(d, n) is a working day for n >= 1', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 60 }), calendar, (d, n, c) => {
        expect(isWorkingDay(addWorkingDays(d, n, c), c)).toBe(true);
      }),
    );
  });

  it('R-CON-4 property: addWorkingDays is strictly increasing in n', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 60 }), calendar, (d, n, c) => {
        expect(compareDates(addWorkingDays(d, n, c), addWorkingDays(d, n + 1, c))).toBe(-1);
      }),
    );
  });

  it('R-CON-4 property: workingDaysBetween(d, addWorkingDays(d, n)) === n', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 60 }), calendar, (d, n, c) => {
        expect(workingDaysBetween(d, addWorkingDays(d, n, c), c)).toBe(n);
      }),
    );
  });

  it('R-CON-4 property: onOrAfterWorkingDay is a working day and no working day is skipped', () => {
    fc.assert(
      fc.property(isoDate, calendar, (d, c) => {
        const r = onOrAfterWorkingDay(d, c);
        expect(isWorkingDay(r, c)).toBe(true);
        expect(workingDaysBetween(addCalendarDays(d, -1), r, c)).toBe(1);
        expect(r === d).toBe(isWorkingDay(d, c));
      }),
    );
  });

  it('R-CON-4 property: addMonths never overshoots into the month after', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -36, max: 36 }), (d, n) => {
        const r = addMonths(d, n);
        const months = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7));
        expect(months(r) - months(d)).toBe(n);
        expect(Number(r.slice(8))).toBeLessThanOrEqual(Number(d.slice(8)));
      }),
    );
  });
});
