// Amounts in whole cents (issue #11): the largest-remainder split as properties, and the schedule
// property that a route's products add up to its price to the cent (R-CON-6).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemAmounts } from './billable.js';
import type { PaymentSchedule } from './contract-data.js';
import { euro, spread, vatCents } from './money.js';

const scheduleOf = (shares: number[]): PaymentSchedule => ({
  product: 'r',
  source: 't',
  items: shares.map((s, i) => ({ code: `p${i + 1}`, name: 'n', trigger: { type: 'endOfMonth', month: i + 1 }, shareBasisPoints: s, source: 't' })),
});
/** Any split of 100% into 1–9 integer shares. */
const shares = fc.array(fc.nat(10000), { minLength: 1, maxLength: 9 }).map((ws) => spread(10000, ws));

describe('spread (largest remainder)', () => {
  it('€ 8.600 over 12/12/12/10: 3 × € 2.243,48 and € 1.869,56 — the earlier products get the extra cents', () => {
    expect(spread(860000, [1200, 1200, 1200, 1000])).toEqual([224348, 224348, 224348, 186956]);
    expect(spread(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(spread(0, [1, 2])).toEqual([0, 0]);
    expect(spread(5, [0, 0])).toEqual([3, 2]);
  });
  it('refuses fractions of a cent and negative totals', () => {
    expect(() => spread(10.5, [1])).toThrow(RangeError);
    expect(() => spread(-1, [1])).toThrow(RangeError);
    expect(() => spread(1, [0.5])).toThrow(RangeError);
  });
  it('property: never negative, sums exactly, each part within one cent of its exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.array(fc.nat(100000), { minLength: 1, maxLength: 12 }), (total, ws) => {
        const parts = spread(total, ws);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        const sum = ws.reduce((a, b) => a + b, 0) || ws.length;
        parts.forEach((p, i) => {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(Number.isInteger(p)).toBe(true);
          const exact = (total * (sum === ws.length && ws.every((w) => w === 0) ? 1 : (ws[i] ?? 0))) / sum;
          expect(Math.abs(p - exact)).toBeLessThan(1);
        });
      }),
    );
  });
});

describe('the products of a route (R-CON-6)', () => {
  it('property: they sum to the route price to the cent, for any shares', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), shares, (price, ss) => {
        expect(itemAmounts(scheduleOf(ss), price).reduce((a, b) => a + b, 0)).toBe(price);
      }),
    );
  });
  it('property: after a route change the rest (price minus paid, never below 0) is spread exactly over the items left', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), shares, fc.nat(9), (price, paid, ss, itemsPaid) => {
        const amounts = itemAmounts(scheduleOf(ss), price, { paidCents: paid, itemsPaid });
        const k = Math.min(itemsPaid, ss.length);
        expect(amounts.slice(0, k).every((a) => a === 0)).toBe(true);
        expect(amounts.every((a) => a >= 0)).toBe(true);
        expect(amounts.reduce((a, b) => a + b, 0)).toBe(k === ss.length ? 0 : Math.max(0, price - paid));
      }),
    );
  });
});

describe('VAT and display', () => {
  it('21% of € 216 is € 45,36; half a cent rounds up', () => {
    expect(vatCents(21600, 21)).toBe(4536);
    expect(vatCents(50, 1)).toBe(1);
    expect(vatCents(49, 1)).toBe(0);
    expect(euro(1400000)).toBe('€ 14.000,00');
    expect(euro(224348)).toBe('€ 2.243,48');
  });
});
