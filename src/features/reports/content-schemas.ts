// Request and response schemas of the content report, the management report, the year report (000 §4.1–4.3,
// R-MI-2) and the drill-down behind a figure (R-MI-6), issue #13.
import { z } from 'zod';
import { ContentCountItems } from '../../domain/reports/content-report.js';
import { MiDrillItems } from '../../domain/reports/mi-members.js';
import { ReportFormat } from './render/index.js';

const ContractId = z.string('Kies een contract.').min(1, 'Kies een contract.').max(100, 'Kies een contract.').describe('The contract id, e.g. westfriesland');
const Quarter = z
  .string('Vul een kwartaal in, bijvoorbeeld 2027-Q1.')
  .regex(/^[0-9]{4}-Q[1-4]$/, 'Vul een kwartaal in als jaar-Q en een cijfer van 1 tot 4, bijvoorbeeld 2027-Q1.')
  .describe('The quarter, as in src/domain/reports/periods.ts: 2027-Q1 is 1 January – 31 March 2027');
const Scope = z
  .string('Kies de regio of een gemeente.')
  .regex(/^[a-z0-9-]{1,100}$/, 'Kies de regio of een gemeente.')
  .default('region')
  .describe("'region' (every municipality of the contract) or a municipality code, e.g. hoorn");

export const ContentReportQuery = z.object({ contractId: ContractId, quarter: Quarter, scope: Scope });
export const ManagementReportQuery = z.object({ contractId: ContractId, quarter: Quarter });
export const YearReportQuery = z.object({
  contractId: ContractId,
  year: z.coerce.number('Vul een jaar in, bijvoorbeeld 2027.').int('Vul een jaar in, bijvoorbeeld 2027.').describe('The calendar year, e.g. 2027'),
  scope: Scope,
});
export const ContentReportExportQuery = ContentReportQuery.extend({ format: ReportFormat.describe('xlsx or pdf') });
export const ManagementReportExportQuery = ManagementReportQuery.extend({ format: ReportFormat.describe('xlsx or pdf') });
export const YearReportExportQuery = YearReportQuery.extend({ format: ReportFormat.describe('xlsx or pdf') });

const Count = z.number().int();
const Average = z.number().nullable();

const ContentFiguresSchema = z.object({
  period: z.string().describe("'2027-Q1' for a quarter, '2027' for the year (so far)"),
  start: z.string(),
  end: z.string(),
  contractVersion: z.number().int(),
  counts: z.object(Object.fromEntries(ContentCountItems.map((i) => [i, Count.nullable()])) as Record<(typeof ContentCountItems)[number], z.ZodNullable<typeof Count>>).describe('000 §4.1 items by number; null: suppressed (see suppressed)'),
  averageWaitingDays: Average.describe('1c, calendar days, one decimal'),
  completedPvt: z.null().describe('3a: not registered'),
  changesZToB1Reasons: z.array(z.string()).describe('3b: the registered reasons (not shown to aggregate readers)'),
  changesB1ToZReasons: z.array(z.string()).describe('3c'),
  participationHoursPerParticipant: Average.describe('3f (Z-route only)'),
  languageHoursPerParticipant: Average.describe('3f (Z-route only)'),
  localFacilities: z.array(z.string()).describe('3g'),
  homeworkClassAverage: z.null().describe('3i: not registered'),
  cancelledLessonsPerGroup: Average.describe('3j'),
  complaints: z.number().int().nullable().describe("5a: the participants' complaints about the cell's referrals received in the period, from the complaints register (R-CM-3); null when suppressed"),
  averageAbsencePercent: Average.describe('5b'),
  denominators: z.object({ started: Count, zParticipantsRunning: Count, runningGroups: Count, participantsWithLessons: Count }).nullable().describe('What the averages are taken over; null for aggregate readers'),
  suppressed: z.array(z.string()).describe('The counts and averages hidden (R-MI-6)'),
});

export const ContentReportResponse = z.object({
  contractId: z.string(),
  audience: z.enum(['personal', 'aggregate']),
  quarter: z.string(),
  year: z.string(),
  scope: z.string(),
  periods: z.array(z.string()).describe('The columns: the quarters of the year so far and the year (content report) or the years (year report)'),
  routes: z.array(z.object({ route: z.enum(['b1', 'z']), columns: z.array(ContentFiguresSchema) })),
});

export const ManagementReportResponse = z.object({
  contractId: z.string(),
  audience: z.enum(['personal', 'aggregate']),
  quarter: z.string(),
  contractVersion: z.number().int(),
  rows: z.array(
    z.object({
      scope: z.string().describe("A municipality code or 'region'"),
      uniqueParticipants: Count.nullable().describe('Item 4'),
      invoicedCents: Count.nullable().describe('Item 5: sent invoices issued in the quarter, excl. VAT'),
      creditedCents: Count.nullable(),
      turnoverCents: Count.nullable(),
      complaints: Count.nullable().describe("Item 6: the participants' complaints about the scope's referrals received in the quarter, from the complaints register (R-CM-3); null when suppressed"),
    }),
  ),
  quality: z
    .array(
      z.object({
        providerCode: z.string(),
        providerName: z.string(),
        mark: z.object({ since: z.string(), validUntil: z.string(), withdrawnOn: z.string().nullable() }).nullable().describe("Item 1: the Blik op Werk mark in force on the quarter's last day (R-QLT-1); null: none registered"),
        teachers: z
          .object({ certified: Count, inTraining: Count, otherSpecialist: Count, norm: z.object({ minCertifiedPercent: z.number(), maxInTrainingPercent: z.number() }).nullable() })
          .optional()
          .describe("Item 2: the teachers in the register on the quarter's last day by qualification, and the contract's norm then (R-QLT-2); absent in a report frozen before it was computed"),
        classVisits: z.array(z.object({ visitedOn: z.string(), announced: z.boolean(), findings: z.string() })).describe('Item 8: the class visits of the quarter (R-QLT-4, 003 art. 16.2)'),
        satisfaction: z
          .array(z.object({ surveyedOn: z.string(), conductedBy: z.enum(['blikOpWerk', 'municipality']), score: z.number().nullable(), respondents: Count.nullable(), summary: z.string() }))
          .describe('Item 11: the customer satisfaction results of the quarter (R-QLT-4, 003 art. 16.1)'),
      }),
    )
    .describe('Items 1, 2, 8, 11 from the quality register, per provider (the provider its own): about a provider, not a person, so never suppressed'),
  invoicingTerm: z.object({
    deadline: z.object({ amount: Count, unit: z.string() }).nullable(),
    lines: Count.nullable(),
    withinTerm: Count.nullable(),
    late: Count.nullable(),
    averageDays: Average,
  }).describe('Item 14'),
  suppressed: z.array(z.string()),
});

export const DrillDownQuery = z.object({
  report: z.enum(['contentReport', 'quarterlyManagementInformation'], 'Kies contentReport of quarterlyManagementInformation.'),
  contractId: ContractId,
  period: z
    .string('Vul een periode in, bijvoorbeeld 2027-Q1.')
    .regex(/^[0-9]{4}(-Q[1-4])?$/, 'Vul een kwartaal (2027-Q1) of, bij de inhoudelijke rapportage, een jaar (2027) in.')
    .describe('A quarter (2027-Q1) or, for the content report, a whole year (2027)'),
  scope: Scope,
  route: z.enum(['b1', 'z'], 'Kies b1 of z.').optional().describe('Content report: the route'),
  product: z.string().regex(/^[a-z0-9_-]{1,100}$/, 'Kies een product.').optional().describe('Quarterly management information: the product'),
  item: z.enum([...new Set([...ContentCountItems, ...MiDrillItems])] as [string, ...string[]], 'Kies een onderdeel van het rapport.').describe('The item number, e.g. 1a'),
});
export type DrillDownQuery = z.infer<typeof DrillDownQuery>;

export const DrillDownResponse = z.object({
  report: z.string(),
  item: z.string(),
  period: z.string(),
  scope: z.string(),
  count: Count.describe('The figure: the number of participants (or referrals) below'),
  participants: z.array(z.object({ id: z.string().uuid(), name: z.string(), referralId: z.string().uuid(), on: z.string().describe('The date that made this participant count') })),
});
