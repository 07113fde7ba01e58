// The totals the store keeps on an invoice or credit note row (R-INV-4, R-INV-5), computed by the one
// rule the UBL and the PDF print with: documentTotals in src/domain/invoice-document.ts (EN 16931
// BR-CO-17: per VAT category and rate, the rate applied once to the sum of the lines, rounded to the
// cent half away from zero). A stored line is one unit at its amount, so its net is its amount. One
// rule, so the stored and the sent invoice cannot differ by a cent.
import { documentTotals, type LineVat, vatCents } from '../../domain/invoice-document.js';
import type { VatCategory } from './store-types.js';

export interface TotalsLine {
  amountCents: number;
  vatCategory: VatCategory;
  vatRate: number;
}

export interface Totals {
  exclVatCents: number;
  vatCents: number;
  inclVatCents: number;
  /** One entry per (category, rate), in first-seen order: the VAT breakdown of the e-invoice. */
  breakdown: { vatCategory: VatCategory; vatRate: number; taxableCents: number; vatCents: number }[];
}

/** Only exempt (the learning route) and standard-rated (the PVT) lines are invoiced (store-map.ts). */
function lineVat(l: TotalsLine): LineVat {
  if (l.vatCategory === 'E') return { category: 'E', exemptionReason: 'E' };
  if (l.vatCategory === 'S') return { category: 'S', ratePercent: l.vatRate };
  throw new Error(`VAT category ${l.vatCategory} is not invoiced by Koers`);
}

export function invoiceTotals(lines: readonly TotalsLine[]): Totals {
  const t = documentTotals({ lines: lines.map((l, i) => ({ id: String(i + 1), clientNumber: '', startDate: '', productName: '', deliveryMonth: '', quantity: 1, unitPriceCents: l.amountCents, vat: lineVat(l) })) });
  return {
    exclVatCents: t.lineTotalCents,
    vatCents: t.vatTotalCents,
    inclVatCents: t.payableCents,
    breakdown: t.vat.map((g) => ({ vatCategory: g.category, vatRate: g.ratePercent, taxableCents: g.taxableCents, vatCents: g.vatCents })),
  };
}

/** cents × rate% rounded half away from zero (the document model's rule). */
export const vatOf = vatCents;
