// Every kind of signal Koers raises (R-SIG-1, ARCHITECTURE §2.8), with the subject it is about, who it
// is addressed to, and what its period (the third part of its identity) means. The signal store
// (src/features/signals/store.ts) accepts only these causes, so a new kind of signal starts here.
import type { AbsenceCause } from './attendance.js';
import type { Party } from './lifecycle.js';
import { StepNames, type StepName } from './step-names.js';

/** What a signal is about: a referral's pending step, a participant's facts, or a provider's results. */
export const SignalSubjectTypes = ['referral', 'participant', 'provider'] as const;
export type SignalSubjectType = (typeof SignalSubjectTypes)[number];

/** A pending step of a referral (src/domain/steps.ts): the party comes from the step, not the cause. */
export type ReferralStepCause = `referral.${StepName}`;

/** R-HRS-2, R-HRS-3, R-END-1: reports and tests the provider owes. */
export type ProgressCause = 'progress.testDue' | 'progress.reportDue' | 'report.finalDue';

/** R-LVL-3, R-LVL-4: the municipality decides a scaling request; the provider then sets the new level. */
export type ScalingCause = 'scaling.decisionDue' | 'scaling.levelDue';

/**
 * R-LVL-5 (002 eis 44): an Onderwijsroute provider's pass rate stayed low. R-INV-4 (001 §4.1.2, 002
 * eis 12): an earned product is not on a sent invoice within the contract's invoice term.
 */
export type ProviderCause = 'exam.passRateLow' | 'invoice.sendDue' | PeriodicReportCause | QualityCause | MeetingActionCause;

/** R-CM-1 (issue #14): an action item of a contract meeting that the provider owns is past its due date and not done. */
export type MeetingActionCause = 'meetingAction.overdue';

/** R-QLT-2, R-QLT-3 (issue #14): to the region's contract manager — a quality mark too young, expired or withdrawn (003 art. 5.1–5.2, 14.3); a breach of the contract's teacher norm (003 art. 5.3, 002 eis 66). */
export type QualityCause = 'quality.markConcern' | 'quality.teacherNorm';

/** R-QLT-3 (003 art. 4.4, 15): the participant's provider is excluded from the covenant; the consultant advises a switch. */
export type ExclusionCause = 'quality.providerExcluded';

/** R-CON-8, R-MI-6 (issue #13): a periodic report the provider owes is due soon, or late (not submitted by its due date). */
export type PeriodicReportCause = 'periodicReport.due' | 'periodicReport.late';

/** R-HRS-2 (001 §2.3.2): a Z-route participation meeting of provider and municipality per 200 hours spent. */
export type ParticipationCause = 'participation.meetingDue';

/** R-MAP-1 (001 §3): the MAP is ready (eight themes done, 40 practical hours) and no end conversation is planned yet. */
export type MapCause = 'map.endConversationDue';

/** R-ESC-1 (issue #14): a weekly check-in of a participant-level improvement plan is past its due date and not held. */
export type EscalationCause = 'participantEscalation.checkInOverdue';

/** R-EXC-4 (issue #15): DUO notified an event about the participant that the consultant must act on (Gebeurtenissen.md). */
export type DuoCause = 'duo.event';

export type ParticipantCause = AbsenceCause | ProgressCause | ScalingCause | ParticipationCause | MapCause | ExclusionCause | EscalationCause | DuoCause;

/** Who a signal is addressed to: a party of the referral, or the region's contract manager (issue #14, quality register). */
export type Addressee = Party | 'contractManager';
export type SignalCause = ReferralStepCause | ParticipantCause | ProviderCause;

interface CauseRule<S extends SignalSubjectType> {
  subject: S;
  /** Null where the party depends on the step (referral steps, src/domain/steps.ts). */
  addressee: S extends 'referral' ? null : Addressee;
  /** What the period of the identity (cause, subject, period) holds: one signal per such value. */
  period: string;
}

type Rules = { [C in ReferralStepCause]: CauseRule<'referral'> } & { [C in ParticipantCause]: CauseRule<'participant'> } & { [C in ProviderCause]: CauseRule<'provider'> };

const stepRules = Object.fromEntries(
  StepNames.map((s) => [`referral.${s}`, { subject: 'referral', addressee: null, period: 'the occurrence of the step (src/domain/steps.ts)' }]),
) as { [C in ReferralStepCause]: CauseRule<'referral'> };

/** The one table of signal kinds. Absence addressees: 001 §2.3.2 (first no-show to the provider), 004 §2.4, 001 §2.3.1, 003 art. 12.4. */
export const SIGNAL_CAUSES: Readonly<Rules> = {
  ...stepRules,
  // 001 §2.3.2: the provider reports the first no-show and holds the talk itself; everything else goes
  // to the consultant (repeated no-show, 3 a month 004 §2.4, below the norm 001 §2.3.1, longer than a week 003 art. 12.4).
  'absence.firstNoShow': { subject: 'participant', addressee: 'provider', period: "'first'" },
  'absence.repeatedNoShow': { subject: 'participant', addressee: 'municipality', period: 'the date of the no-show' },
  'absence.frequent': { subject: 'participant', addressee: 'municipality', period: 'the month (YYYY-MM)' },
  // 004 §2.4: the official warning to the participant goes "via de taalaanbieder".
  'absence.warnParticipant': { subject: 'participant', addressee: 'provider', period: 'the month (YYYY-MM)' },
  'attendance.belowNorm': { subject: 'participant', addressee: 'municipality', period: 'the complete month (YYYY-MM)' },
  'absence.longerThanWeek': { subject: 'participant', addressee: 'municipality', period: 'the first day of the absence' },
  'progress.testDue': { subject: 'participant', addressee: 'provider', period: "the milestone ('h200', 'h400', 'h600')" },
  'progress.reportDue': { subject: 'participant', addressee: 'provider', period: 'the report moment (a date)' },
  'report.finalDue': { subject: 'participant', addressee: 'provider', period: 'the date the route ended' },
  'scaling.decisionDue': { subject: 'participant', addressee: 'municipality', period: 'the scaling request id' },
  'scaling.levelDue': { subject: 'participant', addressee: 'provider', period: 'the scaling request id' },
  // 001 §2.3.2: the provider plans the talk with the municipality (the consultant sees it too).
  'participation.meetingDue': { subject: 'participant', addressee: 'provider', period: "the multiple of 200 hours ('h200', 'h400', …)" },
  // 001 §3: "Het eindgesprek van de MAP vindt plaats tussen de inburgeraar en de gemeente": the consultant plans it.
  'map.endConversationDue': { subject: 'participant', addressee: 'municipality', period: "'map' (once per participant)" },
  'exam.passRateLow': { subject: 'provider', addressee: 'provider', period: 'the month and municipality (YYYY-MM:<municipality id>)' },
  'invoice.sendDue': { subject: 'provider', addressee: 'provider', period: 'the day the products were earned and the municipality (YYYY-MM-DD:<municipality id>)' },
  'periodicReport.due': { subject: 'provider', addressee: 'provider', period: 'the report instance without its provider (contract~kind~period~municipality or region)' },
  'periodicReport.late': { subject: 'provider', addressee: 'provider', period: 'the report instance without its provider (contract~kind~period~municipality or region)' },
  'meetingAction.overdue': { subject: 'provider', addressee: 'provider', period: 'the action item id' },
  'quality.markConcern': { subject: 'provider', addressee: 'contractManager', period: 'contract, concern and mark (<contract>:<concern>:<mark id or none>)' },
  'quality.teacherNorm': { subject: 'provider', addressee: 'contractManager', period: 'contract and the day the breach was first seen (<contract>:<YYYY-MM-DD>)' },
  'quality.providerExcluded': { subject: 'participant', addressee: 'municipality', period: 'the exclusion (its covenant_membership id)' },
  // 000 §5: the provider runs the plan with the municipality; addressed to the provider, the consultant sees it too.
  'participantEscalation.checkInOverdue': { subject: 'participant', addressee: 'provider', period: 'the case and the due date (<escalation id>:<YYYY-MM-DD>)' },
  // Issue #15: DUO's notifications go to the municipality (Interactiepatronen, notificering).
  'duo.event': { subject: 'participant', addressee: 'municipality', period: "DUO's event and message id (<gebeurtenisId>:<berichtId>)" },
};

export const SignalCauses = Object.keys(SIGNAL_CAUSES) as SignalCause[];

export function isSignalCause(s: string): s is SignalCause {
  return Object.hasOwn(SIGNAL_CAUSES, s);
}

/** The cause of a referral's pending step. */
export function stepCause(step: StepName): ReferralStepCause {
  return `referral.${step}`;
}

/** The step a referral cause stands for, or null for a cause about a participant or provider. */
export function stepOfCause(cause: string): StepName | null {
  const step = cause.startsWith('referral.') ? cause.slice('referral.'.length) : '';
  return (StepNames as readonly string[]).includes(step) ? (step as StepName) : null;
}

/** The party a participant or provider signal is addressed to (referral steps carry their own). */
export function addresseeOf(cause: ParticipantCause | ProviderCause): Addressee {
  return SIGNAL_CAUSES[cause].addressee;
}

/**
 * Why a signal stops being open: named at every call site of the store and kept in signal.resolution
 * (migration 0016).
 */
export type SignalResolution =
  /** The awaited step or fact happened (a report submitted, a test recorded, a decision taken). */
  | 'answered'
  /** The facts no longer call for it (a referral's step no longer owed; a month corrected to at or above the norm). */
  | 'noLongerCalledFor';
