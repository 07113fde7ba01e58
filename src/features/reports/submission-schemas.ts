// Request and response schemas of the report instances, drafts and submissions (issue #13, R-MI-6, R-CON-8).
import { z } from 'zod';
import { ReportKind } from '../../domain/reports/obligation-data.js';
import { IsoDate, queryInt } from '../../platform/http/input.js';

export const InstanceStatus = z.enum(['due', 'submitted', 'late', 'submittedLate']);
export const InstanceSort = z.enum(['dueOn', '-dueOn', 'period', '-period', 'status', '-status', 'municipality', '-municipality', 'provider', '-provider']);

export const InstanceListQuery = z.object({
  contractId: z.string('Kies een contract.').min(1, 'Kies een contract.').max(100, 'Kies een contract.').optional().describe('One contract; left out: every contract that reaches the actor'),
  from: IsoDate.optional().describe('Periods that end on or after this day; default 1 January of last year'),
  to: IsoDate.optional().describe('Periods that end on or before this day; default the last day of the current quarter'),
  status: InstanceStatus.optional(),
  kind: ReportKind.optional(),
  period: z.string().max(10, 'Vul een periode in zoals 2027-Q1.').regex(/^[0-9]{4}(-Q[1-4]|-H[12]|-(0[1-9]|1[0-2]))?$/, 'Vul een periode in zoals 2027-Q1, 2027-H1, 2027-03 of 2027.').optional(),
  q: z.string().max(100, 'Zoek met hoogstens 100 tekens.').optional().describe('Searches report, contract, municipality and provider names'),
  sort: InstanceSort.default('dueOn'),
  page: queryInt().min(1).default(1),
  pageSize: queryInt().min(1).max(100).default(25),
});
export type InstanceListQuery = z.infer<typeof InstanceListQuery>;

const Period = z.object({ id: z.string(), start: z.string(), end: z.string() });

export const ReportInstanceSchema = z.object({
  id: z.string().describe('contract~kind~period~municipality or region~provider'),
  contractId: z.string(),
  contractName: z.string(),
  kind: ReportKind,
  kindName: z.string(),
  scope: z.enum(['municipality', 'region']),
  municipality: z.string().nullable(),
  scopeName: z.string(),
  provider: z.string(),
  providerName: z.string(),
  period: Period,
  dueOn: z.string().nullable().describe('Null where the contract names no due date (002 eis 17): never late'),
  status: InstanceStatus,
  periodEnded: z.boolean().describe('Only a period that has ended can be submitted'),
  submittedAt: z.string().nullable().describe('The first submission (the one the status counts)'),
  submittedBy: z.string().nullable(),
  corrections: z.number().int().describe('Submissions after the first'),
  recipients: z.array(z.string()).describe('Dutch names of who receives it'),
  figuresAvailable: z.boolean().describe('False while Koers has no computation for this kind: status only, no figures'),
});

export const InstancePage = z.object({ items: z.array(ReportInstanceSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const InstanceParams = z.object({ id: z.string().min(1).max(200) });

const Cell = z.union([z.number(), z.string(), z.object({ suppressed: z.literal(true) }), z.null()]);
export const ReportDocumentSchema = z.object({
  title: z.string(),
  subtitle: z.string(),
  notes: z.array(z.string()),
  sections: z.array(
    z.object({
      heading: z.string(),
      table: z.object({ columns: z.array(z.string()), rows: z.array(z.array(Cell)), decimals: z.array(z.number().nullish()).optional(), percent: z.array(z.boolean()).optional() }).optional(),
      text: z.string().nullable().optional(),
    }),
  ),
});

export const SubmissionSchema = z.object({
  sequence: z.number().int().describe('1 = the submission, 2… = corrections'),
  submittedAt: z.string(),
  submittedBy: z.string(),
  contractVersion: z.number().int(),
  computedAt: z.string(),
  contentHash: z.string().describe('sha-256 (hex) over the canonical JSON of document, entered, contractVersion and computedAt'),
  correctionReason: z.string().nullable(),
  intact: z.boolean().describe('The stored content still gives the stored hash'),
});

const Difference = z.object({ section: z.string(), row: z.string(), column: z.string(), submitted: Cell, now: Cell, difference: z.number().nullable() });

export const InstanceDetail = z.object({
  instance: ReportInstanceSchema,
  entered: z.array(z.object({ key: z.string(), label: z.string() })).describe('The items the provider writes'),
  draft: z.object({ entered: z.record(z.string(), z.string()), lockVersion: z.number().int(), updatedAt: z.string() }).nullable().describe('Only for the owing provider'),
  submissions: z.array(SubmissionSchema),
  /** The latest submission's document, exactly as submitted. */
  submitted: ReportDocumentSchema.nullable(),
  submittedEntered: z.record(z.string(), z.string()).nullable(),
  /** Not submitted: the figures as computed now (the provider's preview); submitted: the recomputation. */
  current: ReportDocumentSchema.nullable(),
  differences: z.object({ cells: z.array(Difference), onlySubmitted: z.array(z.string()), onlyNow: z.array(z.string()) }).nullable(),
  figuresShown: z.boolean().describe('False when the reader may see the status but not the figures (aggregate readers, a consultant on a region report)'),
  figuresNote: z.string().nullable(),
});

const Text = z.string().max(20_000, 'Schrijf hoogstens 20.000 tekens.');
export const DraftBody = z.object({
  entered: z.record(z.string().max(10), Text).describe('Text per entered item key'),
  lockVersion: z.number().int().min(0).describe('The draft version read (0 when there is none yet)'),
});
export const DraftSaved = z.object({ lockVersion: z.number().int(), updatedAt: z.string() });

export const SubmitBody = z.object({
  lockVersion: z.number().int().min(0).describe('The draft version read: what is submitted is what was seen'),
  correctionReason: z.string().trim().max(2000, 'Schrijf hoogstens 2000 tekens.').optional().describe('Required when the instance was submitted before: the reason for the correction'),
});

export const ExportQuery = z.object({ format: z.enum(['xlsx', 'pdf'], 'Kies xlsx of pdf.') });
