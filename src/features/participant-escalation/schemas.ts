// The participant-level ladder's API shapes (issue #14, R-ESC-1). The contract manager's answer carries
// `person: null`: no name, BSN, client number, participant or referral id (test/participant-escalation.int.test.ts scans it).
import { z } from 'zod';
import { JudgementDecisions, MAX_PLAN_WEEKS, ParticipantSteps } from '../../domain/escalation/participant-ladder.js';
import { EscalationSorts } from '../../domain/escalation/participant-list.js';
import { ExportFormat } from '../../platform/http/export.js';
import { int, IsoDate, queryInt, str } from '../../platform/http/input.js';

const text = (empty: string, max: number) => str(empty).trim().min(1, empty).max(max, `Hoogstens ${max} tekens.`);
const StepFields = {
  decidedOn: IsoDate.describe('The day of the step'),
  actors: text('Vul in wie erbij betrokken waren.', 500),
  decision: text('Vul het besluit in.', 4000),
};
export const OpenInput = z.object({ referralId: z.uuid('Kies de aanmelding.'), reason: text('Vul de aanleiding in.', 2000), ...StepFields });
export const StepInput = z.object({
  step: z.enum(ParticipantSteps, 'Kies de stap.'),
  ...StepFields,
  planWeeks: int('Vul het aantal weken in.').min(1).max(MAX_PLAN_WEEKS, `Hoogstens ${MAX_PLAN_WEEKS} weken.`).nullable().default(null).describe('The improvement plan only: its weekly check-ins'),
});
export const CheckInInput = z.object({ dueOn: IsoDate.describe('The check-in it is (one of the plan’s due dates)'), heldOn: IsoDate, note: text('Vul in wat de monitoring opleverde.', 4000) });
export const CloseInput = z.object({ closedOn: IsoDate, grounds: text('Vul de onderbouwing in.', 4000) });
export const JudgementInput = z.object({
  judgedOn: IsoDate.describe('The day of the judgement'),
  decision: z.enum(JudgementDecisions, 'Kies het oordeel.').describe('000 §5: the provider acts as agreed, or additional effort is required'),
  grounds: text('Vul de onderbouwing in.', 4000),
});

export const EscalationCase = z.object({
  id: z.uuid(),
  pseudonym: z.string(),
  contractId: z.string(),
  providerCode: z.string(),
  person: z.object({ participantId: z.uuid(), name: z.string(), referralId: z.uuid() }).nullable().describe("Null for the contract manager: the case under its pseudonym only"),
  reason: z.string().nullable().describe('Null for the contract manager (it may describe the person)'),
  steps: z.array(z.object({ step: z.enum(ParticipantSteps), name: z.string(), decidedOn: z.string(), actors: z.string(), decision: z.string(), planWeeks: z.number().int().nullable() })),
  nextStep: z.enum(ParticipantSteps).nullable(),
  checkIns: z.array(z.object({ dueOn: z.string(), heldOn: z.string().nullable(), note: z.string().nullable(), overdue: z.boolean() })),
  closedOn: z.string().nullable(),
  closureGrounds: z.string().nullable().describe('Why the case was closed; null while open'),
  judgement: z
    .object({ judgedOn: z.string(), decision: z.enum(JudgementDecisions), name: z.string(), grounds: z.string() })
    .nullable()
    .describe("The contract manager's judgement at the last step (000 §5); null until recorded"),
});
export type EscalationCase = z.infer<typeof EscalationCase>;
export const EscalationFilterQuery = z.object({
  q: str().trim().max(100).optional().describe("Part of the participant's name (not for the contract manager), the pseudonym or the provider code"),
  participant: z.uuid('Onbekende inburgeraar.').optional().describe("Only this participant's cases (the consultant and the coordinator; refused for the contract manager)"),
  sort: z.enum(EscalationSorts, 'Kies een sortering.').default('-lastStepOn'),
});
export const EscalationListQuery = EscalationFilterQuery.extend({ page: queryInt().min(1).default(1), pageSize: queryInt().min(1).max(500).default(50) });
export const EscalationExportQuery = EscalationFilterQuery.extend({ format: ExportFormat });
export const EscalationList = z.object({ items: z.array(EscalationCase), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
