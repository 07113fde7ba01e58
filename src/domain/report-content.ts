// What a progress or final report must hold before the provider submits it (R-HRS-4, R-OND-2, R-END-1,
// R-END-2), per route and kind, pure. The field names are those of the report's content.
import type { Route } from './contract.js';
import type { CefrLevel } from './levels.js';
import { validateFinalReport } from './final-report.js';

/** The part of a report's content the rules look at. */
export interface ReportDraft {
  status: 'onTrack' | 'atRisk' | 'behind';
  expectedEndLevel: CefrLevel | null;
  risks: string;
  interventions: string;
  participation: string;
  selfReliance: string;
  functionalLanguage: string;
  deficiencySubjects: string;
  onwardFlow: string;
  goalsReached: boolean | null;
  explanation: string;
  advice: string;
}

export interface ReportProblem {
  field: keyof ReportDraft;
  /** Plain Dutch. */
  reason: string;
}

const isEducation = (route: Route) => route === 'education_mbo' || route === 'education_hbo_wo';

/** The fields still missing, each once, in the order a reader meets them; empty when complete. */
export function reportProblems(kind: 'progress' | 'final', route: Route, c: ReportDraft): ReportProblem[] {
  const problems: ReportProblem[] = [];
  const need = (field: keyof ReportDraft, ok: boolean, reason: string) => {
    if (!ok && !problems.some((p) => p.field === field)) problems.push({ field, reason });
  };
  if (route === 'z') {
    // 001 §2.3.2 / R-HRS-4: the Z-route reports participation, self-reliance and functional language.
    need('participation', c.participation !== '', 'Beschrijf de participatieactiviteiten (Z-route).');
    need('selfReliance', c.selfReliance !== '', 'Beschrijf de zelfredzaamheid (Z-route).');
    need('functionalLanguage', c.functionalLanguage !== '', 'Beschrijf het functioneel taalgebruik (Z-route).');
  } else {
    // 000 §4.4: the expected end level within the term.
    need('expectedEndLevel', c.expectedEndLevel !== null, 'Kies het verwachte eindniveau binnen de termijn.');
  }
  if (isEducation(route)) {
    // R-OND-2 (002 eis 27): the individual report's indicators the provider writes itself.
    need('deficiencySubjects', c.deficiencySubjects !== '', 'Beschrijf de deficiënte vakken: gevolgd of afgerond (Onderwijsroute).');
    if (kind === 'final') need('onwardFlow', c.onwardFlow !== '', 'Beschrijf de doorstroom naar een vervolgopleiding (Onderwijsroute).');
  }
  if (c.status !== 'onTrack') {
    // 001 §2.3.1: risks of stagnation and the interventions, when the route is not on schedule.
    need('risks', c.risks !== '', 'Beschrijf het risico op stagnatie: de status is niet "op schema".');
    need('interventions', c.interventions !== '', 'Beschrijf de interventies: de status is niet "op schema".');
  }
  if (kind === 'final') {
    // R-END-1, R-END-2 (000 §4.5, 001 §2.3.1): goals reached or not, why not, advice, and on B1 the end level.
    const field: Record<string, keyof ReportDraft> = { goalsReached: 'goalsReached', notReachedExplanation: 'explanation', advice: 'advice', endLevel: 'expectedEndLevel' };
    for (const e of validateFinalReport({ route, goalsReached: c.goalsReached, notReachedExplanation: c.explanation, advice: c.advice, endLevel: c.expectedEndLevel })) {
      need(field[e.field] ?? 'advice', false, e.message);
    }
  }
  return problems;
}
