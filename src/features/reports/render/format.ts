// Issue #13: how a ReportDocument's cell reads in Dutch — shared by the PDF and the web's table, so the
// page, the XLSX and the PDF say the same: a suppressed count (R-MI-6) is "niet getoond", a figure that
// does not apply (null) is "n.v.t.", numbers with a decimal comma and thousands dots.
import { isSuppressed, type ReportCell, type ReportDocument, type ReportTable } from '../../../domain/reports/document.js';
import { SMALL_CELL_THRESHOLD } from '../../../domain/small-cells.js';

export const SUPPRESSED_TEXT = 'niet getoond';
export const NOT_APPLICABLE_TEXT = 'n.v.t.';

/** The note beside every table with a hidden count (R-MI-6, docs/reports.md §5). */
export const SUPPRESSED_NOTE = `"${SUPPRESSED_TEXT}": een aantal van 1 tot en met ${SMALL_CELL_THRESHOLD - 1} wordt niet getoond, en soms ook een groter aantal, zodat een klein aantal niet uit de andere aantallen en de totalen is af te leiden. Een totaal is de som van de getoonde en niet getoonde aantallen.`;

/** 1234.5 with 1 decimal → '1.234,5'; with percent 0.805 → '80,5%'. */
export function dutchNumber(n: number, decimals: number | undefined, percent: boolean): string {
  const value = percent ? n * 100 : n;
  const digits = decimals ?? (Number.isInteger(value) ? 0 : 2);
  const fixed = Math.abs(value).toFixed(digits);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${grouped}${fraction === undefined ? '' : `,${fraction}`}${percent ? '%' : ''}`;
}

export function cellText(cell: ReportCell, table: Pick<ReportTable, 'decimals' | 'percent'>, column: number): string {
  if (cell === null) return NOT_APPLICABLE_TEXT;
  if (isSuppressed(cell)) return SUPPRESSED_TEXT;
  if (typeof cell === 'number') return dutchNumber(cell, table.decimals?.[column], table.percent?.[column] === true);
  return cell;
}

export const hasSuppressed = (table: ReportTable): boolean => table.rows.some((row) => row.some((c) => c !== null && isSuppressed(c)));

/** The document's notes plus the suppression note once when any table hides a count. */
export function documentNotes(doc: ReportDocument): string[] {
  const anyHidden = doc.sections.some((s) => s.table !== undefined && hasSuppressed(s.table));
  return anyHidden && !doc.notes.includes(SUPPRESSED_NOTE) ? [...doc.notes, SUPPRESSED_NOTE] : doc.notes;
}
