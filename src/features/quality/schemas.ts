// The quality register's API shapes (issue #14, R-QLT-1, R-QLT-2, R-QLT-3, R-QLT-4). Inputs carry their
// Dutch reasons; a bad field is a 422 problem+json naming it. No participant appears in any of them.
import { z } from 'zod';
import { ScreeningItemCode } from '../../domain/quality/contract-data.js';
import { MembershipStates } from '../../domain/quality/membership.js';
import { ScreeningOutcomes } from '../../domain/quality/screening.js';
import { TeacherQualifications } from '../../domain/quality/teachers.js';
import { ExportFormat } from '../../platform/http/export.js';
import { int, IsoDate, queryInt, str } from '../../platform/http/input.js';

const text = (empty: string, max: number) => str(empty).trim().min(1, empty).max(max, `Hoogstens ${max} tekens.`);
const optionalText = (max: number) => str().trim().max(max, `Hoogstens ${max} tekens.`).nullable().default(null);

export const RecordParams = z.object({
  contractId: str().regex(/^[a-z0-9][a-z0-9_-]*$/, 'Onbekend contract.').max(100),
  providerCode: str().regex(/^[a-z0-9][a-z0-9_-]*$/, 'Onbekende aanbieder.').max(100),
});
export const MarkParams = RecordParams.extend({ markId: z.uuid('Onbekend keurmerk.') });
export const ScreeningParams = RecordParams.extend({ screeningId: z.uuid('Onbekende screening.') });
export const FindingParams = ScreeningParams.extend({ findingId: z.uuid('Onbekende bevinding.') });
export const TeacherParams = RecordParams.extend({ teacherId: z.uuid('Onbekende docent.') });

export const KvkInput = z.object({
  kvkNumber: str('Vul het KvK-nummer in.').regex(/^\d{8}$/, 'Een KvK-nummer heeft 8 cijfers.'),
  tradeName: text('Vul de handelsnaam in.', 200),
  legalForm: optionalText(100),
  address: optionalText(300),
  checkedOn: IsoDate.describe('The day the Chamber of Commerce data were checked'),
});
export const MarkInput = z.object({ since: IsoDate.describe('Held since (003 art. 5.1)'), validUntil: IsoDate.describe('Valid until, inclusive') });
export const WithdrawalInput = z.object({ withdrawnOn: IsoDate, reason: text('Vul de reden van de schorsing of intrekking in.', 2000) });
export const AuditReportInput = z.object({ title: text('Vul de titel van het auditrapport in.', 200), auditedOn: IsoDate, summary: optionalText(4000) });
export const MembershipInput = z.object({
  state: z.enum(MembershipStates, 'Kies aangemeld, toegelaten of uitgesloten.'),
  on: IsoDate.describe('The day the state takes effect'),
  grounds: str().trim().max(4000, 'Hoogstens 4000 tekens.').default(''),
  conversationOn: IsoDate.nullable().default(null).describe('003 art. 5.2: the conversation with the Projectgroep that admits a provider whose mark is younger than a year'),
  letterSentOn: IsoDate.nullable().default(null).describe('003 art. 4.7, 14.4: the registered letter of an exclusion (required then)'),
});
export const ScreeningInput = z.object({ startedOn: IsoDate, reason: text('Vul de aanleiding van de screening in.', 2000) });
export const ItemInput = z.object({ item: ScreeningItemCode, receivedOn: IsoDate, note: optionalText(2000) });
export const FindingInput = z.object({ text: text('Beschrijf de bevinding.', 4000), foundOn: IsoDate });
export const ResponseInput = z.object({ text: text('Vul uw reactie op de bevinding in.', 4000) });
export const DecisionInput = z.object({ outcome: z.enum(ScreeningOutcomes, 'Kies een besluit.'), grounds: text('Vul de onderbouwing van het besluit in.', 4000), decidedOn: IsoDate });
const TeacherFields = {
  name: text('Vul de naam van de docent in.', 200),
  qualification: z.enum(TeacherQualifications, 'Kies gecertificeerd, in opleiding of andere specialist.'),
  alfaSpecialised: z.boolean('Geef aan of de docent gespecialiseerd is in alfabetisering.'),
  vogOn: IsoDate.nullable().default(null).describe('The date of the certificate of conduct (VOG)'),
};
export const TeacherInput = z.object({ ...TeacherFields, registeredOn: IsoDate.describe('The day the teacher joins the register') });
export const TeacherUpdate = z.object({ ...TeacherFields, leftOn: IsoDate.nullable().default(null).describe('The teacher left: kept, no longer counted'), version: int().describe('The version read; 409 when another save came first') });
export const SatisfactionInput = z.object({
  surveyedOn: IsoDate,
  conductedBy: z.enum(['blikOpWerk', 'municipality'], 'Kies wie het onderzoek deed.'),
  score: z.number('Vul een cijfer van 0 tot 10 in.').min(0, 'Vul een cijfer van 0 tot 10 in.').max(10, 'Vul een cijfer van 0 tot 10 in.').nullable().default(null),
  respondents: int('Vul een aantal in.').min(0, 'Vul een aantal van 0 of meer in.').nullable().default(null),
  summary: text('Vul de uitkomst in.', 4000),
});
export const VisitInput = z.object({ visitedOn: IsoDate, announced: z.boolean('Geef aan of het bezoek aangekondigd was.'), findings: text('Vul in wat het lesbezoek opleverde.', 4000) });

export const QualitySorts = ['provider', 'contract', 'membership', 'markValidUntil', 'compliance'] as const;
export const RegisterFilterQuery = z.object({
  q: str().trim().max(100).optional().describe("Part of the provider's name or code"),
  contract: str().max(100).optional().describe('Only this contract'),
  sort: z.enum(QualitySorts).default('provider'),
});
export const RegisterListQuery = RegisterFilterQuery.extend({ page: queryInt().min(1).default(1), pageSize: queryInt().min(1).max(500).default(50) });
export const RegisterExportQuery = RegisterFilterQuery.extend({ format: ExportFormat });

const Compliance = z.object({
  total: z.number().int(),
  certified: z.number().int(),
  inTraining: z.number().int(),
  otherSpecialist: z.number().int(),
  certifiedPercent: z.number().nullable(),
  inTrainingPercent: z.number().nullable(),
  compliant: z.boolean().nullable().describe('Null without teachers, or when the contract sets no norm'),
  breaches: z.array(z.enum(['certifiedBelowNorm', 'inTrainingAboveNorm'])),
});
const MarkState = z.enum(['valid', 'notYetValid', 'expired', 'withdrawn']);
const Concern = z.enum(['markExpired', 'markWithdrawn', 'markTooYoung', 'noMark']);

export const RegisterItem = z.object({
  contractId: z.string(),
  contractName: z.string(),
  providerCode: z.string(),
  providerName: z.string(),
  membership: z.enum(MembershipStates).nullable(),
  membershipOn: z.string().nullable(),
  markState: MarkState.nullable(),
  markValidUntil: z.string().nullable(),
  markConcern: Concern.nullable(),
  compliance: Compliance.nullable(),
  openFindings: z.number().int().describe('Findings of undecided screenings without an answer'),
});
export type RegisterItem = z.infer<typeof RegisterItem>;
export const RegisterPage = z.object({ items: z.array(RegisterItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

const Membership = z.object({ sequence: z.number().int(), state: z.enum(MembershipStates), on: z.string(), grounds: z.string(), conversationOn: z.string().nullable(), letterSentOn: z.string().nullable(), recordedAt: z.string(), recordedBy: z.string() });
export const QualityRecord = z.object({
  contractId: z.string(),
  contractName: z.string(),
  provider: z.object({ code: z.string(), name: z.string() }),
  rules: z.object({
    covenant: z.boolean(),
    teacherNorm: z.object({ minCertifiedPercent: z.number(), maxInTrainingPercent: z.number(), source: z.string() }).nullable(),
    qualityMark: z.object({ minHeldMonths: z.number().int(), conversationMayAdmit: z.boolean(), source: z.string() }).nullable(),
    vogMaxAgeYears: z.number().int().nullable(),
    screeningItems: z.array(ScreeningItemCode),
  }),
  kvk: z.object({ kvkNumber: z.string(), tradeName: z.string(), legalForm: z.string().nullable(), address: z.string().nullable(), checkedOn: z.string(), recordedBy: z.string() }).nullable(),
  marks: z.array(
    z.object({
      id: z.uuid(),
      since: z.string(),
      validUntil: z.string(),
      state: MarkState,
      withdrawnOn: z.string().nullable(),
      withdrawalReason: z.string().nullable(),
      auditReports: z.array(z.object({ id: z.uuid(), title: z.string(), auditedOn: z.string(), summary: z.string().nullable() })),
    }),
  ),
  markConcern: Concern.nullable(),
  membership: Membership.nullable(),
  membershipHistory: z.array(Membership),
  screenings: z.array(
    z.object({
      id: z.uuid(),
      startedOn: z.string(),
      reason: z.string(),
      items: z.array(z.object({ item: ScreeningItemCode, receivedOn: z.string().nullable(), note: z.string().nullable() })),
      findings: z.array(z.object({ id: z.uuid(), text: z.string(), foundOn: z.string(), responses: z.array(z.object({ id: z.uuid(), text: z.string(), respondedOn: z.string(), recordedBy: z.string() })) })),
      decision: z.object({ outcome: z.enum(ScreeningOutcomes), grounds: z.string(), decidedOn: z.string() }).nullable(),
    }),
  ),
  teachers: z.array(
    z.object({ id: z.uuid(), version: z.number().int(), name: z.string(), qualification: z.enum(TeacherQualifications), alfaSpecialised: z.boolean(), vogOn: z.string().nullable(), vogValid: z.boolean().nullable(), registeredOn: z.string(), leftOn: z.string().nullable() }),
  ),
  compliance: Compliance.nullable(),
  satisfaction: z.array(z.object({ id: z.uuid(), surveyedOn: z.string(), conductedBy: z.enum(['blikOpWerk', 'municipality']), score: z.number().nullable(), respondents: z.number().int().nullable(), summary: z.string() })),
  classVisits: z.array(z.object({ id: z.uuid(), visitedOn: z.string(), announced: z.boolean(), findings: z.string() })),
  signals: z.array(z.object({ id: z.uuid(), cause: z.string(), status: z.enum(['open', 'acknowledged']), raisedOn: z.string() })).describe("The contract manager's open quality signals about this provider; empty for the provider"),
});
export type QualityRecord = z.infer<typeof QualityRecord>;
