// The contract manager's complaint totals (issue #14, R-CM-3; 002 eis 37) as the chart draws them: one
// series per provider (its contracts summed), one bar per quarter of receipt, every quarter of the answer
// on the axis (a quarter without complaints is a 0, not a gap).
import type { ComplaintTotalsRow } from '../../api/complaints';

export interface ProviderSeries {
  providerCode: string;
  providerName: string;
  /** Complaints received, in the order of `quarters`. */
  received: number[];
}

export function complaintSeries(rows: readonly ComplaintTotalsRow[]): { quarters: string[]; series: ProviderSeries[] } {
  const quarters = [...new Set(rows.map((r) => r.quarter))].sort();
  const byProvider = new Map<string, ProviderSeries>();
  for (const r of rows) {
    const s = byProvider.get(r.providerCode) ?? { providerCode: r.providerCode, providerName: r.providerName, received: quarters.map(() => 0) };
    const at = quarters.indexOf(r.quarter);
    s.received[at] = (s.received[at] ?? 0) + r.received;
    byProvider.set(r.providerCode, s);
  }
  return { quarters, series: [...byProvider.values()].sort((a, b) => a.providerName.localeCompare(b.providerName, 'nl')) };
}
