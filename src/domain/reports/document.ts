// Issue #13: every report as one plain document — titled sections of tables and entered text — so that
// the page, the XLSX and the PDF show the same cells (src/features/reports/render/). Each report module
// turns its figures into a ReportDocument with Dutch headings; the renderers know no report.

/** A cell: a count or a figure, a text, a suppressed count (R-MI-6), or null for "not applicable". */
export type ReportCell = number | string | { suppressed: true } | null;

export const SUPPRESSED: { suppressed: true } = Object.freeze({ suppressed: true as const });

export const isSuppressed = (c: ReportCell): c is { suppressed: true } => typeof c === 'object' && c !== null;

export interface ReportTable {
  /** Dutch column headers; the first usually names the row ("Onderdeel", "Gemeente"). */
  columns: string[];
  rows: ReportCell[][];
  /** Digits after the decimal comma per column (a share 0.8 is written 80,0% only when percent is set). */
  decimals?: (number | undefined)[];
  percent?: boolean[];
}

export interface ReportSection {
  heading: string;
  table?: ReportTable;
  /** Entered text (a qualitative section), or an explanation under the table. */
  text?: string | null;
}

export interface ReportDocument {
  /** "Inhoudelijke rapportage Westfriesland — 2027-Q1". */
  title: string;
  /** Contract, scope, period, contract version. */
  subtitle: string;
  /** Shown under every export: how the figures were made, suppression, submitted-or-draft. */
  notes: string[];
  sections: ReportSection[];
}
