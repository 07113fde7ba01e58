// R-MI-6, R-SEC-1: the quarterly management information (R-MI-1) as the contract manager and the policy
// officer see it — counts only, suppressed. Per quarter and per count (item 1a, 1b, …, each level band
// of item 4, each step of item 16) one table municipality × product goes through suppressTable, so
// every small count is hidden and no hidden count can be worked out from the shown cells and the region
// totals. The region total per product is shown as the SUM of the municipality cells (docs/reports.md
// §5 "Totals must be sums"): a participant counted in two municipalities counts twice there.
// Item 6 (an average waiting time) is shown only when it is taken over at least `threshold` referrals:
// the mean of one or two waits is those waits. Item 17 (entered text) is shown as entered.
// Never a participant id: the input is already counts.
import { SMALL_CELL_THRESHOLD } from '../small-cells.js';
import { compareDates } from '../calendar.js';
import type { IsoDate } from '../contract.js';
import type { ReferralFact } from './facts.js';
import type { ReportPeriod } from './periods.js';
import type { QuarterlyMi, QuarterlyMiFigures } from './quarterly-mi.js';
import { suppressTable } from './suppression.js';
import { valueAt } from './mi-items.js';

export { valueAt };

/** A count that may be hidden: the same shape with every count number | null. */
type Shown<T> = T extends number ? number | null : T extends string | null ? T : T extends object ? { [K in keyof T]: Shown<T[K]> } : T;

export type ShownMiFigures = Shown<Omit<QuarterlyMiFigures, 'quarter' | 'contractVersion' | 'remarks'>> &
  Pick<QuarterlyMiFigures, 'quarter' | 'contractVersion' | 'remarks'> & {
    /** The figures hidden (R-MI-6), as paths: 'registered', 'runningGroups.a2b1', 'ladder.atEnd.3', 'averageWaitingDays'. */
    hidden: string[];
  };

export interface SuppressedQuarterlyMi {
  quarter: string;
  quarters: string[];
  cells: { municipality: string; product: string; quarters: ShownMiFigures[] }[];
  /** Per product: the sum of the municipality cells, suppressed with them; null where no cell applies. */
  regionTotals: { product: string; quarters: ShownMiFigures[] }[];
}

/** Every count of a figures object as a path, in the order of Bijlage 5. */
export function miCountPaths(f: QuarterlyMiFigures): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(f)) {
    if (key === 'quarter' || key === 'contractVersion' || key === 'remarks' || key === 'averageWaitingDays' || key === 'ladder') continue;
    if (key === 'runningGroups') paths.push(...Object.keys(value as object).map((b) => `runningGroups.${b}`));
    else if (typeof value === 'number' || value === null) paths.push(key);
  }
  // Item 16 for every figures object, also where it does not apply (null): the tables span all products.
  for (const moment of ['atReferral', 'raisedDuring', 'atEnd']) for (const step of [1, 2, 3, 4, 5, 6]) paths.push(`ladder.${moment}.${String(step)}`);
  return paths;
}

type Tree = Record<string, unknown>;


function setAt(f: object, path: string, value: number | null): void {
  const keys = path.split('.');
  let node = f as Tree;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object') return;
    node = next as Tree;
  }
  node[keys.at(-1) as string] = value;
}

/** Item 6's denominator: the referrals of the cell whose first start (start class or regular) lies in the quarter. */
export function waitsEnded(referrals: readonly ReferralFact[], quarter: ReportPeriod): Map<string, number> {
  const out = new Map<string, number>();
  const inQuarter = (d: IsoDate): boolean => compareDates(quarter.start, d) <= 0 && compareDates(d, quarter.end) <= 0;
  for (const r of referrals) {
    const start = [r.startClassStartedOn, r.startedOn].filter((d): d is IsoDate => d !== null).sort()[0];
    if (start === undefined || !inQuarter(start)) continue;
    const key = `${r.municipality}/${r.product}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/**
 * The management information of `mi` with every count suppressed per quarter and count (rows: the
 * municipalities in `mi.cells` order, columns: the products). `waits[q]` gives item 6's denominator per
 * `municipality/product` for quarter index q (waitsEnded).
 */
export function suppressQuarterlyMi(mi: QuarterlyMi, waits: readonly ReadonlyMap<string, number>[], threshold = SMALL_CELL_THRESHOLD): SuppressedQuarterlyMi {
  const municipalities = [...new Set(mi.cells.map((c) => c.municipality))];
  const products = [...new Set(mi.cells.map((c) => c.product))];
  const cellOf = new Map(mi.cells.map((c) => [`${c.municipality}/${c.product}`, c]));
  const shownCells = mi.cells.map((c) => ({ municipality: c.municipality, product: c.product, quarters: c.quarters.map((f) => ({ ...structuredClone(f), hidden: [] as string[] })) }));
  const shownOf = new Map(shownCells.map((c) => [`${c.municipality}/${c.product}`, c]));
  const template = mi.cells[0]?.quarters[0];
  const regionTotals = products.map((product) => ({
    product,
    quarters: mi.quarters.map((quarter, qi) => {
      const anyCell = mi.cells.find((c) => c.product === product)?.quarters[qi];
      return { ...structuredClone(anyCell ?? template), quarter, remarks: null, averageWaitingDays: null, hidden: [] as string[] } as ShownMiFigures;
    }),
  }));
  if (template === undefined) return { quarter: mi.quarter, quarters: mi.quarters, cells: shownCells, regionTotals };
  const paths = miCountPaths(template);
  mi.quarters.forEach((_, qi) => {
    for (const path of paths) {
      // A cell the municipality does not take part in, or a figure that does not apply, is a known 0.
      const value = (m: string, p: string): number | null => {
        const f = cellOf.get(`${m}/${p}`)?.quarters[qi];
        return f === undefined ? null : valueAt(f, path);
      };
      const cells = municipalities.map((m) => products.map((p) => value(m, p) ?? 0));
      const shown = suppressTable({ cells }, threshold);
      municipalities.forEach((m, r) =>
        products.forEach((p, c) => {
          const f = shownOf.get(`${m}/${p}`)?.quarters[qi];
          if (f === undefined || value(m, p) === null) return;
          const v = shown.cells[r]?.[c] ?? null;
          setAt(f, path, v);
          if (v === null) f.hidden.push(path);
        }),
      );
      products.forEach((p, c) => {
        const total = regionTotals[c]?.quarters[qi];
        if (total === undefined) return;
        const applies = municipalities.some((m) => value(m, p) !== null);
        const v = applies ? (shown.columnTotals[c] ?? null) : null;
        setAt(total, path, v);
        if (applies && v === null) total.hidden.push(path);
      });
    }
    // Item 6: the mean of fewer than `threshold` waits is hidden.
    for (const c of shownCells) {
      const f = c.quarters[qi];
      if (f === undefined || f.averageWaitingDays === null) continue;
      if ((waits[qi]?.get(`${c.municipality}/${c.product}`) ?? 0) < threshold) {
        f.averageWaitingDays = null;
        f.hidden.push('averageWaitingDays');
      }
    }
  });
  return { quarter: mi.quarter, quarters: mi.quarters, cells: shownCells, regionTotals };
}
