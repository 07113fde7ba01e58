import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from './calendar.js';
import { ageOn, isYouth, youthBornAfter } from './youth.js';

describe('the youth segment (R-PAR-4)', () => {
  it('is under 27 up to the day before the 27th birthday, not on it', () => {
    expect(isYouth('1999-12-24', '2026-12-23')).toBe(true);
    expect(isYouth('1999-12-23', '2026-12-23')).toBe(false);
    expect(isYouth('1999-12-22', '2026-12-23')).toBe(false);
    expect(ageOn('1999-12-24', '2026-12-23')).toBe(26);
    expect(ageOn('1999-12-23', '2026-12-23')).toBe(27);
  });

  it('someone born on 29 February turns 27 on 1 March in a year without 29 February', () => {
    expect(isYouth('2000-02-29', '2027-02-28')).toBe(true);
    expect(isYouth('2000-02-29', '2027-03-01')).toBe(false);
    expect(ageOn('2000-02-29', '2027-02-28')).toBe(26);
    expect(ageOn('2000-02-29', '2027-03-01')).toBe(27);
    // In a leap year on the day itself.
    expect(isYouth('2001-02-28', '2028-02-27')).toBe(true);
    expect(isYouth('1996-02-29', '2023-02-28')).toBe(true);
    expect(isYouth('1996-02-29', '2023-03-01')).toBe(false);
    expect(youthBornAfter('2027-02-28')).toBe('2000-02-28');
    expect(youthBornAfter('2028-02-29')).toBe('2001-02-29');
  });

  it('a date before the birth is refused', () => {
    expect(() => ageOn('2000-01-02', '2000-01-01')).toThrow(RangeError);
  });

  const date = fc.date({ min: new Date('1940-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('agrees with the age: youth ⇔ age < 27, and the age grows by one exactly on a birthday', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 80 * 366 }), (birth, days) => {
        const on = addCalendarDays(birth, days);
        expect(isYouth(birth, on)).toBe(ageOn(birth, on) < 27);
        const next = addCalendarDays(on, 1);
        const step = ageOn(birth, next) - ageOn(birth, on);
        expect(step === 0 || step === 1).toBe(true);
      }),
    );
  });

  it('leaves the segment once: under 27 up to a day, never again after it', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 40 * 366 }), fc.integer({ min: 1, max: 400 }), (birth, days, later) => {
        const on = addCalendarDays(birth, days);
        if (!isYouth(birth, on)) expect(isYouth(birth, addCalendarDays(on, later))).toBe(false);
      }),
    );
  });
});
