// The invoicing API's shapes (issue #11; R-INV-1, R-INV-4, R-INV-5, R-INV-6). Amounts are integer cents
// excl. VAT unless named otherwise; VAT rates are percentages. Participants appear by name, date of
// birth and the municipality's client number, never by BSN (R-PAR-2).
import { z } from 'zod';
import { ExportFormat } from '../../platform/http/export.js';
import { IsoDate, queryInt, str } from '../../platform/http/input.js';

const Cents = z.number().int();
const Page = { page: queryInt().min(1).default(1), pageSize: queryInt().min(1).max(1000).default(100) };

// [earned and not invoiced]

export const EarnedSort = z.enum(['earnedOn', '-earnedOn', 'name', '-name', 'amount', '-amount']);
export const EarnedFilterQuery = z.object({
  municipalityId: z.uuid('Onbekende gemeente.').optional(),
  q: str().trim().max(100).optional().describe("Part of the participant's name or client number, or the product code"),
  sort: EarnedSort.default('earnedOn'),
});
export const EarnedListQuery = EarnedFilterQuery.extend(Page);
export type EarnedListQuery = z.infer<typeof EarnedListQuery>;
export const EarnedExportQuery = EarnedFilterQuery.extend({ format: ExportFormat });
export type EarnedExportQuery = z.infer<typeof EarnedExportQuery>;

export const EarnedItem = z.object({
  eventId: z.uuid(),
  participantId: z.uuid(),
  participantName: z.string(),
  clientNumber: z.string().nullable(),
  dateOfBirth: z.string().describe('Tells two participants of the same name apart (never the BSN)'),
  municipalityId: z.uuid(),
  municipalityName: z.string(),
  productCode: z.string(),
  productName: z.string(),
  earnedOn: z.string(),
  amountCents: Cents,
  vatRate: z.number(),
});
export type EarnedItem = z.infer<typeof EarnedItem>;

export const EarnedPage = z.object({
  items: z.array(EarnedItem),
  total: z.number().int(),
  /** Over the whole filter (not the page): what the next run per municipality would invoice. */
  perMunicipality: z.array(z.object({ municipalityId: z.uuid(), municipalityName: z.string(), count: z.number().int(), amountCents: Cents })),
});

// [the run]

export const RunInput = z.object({
  municipalityId: z.uuid('Kies een gemeente.'),
  upTo: IsoDate.describe('Invoice what was earned up to and including this day; not in the future'),
});
export type RunInput = z.infer<typeof RunInput>;

// [invoices]

export const InvoiceKind = z.enum(['invoice', 'creditNote']);
export const InvoiceStatus = z.enum(['prepared', 'proForma', 'sent']);
export const LineStatus = z.enum(['toCheck', 'approved', 'disputed', 'credited', 'reversal']);

export const InvoiceSummary = z.object({
  id: z.uuid(),
  numberText: z.string().describe('As printed: <PROVIDER CODE>/<year>/<number, 5 digits>'),
  kind: InvoiceKind,
  status: InvoiceStatus,
  providerId: z.uuid(),
  providerName: z.string(),
  municipalityId: z.uuid(),
  municipalityName: z.string(),
  issueDate: z.string(),
  dueDate: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  totalExclVatCents: Cents,
  totalVatCents: Cents,
  totalInclVatCents: Cents,
  lineCounts: z.object({ toCheck: z.number().int(), approved: z.number().int(), disputed: z.number().int(), credited: z.number().int(), reversal: z.number().int() }),
  creditsInvoiceId: z.uuid().nullable(),
});
export type InvoiceSummary = z.infer<typeof InvoiceSummary>;

export const RunResult = z.object({
  invoice: InvoiceSummary.nullable().describe('null when nothing new was billable (no number is used then)'),
  recorded: z.number().int().describe('Billable events recorded by this run'),
  skipped: z.array(z.object({ referralId: z.uuid(), reason: z.enum(['noContractVersion', 'noPaymentSchedule', 'noTariff', 'decisionNeeded']) })),
});

// [the half-year round, 002 eis 12-13]

export const RoundInput = z.object({
  centreMunicipalityId: z.uuid('Kies een centrumgemeente.'),
  halfYear: z.string().regex(/^20\d{2}-H[12]$/, 'Kies een halfjaar, zoals 2026-H1.').describe('A calendar half year: 2026-H1 is January-June 2026; it must have ended'),
});
export type RoundInput = z.infer<typeof RoundInput>;

export const RoundResult = z.object({
  invoices: z.array(InvoiceSummary).describe('The pro-forma invoices this round made, one per municipality of the centre with something earned'),
  skipped: z.array(z.object({ municipalityId: z.uuid(), referralId: z.uuid(), reason: z.enum(['noContractVersion', 'noPaymentSchedule', 'noTariff', 'decisionNeeded']) })),
  mailed: z.number().int().describe("New outbox rows to the centre's invoice address"),
});

export const CentreList = z.object({
  items: z.array(
    z.object({
      municipalityId: z.uuid(),
      name: z.string(),
      municipalities: z.number().int().describe('How many municipalities (the centre included) invoice through it'),
      halfYears: z.array(z.string()).describe('The ended half years of the contract term, latest first (at most 6)'),
    }),
  ),
});

export const InvoiceSort = z.enum(['number', '-number', 'issueDate', '-issueDate', 'dueDate', '-dueDate', 'total', '-total', 'municipality', '-municipality']);
export const InvoiceFilterQuery = z.object({
  status: InvoiceStatus.optional(),
  lineStatus: LineStatus.optional().describe('Invoices with at least one line of this status'),
  municipalityId: z.uuid('Onbekende gemeente.').optional(),
  kind: InvoiceKind.optional(),
  q: str().trim().max(100).optional().describe("Part of the invoice number, the provider's or the municipality's name"),
  sort: InvoiceSort.default('-number'),
});
export const InvoiceListQuery = InvoiceFilterQuery.extend(Page);
export type InvoiceListQuery = z.infer<typeof InvoiceListQuery>;
export const InvoiceExportQuery = InvoiceFilterQuery.extend({ format: ExportFormat });
export type InvoiceExportQuery = z.infer<typeof InvoiceExportQuery>;
export const InvoicePage = z.object({ items: z.array(InvoiceSummary), total: z.number().int() });

export const InvoiceLineOut = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  participantId: z.uuid(),
  participantName: z.string(),
  clientNumber: z.string().nullable(),
  startDate: z.string().nullable(),
  productCode: z.string(),
  productName: z.string(),
  deliveryMonth: z.string().describe("'2026-09'"),
  amountCents: Cents,
  unitPriceCents: Cents,
  vatRate: z.number(),
  vatCategory: z.enum(['S', 'Z', 'E', 'AE', 'O']),
  status: LineStatus,
  disputeReason: z.string().nullable(),
});
export type InvoiceLineOut = z.infer<typeof InvoiceLineOut>;

export const InvoiceDetail = InvoiceSummary.extend({ lines: z.array(InvoiceLineOut) });
export type InvoiceDetail = z.infer<typeof InvoiceDetail>;

export const InvoiceParams = z.object({ invoiceId: z.uuid('Onbekende factuur.') });
export const LineParams = InvoiceParams.extend({ lineId: z.uuid('Onbekende factuurregel.') });

export const CheckInput = z
  .object({
    decision: z.enum(['approved', 'disputed'], 'Kies goedkeuren of betwisten.'),
    reason: str().trim().max(2000, 'Schrijf maximaal 2000 tekens.').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'disputed' && (v.reason === undefined || v.reason === '')) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Schrijf op waarom u deze regel betwist.' });
  });
export type CheckInput = z.infer<typeof CheckInput>;

export const CreditInput = z.object({
  lineIds: z.array(z.uuid('Onbekende factuurregel.')).min(1, 'Kies ten minste één regel.').max(1000, 'Kies hoogstens 1000 regels.'),
  reason: str().trim().min(1, 'Schrijf op waarom deze regels gecrediteerd worden.').max(2000, 'Schrijf maximaal 2000 tekens.'),
});
export type CreditInput = z.infer<typeof CreditInput>;

// [evidence, R-INV-6]

export const Evidence = z.object({
  facts: z.array(z.object({ kind: z.string(), date: z.string(), label: z.string(), referralId: z.uuid().optional() })),
  history: z.array(z.object({ status: z.string(), reason: z.string().nullable(), changedAt: z.string(), changedBy: z.string().nullable() })),
});
export type Evidence = z.infer<typeof Evidence>;

// [totals for the contract manager: amounts only]

export const TotalsQuery = z
  .object({ from: IsoDate.optional().describe('Issue date from (inclusive)'), to: IsoDate.optional().describe('Issue date up to and including') })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'Kies een einddatum op of na de begindatum.', path: ['to'] });
export type TotalsQuery = z.infer<typeof TotalsQuery>;
const Amounts = { invoicedCents: Cents, creditedCents: Cents };
export const Totals = z.object({
  byProvider: z.array(z.object({ providerId: z.uuid(), providerName: z.string(), ...Amounts })),
  byMunicipality: z.array(z.object({ municipalityId: z.uuid(), municipalityName: z.string(), ...Amounts })),
  byProduct: z.array(z.object({ productCode: z.string(), productName: z.string(), ...Amounts })),
});
export type Totals = z.infer<typeof Totals>;
