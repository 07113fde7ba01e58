// R-MI-6, R-SEC-1: for random small tables, no hidden count can be worked out. Checked by brute force,
// independent of the cycle search in suppression.ts: every filling of the hidden cells that agrees with
// what is shown (shown cells, shown totals) and with what a reader knows of hidden counts (primary cells
// in 1..threshold−1, every other hidden cell or total at least 1) is enumerated, and every hidden entry — cell or
// total — must take two different values among them. The search stays within ±1 of the true counts:
// a witness there is a witness (and a unit move along a cycle always exists when any move does).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SuppressedTable, suppressTable } from './suppression.js';

const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 5, max: 14 }));
const table = fc
  .record({ rows: fc.integer({ min: 1, max: 3 }), columns: fc.integer({ min: 1, max: 3 }) })
  .chain(({ rows, columns }) => fc.array(fc.array(count, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }));

const sum = (ns: number[]): number => ns.reduce((a, b) => a + b, 0);

/** Per entry (cells, then row totals, column totals, grand total), the set of values over all consistent fillings. */
function valuesSeen(cells: number[][], s: SuppressedTable, threshold: number): Set<number>[] {
  const rows = cells.length;
  const columns = cells[0]?.length ?? 0;
  const known = (reason: string | null, n: number): boolean => reason === null || (n >= 1 && (reason !== 'primary' || n < threshold));
  const knownTotal = (reason: string | null, n: number): boolean => reason === null || n >= 1;
  const hiddenCells = cells.flatMap((line, r) => line.flatMap((_, c) => (s.reasons.cells[r]?.[c] !== null ? [[r, c] as const] : [])));
  const seen = Array.from({ length: rows * columns + rows + columns + 1 }, () => new Set<number>());
  const filling = cells.map((line) => [...line]);
  const visit = (i: number): void => {
    if (i === hiddenCells.length) {
      const rowTotals = filling.map(sum);
      const columnTotals = Array.from({ length: columns }, (_, c) => sum(filling.map((line) => line[c] ?? 0)));
      const grand = sum(rowTotals);
      const ok =
        filling.every((line, r) => line.every((n, c) => known(s.reasons.cells[r]?.[c] ?? null, n))) &&
        rowTotals.every((n, r) => (s.rowTotals[r] === null ? knownTotal(s.reasons.rowTotals[r] ?? null, n) : n === s.rowTotals[r])) &&
        columnTotals.every((n, c) => (s.columnTotals[c] === null ? knownTotal(s.reasons.columnTotals[c] ?? null, n) : n === s.columnTotals[c])) &&
        (s.grandTotal === null ? knownTotal(s.reasons.grandTotal, grand) : grand === s.grandTotal);
      if (ok) [...filling.flat(), ...rowTotals, ...columnTotals, grand].forEach((n, k) => seen[k]?.add(n));
      return;
    }
    const [r, c] = hiddenCells[i] ?? [0, 0];
    const truth = cells[r]?.[c] ?? 0;
    for (let n = Math.max(0, truth - 1); n <= truth + 1; n++) {
      (filling[r] as number[])[c] = n;
      visit(i + 1);
    }
    (filling[r] as number[])[c] = truth;
  };
  visit(0);
  return seen;
}

describe('suppressTable, properties (R-MI-6)', () => {
  it('shows no count between 0 and the threshold, shows every other entry unchanged, and leaves every hidden entry undetermined', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 3, max: 6 }), (cells, threshold) => {
        const s = suppressTable({ cells }, threshold);
        const rowTotals = cells.map(sum);
        const columnTotals = (cells[0] ?? []).map((_, c) => sum(cells.map((line) => line[c] ?? 0)));
        const truth = [...cells.flat(), ...rowTotals, ...columnTotals, sum(rowTotals)];
        const shown = [...s.cells.flat(), ...s.rowTotals, ...s.columnTotals, s.grandTotal];
        shown.forEach((n, k) => {
          if (n !== null) expect(n).toBe(truth[k]);
          const t = truth[k] ?? 0;
          if (t > 0 && t < threshold) expect(n).toBeNull();
          if (t === 0) expect(n).toBe(0);
        });
        const seen = valuesSeen(cells, s, threshold);
        shown.forEach((n, k) => {
          if (n === null) {
            expect(seen[k]?.has(truth[k] ?? -1), 'the true filling is among the consistent ones').toBe(true);
            expect(seen[k]?.size, `entry ${k} of ${JSON.stringify(cells)} is determined`).toBeGreaterThan(1);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
