// The totals of an invoice or credit note from its lines (R-INV-4, R-INV-5). VAT follows EN 16931
// (BR-CO-17): per VAT category and rate, the rate applied once to the sum of the lines and rounded to
// the cent, half away from zero; the invoice's VAT is the sum of those. Integer arithmetic throughout,
// so no amount drifts by a floating-point cent.
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

export function invoiceTotals(lines: readonly TotalsLine[]): Totals {
  const groups = new Map<string, { vatCategory: VatCategory; vatRate: number; taxableCents: number; vatCents: number }>();
  for (const l of lines) {
    const key = `${l.vatCategory}|${l.vatRate}`;
    const g = groups.get(key) ?? { vatCategory: l.vatCategory, vatRate: l.vatRate, taxableCents: 0, vatCents: 0 };
    g.taxableCents += l.amountCents;
    groups.set(key, g);
  }
  const breakdown = [...groups.values()].map((g) => ({ ...g, vatCents: vatOf(g.taxableCents, g.vatRate) }));
  const exclVatCents = breakdown.reduce((s, g) => s + g.taxableCents, 0);
  const vatCents = breakdown.reduce((s, g) => s + g.vatCents, 0);
  return { exclVatCents, vatCents, inclVatCents: exclVatCents + vatCents, breakdown };
}

/** cents × rate% rounded half away from zero; the rate in hundredths of a percent keeps it integer. */
export function vatOf(cents: number, ratePercent: number): number {
  const product = cents * Math.round(ratePercent * 100);
  const sign = product < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(product) + 5000) / 10000);
}
