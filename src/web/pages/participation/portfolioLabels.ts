// Dutch names of the portfolio's parts (issue #12, R-MAP-3; 001 Bijlage 3).
export const itemKindLabels: Record<string, string> = { evidence: 'Bewijsstuk', reflection: 'Reflectie', assignment: 'Opdracht' };

/** 001 Bijlage 3 "algemeen klantbeeld", in its order. */
export const profileQuestions = [
  ['canMakeCv', 'Kan de inburgeraar een cv maken?'],
  ['workFit', 'Is de inburgeraar werkfit?'],
  ['diplomaValuation', 'Is er aan diplomawaardering gedaan?'],
] as const;

export const answerLabels: Record<string, string> = { yes: 'Ja', no: 'Nee', inProgress: 'Mee bezig' };
