// R-MI-6, R-SEC-1: a table of counts shown to a contract manager or policy officer hides every count
// between 0 and the threshold (primary suppression) and then further counts (secondary suppression),
// so that no hidden count can be worked out from the shown counts and the shown totals.
//
// The reader's knowledge we protect against (docs/reports.md, "Suppression"): the shown cells, the shown
// row, column and grand totals, that the totals are the sums of the cells, that a hidden count is never
// 0 (0 is always shown), and — the strongest case — which hidden cells are primary, i.e. lie in
// 1..threshold−1 (a hidden total only "at least 1", see bounds()). A hidden count is safe when two fillings consistent with all of that give it different
// values. The check is exact, not a rule of thumb: "every row with a hidden cell has two" is not enough
// (two pairs in a row summing to 2 are both 1; a cell bridging two blocks of hidden cells follows from
// one block's totals).
//
// How: the table with its totals is bordered into one table whose every row and column sums to 0 —
// cells x, the row total −R at the row's end, the column total −C under the column, the grand total +G
// in the corner. A hidden entry can move by 1 iff it lies on an alternating cycle of hidden entries that
// all have room in the needed direction (a transportation polytope: integral, so a real move implies an
// integer one). That is a path search in the residual graph of rows and columns.
import { SMALL_CELL_THRESHOLD } from '../small-cells.js';

export interface CountTable {
  /** cells[row][column]: non-negative whole counts, e.g. municipality × product. */
  cells: number[][];
  /** As shown; left out, the sums of the cells. They must be those sums (the check relies on it). */
  rowTotals?: number[];
  columnTotals?: number[];
  grandTotal?: number;
}

export type HideReason = 'primary' | 'secondary';

export interface SuppressedTable {
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  grandTotal: number | null;
  /** Why each hidden entry is hidden; null where shown. Same shape as the bordered table. */
  reasons: { cells: (HideReason | null)[][]; rowTotals: (HideReason | null)[]; columnTotals: (HideReason | null)[]; grandTotal: HideReason | null };
}

/** One entry of the bordered table: position, the count it shows, and its suppression state. */
interface Entry {
  row: number; // 0..rows; `rows` is the line of column totals
  column: number; // 0..columns; `columns` is the line of row totals
  count: number;
  sign: 1 | -1; // totals enter the zero-sum lines negated, the grand total positive
  isTotal: boolean;
  reason: HideReason | null;
}

export function suppressTable(table: CountTable, threshold = SMALL_CELL_THRESHOLD): SuppressedTable {
  // With threshold 2 every primary count is known to be 1: nothing secondary suppression could protect.
  if (!Number.isInteger(threshold) || threshold < 3) throw new RangeError('suppression threshold must be a whole number of at least 3');
  const entries = bordered(table);
  for (const e of entries) if (e.count > 0 && e.count < threshold) e.reason = 'primary';
  const rows = table.cells.length;
  const columns = table.cells[0]?.length ?? 0;
  const rowLines = Array.from({ length: rows + 1 }, (_, r) => entries.filter((e) => e.row === r));
  const columnLines = Array.from({ length: columns + 1 }, (_, c) => entries.filter((e) => e.column === c));
  // Hiding more only takes knowledge away, so an entry once found undetermined stays so: checked once.
  const safe = new Set<Entry>();
  for (;;) {
    lineRule([...rowLines, ...columnLines]);
    const residual = new Residual(entries, rows, threshold);
    let stuck: Entry | undefined;
    for (const e of entries) {
      if (e.reason === null || safe.has(e)) continue;
      if (!residual.movable(e)) {
        stuck = e;
        break;
      }
      safe.add(e);
    }
    if (stuck === undefined) break;
    const next = smallestShown([...(rowLines[stuck.row] ?? []), ...(columnLines[stuck.column] ?? [])]) ?? smallestShown(entries);
    if (next === undefined) throw new Error('suppression: a hidden count stays derivable with every non-zero count hidden');
    next.reason = 'secondary';
  }
  return shape(entries, rows, columns);
}

/** The brief's rule, first: a line (row or column, totals included) with exactly one hidden entry gets a second, its smallest shown one. */
function lineRule(lines: Entry[][]): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (line.filter((e) => e.reason !== null).length !== 1) continue;
      const next = smallestShown(line);
      if (next !== undefined) {
        next.reason = 'secondary';
        changed = true;
      }
    }
  }
}

/** Smallest shown non-zero count; cells before totals on a tie, then by position (deterministic). Zero is never hidden. */
function smallestShown(candidates: Entry[]): Entry | undefined {
  return candidates
    .filter((e) => e.reason === null && e.count > 0)
    .sort((a, b) => a.count - b.count || Number(a.isTotal) - Number(b.isTotal) || a.row - b.row || a.column - b.column)[0];
}

/**
 * The bounds a reader knows for a hidden count: a primary cell 1..threshold−1, any other hidden cell or
 * total at least 1. A hidden total is not bounded above: bounding it would pin a column of ones under a
 * small total (each ≥ 1, summing to at most threshold−1) however much else is hidden.
 */
function bounds(e: Entry, threshold: number): [number, number] {
  return e.reason === 'primary' && !e.isTotal ? [1, threshold - 1] : [1, Number.POSITIVE_INFINITY];
}

/**
 * The residual graph of the hidden entries. Nodes: rows 0..rows, then columns as rows+1+c. An entry whose
 * bordered value (sign × count) can go up by 1 is an arc row→column, one that can go down an arc column→row.
 */
class Residual {
  private readonly arcs = new Map<number, { to: number; entry: Entry }[]>();

  constructor(
    entries: Entry[],
    private readonly rows: number,
    private readonly threshold: number,
  ) {
    for (const e of entries) {
      if (e.reason === null) continue;
      if (this.room(e, 1)) this.add(this.rowNode(e), this.columnNode(e), e);
      if (this.room(e, -1)) this.add(this.columnNode(e), this.rowNode(e), e);
    }
  }

  /** False when no consistent filling gives `target` another value: it can neither go up by 1 nor down by 1. */
  movable(target: Entry): boolean {
    // Going up along row→column, the cycle must come back column→row without the target itself; down the reverse.
    const up = this.room(target, 1) && this.reaches(this.columnNode(target), this.rowNode(target), target);
    return up || (this.room(target, -1) && this.reaches(this.rowNode(target), this.columnNode(target), target));
  }

  private room(e: Entry, direction: 1 | -1): boolean {
    // Moving the bordered value by `direction` moves the count by sign × direction.
    const [low, high] = bounds(e, this.threshold);
    const next = e.count + e.sign * direction;
    return next >= low && next <= high;
  }

  private rowNode(e: Entry): number {
    return e.row;
  }

  private columnNode(e: Entry): number {
    return this.rows + 1 + e.column;
  }

  private add(from: number, to: number, entry: Entry): void {
    const list = this.arcs.get(from);
    if (list === undefined) this.arcs.set(from, [{ to, entry }]);
    else list.push({ to, entry });
  }

  private reaches(from: number, to: number, without: Entry): boolean {
    const seen = new Set([from]);
    const queue = [from];
    for (let i = 0; i < queue.length; i++) {
      const node = queue[i] as number;
      if (node === to) return true;
      for (const arc of this.arcs.get(node) ?? []) {
        if (arc.entry === without || seen.has(arc.to)) continue;
        seen.add(arc.to);
        queue.push(arc.to);
      }
    }
    return false;
  }
}

function bordered(table: CountTable): Entry[] {
  const rows = table.cells.length;
  const columns = table.cells[0]?.length ?? 0;
  if (rows === 0 || columns === 0) throw new RangeError('suppression: the table has no cells');
  for (const line of table.cells) {
    if (line.length !== columns) throw new RangeError('suppression: rows of different lengths');
    for (const n of line) if (!Number.isInteger(n) || n < 0) throw new RangeError('suppression: counts are non-negative whole numbers');
  }
  const rowSums = table.cells.map((line) => line.reduce((a, b) => a + b, 0));
  const columnSums = Array.from({ length: columns }, (_, c) => table.cells.reduce((a, line) => a + (line[c] ?? 0), 0));
  const grand = rowSums.reduce((a, b) => a + b, 0);
  const same = (given: number[] | undefined, sums: number[]): boolean => given === undefined || (given.length === sums.length && given.every((n, i) => n === sums[i]));
  // Totals of distinct people (one person in two products) are not sums; such a table needs its own treatment.
  if (!same(table.rowTotals, rowSums) || !same(table.columnTotals, columnSums) || (table.grandTotal ?? grand) !== grand) {
    throw new RangeError('suppression: the totals are not the sums of the cells');
  }
  const entries: Entry[] = [];
  table.cells.forEach((line, row) => line.forEach((count, column) => entries.push({ row, column, count, sign: 1, isTotal: false, reason: null })));
  rowSums.forEach((count, row) => entries.push({ row, column: columns, count, sign: -1, isTotal: true, reason: null }));
  columnSums.forEach((count, column) => entries.push({ row: rows, column, count, sign: -1, isTotal: true, reason: null }));
  entries.push({ row: rows, column: columns, count: grand, sign: 1, isTotal: true, reason: null });
  return entries;
}

function shape(entries: Entry[], rows: number, columns: number): SuppressedTable {
  const get = (row: number, column: number): Entry => find(entries, row, column);
  const shown = (e: Entry): number | null => (e.reason === null ? e.count : null);
  const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
  return {
    cells: range(rows).map((r) => range(columns).map((c) => shown(get(r, c)))),
    rowTotals: range(rows).map((r) => shown(get(r, columns))),
    columnTotals: range(columns).map((c) => shown(get(rows, c))),
    grandTotal: shown(get(rows, columns)),
    reasons: {
      cells: range(rows).map((r) => range(columns).map((c) => get(r, c).reason)),
      rowTotals: range(rows).map((r) => get(r, columns).reason),
      columnTotals: range(columns).map((c) => get(rows, c).reason),
      grandTotal: get(rows, columns).reason,
    },
  };
}

function find(entries: Entry[], row: number, column: number): Entry {
  const e = entries.find((x) => x.row === row && x.column === column);
  if (e === undefined) throw new Error(`suppression: no entry at ${row},${column}`);
  return e;
}
