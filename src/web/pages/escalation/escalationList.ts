// The participant-level ladder's list (issue #14, R-ESC-1) on screen: step names, the case's label and its
// open check-ins. Searching, sorting and paging are the server's (src/domain/escalation/participant-list.ts).
import type { EscalationItem, LadderStep } from '../../api/participantEscalation';

/** The Dutch step names, in 000 §5's words (as src/domain/escalation/participant-ladder.ts STEP_NL). */
export const STEP_NAME: Record<LadderStep, string> = {
  signalAndAlignment: 'Signalering en afstemming',
  improvementPlan: 'Verbeterplan met wekelijkse monitoring',
  localManagement: 'Overleg op lokaal management- of beleidsniveau',
  contractManager: 'Contractmanager ingeschakeld',
};

export const ESCALATION_SORTS = ['-lastStepOn', 'lastStepOn', 'case', '-case', 'step', '-step'] as const;
export type EscalationSort = (typeof ESCALATION_SORTS)[number];

/** The case's name on screen: the person for the municipality and provider, the pseudonym for the contract manager. */
export const caseLabel = (c: Pick<EscalationItem, 'person' | 'pseudonym'>): string => c.person?.name ?? c.pseudonym;
export const lastStep = (c: Pick<EscalationItem, 'steps'>) => c.steps.at(-1);
export const openCheckIns = (c: Pick<EscalationItem, 'checkIns'>) => c.checkIns.filter((k) => k.heldOn === null);
