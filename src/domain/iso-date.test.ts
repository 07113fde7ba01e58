import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IsoDate, isSaneIsoDate, MAX_YEAR, MIN_YEAR } from './iso-date.js';

describe('IsoDate (issue #9 hole 5)', () => {
  it('takes real calendar dates from 1900 to 2199', () => {
    for (const d of ['1900-01-01', '2024-02-29', '2026-12-31', '2199-12-31', '2000-02-29']) expect(IsoDate.safeParse(d).success, d).toBe(true);
  });

  it('refuses year 0000, years outside the range, impossible days and other shapes', () => {
    for (const d of ['0000-01-01', '0001-01-01', '1899-12-31', '2200-01-01', '9999-12-31', '2026-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-01', ' 2026-01-01', '2026-01-01T00:00:00Z', '+02026-01-01', '', '2026-01-01\u0000']) {
      expect(IsoDate.safeParse(d).success, JSON.stringify(d)).toBe(false);
    }
    expect(IsoDate.safeParse(20260101).success).toBe(false);
  });

  it('the message names the range and never the value', () => {
    const r = IsoDate.safeParse('1850-03-04');
    expect(r.error?.issues[0]?.message).toContain(`${MIN_YEAR} en ${MAX_YEAR}`);
    expect(r.error?.issues[0]?.message).not.toContain('1850');
  });

  it('agrees with the calendar on every day of the range (property)', () => {
    const day = 86_400_000;
    const from = Date.UTC(MIN_YEAR, 0, 1);
    const to = Date.UTC(MAX_YEAR, 11, 31);
    fc.assert(
      fc.property(fc.integer({ min: from / day - 400, max: to / day + 400 }), (n) => {
        const iso = new Date(n * day).toISOString().slice(0, 10);
        expect(isSaneIsoDate(iso)).toBe(n * day >= from && n * day <= to);
      }),
    );
  });
});
