// Request and response schemas of contract meetings and the contract-level ladder (issue #14, R-CM-1,
// R-ESC-2). No schema here has a participant field: bodies are strict, so a participantId is refused.
import { z } from 'zod';
import { LadderStepName, MeetingType } from '../../domain/contract-management/contract-data.js';
import { LadderSorts } from '../../domain/contract-management/provider-list.js';
import { ExportFormat } from '../../platform/http/export.js';
import { IsoDate, queryInt } from '../../platform/http/input.js';

const Code = z.string('Kies uit de lijst.').min(1, 'Kies uit de lijst.').max(100, 'Kies uit de lijst.');
const Quarter = z.string('Vul een kwartaal in zoals 2027-Q1.').regex(/^[0-9]{4}-Q[1-4]$/, 'Vul een kwartaal in zoals 2027-Q1.');
const Text = (max: number) => z.string('Vul een tekst in.').max(max, `Gebruik hoogstens ${String(max)} tekens.`);

export const MeetingSort = z.enum(['heldOn', '-heldOn', 'quarter', '-quarter', 'type', '-type']);
export const MeetingFilter = z.object({
  contractId: Code.optional(),
  type: MeetingType.optional(),
  q: z.string().max(100, 'Zoek met hoogstens 100 tekens.').optional().describe('Searches type, quarter, contract and provider names'),
  sort: MeetingSort.default('-heldOn'),
});
export const MeetingListQuery = MeetingFilter.extend({ page: queryInt().min(1).default(1), pageSize: queryInt().min(1).max(100).default(25) });
export type MeetingListQuery = z.infer<typeof MeetingListQuery>;
export const MeetingExportQuery = MeetingFilter.extend({ format: ExportFormat });
export type MeetingExportQuery = z.infer<typeof MeetingExportQuery>;

export const NewMeeting = z.strictObject({
  contractId: Code,
  type: MeetingType,
  quarter: Quarter.describe('The quarter the meeting is about (the contract management meeting: the quarter before it)'),
  heldOn: IsoDate,
  providers: z.array(Code).max(50).describe('The providers taking part (contract codes); at least one'),
  municipalities: z.array(Code).max(50).describe('The municipalities taking part (contract codes)'),
});
export type NewMeeting = z.infer<typeof NewMeeting>;

const Named = z.object({ code: z.string(), name: z.string() });
export const MeetingSummary = z.object({
  id: z.uuid(),
  contractId: z.string(),
  contractName: z.string(),
  type: MeetingType,
  typeName: z.string(),
  quarter: z.string(),
  heldOn: z.string(),
  dueOn: z.string().nullable().describe('The last day the meeting is due by the contract (000 §3); null on request'),
  plannedLate: z.boolean(),
  providers: z.array(Named),
  municipalities: z.array(Named),
  openActions: z.number().int(),
  overdueActions: z.number().int(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;
export const MeetingPage = z.object({ items: z.array(MeetingSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const AgendaSource = z.enum(['reports', 'kpi', 'compliance', 'ladder', 'action', 'own']);
export const AgendaItem = z.object({ id: z.uuid(), position: z.number().int(), source: AgendaSource, sourceKey: z.string().nullable(), title: z.string(), detail: z.string() });
export const ActionOwner = z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('contractManager') }), z.strictObject({ kind: z.literal('provider'), provider: Code })]);
export const ActionItem = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  description: z.string(),
  owner: z.object({ kind: z.enum(['contractManager', 'provider']), code: z.string().nullable(), name: z.string() }),
  dueOn: z.string(),
  done: z.boolean(),
  doneOn: z.string().nullable(),
  overdue: z.boolean(),
  mayMarkDone: z.boolean().describe('The actor owns the action (a provider its own) or runs the meeting'),
});
export type ActionItem = z.infer<typeof ActionItem>;

export const MeetingDetail = MeetingSummary.extend({
  mayManage: z.boolean(),
  agenda: z.array(AgendaItem),
  minutes: z.object({ text: z.string(), version: z.number().int().describe('0: none yet; send it back to save the next') }),
  actions: z.array(ActionItem),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const ProposedItem = z.object({ source: AgendaSource, sourceKey: z.string(), title: z.string(), detail: z.string(), onAgenda: z.boolean() });
export const Proposal = z.object({ meetingId: z.uuid(), quarter: z.string(), items: z.array(ProposedItem) });

export const NewAgendaItem = z.union([
  z.strictObject({ sourceKey: z.string().min(1).max(300).describe("A proposal's key: its title and detail are taken from the proposal now") }),
  z.strictObject({ title: Text(200), detail: Text(2000).default('') }),
]);
export const MinutesBody = z.strictObject({ text: Text(20000), version: z.number().int().min(0).describe('The version read; 409 when another save came first') });
export const NewAction = z.strictObject({ description: Text(500), owner: ActionOwner, dueOn: IsoDate });
export const ActionDoneBody = z.strictObject({ done: z.boolean() });

export const IdParams = z.object({ id: z.uuid('Onbekend id.') });
export const ItemParams = z.object({ id: z.uuid('Onbekend id.'), itemId: z.uuid('Onbekend id.') });

export const ActionListQuery = z.object({ contractId: Code.optional(), status: z.enum(['open', 'overdue', 'done', 'all']).default('open') });
export const ActionList = z.object({ items: z.array(ActionItem.extend({ meetingType: MeetingType, meetingQuarter: z.string(), contractId: z.string() })) });

const Pattern = z.object({ kind: z.enum(['kpiBelowTarget', 'deadlineComplianceBelowNorm', 'complaintsRising']), provider: z.string().nullable(), route: z.string().nullable(), quarters: z.array(z.string()), detail: z.string() });
const Step = z.object({ position: z.number().int(), step: LadderStepName, name: z.string(), decidedOn: z.string(), decision: z.string(), grounds: z.string(), termUntil: z.string().nullable(), patterns: z.array(Pattern) });
export const EscalationFilter = z.object({
  contractId: Code,
  quarter: Quarter.describe('The quarter the patterns are judged on'),
  q: z.string().trim().max(100).optional().describe("Part of the provider's name or code"),
  sort: z.enum(LadderSorts, 'Kies een sortering.').default('provider'),
});
export const EscalationQuery = EscalationFilter.extend({ page: queryInt().min(1).default(1), pageSize: queryInt().min(1).max(100).default(50) });
export const EscalationExportQuery = EscalationFilter.extend({ format: ExportFormat });
export const EscalationOverview = z.object({
  contractId: z.string(),
  quarter: z.string(),
  ladder: z.array(z.object({ step: LadderStepName, name: z.string(), requiresTerm: z.boolean() })),
  patternsWithoutFacts: z.array(z.object({ kind: z.string(), reason: z.string() })),
  providers: z.array(
    z.object({
      provider: z.string(),
      name: z.string(),
      caseId: z.uuid().nullable(),
      steps: z.array(Step),
      closedOn: z.string().nullable(),
      nextStep: z.object({ step: LadderStepName, name: z.string(), requiresTerm: z.boolean() }).nullable(),
      proposal: z.object({ step: LadderStepName, name: z.string(), patterns: z.array(Pattern) }).nullable(),
    }),
  ),
  total: z.number().int().describe('The providers found by the search; `providers` is one page of them'),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type EscalationOverview = z.infer<typeof EscalationOverview>;
export const OpenStepBody = z.strictObject({
  contractId: Code,
  provider: Code,
  quarter: Quarter.describe('The quarter whose patterns are frozen with the step'),
  step: LadderStepName,
  decidedOn: IsoDate,
  decision: Text(2000),
  grounds: Text(4000),
  termUntil: IsoDate.nullable().default(null),
});
export const CloseCaseBody = z.strictObject({ closedOn: IsoDate, grounds: Text(4000) });
export const Created = z.object({ id: z.string() });
