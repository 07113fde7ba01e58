// The totals of an invoice (R-INV-4, R-INV-5): VAT once per category and rate on the sum (EN 16931
// BR-CO-17), rounded half away from zero, in integer cents.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoiceTotals, vatOf } from './totals.js';

describe('invoice totals', () => {
  it('rounds 21% of 2.50 (0.525) up to 0.53 and 9% of 0.50 (0.045) up to 0.05', () => {
    expect(vatOf(250, 21)).toBe(53);
    expect(vatOf(50, 9)).toBe(5);
    expect(vatOf(249, 21)).toBe(52);
    expect(vatOf(12_345, 0)).toBe(0);
  });

  it('groups per category and rate: three PVT lines of 0.05 at 21% give 0.03 VAT; exempt lines none', () => {
    const t = invoiceTotals([
      { amountCents: 5, vatCategory: 'S', vatRate: 21 },
      { amountCents: 5, vatCategory: 'S', vatRate: 21 },
      { amountCents: 100_00, vatCategory: 'E', vatRate: 0 },
      { amountCents: 5, vatCategory: 'S', vatRate: 21 },
    ]);
    expect(t).toEqual({
      exclVatCents: 100_15,
      vatCents: 3,
      inclVatCents: 100_18,
      breakdown: [
        { vatCategory: 'S', vatRate: 21, taxableCents: 15, vatCents: 3 },
        { vatCategory: 'E', vatRate: 0, taxableCents: 100_00, vatCents: 0 },
      ],
    });
  });

  it('property: the totals add up exactly and each VAT amount is within half a cent of the exact value', () => {
    const line = fc.record({
      amountCents: fc.integer({ min: 0, max: 10_000_000 }),
      vat: fc.constantFrom({ vatCategory: 'S' as const, vatRate: 21 }, { vatCategory: 'S' as const, vatRate: 9 }, { vatCategory: 'E' as const, vatRate: 0 }),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const t = invoiceTotals(lines.map((l) => ({ amountCents: l.amountCents, ...l.vat })));
        expect(t.exclVatCents).toBe(lines.reduce((s, l) => s + l.amountCents, 0));
        expect(t.inclVatCents).toBe(t.exclVatCents + t.vatCents);
        expect(t.vatCents).toBe(t.breakdown.reduce((s, g) => s + g.vatCents, 0));
        for (const g of t.breakdown) expect(Math.abs(g.vatCents - (g.taxableCents * g.vatRate) / 100)).toBeLessThanOrEqual(0.5);
      }),
    );
  });
});
