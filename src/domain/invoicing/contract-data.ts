// R-CON-5, R-CON-6, R-INV-3: tariffs, the staffel and the payment schedule as contract data, and the
// invoicing details of municipalities (001 Bijlage 4) and providers. Amounts are whole euro cents and
// shares are basis points (1/100 of a percent), so no rule ever multiplies a float.
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { z } from 'zod';
import { IsoDate } from '../iso-date.js';

const Code = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'expected a lower-case code (a-z, 0-9, - and _)');
const Assumption = z.string().min(1).optional();
const Cents = z.number().int('an amount is whole euro cents').nonnegative();

// 002 §2.1: the learning route is exempt from VAT; 002 §2.3: the PVT is priced excluding VAT.
export const Vat = z
  .object({
    treatment: z.enum(['exempt', 'standard']),
    /** Whole percent (21 for the Dutch standard rate); 0 when exempt. */
    ratePercent: z.number().int().min(0).max(100),
  })
  .refine((v) => v.treatment === 'standard' || v.ratePercent === 0, { message: 'an exempt tariff has VAT rate 0', path: ['ratePercent'] });
export type Vat = z.infer<typeof Vat>;

// R-CON-5: one version of a product's tariff; indexation (002 eis 16) is a new version with new dates.
export const Tariff = z.object({
  product: Code,
  validFrom: IsoDate,
  /** Inclusive; absent while open-ended. */
  validTo: IsoDate.optional(),
  /** The price per participant for the whole route (or the product), excluding VAT. */
  amountCents: Cents,
  vat: Vat,
  source: z.string().min(1),
  assumption: Assumption,
});
export type Tariff = z.infer<typeof Tariff>;

export const StaffelBand = z.object({
  min: z.number().int().nonnegative(),
  /** Inclusive; absent for an open top band (002 §2.2 ">20"). */
  max: z.number().int().nonnegative().optional(),
  amountCents: Cents,
});
export type StaffelBand = z.infer<typeof StaffelBand>;

// 002 §2.2: below the minimum group of the start year, product 1 is paid at the highest staffel price
// for `asCount` participants, and the participants start again at the next intake moment.
export const MinimumGroup = z.object({
  below: z.number().int().positive(),
  scheduleItem: Code,
  asCount: z.number().int().positive(),
  source: z.string().min(1),
  assumption: Assumption,
});
export type MinimumGroup = z.infer<typeof MinimumGroup>;

export const StaffelTable = z.object({
  code: Code,
  /** Cohort years this table applies to (the start year); absent: every other year. */
  years: z.array(z.number().int()).optional(),
  /** 002 §2.2: participants are counted over two intake moments (one in the start year). */
  intakeMoments: z.number().int().positive(),
  bands: z.array(StaffelBand).min(1),
  minimumGroup: MinimumGroup.optional(),
  source: z.string().min(1),
});
export type StaffelTable = z.infer<typeof StaffelTable>;

// R-INV-3: the tiered price of a product by cohort size.
export const Staffel = z.object({
  product: Code,
  tables: z.array(StaffelTable).min(1),
  source: z.string().min(1),
  assumption: Assumption,
});
export type Staffel = z.infer<typeof Staffel>;

// R-CON-6: what makes a schedule item billable.
export const Trigger = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start') }),
  z.object({ type: z.literal('endOfMonth'), month: z.number().int().positive() }),
  /** 002 §2.4: "na afronding maand N" and paid after the progress report is delivered. */
  z.object({ type: z.literal('progressReport'), month: z.number().int().positive() }),
  z.object({ type: z.literal('endOfRoute') }),
  z.object({ type: z.literal('resultReached') }),
  z.object({ type: z.literal('hourMilestone'), hours: z.number().int().positive() }),
]);
export type Trigger = z.infer<typeof Trigger>;

export const ScheduleItem = z.object({
  code: Code,
  name: z.string().min(1),
  trigger: Trigger,
  /** Share of the route price in basis points: 3000 is 30%. */
  shareBasisPoints: z.number().int().nonnegative().max(10000),
  /** Other products billed with this item when delivered (002 §2.4 product 6: "+ PVT-kosten indien afgerond"). */
  withProducts: z.array(Code).optional(),
  source: z.string().min(1),
});
export type ScheduleItem = z.infer<typeof ScheduleItem>;

export const PaymentSchedule = z
  .object({
    /** The route product this schedule pays. */
    product: Code,
    items: z.array(ScheduleItem).min(1),
    source: z.string().min(1),
    assumption: Assumption,
  })
  .superRefine((s, ctx) => {
    const total = s.items.reduce((sum, i) => sum + i.shareBasisPoints, 0);
    if (total !== 10000) ctx.addIssue({ code: 'custom', path: ['items'], message: `the shares add up to ${total} basis points, not 10000 (100%)` });
    const seen = new Set<string>();
    s.items.forEach((item, i) => {
      if (seen.has(item.code)) ctx.addIssue({ code: 'custom', path: ['items', i, 'code'], message: `item "${item.code}" appears twice` });
      seen.add(item.code);
    });
  });
export type PaymentSchedule = z.infer<typeof PaymentSchedule>;

// R-INV-4: the days the municipality has to pay, counted from the invoice date (the due date). No seed
// gives a number; the contract files carry 30, marked as an assumption.
export const PaymentTerm = z.object({
  days: z.number().int().positive().max(365),
  source: z.string().min(1),
  assumption: Assumption,
});
export type PaymentTerm = z.infer<typeof PaymentTerm>;

/** The term when a contract gives none: 30 days, the Dutch statutory default for a public buyer (Burgerlijk Wetboek 6:119a/6:119b). */
export const DEFAULT_PAYMENT_TERM_DAYS = 30;

const Address = z.object({
  /** Street and number, or "Postbus N". */
  line: z.string().min(1),
  postalCode: z.string().regex(/^\d{4} ?[A-Z]{2}$/, 'expected a Dutch postal code (1234 AB)'),
  city: z.string().min(1),
});

// 001 Bijlage 4: where and how a municipality receives its invoices.
export const MunicipalityInvoicing = z.object({
  /**
   * The OIN (Organisatie-identificatienummer, 20 digits): NLCIUS BR-NL-10 requires an OIN or KvK
   * number for a Dutch buyer, and a municipality is identified by its OIN (UBL scheme 0190). The
   * contract files carry fictional ones (see their assumptions).
   */
  oin: z.string().regex(/^\d{20}$/, 'an OIN has 20 digits'),
  address: Address,
  /** The person the invoice is addressed to ("t.a.v."). */
  contact: z.string().min(1).optional(),
  /** A reference the invoice must carry (purchase order, "routenummer 29070", "FCL 6144"). */
  purchaseOrder: z.string().min(1).optional(),
  delivery: z.object({
    email: z.email().optional(),
    pdfOnly: z.boolean(),
    maxPdfsPerMail: z.number().int().positive().optional(),
    maxPdfBytes: z.number().int().positive().optional(),
    noPaperCopy: z.boolean().optional(),
  }),
  /**
   * 002 eis 12-13: the code of the centre municipality (of the same contract) whose invoice address the
   * pro-forma and the final invoice are mailed to; the municipality still gets, checks and pays its own
   * invoice. A centre names itself.
   */
  centre: Code.optional(),
  source: z.string().min(1),
  assumption: Assumption,
});
export type MunicipalityInvoicing = z.infer<typeof MunicipalityInvoicing>;

// 002 eis 12: "De inschrijver factureert per halfjaar (verzamelfactuur)", with a pro-forma round through
// the centre municipalities (eis 13). Absent: the provider invoices when it chooses (001, 000).
export const InvoicingCadence = z.object({
  period: z.literal('halfYear'),
  source: z.string().min(1),
  assumption: Assumption,
});
export type InvoicingCadence = z.infer<typeof InvoicingCadence>;

/** Issues for centres (002 eis 12): a `centre` names a municipality of the same contract that is its own centre. */
export function centreIssues(municipalities: readonly { code: string; invoicing?: { centre?: string | undefined } | undefined }[]): { path: (string | number)[]; message: string }[] {
  const centreOf = new Map(municipalities.map((m) => [m.code, m.invoicing?.centre]));
  return municipalities.flatMap((m, i) => {
    const centre = m.invoicing?.centre;
    if (centre === undefined) return [];
    const path = ['municipalities', i, 'invoicing', 'centre'];
    if (!centreOf.has(centre)) return [{ path, message: `unknown municipality "${centre}"` }];
    if (centreOf.get(centre) !== centre) return [{ path, message: `"${centre}" is not its own centre` }];
    return [];
  });
}

// 001 Bijlage 4: what the provider's header carries.
export const ProviderInvoicing = z.object({
  legalName: z.string().min(1),
  address: Address,
  kvkNumber: z.string().regex(/^\d{8}$/, 'a KvK number has 8 digits'),
  vatId: z.string().regex(/^NL\d{9}B\d{2}$/, 'expected a Dutch VAT id (NL123456789B01)'),
  iban: z.string().refine((x) => isValidIBAN(electronicFormatIBAN(x) ?? ''), 'not a valid IBAN'),
  source: z.string().min(1),
  assumption: Assumption,
});
export type ProviderInvoicing = z.infer<typeof ProviderInvoicing>;

function overlaps(a: { validFrom: string; validTo?: string | undefined }, b: { validFrom: string; validTo?: string | undefined }): boolean {
  return (a.validTo === undefined || b.validFrom <= a.validTo) && (b.validTo === undefined || a.validFrom <= b.validTo);
}

/** Issues for tariffs: an unknown product, validTo before validFrom, two versions of a product in force on one day. */
export function tariffIssues(tariffs: readonly Tariff[], products: ReadonlySet<string>): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  tariffs.forEach((t, i) => {
    if (!products.has(t.product)) out.push({ path: ['tariffs', i, 'product'], message: `unknown product "${t.product}"` });
    if (t.validTo !== undefined && t.validTo < t.validFrom) out.push({ path: ['tariffs', i, 'validTo'], message: 'validTo lies before validFrom' });
    tariffs.slice(0, i).forEach((u, j) => {
      if (u.product === t.product && overlaps(u, t)) out.push({ path: ['tariffs', i], message: `tariff versions ${j} and ${i} of product "${t.product}" overlap` });
    });
  });
  return out;
}

/** Issues for staffel bands: each table ascending and without overlap. */
export function staffelIssues(staffels: readonly Staffel[], products: ReadonlySet<string>): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  staffels.forEach((s, i) => {
    if (!products.has(s.product)) out.push({ path: ['staffels', i, 'product'], message: `unknown product "${s.product}"` });
    s.tables.forEach((t, j) =>
      t.bands.forEach((b, k) => {
        if (b.max !== undefined && b.max < b.min) out.push({ path: ['staffels', i, 'tables', j, 'bands', k], message: 'max lies below min' });
        const prev = t.bands[k - 1];
        if (prev !== undefined && (prev.max === undefined || prev.max >= b.min)) out.push({ path: ['staffels', i, 'tables', j, 'bands', k], message: 'bands must ascend without overlap' });
      }),
    );
  });
  return out;
}
