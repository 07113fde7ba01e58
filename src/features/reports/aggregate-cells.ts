// R-MI-6, R-SEC-1: the aggregate readers' (contract manager, policy officer) view of a figure split by
// rows (municipalities or providers) and categories: suppressTable with the threshold, and the total
// row shown as the SUM of the row cells (so the sum rule holds and no hidden cell can be derived from a
// total computed elsewhere). A share is computed only from shown counts (shareOf).
import { suppressTable } from '../../domain/reports/suppression.js';
import { SMALL_CELL_THRESHOLD } from '../../domain/small-cells.js';

export interface SuppressedCounts<K extends string> {
  rows: Record<K, number | null>[];
  total: Record<K, number | null>;
}

/** One table rows × keys, suppressed primary and secondary; the totals row is the column sums. */
export function suppressCounts<K extends string>(rows: readonly Record<K, number>[], keys: readonly K[]): SuppressedCounts<K> {
  const cells = rows.map((r) => keys.map((k) => r[k]));
  const columnTotals = keys.map((_, c) => cells.reduce((n, row) => n + (row[c] ?? 0), 0));
  const s = suppressTable({ cells, columnTotals }, SMALL_CELL_THRESHOLD);
  const pick = (values: readonly (number | null)[]): Record<K, number | null> => Object.fromEntries(keys.map((k, i) => [k, values[i] ?? null])) as Record<K, number | null>;
  return { rows: s.cells.map(pick), total: pick(s.columnTotals) };
}

/** numerator ÷ denominator from shown counts only: a hidden count hides the share; null for 0 ÷ 0. */
export function shareOf(numerator: number | null, denominator: number | null): number | null {
  return numerator === null || denominator === null || denominator === 0 ? null : numerator / denominator;
}
