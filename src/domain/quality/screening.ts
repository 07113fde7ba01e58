// R-QLT-1 (003 art. 4): a screening requests items (KvK, audit reports, Inspectie SZW risk check, the
// list of NT2 teachers), records findings, and applies hoor en wederhoor "te allen tijden" (art. 4.5):
// the provider answers each finding before the contract manager decides. A provider that never answers
// does not block its exclusion: art. 14 lets the contract manager exclude with grounds and the registered
// letter directly (membership.ts); the screening itself stays undecided.
import type { IsoDate } from '../iso-date.js';

export const ScreeningOutcomes = ['noRisks', 'improvementsAgreed', 'exclusion'] as const;
export type ScreeningOutcome = (typeof ScreeningOutcomes)[number];

export interface FindingFacts {
  respondedOn: IsoDate | null;
}

export type DecisionRefusal = 'alreadyDecided' | 'awaitingResponse';

/** May the screening be decided? Not twice, and not while a finding awaits the provider's answer. */
export function decisionRefusal(decided: boolean, findings: readonly FindingFacts[]): DecisionRefusal | null {
  if (decided) return 'alreadyDecided';
  return findings.some((f) => f.respondedOn === null) ? 'awaitingResponse' : null;
}

/** A finding may be answered while the screening is undecided; an answer is final (a correction is a new answer row). */
export function responseRefusal(decided: boolean): 'alreadyDecided' | null {
  return decided ? 'alreadyDecided' : null;
}
