// Contracts are data (SPEC §1, R-CON-1, R-CON-2, R-CON-3, R-CON-4, R-CON-9, R-CON-10). This file holds
// the schema every contract file in contracts/ must satisfy, and the pure look-ups rules make on it. No
// rule branches on a region's name: everything regional is read from here.
import { z } from 'zod';
import { IsoDate } from './iso-date.js';
import { OrganisationContact } from './organisation-contact.js';
import { centreIssues, InvoicingCadence, MunicipalityInvoicing, PaymentSchedule, PaymentTerm, ProviderInvoicing, Staffel, staffelIssues, Tariff, tariffIssues } from './invoicing/contract-data.js';
import { ROUTE_CODES_DOC } from './route-names.js';
import { LifecycleEvents, StepNames } from './step-names.js';
import { KpiTarget } from './reports/kpi-data.js';
import { ReportObligation } from './reports/obligation-data.js';
import { ContractManagement } from './contract-management/contract-data.js';
import { QualityRules } from './quality/contract-data.js';

// The one date schema (years 1900–2199, a real calendar date) is shared with the API (issue #9).
export { IsoDate };

const Code = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'expected a lower-case code (a-z, 0-9, - and _)');

/** A value that a source leaves open carries the reason it was assumed (R-CON-9). */
const Assumption = z.string().min(1).optional();

export const DeadlineUnit = z.enum(['workingDays', 'calendarDays', 'weeks', 'months']);
export type DeadlineUnit = z.infer<typeof DeadlineUnit>;

// R-CON-3: every deadline is an amount with a unit, traced to its source.
export const Deadline = z.object({
  amount: z.number().int().nonnegative(),
  unit: DeadlineUnit,
  /** Where the number comes from, e.g. "001 §1.1". */
  source: z.string().min(1),
  assumption: Assumption,
});
export type Deadline = z.infer<typeof Deadline>;

export const DeadlineName = z.enum([
  'acknowledgement',
  'intakeInvitation',
  'learningPlanAfterIntake',
  'learningPlanApproval',
  'startAfterApproval',
  'startClassStartAfterIntake',
  'startClassMaxDuration',
  'scalingImplementation',
  'invoice',
  'finalReport',
  'progressReport',
  'misconductReport',
]);
export type DeadlineName = z.infer<typeof DeadlineName>;

// R-CON-4: the working-day calendar. The fixed Dutch public holidays always count; these are options.
export const HolidayCalendar = z.object({
  goodFriday: z.boolean(),
  /** 'always', 'lustrum' (every fifth year, as in most collective agreements) or 'never'. */
  liberationDay: z.enum(['always', 'lustrum', 'never']),
  source: z.string().min(1),
  assumption: Assumption,
});
export type HolidayCalendar = z.infer<typeof HolidayCalendar>;

// The names of each route are in route-names.ts; the API documents them on every route field.
export const Route = z.enum(['b1', 'z', 'education_mbo', 'education_hbo_wo', 'b1_entree']).describe(ROUTE_CODES_DOC);
export type Route = z.infer<typeof Route>;

export const ProductKind = z.enum(['language', 'participation', 'map', 'education', 'pvt', 'other']);

export const Product = z.object({
  code: Code,
  name: z.string().min(1),
  kind: ProductKind,
  /** The learning routes this product serves; empty for products open to every route (MAP, PVT). */
  routes: z.array(Route),
  source: z.string().min(1),
});
export type Product = z.infer<typeof Product>;

export const Municipality = z.object({
  code: Code,
  name: z.string().min(1),
  /** R-CON-2: the products this municipality takes part in. */
  products: z.array(Code).min(1),
  /** 001 Bijlage 4: invoice address, contact, order reference and delivery rules (issue #11). */
  invoicing: MunicipalityInvoicing.optional(),
  /** R-PRT-1: whom the participant calls at the municipality (001 Bijlage 1 guideline 5). */
  contact: OrganisationContact.optional(),
  assumption: Assumption,
});
export type Municipality = z.infer<typeof Municipality>;

export const Provider = z.object({
  code: Code,
  name: z.string().min(1),
  kvkNumber: z.string().regex(/^\d{8}$/, 'a KvK number has 8 digits').optional(),
  /** 001 Bijlage 4: the invoice header's legal name, address, KvK, VAT id and IBAN (issue #11). */
  invoicing: ProviderInvoicing.optional(),
  /** R-PRT-1: whom the participant calls at the provider (001 Bijlage 1 guideline 5). */
  contact: OrganisationContact.optional(),
  assumption: Assumption,
});
export type Provider = z.infer<typeof Provider>;

// R-CON-2: which provider is contracted for which product.
export const Contracted = z.object({ provider: Code, products: z.array(Code).min(1) });

// Which steps the contract wants mailed (001 §1.1: the acknowledgement is also signalled by mail).
export const MailRules = z.object({
  /** Pending steps whose breach is mailed to the party that must act. */
  onBreach: z.array(z.enum(StepNames)),
  /** Lifecycle events mailed to the other party when they happen. */
  onEvent: z.array(z.enum(LifecycleEvents)),
  source: z.string().min(1),
  assumption: Assumption,
});
export type MailRules = z.infer<typeof MailRules>;

// R-REF-5: Onderwijsroute intake moments (at least two a year) and the limit after signing the PIP.
export const EducationRoute = z.object({
  intakeMoments: z
    .array(z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, 'expected an intake moment as MM-DD'))
    .min(2, '002 eis 82: at least two intake moments a year'),
  maxMonthsAfterPip: z.number().int().positive(),
  source: z.string().min(1),
  assumption: Assumption,
});
export type EducationRoute = z.infer<typeof EducationRoute>;

// R-CON-7: the absence protocol is data — the norm, the thresholds of R-ATT-4, who classifies, and
// the reasons with their classification (the culpability levels of 004 §2.2 as an option).
const Classification = z.enum(['authorised', 'unauthorised']);
export const AbsenceProtocol = z.object({
  normPercent: z.number().min(0).max(100),
  absencesPerMonth: z.number().int().positive(),
  longAbsenceDays: z.number().int().positive(),
  /** 001 §2.3.6: the municipality decides on the validity of reasons. */
  classifiedBy: z.enum(['municipality', 'provider']),
  reasons: z
    .array(z.object({ code: Code, label: z.string().min(1), classification: z.union([Classification, z.literal('municipalityDecides')]) }))
    .min(1),
  culpability: z
    .array(z.object({ level: z.enum(['intent', 'grossNegligence', 'normal', 'reduced']), classification: Classification }))
    .optional(),
  // 004 §2.4: on frequent absence (absencesPerMonth in a calendar month) the provider also sends the
  // participant an official warning — a practice some municipalities follow (issue #10). Absent: no.
  frequentAbsence: z
    .object({
      warnParticipant: z.boolean(),
      source: z.string().min(1),
      assumption: Assumption,
    })
    .optional(),
  source: z.string().min(1),
  assumption: Assumption,
});
export type AbsenceProtocol = z.infer<typeof AbsenceProtocol>;

// R-HRS-2 / R-HRS-3: progress tests at hour milestones (000 §4.4: 200, 400 and 600 hours) and a
// report on a calendar cadence from the start (001 §2.3.1: every 3 months; 002 eis 19: every 6 months).
// Either part may be absent where the contract's source has none.
export const ProgressRules = z.object({
  milestoneHours: z.array(z.number().int().positive()).optional(),
  reportEveryMonths: z.number().int().positive().optional(),
  // Issue #12 (R-HRS-1): the hour kinds of participation activities (participation_activity, registered
  // by the participation or MAP provider) that count toward milestoneHours. Default none: the milestones
  // are the route's lesson and pushed hours unless the contract says otherwise (001 §3: "De
  // praktijkopdrachten mogen meetellen in de taaluren" — the MAP practical part).
  activityHoursCount: z.array(z.enum(['participation', 'mapPractical', 'internship'])).default([]),
  source: z.string().min(1),
  assumption: Assumption,
});
export type ProgressRules = z.infer<typeof ProgressRules>;

// R-LVL-3 / R-LVL-4: conditions for down-scaling a skill (B1 to A2). Optional per contract version; a
// version without it uses DEFAULT_SCALING_RULES (001 §2.3.3, 004 §1.2). The 20 working days to put
// the new level in place are the deadline `scalingImplementation`, not repeated here.
export const ScalingRules = z.object({
  /** 001 §2.3.3 "minimaal 600 cursusuren Nederlands als tweede taal"; 004 §1.2 "tenminste 600 uur". */
  minNt2HoursForDownscaling: z.number().positive(),
  /** 001 §2.3.3 "uiterlijk 6 maanden voor de afloop van de inburgeringstermijn". */
  minMonthsBeforeTermEnd: z.number().int().nonnegative(),
  source: z.string().min(1),
  assumption: Assumption,
});
export type ScalingRules = z.infer<typeof ScalingRules>;

export const DEFAULT_SCALING_RULES: ScalingRules = {
  minNt2HoursForDownscaling: 600,
  minMonthsBeforeTermEnd: 6,
  source: '001 §2.3.3; 004 §1.2',
};

// R-RTE-1: route changes. Optional; default DEFAULT_ROUTE_CHANGE_RULES.
export const RouteChangeRules = z.object({
  /** 001 §2.3.4 "binnen een termijn van 1,5 jaar"; 002 eis 50 "in de eerste 18 maanden van de inburgeringstermijn". */
  withinMonthsOfTerm: z.number().int().positive(),
  /** 001 §2.3.4 "in ieder geval binnen 12 maanden"; 002 eis 49 "uiterlijk binnen 12 maanden na start van de inburgeringstermijn". */
  misfitSignalWithinMonths: z.number().int().positive(),
  source: z.string().min(1),
  assumption: Assumption,
});
export type RouteChangeRules = z.infer<typeof RouteChangeRules>;

export const DEFAULT_ROUTE_CHANGE_RULES: RouteChangeRules = {
  withinMonthsOfTerm: 18,
  misfitSignalWithinMonths: 12,
  source: '001 §2.3.4; 002 eis 49-50',
};

// R-LVL-2 / R-LVL-5: exam attempts and the pass-rate norm. Optional; default DEFAULT_EXAM_RULES.
export const ExamRules = z.object({
  /** 002 eis 75 "De eerste twee examenpogingen worden door het Rijk bekostigd". */
  stateFundedAttempts: z.number().int().nonnegative(),
  /** 002 eis 44 "inspanningsverplichting … voor het slagingspercentage ligt op 80%", as a fraction. */
  passRateNorm: z.number().min(0).max(1),
  /** 002 eis 44 "gedurende 3 maanden onder de 80%". */
  passRateMonths: z.number().int().positive(),
  source: z.string().min(1),
  assumption: Assumption,
});
export type ExamRules = z.infer<typeof ExamRules>;

export const DEFAULT_EXAM_RULES: ExamRules = {
  stateFundedAttempts: 2,
  passRateNorm: 0.8,
  passRateMonths: 3,
  source: '002 eis 44, eis 75',
};

// R-HRS-5 / R-BYD-1: the parameters of the progress status and its forecast (src/domain/forecast.ts).
// Optional; default DEFAULT_FORECAST_RULES. The attendance norm is absenceProtocol.normPercent and the
// milestones are progress.milestoneHours: each rule reads its number once, from one place.
export const ForecastRules = z.object({
  /** The weeks over which the pace (hours a week) is averaged. Koers' own choice: no source sets one. */
  paceWeeks: z.number().int().positive().max(52),
  /** 001 §2.3.3: "uiterlijk 6 maanden voor de afloop van de inburgeringstermijn", time for the exams. */
  marginMonths: z.number().int().nonnegative(),
  /** A tested skill this many CEFR steps below its target puts the route at risk. Koers' own choice. */
  skillGapForRisk: z.number().int().positive(),
  /** The attendance the status weighs: the last N months, 001 §2.3.1's three-monthly reporting cadence. */
  attendanceMonths: z.number().int().positive(),
  source: z.string().min(1),
  assumption: Assumption,
});
export type ForecastRules = z.infer<typeof ForecastRules>;

export const DEFAULT_FORECAST_RULES: ForecastRules = {
  paceWeeks: 8,
  marginMonths: 6,
  skillGapForRisk: 2,
  attendanceMonths: 3,
  source: '001 §2.3.1, §2.3.3',
  assumption: 'paceWeeks and skillGapForRisk are Koers\' own: no source sets them',
};

export const ContractVersion = z.object({
  version: z.number().int().positive(),
  validFrom: IsoDate,
  /** Inclusive; absent while the version is open-ended. */
  validTo: IsoDate.optional(),
  contracted: z.array(Contracted).min(1),
  deadlines: z.record(DeadlineName, Deadline),
  holidayCalendar: HolidayCalendar,
  mail: MailRules.optional(),
  educationRoute: EducationRoute.optional(),
  absenceProtocol: AbsenceProtocol.optional(),
  progress: ProgressRules.optional(),
  scaling: ScalingRules.optional(),
  routeChange: RouteChangeRules.optional(),
  exams: ExamRules.optional(),
  forecast: ForecastRules.optional(),
  /** R-CON-6: the payment schedule per route product (issue #11). */
  paymentSchedules: z.array(PaymentSchedule).optional(),
  /** R-CON-8: the reports this version obliges (issue #13); absent where the source names none. */
  reports: z.array(ReportObligation).optional(),
  /** R-KPI-1, R-KPI-2, R-KPI-3, R-KPI-4: the KPI targets (000 §2.2); absent where the source sets none. */
  kpiTargets: z.array(KpiTarget).optional(),
  /** R-QLT-1, R-QLT-2, R-QLT-3: the provider quality rules (issue #14); absent where the source sets none. */
  quality: QualityRules.optional(),
  note: z.string().optional(),
});
export type ContractVersion = z.infer<typeof ContractVersion>;

export const Contract = z
  .object({
    id: Code,
    name: z.string().min(1),
    /** The seed document(s) this contract is modelled on, e.g. "000". */
    sources: z.array(z.string().min(1)).min(1),
    region: z.object({ code: Code, name: z.string().min(1) }),
    contractManager: z.object({ name: z.string().min(1), assumption: Assumption }),
    term: z.object({ start: IsoDate, end: IsoDate, assumption: Assumption }),
    products: z.array(Product).min(1),
    municipalities: z.array(Municipality).min(1),
    providers: z.array(Provider).min(1),
    versions: z.array(ContractVersion).min(1),
    /** R-CON-5: tariff versions per product, each with its validity dates and VAT (issue #11). */
    tariffs: z.array(Tariff).optional(),
    /** R-INV-3: tiered prices by cohort size (002 §2.2). */
    staffels: z.array(Staffel).optional(),
    /** R-INV-4: the payment term of the invoices under this contract (issue #11). */
    paymentTerm: PaymentTerm.optional(),
    /** 002 eis 12: invoices per half year, with a pro-forma round through the centre municipalities. */
    invoicingCadence: InvoicingCadence.optional(),
    /** R-CM-1, R-ESC-2 (issue #14): meeting types, the contract-level ladder and its patterns; absent where the source has none. */
    contractManagement: ContractManagement.optional(),
    /** Free-text list of every value assumed where the source is silent (R-CON-9). */
    assumptions: z.array(z.string().min(1)),
  })
  .superRefine((c, ctx) => {
    const products = new Set(c.products.map((p) => p.code));
    const providers = new Set(c.providers.map((p) => p.code));
    c.municipalities.forEach((m, i) =>
      m.products.forEach((p, j) => {
        if (!products.has(p)) ctx.addIssue({ code: 'custom', path: ['municipalities', i, 'products', j], message: `unknown product "${p}"` });
      }),
    );
    c.versions.forEach((v, i) => {
      v.contracted.forEach((k, j) => {
        if (!providers.has(k.provider)) ctx.addIssue({ code: 'custom', path: ['versions', i, 'contracted', j, 'provider'], message: `unknown provider "${k.provider}"` });
        k.products.forEach((p, n) => {
          if (!products.has(p)) ctx.addIssue({ code: 'custom', path: ['versions', i, 'contracted', j, 'products', n], message: `unknown product "${p}"` });
        });
      });
      if (v.validTo !== undefined && v.validTo < v.validFrom) ctx.addIssue({ code: 'custom', path: ['versions', i, 'validTo'], message: 'validTo lies before validFrom' });
      (v.paymentSchedules ?? []).forEach((s, j) => {
        if (!products.has(s.product)) ctx.addIssue({ code: 'custom', path: ['versions', i, 'paymentSchedules', j, 'product'], message: `unknown product "${s.product}"` });
        s.items.forEach((item, k) =>
          (item.withProducts ?? []).forEach((p, n) => {
            if (!products.has(p)) ctx.addIssue({ code: 'custom', path: ['versions', i, 'paymentSchedules', j, 'items', k, 'withProducts', n], message: `unknown product "${p}"` });
          }),
        );
      });
      const missing = DeadlineName.options.filter((d) => !(d in v.deadlines));
      if (missing.length > 0) ctx.addIssue({ code: 'custom', path: ['versions', i, 'deadlines'], message: `missing deadline(s): ${missing.join(', ')}` });
    });
    for (const issue of [...tariffIssues(c.tariffs ?? [], products), ...staffelIssues(c.staffels ?? [], products), ...centreIssues(c.municipalities)]) ctx.addIssue({ code: 'custom', ...issue });
    c.providers.forEach((p, i) => {
      if (p.invoicing !== undefined && p.kvkNumber !== undefined && p.invoicing.kvkNumber !== p.kvkNumber) {
        ctx.addIssue({ code: 'custom', path: ['providers', i, 'invoicing', 'kvkNumber'], message: `differs from the provider's kvkNumber ${p.kvkNumber}` });
      }
    });
    const sorted = [...c.versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1];
      const cur = sorted[i];
      if (prev && cur && (prev.validTo === undefined || prev.validTo >= cur.validFrom)) {
        ctx.addIssue({ code: 'custom', path: ['versions'], message: `versions ${prev.version} and ${cur.version} overlap` });
      }
    }
  });
export type Contract = z.infer<typeof Contract>;

/** R-CON-10: the version in force on a date; undefined outside every version. */
export function findVersionInForce<V extends { validFrom: IsoDate; validTo?: IsoDate | undefined } = ContractVersion>(contract: { versions: readonly V[] }, date: IsoDate): V | undefined {
  return contract.versions.find((v) => v.validFrom <= date && (v.validTo === undefined || date <= v.validTo));
}

/** R-REF-1 / R-CON-2: is this provider contracted for this product on this date? */
export function isContractedFor(contract: Contract, providerCode: string, productCode: string, date: IsoDate): boolean {
  const version = findVersionInForce(contract, date);
  if (version === undefined) return false;
  return version.contracted.some((k) => k.provider === providerCode && k.products.includes(productCode));
}

/** R-CON-2: does this municipality take part in this product? */
export function municipalityTakesPart(contract: Contract, municipalityCode: string, productCode: string): boolean {
  return contract.municipalities.some((m) => m.code === municipalityCode && m.products.includes(productCode));
}

/** R-LVL-3: the version's scaling rules, or the defaults of 001 §2.3.3 when it has none (or there is no version). */
export function scalingRulesOf(version: Pick<ContractVersion, 'scaling'> | undefined): ScalingRules {
  return version?.scaling ?? DEFAULT_SCALING_RULES;
}

/** R-RTE-1: the version's route-change rules, or the defaults of 001 §2.3.4 / 002 eis 49-50 (also without a version). */
export function routeChangeRulesOf(version: Pick<ContractVersion, 'routeChange'> | undefined): RouteChangeRules {
  return version?.routeChange ?? DEFAULT_ROUTE_CHANGE_RULES;
}

/** R-LVL-2 / R-LVL-5: the version's exam rules, or the defaults of 002 eis 44 and 75 (also without a version). */
export function examRulesOf(version: Pick<ContractVersion, 'exams'> | undefined): ExamRules {
  return version?.exams ?? DEFAULT_EXAM_RULES;
}

/** R-HRS-5 / R-BYD-1: the version's forecast parameters, or DEFAULT_FORECAST_RULES (also without a version). */
export function forecastRulesOf(version: Pick<ContractVersion, 'forecast'> | undefined): ForecastRules {
  return version?.forecast ?? DEFAULT_FORECAST_RULES;
}
