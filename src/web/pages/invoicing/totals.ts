// Pure helpers of the contract manager's totals page (issue #11): the period and the rows per grouping.
import { isValidIsoDate } from '../../lib/dates';
import type { InvoiceTotals } from '../../api/invoicing';

export interface TotalsPeriod {
  from: string;
  to: string;
}

export type TotalsPeriodErrors = Partial<Record<keyof TotalsPeriod, string>>;

/** The default period: the calendar year of the system date up to and including today. */
export function yearToDate(today: string): TotalsPeriod {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

export function validateTotalsPeriod(period: TotalsPeriod): TotalsPeriodErrors {
  const errors: TotalsPeriodErrors = {};
  if (period.from === '') errors.from = 'Vul de eerste dag in.';
  else if (!isValidIsoDate(period.from)) errors.from = 'Vul een bestaande datum in, bijvoorbeeld 01-01-2026.';
  if (period.to === '') errors.to = 'Vul de laatste dag in.';
  else if (!isValidIsoDate(period.to)) errors.to = 'Vul een bestaande datum in, bijvoorbeeld 31-12-2026.';
  if (!errors.from && !errors.to && period.to < period.from) errors.to = 'De laatste dag ligt voor de eerste dag.';
  return errors;
}

/** One bar group and one table row: a provider, a municipality or a product. */
export interface TotalsBar {
  key: string;
  label: string;
  invoicedCents: number;
  creditedCents: number;
}

export type Grouping = 'provider' | 'municipality' | 'product';

export function barsOf(totals: InvoiceTotals, grouping: Grouping): TotalsBar[] {
  // A credit note's amount is shown as what it takes back: a positive number, whatever sign the server uses.
  const amounts = (r: { invoicedCents: number; creditedCents: number }) => ({ invoicedCents: r.invoicedCents, creditedCents: Math.abs(r.creditedCents) });
  if (grouping === 'provider') return totals.byProvider.map((r) => ({ key: r.providerId, label: r.providerName, ...amounts(r) }));
  if (grouping === 'municipality') return totals.byMunicipality.map((r) => ({ key: r.municipalityId, label: r.municipalityName, ...amounts(r) }));
  return totals.byProduct.map((r) => ({ key: r.productCode, label: r.productName, ...amounts(r) }));
}

/** What was invoiced net of credit notes; the credited amount counts against it whatever its sign. */
export function netCents(bar: Pick<TotalsBar, 'invoicedCents' | 'creditedCents'>): number {
  return bar.invoicedCents - Math.abs(bar.creditedCents);
}
