// R-ESC-1 (000 §5 "Cursistniveau"): the participant-level escalation ladder — signal and alignment
// between provider and municipality → an improvement plan with weekly monitoring → a local management or
// policy meeting → the contract manager, who judges whether the provider acts as agreed. Each step keeps
// its date, actors and decision. Pure: the service (src/features/participant-escalation) stores the steps,
// raises one signal per overdue weekly check-in and shows the contract manager a pseudonym, never the person.
import { addCalendarDays, compareDates } from '../calendar.js';
import type { IsoDate } from '../iso-date.js';

export const ParticipantSteps = ['signalAndAlignment', 'improvementPlan', 'localManagement', 'contractManager'] as const;
export type ParticipantStep = (typeof ParticipantSteps)[number];

/** The Dutch names, in 000 §5's words. */
export const STEP_NL: Record<ParticipantStep, string> = {
  signalAndAlignment: 'Signalering en afstemming',
  improvementPlan: 'Verbeterplan met wekelijkse monitoring',
  localManagement: 'Overleg op lokaal management- of beleidsniveau',
  contractManager: 'Contractmanager ingeschakeld',
};

export interface StepFact {
  step: ParticipantStep;
  decidedOn: IsoDate;
}

export interface StepInput {
  step: ParticipantStep;
  decidedOn: IsoDate;
  actors: string;
  decision: string;
  /** The improvement plan only: how many weekly check-ins it sets (1–26). */
  planWeeks: number | null;
}

export interface Refusal {
  field: 'step' | 'decidedOn' | 'actors' | 'decision' | 'planWeeks';
  code: 'closed' | 'ladderEnd' | 'notNext' | 'future' | 'beforeLast' | 'empty' | 'planWeeks';
}

/** The step to take next, or null at the top of the ladder. */
export function nextParticipantStep(steps: readonly StepFact[]): ParticipantStep | null {
  const last = steps.at(-1);
  if (last === undefined) return ParticipantSteps[0];
  return ParticipantSteps[ParticipantSteps.indexOf(last.step) + 1] ?? null;
}

export const MAX_PLAN_WEEKS = 26;

/** Why the step cannot be taken, or null: in order without skipping, dated today or before and not before the last, with actors and decision; the plan with its weeks. */
export function refuseParticipantStep(steps: readonly StepFact[], closed: boolean, input: StepInput, today: IsoDate): Refusal | null {
  if (closed) return { field: 'step', code: 'closed' };
  const next = nextParticipantStep(steps);
  if (next === null) return { field: 'step', code: 'ladderEnd' };
  if (input.step !== next) return { field: 'step', code: 'notNext' };
  if (compareDates(input.decidedOn, today) > 0) return { field: 'decidedOn', code: 'future' };
  const last = steps.at(-1);
  if (last !== undefined && compareDates(input.decidedOn, last.decidedOn) < 0) return { field: 'decidedOn', code: 'beforeLast' };
  if (input.actors.trim() === '') return { field: 'actors', code: 'empty' };
  if (input.decision.trim() === '') return { field: 'decision', code: 'empty' };
  const isPlan = input.step === 'improvementPlan';
  if (isPlan !== (input.planWeeks !== null) || (input.planWeeks !== null && (input.planWeeks < 1 || input.planWeeks > MAX_PLAN_WEEKS))) return { field: 'planWeeks', code: 'planWeeks' };
  return null;
}

/** The plan's weekly check-ins: one, two, … weeks after the plan was agreed. */
export function checkInDueDates(planOn: IsoDate, weeks: number): IsoDate[] {
  return Array.from({ length: weeks }, (_, i) => addCalendarDays(planOn, 7 * (i + 1)));
}

/**
 * The check-ins overdue today: due before today, not held, while the case is open (a closed case
 * monitors no more). A check-in due today is not overdue yet.
 */
export function overdueCheckIns(due: readonly IsoDate[], held: ReadonlySet<IsoDate>, today: IsoDate, closedOn: IsoDate | null): IsoDate[] {
  return due.filter((d) => compareDates(d, today) < 0 && !held.has(d) && (closedOn === null || compareDates(d, closedOn) < 0));
}

/** The contract manager sees a case only from its last step on (000 §5: "wordt de contractmanager ingeschakeld"). */
export function visibleToContractManager(steps: readonly StepFact[]): boolean {
  return steps.some((s) => s.step === 'contractManager');
}

/** 000 §5: the contract manager "beoordeelt of Opdrachtnemer conform afspraken handelt en aanvullende inzet kan verlangen". */
export const JudgementDecisions = ['asAgreed', 'additionalEffort'] as const;
export type JudgementDecision = (typeof JudgementDecisions)[number];
export const JUDGEMENT_NL: Record<JudgementDecision, string> = {
  asAgreed: 'Aanbieder handelt conform afspraken',
  additionalEffort: 'Aanvullende inzet verlangd van de aanbieder',
};

export interface JudgementRefusal {
  field: 'judgedOn' | 'grounds' | 'decision';
  code: 'closed' | 'notCalledIn' | 'already' | 'future' | 'beforeStep' | 'empty';
}

/**
 * Why the contract manager cannot record its judgement, or null: the case is open, at the last step
 * ('contractManager'), not judged yet, dated today or before and not before that step, with grounds.
 */
export function refuseJudgement(steps: readonly StepFact[], closed: boolean, judged: boolean, input: { judgedOn: IsoDate; grounds: string }, today: IsoDate): JudgementRefusal | null {
  if (closed) return { field: 'decision', code: 'closed' };
  const calledIn = steps.find((s) => s.step === 'contractManager');
  if (calledIn === undefined) return { field: 'decision', code: 'notCalledIn' };
  if (judged) return { field: 'decision', code: 'already' };
  if (compareDates(input.judgedOn, today) > 0) return { field: 'judgedOn', code: 'future' };
  if (compareDates(input.judgedOn, calledIn.decidedOn) < 0) return { field: 'judgedOn', code: 'beforeStep' };
  if (input.grounds.trim() === '') return { field: 'grounds', code: 'empty' };
  return null;
}
