// PDFs of issue #5: the progress or final report (R-HRS-4, R-END-1) and the hours statement with proof
// of participation on a move or a switch of provider (R-RTE-4, 003 art. 10.7). Rendered with the
// locked-down pdfmake of src/features/documents/pdf.ts; the inputs carry no BSN beyond its last four.
import type { Content } from 'pdfmake/interfaces.js';
import type { Route } from '../../domain/contract.js';
import { isEducationRoute } from '../../domain/route-change.js';
import { routeNameNl } from '../../domain/route-names.js';
import { definition, dutchDate, facts, participantFacts, render, type PdfParticipant } from '../documents/pdf.js';
import type { ReportContent } from './schemas.js';

const STATUS = { onTrack: 'Op schema', atRisk: 'Risico', behind: 'Achter' } as const;
const SKILLS = [
  ['reading', 'Lezen'],
  ['writing', 'Schrijven'],
  ['listening', 'Luisteren'],
  ['speaking', 'Spreken'],
] as const;
const KIND_NL: Record<string, string> = { language: 'Taal (incl. KNM)', participation: 'Participatie', mapPractical: 'MAP-praktijk', deficiencySubject: 'Deficiënte vakken', studySkills: 'Studievaardigheden', internship: 'Stage' };
const dash = (v: string | null | undefined) => (v === null || v === undefined || v.trim() === '' ? '—' : v);

export interface ReportPdfData {
  kind: 'progress' | 'final';
  participant: PdfParticipant;
  municipalityName: string;
  providerName: string;
  /** The route code (never its name: the sections below branch on the code). */
  route: Route;
  submittedOn: string | null;
  generatedOn: string;
  content: ReportContent;
  plainDutch: string[];
}

/**
 * The route's own part of a report, by route code: the Onderwijsroute indicators (R-OND-2, 002 eis 27)
 * or the Z-route's participation, self-reliance and functional language (001 §2.3.2); empty otherwise.
 */
export function routeSection(route: Route, c: Pick<ReportContent, 'pvtCompletedMonth' | 'deficiencySubjects' | 'onwardFlow' | 'participation' | 'selfReliance' | 'functionalLanguage'>, part: 'education' | 'z'): Content[] {
  if (part === 'education' && isEducationRoute(route)) {
    return [{ text: routeNameNl(route), style: 'heading' }, facts([['PVT afgerond in', dash(c.pvtCompletedMonth)], ['Deficiënte vakken', dash(c.deficiencySubjects)], ['Doorstroom', dash(c.onwardFlow)]])];
  }
  if (part === 'z' && route === 'z') {
    return [{ text: routeNameNl(route), style: 'heading' }, facts([['Participatie', dash(c.participation)], ['Zelfredzaamheid', dash(c.selfReliance)], ['Functioneel taalgebruik', dash(c.functionalLanguage)]])];
  }
  return [];
}

export function renderReportPdf(d: ReportPdfData): Promise<Buffer> {
  const c = d.content;
  const title = d.kind === 'final' ? 'Eindrapportage inburgering' : 'Voortgangsrapportage inburgering';
  const body: Content[] = [
    { text: 'Inburgeraar', style: 'heading' },
    facts(participantFacts(d.participant)),
    { text: 'Rapportage', style: 'heading' },
    facts([
      ['Gemeente', d.municipalityName],
      ['Aanbieder', d.providerName],
      ['Leerroute', routeNameNl(d.route)],
      ['Ingediend op', d.submittedOn === null ? 'Concept, nog niet ingediend' : dutchDate(d.submittedOn)],
      ['Status', STATUS[c.status]],
      ['Redenen', c.statusReasons.length === 0 ? '—' : c.statusReasons.join(' ')],
      ['Gevolgde uren', `${Math.floor(c.hoursMade)}`],
      ['Aanwezigheid (laatste 3 maanden)', c.attendancePercentage === null ? '—' : `${c.attendancePercentage.toFixed(1).replace('.', ',')}%`],
      ['Redenen van afwezigheid', dash(c.attendanceReasons)],
      ['Welbevinden', dash(c.wellbeing)],
      ['Af- of opschaling', dash(c.scaling)],
      ['Verwachte examendatum', dutchDate(c.expectedExamDate)],
      ['Verwacht eindniveau binnen de termijn', dash(c.expectedEndLevel)],
      ['Risico op stagnatie', dash(c.risks)],
      ['Interventies', dash(c.interventions)],
    ]),
    { text: 'Resultaten voortgangstoets', style: 'heading' },
    facts(SKILLS.map(([k, label]) => [label, dash(c.testResults[k])])),
  ];
  const kinds = Object.entries(c.hoursByKind);
  if (kinds.length > 0) body.push({ text: 'Uren per soort', style: 'heading' }, facts(kinds.map(([k, h]): [string, string] => [KIND_NL[k] ?? k, `${String(h).replace('.', ',')} uur`])));
  if (c.examSummary.length > 0) body.push({ text: 'Examens', style: 'heading' }, { ul: c.examSummary });
  body.push(...routeSection(d.route, c, 'education'));
  if (c.mapProgress !== '') body.push({ text: 'MAP', style: 'heading' }, facts([['Voortgang MAP', c.mapProgress]]));
  body.push(...routeSection(d.route, c, 'z'));
  if (d.kind === 'final') {
    body.push(
      { text: 'Einde van de route', style: 'heading' },
      facts([
        ['Doelen gehaald', c.goalsReached === null ? '—' : c.goalsReached ? 'Ja' : 'Nee'],
        ['Toelichting', dash(c.explanation)],
        ['Advies', dash(c.advice)],
      ]),
    );
  }
  body.push({ text: 'In eenvoudige woorden', style: 'heading' }, { ul: d.plainDutch });
  return render((family) => definition(family, title, `${d.providerName} aan gemeente ${d.municipalityName}`, d.generatedOn, body));
}

export interface HoursStatementData {
  participant: PdfParticipant;
  municipalityName: string;
  providerName: string;
  generatedOn: string;
  reason: string;
  byKind: [string, number][];
  totalHours: number;
  firstLessonOn: string | null;
  lastLessonOn: string | null;
  attendancePercentage: number | null;
  passedParts: string[];
}

/** R-RTE-4 (003 art. 10.7, 11): urenverklaring with proof of participation for the next party. */
export function renderHoursStatementPdf(d: HoursStatementData): Promise<Buffer> {
  return render((family) =>
    definition(family, 'Urenverklaring en bewijs van deelname', `${d.providerName}, gemeente ${d.municipalityName}`, d.generatedOn, [
      { text: 'Inburgeraar', style: 'heading' },
      facts(participantFacts(d.participant)),
      { text: 'Deelname', style: 'heading' },
      facts([
        ['Aanleiding', d.reason],
        ['Eerste les', dutchDate(d.firstLessonOn)],
        ['Laatste les', dutchDate(d.lastLessonOn)],
        ['Aanwezigheid (laatste 3 maanden)', d.attendancePercentage === null ? '—' : `${d.attendancePercentage.toFixed(1).replace('.', ',')}%`],
        ['Behaalde examenonderdelen', d.passedParts.length === 0 ? 'Geen' : d.passedParts.join(', ')],
      ]),
      { text: 'Gevolgde uren per soort', style: 'heading' },
      facts([...d.byKind.map(([k, h]): [string, string] => [k, `${h.toFixed(1).replace('.', ',')} uur`]), ['Totaal', `${d.totalHours.toFixed(1).replace('.', ',')} uur`]]),
      { text: 'Deze verklaring is gemaakt uit de registratie in Koers. Uren tellen mee in de nieuwe route (001 §2.3.4).', style: 'small' },
    ]),
  );
}
