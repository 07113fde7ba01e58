// The fields of a progress or final report (R-HRS-4, R-END-1, R-END-2, R-OND-2) with their Dutch labels, and
// which fields a report shows: the Z-route asks participation, self-reliance and functional language
// instead of an expected end level (001 §2.3.2); the Onderwijsroute asks deficiency subjects, the PVT
// month and (final) the onward flow; a final report asks goals, explanation and advice. Fields the
// server does not send (a report made before they existed) are left out.
import type { ReportContent, ReportKind } from '../../api/progress';

export type TextKey =
  | 'attendanceReasons'
  | 'wellbeing'
  | 'scaling'
  | 'risks'
  | 'interventions'
  | 'participation'
  | 'selfReliance'
  | 'functionalLanguage'
  | 'deficiencySubjects'
  | 'onwardFlow'
  | 'mapProgress'
  | 'explanation'
  | 'advice';

export type EditKey = TextKey | 'expectedExamDate' | 'expectedEndLevel' | 'pvtCompletedMonth' | 'goalsReached';

export const contentLabels: Record<keyof ReportContent, string> = {
  attendancePercentage: 'Aanwezigheid (laatste drie maanden)',
  attendanceReasons: 'Redenen van verzuim',
  wellbeing: 'Welzijn (voor zover het de voortgang raakt)',
  scaling: 'Af- of opschaling',
  status: 'Status',
  statusReasons: 'Waarom deze status',
  hoursMade: 'Gemaakte uren',
  hoursByKind: 'Uren per soort',
  testResults: 'Uitslag laatste voortgangstoets',
  examSummary: 'Examens',
  expectedExamDate: 'Verwachte examendatum',
  expectedEndLevel: 'Verwacht eindniveau binnen de termijn',
  risks: 'Risico op stagnatie',
  interventions: 'Interventies',
  participation: 'Participatieactiviteiten (Z-route)',
  selfReliance: 'Zelfredzaamheid (Z-route)',
  functionalLanguage: 'Functioneel taalgebruik A1-A2 (Z-route)',
  deficiencySubjects: 'Deficiënte vakken: gevolgd of afgerond (Onderwijsroute)',
  pvtCompletedMonth: 'Maand waarin het PVT is afgerond (Onderwijsroute)',
  onwardFlow: 'Doorstroom naar een vervolgopleiding (Onderwijsroute)',
  mapProgress: 'Voortgang MAP (onderdelen en praktijkuren)',
  goalsReached: 'Zijn de doelen gehaald?',
  explanation: 'Waarom zijn de doelen niet gehaald?',
  advice: 'Advies voor wat hierna komt',
};

export const contentDescriptions: Partial<Record<EditKey, string>> = {
  interventions: 'Wat u doet om de inburgeraar verder te helpen.',
  scaling: 'Welke af- of opschaling is aangevraagd of besloten, per vaardigheid.',
  pvtCompletedMonth: 'Bijvoorbeeld 2027-03.',
};

const isEducation = (route: string) => route === 'education_mbo' || route === 'education_hbo_wo';

/** The fields that the editor shows for this report, in the order of the form. */
export function editKeysFor(kind: ReportKind, route: string, c: ReportContent): EditKey[] {
  const keys: EditKey[] = ['attendanceReasons', 'wellbeing', 'scaling'];
  if (route === 'z') keys.push('participation', 'selfReliance', 'functionalLanguage');
  else keys.push('expectedEndLevel', 'expectedExamDate');
  if (isEducation(route)) keys.push('deficiencySubjects', 'pvtCompletedMonth', ...(kind === 'final' ? (['onwardFlow'] as const) : []));
  keys.push('mapProgress', 'risks', 'interventions');
  if (kind === 'final') keys.push('goalsReached', 'explanation', 'advice');
  return keys.filter((key) => key in c);
}

/** The fields the server asks before it accepts the report (src/features/progress/reports.ts). */
export function requiredKeys(kind: ReportKind, route: string, c: ReportContent, goalsReached: string): Set<EditKey> {
  const keys = new Set<EditKey>(route === 'z' ? ['participation', 'selfReliance', 'functionalLanguage'] : ['expectedEndLevel']);
  if (isEducation(route)) {
    keys.add('deficiencySubjects');
    if (kind === 'final') keys.add('onwardFlow');
  }
  if (c.status !== 'onTrack') keys.add('risks').add('interventions');
  if (kind === 'final') {
    keys.add('goalsReached').add('advice');
    if (goalsReached === 'no') keys.add('explanation');
  }
  return keys;
}

export const ALL_EDIT_KEYS: readonly EditKey[] = [
  'attendanceReasons',
  'wellbeing',
  'scaling',
  'participation',
  'selfReliance',
  'functionalLanguage',
  'expectedEndLevel',
  'expectedExamDate',
  'deficiencySubjects',
  'pvtCompletedMonth',
  'onwardFlow',
  'mapProgress',
  'risks',
  'interventions',
  'goalsReached',
  'explanation',
  'advice',
];

/** Form values (strings) from the report's content. */
export function valuesOf(c: ReportContent): Record<EditKey, string> {
  return {
    attendanceReasons: c.attendanceReasons,
    wellbeing: c.wellbeing,
    scaling: c.scaling,
    participation: c.participation,
    selfReliance: c.selfReliance,
    functionalLanguage: c.functionalLanguage,
    expectedEndLevel: c.expectedEndLevel ?? '',
    expectedExamDate: c.expectedExamDate ?? '',
    deficiencySubjects: c.deficiencySubjects ?? '',
    pvtCompletedMonth: c.pvtCompletedMonth ?? '',
    onwardFlow: c.onwardFlow ?? '',
    mapProgress: c.mapProgress ?? '',
    risks: c.risks,
    interventions: c.interventions,
    goalsReached: c.goalsReached === null ? '' : c.goalsReached ? 'yes' : 'no',
    explanation: c.explanation,
    advice: c.advice,
  };
}

/** The content to save: the pre-filled facts as Koers gave them, the provider's fields from the form. */
export function contentOf(base: ReportContent, v: Record<EditKey, string>): ReportContent {
  const optional = (['deficiencySubjects', 'pvtCompletedMonth', 'onwardFlow', 'mapProgress'] as const).filter((key) => key in base);
  return {
    ...base,
    ...Object.fromEntries(optional.map((key) => [key, v[key].trim()])),
    attendanceReasons: v.attendanceReasons.trim(),
    wellbeing: v.wellbeing.trim(),
    scaling: v.scaling.trim(),
    participation: v.participation.trim(),
    selfReliance: v.selfReliance.trim(),
    functionalLanguage: v.functionalLanguage.trim(),
    expectedEndLevel: v.expectedEndLevel === '' ? null : (v.expectedEndLevel as ReportContent['expectedEndLevel']),
    expectedExamDate: v.expectedExamDate === '' ? null : v.expectedExamDate,
    risks: v.risks.trim(),
    interventions: v.interventions.trim(),
    goalsReached: v.goalsReached === '' ? null : v.goalsReached === 'yes',
    explanation: v.explanation.trim(),
    advice: v.advice.trim(),
  };
}
