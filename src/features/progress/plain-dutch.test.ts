// R-HRS-4: the participant reads the report in plain Dutch.
import { describe, expect, it } from 'vitest';
import { plainDutch } from './plain-dutch.js';
import type { ReportContent } from './schemas.js';

const content = (over: Partial<ReportContent> = {}): ReportContent => ({
  attendancePercentage: 86.4,
  attendanceReasons: '',
  wellbeing: '',
  scaling: '',
  status: 'onTrack',
  statusReasons: [],
  hoursMade: 412.9,
  testResults: { reading: 'A2', writing: null, listening: 'B1', speaking: 'A2' },
  expectedExamDate: '2027-06-15',
  expectedEndLevel: 'B1',
  risks: '',
  interventions: '',
  participation: '',
  selfReliance: '',
  functionalLanguage: '',
  hoursByKind: {},
  examSummary: [],
  pvtCompletedMonth: '',
  deficiencySubjects: '',
  onwardFlow: '',
  mapProgress: '',
  goalsReached: null,
  explanation: '',
  advice: '',
  ...over,
});

describe('plainDutch', () => {
  it('says hours, attendance, status, levels and exam date in short sentences', () => {
    const text = plainDutch('progress', '2027-03-01', content(), 600, 80);
    expect(text).toContain('U heeft 412 uur les gehad. Het doel is 600 uur.');
    expect(text).toContain('U was bij 86% van de lessen.');
    expect(text).toContain('Het gaat goed. U ligt op schema.');
    expect(text).toContain('Uw niveau nu: lezen A2, luisteren B1, spreken A2.');
    expect(text).toContain('U doet waarschijnlijk examen rond 15 juni 2027.');
    expect(text).toContain('Uw taalschool heeft het verslag gemaakt op 1 maart 2027.');
  });

  it('warns below the 80% norm, and 79.9% rounds down, never up to the norm', () => {
    expect(plainDutch('progress', null, content({ attendancePercentage: 79.9 }), 600, 80)).toContain('U was bij 79% van de lessen. Dat is te weinig: de regel is 80%.');
    expect(plainDutch('progress', null, content({ attendancePercentage: 80 }), 600, 80)).toContain('U was bij 80% van de lessen.');
  });

  it("uses the contract's norm: at 85% (R-ATT-3), 82% is too little and the text says 85%", () => {
    const text = plainDutch('progress', null, content({ attendancePercentage: 82 }), 600, 85);
    expect(text).toContain('U was bij 82% van de lessen. Dat is te weinig: de regel is 85%.');
    expect(text.join(' ')).not.toContain('80%');
    expect(plainDutch('progress', null, content({ attendancePercentage: 85 }), 600, 85)).toContain('U was bij 85% van de lessen.');
  });

  it('a final report says whether the goals were reached', () => {
    expect(plainDutch('final', null, content({ goalsReached: false, advice: 'Ga naar de taalcafé.' }), 600, 80)).toEqual(
      expect.arrayContaining(['Dit is uw eindverslag.', 'U heeft niet alle doelen gehaald.', 'Ons advies: Ga naar de taalcafé.']),
    );
  });
});
