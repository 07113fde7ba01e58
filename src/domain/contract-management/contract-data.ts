// Issue #14 (R-CM-1, R-ESC-2): the meetings and the contract-level ladder of a contract are data — the
// meeting types with their cadence and parties (000 §3), the ladder's steps in order (000 §5
// "Contractmanagementniveau") and the patterns that may propose a step. Kept apart from contract.ts,
// which embeds it, so the pure rules of this folder import the types without a cycle.
import { z } from 'zod';

const Source = z.string().min(1);
/** A value a source leaves open carries the reason it was assumed (R-CON-9). */
const Assumption = z.string().min(1).optional();

/** GLOSSARY "meeting": uitvoeringsoverleg, contractmanagementgesprek, voortgangsoverleg. */
export const MeetingType = z.enum(['execution', 'contract', 'progress']);
export type MeetingType = z.infer<typeof MeetingType>;

/** Who takes part: the contract manager, (a delegation of) the municipalities, the provider. */
export const MeetingParty = z.enum(['contractManager', 'municipalities', 'provider']);
export type MeetingParty = z.infer<typeof MeetingParty>;

export const MeetingRule = z
  .object({
    type: MeetingType,
    /** 'quarter': one per quarter; 'onRequest': when a party asks (000 §3 voortgangsoverleg). */
    cadence: z.enum(['quarter', 'onRequest']),
    /**
     * When a quarterly meeting is held at the latest: 'inQuarter' (by the quarter's last day) or
     * 'weekAfterQuarter' (by the Sunday of the n-th full week after the quarter, 000 §3 "uiterlijk in de
     * derde week na afloop van het voorliggende kwartaal").
     */
    due: z.discriminatedUnion('kind', [z.object({ kind: z.literal('inQuarter') }), z.object({ kind: z.literal('weekAfterQuarter'), week: z.number().int().min(1).max(13) })]).optional(),
    parties: z.array(MeetingParty).min(1),
    source: Source,
    assumption: Assumption,
  })
  .refine((r) => (r.cadence === 'quarter') === (r.due !== undefined), { message: 'a quarterly meeting has a due rule; a meeting on request has none', path: ['due'] });
export type MeetingRule = z.infer<typeof MeetingRule>;

/** The contract-level ladder's steps, in the order of 000 §5. */
export const LadderStepName = z.enum(['intensifiedMeetings', 'formalWarning', 'legalSteps']);
export type LadderStepName = z.infer<typeof LadderStepName>;

export const LadderStep = z.object({
  step: LadderStepName,
  name: z.string().min(1),
  /** The step records a term (improvement term, the plan's due date) by which improvement must show. */
  requiresTerm: z.boolean(),
  source: Source,
  assumption: Assumption,
});
export type LadderStep = z.infer<typeof LadderStep>;

/** The patterns that may propose a step: never one participant (000 §5 "niet om individuele inburgeraars, maar om patronen"). */
export const EscalationPattern = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('kpiBelowTarget'),
    /** Consecutive quarters, the last one the quarter looked at. */
    quartersRunning: z.number().int().min(1).max(8),
    /** A quarter counts only with at least this many in its denominator. */
    minCases: z.number().int().min(2),
    source: Source,
    assumption: Assumption,
  }),
  z.object({
    kind: z.literal('deadlineComplianceBelowNorm'),
    /** The contract's norm: the share of steps on time (0.9 is 90%). */
    normShare: z.number().min(0).max(1),
    minCases: z.number().int().min(2),
    source: Source,
    assumption: Assumption,
  }),
  /**
   * From the complaints register (R-CM-3): a provider's complainants in the quarter more than in the one
   * before, and at least `minComplainants` of them (default 3) — distinct complainants, so one person
   * complaining often never proposes a step (000 §5 "niet om individuele inburgeraars").
   */
  z.object({ kind: z.literal('complaintsRising'), minComplainants: z.number().int().min(2).optional(), source: Source, assumption: Assumption }),
]);
export type EscalationPattern = z.infer<typeof EscalationPattern>;

export const ContractManagement = z
  .object({
    meetings: z.array(MeetingRule).min(1),
    ladder: z.array(LadderStep).min(1),
    patterns: z.array(EscalationPattern),
    source: Source,
    assumption: Assumption,
  })
  .refine((c) => new Set(c.meetings.map((m) => m.type)).size === c.meetings.length, { message: 'each meeting type at most once', path: ['meetings'] })
  .refine((c) => c.ladder.every((s, i) => s.step === LadderStepName.options[i]), { message: 'the ladder lists intensifiedMeetings, formalWarning, legalSteps in that order (000 §5)', path: ['ladder'] });
export type ContractManagement = z.infer<typeof ContractManagement>;
