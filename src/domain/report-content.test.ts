// R-HRS-4, R-OND-2, R-END-1, R-END-2: what a report needs before it is submitted, per route and kind.
import { describe, expect, it } from 'vitest';
import { reportProblems, type ReportDraft } from './report-content.js';

const complete: ReportDraft = {
  status: 'onTrack',
  expectedEndLevel: 'B1',
  risks: '',
  interventions: '',
  participation: '',
  selfReliance: '',
  functionalLanguage: '',
  deficiencySubjects: '',
  onwardFlow: '',
  goalsReached: null,
  explanation: '',
  advice: '',
};
const fields = (p: ReturnType<typeof reportProblems>) => p.map((x) => x.field);

describe('reportProblems', () => {
  it('a B1 progress report on schedule needs only the expected end level', () => {
    expect(reportProblems('progress', 'b1', complete)).toEqual([]);
    expect(fields(reportProblems('progress', 'b1', { ...complete, expectedEndLevel: null }))).toEqual(['expectedEndLevel']);
  });

  it('not on schedule: risks and interventions are required (001 §2.3.1)', () => {
    expect(fields(reportProblems('progress', 'b1', { ...complete, status: 'atRisk' }))).toEqual(['risks', 'interventions']);
    expect(reportProblems('progress', 'b1', { ...complete, status: 'behind', risks: 'r', interventions: 'i' })).toEqual([]);
  });

  it('the Z-route asks participation, self-reliance and functional language instead of an end level', () => {
    expect(fields(reportProblems('progress', 'z', { ...complete, expectedEndLevel: null }))).toEqual(['participation', 'selfReliance', 'functionalLanguage']);
  });

  it('the Onderwijsroute asks deficiency subjects, and in the final report the onward flow (002 eis 27)', () => {
    expect(fields(reportProblems('progress', 'education_hbo_wo', complete))).toEqual(['deficiencySubjects']);
    const final = { ...complete, deficiencySubjects: 'd', goalsReached: true, advice: 'a' };
    expect(fields(reportProblems('final', 'education_mbo', final))).toEqual(['onwardFlow']);
  });

  it('a final report with goals not reached needs the explanation; each field is named once (R-END-2)', () => {
    const p = reportProblems('final', 'b1', { ...complete, expectedEndLevel: null, goalsReached: false });
    expect(fields(p)).toEqual(['expectedEndLevel', 'explanation', 'advice']);
    expect(reportProblems('final', 'b1', { ...complete, goalsReached: false, explanation: 'Ziek.', advice: 'Taalcafé.' })).toEqual([]);
    expect(fields(reportProblems('final', 'b1', complete))).toEqual(['goalsReached', 'advice']);
  });
});
