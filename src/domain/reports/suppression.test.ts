// R-MI-6, R-SEC-1: hand-made tables for small-cell suppression with secondary suppression. Each expected
// table is worked out on paper in the comment above it.
import { describe, expect, it } from 'vitest';
import { suppressTable } from './suppression.js';

describe('suppressTable (R-MI-6)', () => {
  it('the 2×2 table with one small cell hides all four cells and keeps the totals', () => {
    // 2 is primary; its row and its column each need a second hidden cell (10, 8); that leaves row 2
    // with one hidden cell (8), so 20 goes too. Now every cell lies on the cycle 2→10→20→8: from the
    // totals 12, 28, 10, 30 the reader learns only x, 12−x, 10−x, 18+x with x in 1..4.
    const s = suppressTable({ cells: [[2, 10], [8, 20]], rowTotals: [12, 28], columnTotals: [10, 30], grandTotal: 40 });
    expect(s.cells).toEqual([[null, null], [null, null]]);
    expect([s.rowTotals, s.columnTotals, s.grandTotal]).toEqual([[12, 28], [10, 30], 40]);
    expect(s.reasons.cells).toEqual([['primary', 'secondary'], ['secondary', 'secondary']]);
  });

  it('a municipality with three participants: none of its counts is shown, not even its total, and the totals give nothing away', () => {
    // Municipality A (2 + 1 = 3 participants), B (10 + 7), C (12 + 6), products P and Q.
    // Primary: 2, 1 and A's total 3. Column P needs a second hidden cell (10), Q (6), row C then has one (12),
    // row B one (10): its total 17 goes, as the smallest shown entry there. B's total and A's total are
    // then tied together by the grand total only: 3 + 17 = 38 − 18, with A's total free in 1..4.
    const s = suppressTable({ cells: [[2, 1], [10, 7], [12, 6]] });
    expect(s.cells).toEqual([[null, null], [null, 7], [null, null]]);
    expect(s.rowTotals).toEqual([null, null, 18]);
    expect([s.columnTotals, s.grandTotal]).toEqual([[24, 14], 38]);
    expect(s.reasons.rowTotals).toEqual(['primary', 'secondary', null]);
    const shown = [...s.cells.flat(), ...s.rowTotals, ...s.columnTotals, s.grandTotal];
    expect(shown.filter((n) => n !== null && n > 0 && n < 5)).toEqual([]);
  });

  it('shows 0: an empty cell tells nothing about a person, and zero is never chosen to hide another', () => {
    // 0 stays; 3 is primary; in row 1 the smallest shown non-zero entry is 8 (not the 0); column 0 then
    // needs 8's partner 9, and row 2 is closed by 6.
    const s = suppressTable({ cells: [[3, 0, 8], [9, 0, 6]] });
    expect(s.cells).toEqual([[null, 0, null], [null, 0, null]]);
    expect(s.rowTotals).toEqual([11, 15]);
    expect(s.columnTotals).toEqual([12, 0, 14]);
  });

  it('hides more than "two per line" when a total still tells: two small cells summing to 2 are both 1', () => {
    // Row 1: 1 and 1 (primary) with total 2 (primary); columns get 9 and 9. Every row and column now holds
    // two hidden entries, yet G − R2 = 20 − 18 = 2 reveals R1, and then 1 + 1 = 2 pins both cells.
    // So R2 (the smallest shown entry beside the pinned ones) is hidden too.
    const s = suppressTable({ cells: [[1, 1], [9, 9]] });
    expect(s.cells).toEqual([[null, null], [null, null]]);
    expect(s.rowTotals).toEqual([null, null]);
    expect(s.reasons.rowTotals).toEqual(['primary', 'secondary']);
    expect([s.columnTotals, s.grandTotal]).toEqual([[10, 10], 20]);
  });

  it('a table of one column hides the row total with its cell (the total is the cell)', () => {
    const s = suppressTable({ cells: [[3], [7], [9]] });
    expect(s.cells).toEqual([[null], [null], [9]]);
    expect(s.rowTotals).toEqual([null, null, 9]);
    expect([s.columnTotals, s.grandTotal]).toEqual([[19], 19]);
  });

  it('a table with nothing small shows everything', () => {
    const s = suppressTable({ cells: [[5, 0], [12, 30]] });
    expect(s.cells).toEqual([[5, 0], [12, 30]]);
    expect(s.reasons.grandTotal).toBeNull();
  });

  it('uses the shared threshold (src/domain/small-cells.ts) unless told another', () => {
    expect(suppressTable({ cells: [[5, 20], [20, 20]] }).cells[0]?.[0]).toBe(5);
    expect(suppressTable({ cells: [[5, 20], [20, 20]] }, 6).cells[0]?.[0]).toBeNull();
  });

  it('refuses totals that are not the sums of the cells, and thresholds below 3', () => {
    expect(() => suppressTable({ cells: [[5, 6]], rowTotals: [10] })).toThrow(RangeError);
    expect(() => suppressTable({ cells: [[5, 6]], grandTotal: 12 })).toThrow(RangeError);
    expect(() => suppressTable({ cells: [[1]] }, 2)).toThrow(RangeError);
    expect(() => suppressTable({ cells: [[1.5]] })).toThrow(RangeError);
  });
});
