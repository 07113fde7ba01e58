// R-MI-2, 000 §4.3: the year report — "alle gegevens uit paragraaf 4.1 per Gemeente en voor het totaal van
// Westfriesland, maar dan voor het gehele jaar. Met daarbij indien mogelijk een vergelijking van aantallen
// ten opzichte van de voorgaande jaren." Every item of the content report (content-report.ts) over the
// whole calendar year, with the previous years beside it (docs/reports.md §8). A pure function.
import { CONTENT_REPORT_ENTERED, ContentRoutes, cellOf, contentFigures, type ContentContract, type ContentReport, type ContentReportFacts } from './content-report.js';
import type { ReportPeriod } from './periods.js';

/** The years beside the year asked for (docs/reports.md §8: two, "indien mogelijk"). */
export const PREVIOUS_YEARS = 2;

/** The whole calendar years `year − previous` … `year`, oldest first. */
export function yearWindows(year: number, previous = PREVIOUS_YEARS): ReportPeriod[] {
  return Array.from({ length: previous + 1 }, (_, i) => {
    const y = String(year - previous + i).padStart(4, '0');
    return { cadence: 'year' as const, id: y, start: `${y}-01-01`, end: `${y}-12-31` };
  });
}

/** The year report of one scope ('region' or a municipality code): the content report's items per whole year. */
export function yearReport(facts: ContentReportFacts, year: number, contract: ContentContract, scope: string, previous = PREVIOUS_YEARS): ContentReport {
  const windows = yearWindows(year, previous);
  return {
    quarter: String(year),
    year: String(year),
    scope,
    periods: windows.map((w) => w.id),
    routes: ContentRoutes.map((route) => {
      const cell = cellOf(facts, contract, scope, route);
      return { route, columns: windows.map((w) => contentFigures(cell, contract, route, w)) };
    }),
  };
}

/** The year report's entered items: the content report's, now about the whole year. */
export const YEAR_REPORT_ENTERED: readonly { key: string; label: string }[] = CONTENT_REPORT_ENTERED;
