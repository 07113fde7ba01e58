// R-MI-6: "when later corrections changed a frozen figure, Koers shows both and the difference". A pure
// comparison of a submitted ReportDocument with the same report computed now, cell by cell. Sections are
// matched by heading (the n-th section of a heading with the n-th), rows by their first cell (the label,
// the n-th of a label with the n-th), columns by header. Entered text is not compared: the recomputation
// is given the submitted text.
import { isSuppressed, type ReportCell, type ReportDocument, type ReportSection } from './document.js';

export interface CellDifference {
  section: string;
  /** The row's label (its first cell). */
  row: string;
  column: string;
  submitted: ReportCell;
  now: ReportCell;
  /** now − submitted when both are numbers; otherwise null. */
  difference: number | null;
}

export interface DocumentDiff {
  cells: CellDifference[];
  /** Rows or sections in the submitted document that the recomputation no longer has, and new ones. */
  onlySubmitted: string[];
  onlyNow: string[];
}

const sameCell = (a: ReportCell, b: ReportCell): boolean => (isSuppressed(a) || isSuppressed(b) ? isSuppressed(a) && isSuppressed(b) : a === b);
const labelOf = (c: ReportCell | undefined): string => (c === undefined || c === null ? '' : isSuppressed(c) ? '' : String(c));

/** Keys made unique by their occurrence: the second "Arnhem" is "Arnhem#2". */
function keyed<T>(items: readonly T[], name: (t: T) => string): Map<string, T> {
  const seen = new Map<string, number>();
  const out = new Map<string, T>();
  for (const t of items) {
    const base = name(t);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(n === 1 ? base : `${base}#${String(n)}`, t);
  }
  return out;
}

function diffSection(heading: string, a: ReportSection, b: ReportSection, out: DocumentDiff): void {
  const ta = a.table;
  const tb = b.table;
  if (ta === undefined || tb === undefined) {
    if (ta !== undefined) out.onlySubmitted.push(`${heading}: tabel`);
    if (tb !== undefined) out.onlyNow.push(`${heading}: tabel`);
    return;
  }
  const rowsA = keyed(ta.rows, (r) => labelOf(r[0]));
  const rowsB = keyed(tb.rows, (r) => labelOf(r[0]));
  for (const [label, ra] of rowsA) {
    const rb = rowsB.get(label);
    if (rb === undefined) {
      out.onlySubmitted.push(`${heading}: ${label}`);
      continue;
    }
    ta.columns.forEach((column, i) => {
      if (i === 0) return;
      const j = tb.columns.indexOf(column);
      if (j < 0) return;
      const submitted = ra[i] ?? null;
      const now = rb[j] ?? null;
      if (sameCell(submitted, now)) return;
      const difference = typeof submitted === 'number' && typeof now === 'number' ? Math.round((now - submitted) * 1e9) / 1e9 : null;
      out.cells.push({ section: heading, row: label, column, submitted, now, difference });
    });
  }
  for (const label of rowsB.keys()) if (!rowsA.has(label)) out.onlyNow.push(`${heading}: ${label}`);
}

/** Every cell whose value differs, in the submitted document's order; empty when nothing changed. */
export function diffReportDocuments(submitted: ReportDocument, now: ReportDocument): DocumentDiff {
  const out: DocumentDiff = { cells: [], onlySubmitted: [], onlyNow: [] };
  const a = keyed(submitted.sections, (s) => s.heading);
  const b = keyed(now.sections, (s) => s.heading);
  for (const [heading, sa] of a) {
    const sb = b.get(heading);
    if (sb === undefined) out.onlySubmitted.push(heading);
    else diffSection(heading, sa, sb, out);
  }
  for (const heading of b.keys()) if (!a.has(heading)) out.onlyNow.push(heading);
  return out;
}

/** True when the recomputation equals the submitted figures. */
export const isUnchanged = (d: DocumentDiff): boolean => d.cells.length === 0 && d.onlySubmitted.length === 0 && d.onlyNow.length === 0;
