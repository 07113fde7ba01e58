// R-INV-5: the totals the store keeps on an invoice row (src/features/invoicing/totals.ts) and the totals
// the UBL and the PDF print (src/domain/invoice-document.ts) are computed in two places; they must never
// disagree by a cent, or the stored invoice and the sent e-invoice differ.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentTotals, type LineVat } from '../src/domain/invoice-document.js';
import { invoiceTotals } from '../src/features/invoicing/totals.js';
import { EXEMPT, line } from './support/invoice-documents.js';

const vats: LineVat[] = [EXEMPT, { category: 'S', ratePercent: 21 }, { category: 'S', ratePercent: 9 }];

describe('stored and printed invoice totals', () => {
  it('agree to the cent for any lines of quantity 1 (the stored line amount is the line net)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ cents: fc.integer({ min: 0, max: 10_000_000 }), vat: fc.constantFrom(...vats) }), { minLength: 1, maxLength: 40 }), (rows) => {
        const printed = documentTotals({ lines: rows.map((r, i) => line(i + 1, { unitPriceCents: r.cents, vat: r.vat })) });
        const stored = invoiceTotals(rows.map((r) => ({ amountCents: r.cents, vatCategory: r.vat.category, vatRate: r.vat.category === 'E' ? 0 : r.vat.ratePercent })));
        expect([stored.exclVatCents, stored.vatCents, stored.inclVatCents]).toEqual([printed.lineTotalCents, printed.vatTotalCents, printed.payableCents]);
        expect(stored.breakdown.map((g) => [g.vatCategory, g.vatRate, g.taxableCents, g.vatCents])).toEqual(printed.vat.map((g) => [g.category, g.ratePercent, g.taxableCents, g.vatCents]));
      }),
    );
  });
});
