// The complaints register's API shapes (issue #14, R-CM-3). Inputs carry their Dutch reasons; a bad
// field is a 422 problem+json naming it. The totals shape holds counts only: no complainant, subject or id
// of a participant (the contract manager's, test/complaints.int.test.ts scans its bodies).
import { z } from 'zod';
import { ComplaintOutcomes } from '../../domain/complaints/handling.js';
import { ExportFormat } from '../../platform/http/export.js';
import { int, IsoDate, queryInt, str } from '../../platform/http/input.js';

const text = (empty: string, max: number) => str(empty).trim().min(1, empty).max(max, `Hoogstens ${max} tekens.`);
const optionalText = (max: number) => str().trim().max(max, `Hoogstens ${max} tekens.`).nullable().default(null);
const code = (message: string) => str().regex(/^[a-z0-9][a-z0-9_-]*$/, message).max(100);

export const From = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('participant'), referralId: z.uuid('Kies de aanmelding waar de klacht over gaat.').describe("The participant's referral to this provider the complaint is about") }),
    z.object({ kind: z.literal('organisation'), name: text('Vul de naam van de organisatie in.', 200) }),
  ],
  'Kies een inburgeraar of een organisatie.',
);

export const RegisterInput = z.object({
  receivedOn: IsoDate.describe('The day the provider received the complaint'),
  from: From,
  contractId: code('Onbekend contract.').optional().describe("An organisation's complaint: the contract it is under (a participant's is its referral's)"),
  subject: text('Beschrijf waar de klacht over gaat.', 4000),
  handledBy: optionalText(200),
  measures: str().trim().max(4000, 'Hoogstens 4000 tekens.').default(''),
});
export const HandlingInput = z.object({
  version: int().describe('The version read; 409 when another save came first'),
  handledBy: optionalText(200),
  measures: str().trim().max(4000, 'Hoogstens 4000 tekens.').default(''),
  closedOn: IsoDate.nullable().default(null).describe('Closed on this day (with an outcome); a closed complaint stays closed'),
  outcome: z.enum(ComplaintOutcomes, 'Kies een uitkomst.').nullable().default(null),
  outcomeNote: optionalText(4000),
});

export const ComplaintSorts = ['receivedOn', '-receivedOn', 'subject', 'status', 'provider'] as const;
export const ComplaintFilterQuery = z.object({
  q: str().trim().max(100).optional().describe("Part of the subject, the organisation's or the participant's name"),
  status: z.enum(['open', 'closed', 'all'], 'Kies open, afgesloten of alle.').default('all'),
  contract: code('Onbekend contract.').optional().describe('Only this contract'),
  sort: z.enum(ComplaintSorts).default('-receivedOn'),
});
export const ComplaintListQuery = ComplaintFilterQuery.extend({ page: queryInt().min(1).default(1), pageSize: queryInt().min(1).max(500).default(50) });
export const ComplaintExportQuery = ComplaintFilterQuery.extend({ format: ExportFormat });

const Handling = {
  version: z.number().int(),
  handledBy: z.string().nullable(),
  measures: z.string(),
  closedOn: z.string().nullable(),
  outcome: z.enum(ComplaintOutcomes).nullable(),
  outcomeNote: z.string().nullable(),
};
export const ComplaintItem = z.object({
  id: z.uuid(),
  contractId: z.string(),
  contractName: z.string(),
  providerCode: z.string(),
  providerName: z.string(),
  receivedOn: z.string(),
  from: z.object({
    kind: z.enum(['participant', 'organisation']),
    name: z.string().describe("The participant's or the organisation's name"),
    participantId: z.uuid().nullable(),
    referralId: z.uuid().nullable(),
  }),
  subject: z.string(),
  ...Handling,
});
export type ComplaintItem = z.infer<typeof ComplaintItem>;
export const ComplaintPage = z.object({ items: z.array(ComplaintItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export const ComplaintDetail = ComplaintItem.extend({ history: z.array(z.object({ ...Handling, recordedAt: z.string(), recordedBy: z.string() })) });
export type ComplaintDetail = z.infer<typeof ComplaintDetail>;

export const TotalsQuery = z.object({
  from: IsoDate.optional().describe('Received on or after; default the start of the contract term'),
  to: IsoDate.optional().describe('Received on or before; default today'),
});
export const TotalsRow = z.object({
  contractId: z.string(),
  contractName: z.string(),
  providerCode: z.string(),
  providerName: z.string(),
  quarter: z.string().describe('The quarter of receipt, 2026-Q2'),
  received: z.number().int(),
  fromParticipants: z.number().int(),
  fromOrganisations: z.number().int(),
  closed: z.number().int(),
  upheld: z.number().int().describe('Closed as upheld or partly upheld'),
});
export type TotalsRow = z.infer<typeof TotalsRow>;
export const TotalsResponse = z.object({ items: z.array(TotalsRow) });
