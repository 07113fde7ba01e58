// R-MI-2, issue #13: the content report (000 §4.1) and the year report (000 §4.3) as a ReportDocument —
// the same cells on the page, in the XLSX and in the PDF. Per route: the counts (items 1–5) with a column
// per quarter of the year so far and the cumulative year, the averages (1 decimal), then the entered text
// under its item (keys of CONTENT_REPORT_ENTERED). A fact Koers does not register reads "niet geregistreerd".
import { ROUTE_NAMES } from '../route-names.js';
import type { ContentCountItem, ContentRoute } from './content-report.js';
import { CONTENT_REPORT_ENTERED } from './content-report.js';
import type { ShownContentFigures, ShownContentReport } from './content-suppression.js';
import { SUPPRESSED, type ReportCell, type ReportDocument, type ReportSection } from './document.js';

export const NOT_REGISTERED_TEXT = 'niet geregistreerd';

const ROUTE_NL: Record<ContentRoute, string> = { b1: ROUTE_NAMES.b1.nl, z: ROUTE_NAMES.z.nl };

/** The count rows in the source's order and words (000 §4.1). */
const COUNT_ROWS: readonly { item: ContentCountItem | '3a' | '5a'; label: string }[] = [
  { item: '1a', label: '1a Aantal nieuwe aanmeldingen' },
  { item: '1b', label: '1b Aantal gestarte trajecten' },
  { item: '1c', label: '1c Aantal wachtenden' },
  { item: '2a', label: '2a Aantal lopende trajecten' },
  { item: '3a', label: "3a Aantal afgeronde PVT's" },
  { item: '3b', label: '3b Aantal wijzigingen in leerroute van Z naar B1' },
  { item: '3c', label: '3c Aantal wijzigingen in leerroute van B1 naar Z' },
  { item: '3d', label: '3d Aantal afschalingen binnen B1 leerroute naar A2' },
  { item: '3e', label: '3e Aantal opschalingen binnen B1 leerroute naar B2' },
  { item: '3g', label: '3g Aantal inburgeraars actief gekoppeld aan lokale activiteiten en voorzieningen' },
  { item: '3h', label: '3h Aantal inburgeraars avondonderwijs' },
  { item: '3k', label: '3k Aantal afgeronde trajecten (inclusief examentraining)' },
  { item: '4a', label: '4a Aantal leerroutes on hold' },
  { item: '4b', label: '4b Uitval' },
  { item: '4b.medical', label: '4b Uitval: medisch' },
  { item: '4b.death', label: '4b Uitval: overlijden' },
  { item: '4b.moved', label: '4b Uitval: verhuizing' },
  { item: '4b.other', label: '4b Uitval: andere reden' },
  { item: '4c', label: '4c Aantal trajecten die zijn hervat' },
  { item: '5a', label: '5a Aantal ontvangen klachten' },
];

type AverageKey = 'averageWaitingDays' | 'participationHoursPerParticipant' | 'languageHoursPerParticipant' | 'homeworkClassAverage' | 'cancelledLessonsPerGroup' | 'averageAbsencePercent';
const AVERAGE_ROWS: readonly { key: AverageKey; label: string; route?: ContentRoute; notRegistered?: true }[] = [
  { key: 'averageWaitingDays', label: '1c Gemiddelde wachttijd (kalenderdagen)' },
  { key: 'participationHoursPerParticipant', label: '3f Gemiddeld aantal participatie-uren per inburgeraar', route: 'z' },
  { key: 'languageHoursPerParticipant', label: '3f Gemiddeld aantal gevolgde taaluren per inburgeraar', route: 'z' },
  { key: 'homeworkClassAverage', label: '3i Gemiddeld aantal inburgeraars huiswerkklas', notRegistered: true },
  { key: 'cancelledLessonsPerGroup', label: '3j Gemiddeld aantal uitgevallen lessen per lopende groep' },
  { key: 'averageAbsencePercent', label: '5b Gemiddeld verzuimpercentage' },
];

function countCell(c: ShownContentFigures, item: ContentCountItem | '3a' | '5a'): ReportCell {
  if (item === '3a') return NOT_REGISTERED_TEXT;
  // 5a from the complaints register (R-CM-3, issue #14).
  if (item === '5a') return c.complaints === null ? SUPPRESSED : c.complaints;
  const v = c.counts[item];
  return v === null ? SUPPRESSED : v;
}

function averageCell(c: ShownContentFigures, row: (typeof AVERAGE_ROWS)[number], route: ContentRoute): ReportCell {
  if (row.notRegistered === true) return NOT_REGISTERED_TEXT;
  if (row.route !== undefined && row.route !== route) return null;
  if (c.suppressed.includes(row.key)) return SUPPRESSED;
  return c[row.key];
}

export interface ContentDocumentMeta {
  /** "Inhoudelijke rapportage" or "Jaarrapportage". */
  kind: string;
  contractName: string;
  /** "Hoorn" or "Westfriesland (regio)". */
  scopeName: string;
  audience: 'personal' | 'aggregate';
}

/** The content report's (or the year report's) document: `entered` keyed as CONTENT_REPORT_ENTERED. */
export function contentReportDocumentOf(report: ShownContentReport, meta: ContentDocumentMeta, entered: Readonly<Record<string, string>>, columnNames: readonly string[]): ReportDocument {
  const sections: ReportSection[] = [];
  for (const { route, columns } of report.routes) {
    const header = ['Onderdeel', ...columnNames];
    sections.push({ heading: `${ROUTE_NL[route]}: aantallen`, table: { columns: header, rows: COUNT_ROWS.map((r) => [r.label, ...columns.map((c) => countCell(c, r.item))]) } });
    sections.push({
      heading: `${ROUTE_NL[route]}: gemiddelden`,
      table: { columns: header, rows: AVERAGE_ROWS.map((r) => [r.label, ...columns.map((c) => averageCell(c, r, route))]), decimals: [undefined, ...columns.map(() => 1)] },
    });
    const last = columns.at(-1);
    const facilities = last?.localFacilities ?? [];
    sections.push({ heading: `${ROUTE_NL[route]}: 3g lokale activiteiten en voorzieningen (${last?.period ?? ''})`, text: facilities.length === 0 ? 'Geen.' : facilities.join(', ') });
    if (meta.audience === 'personal') {
      const reasons = [...(last?.changesZToB1Reasons ?? []).map((t) => `Z naar B1: ${t}`), ...(last?.changesB1ToZReasons ?? []).map((t) => `B1 naar Z: ${t}`)];
      sections.push({ heading: `${ROUTE_NL[route]}: 3b/3c onderbouwing van de wijzigingen in leerroute (${last?.period ?? ''})`, text: reasons.length === 0 ? 'Geen.' : reasons.join('\n') });
    }
  }
  for (const { key, label } of CONTENT_REPORT_ENTERED) sections.push({ heading: `${key} ${label}`, text: entered[key] ?? null });
  const notes = [
    'Berekend uit wat in Koers is geregistreerd (docs/reports.md §2). Een aantal in een jaarkolom telt elke inburgeraar één keer: het is niet altijd de som van de kwartalen.',
    `"${NOT_REGISTERED_TEXT}": Koers legt dit gegeven (nog) niet vast.`,
  ];
  if (meta.audience === 'aggregate') notes.push('Het totaal voor de regio is de som van de gemeenten; een inburgeraar die in twee gemeenten telt, telt twee keer.');
  const versions = [...new Set(report.routes.flatMap((r) => r.columns.map((c) => c.contractVersion)))].join(', ');
  return { title: `${meta.kind} ${meta.contractName} — ${report.quarter}`, subtitle: `${meta.scopeName}; contractversie ${versions}`, notes, sections };
}
