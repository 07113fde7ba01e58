// R-CON-8: report obligations are contract data — which report, per which scope, on which cadence, due
// when and to whom. Kept apart from contract.ts (which embeds it in a contract version) so that file stays
// small and the due-date rules (obligations.ts) can import the types without a cycle.
import { z } from 'zod';

/** The report kinds of issue #13 (SPEC §14). A closed list: a new kind needs its own computation. */
export const ReportKind = z.enum([
  /** 001 §4.2 and Bijlage 5 (R-MI-1): per municipality × product, with the previous quarters. */
  'quarterlyManagementInformation',
  /** 000 §4.1 (R-MI-2): content report per route, built as a running year. */
  'contentReport',
  /** 000 §4.2 (R-MI-3). */
  'managementReport',
  /** 000 §4.3 (R-MI-4): the year, compared with previous years. */
  'yearReport',
  /** 002 eis 17 (R-MI-5): the Onderwijsroute quarterly management report. */
  'educationQuarterlyReport',
  /** R-CM-2: deadline compliance per provider. No source makes it an obligation; Koers computes it. */
  'deadlineCompliance',
]);
export type ReportKind = z.infer<typeof ReportKind>;

/** One report instance is owed per municipality, or one for the whole region. */
export const ReportScope = z.enum(['municipality', 'region']);
export type ReportScope = z.infer<typeof ReportScope>;

/** The dimensions a report instance is split by inside (001 Bijlage 5: "uitgesplitst per gemeente en per perceel/product"). */
export const ReportBreakdown = z.enum(['municipality', 'route', 'product']);
export type ReportBreakdown = z.infer<typeof ReportBreakdown>;

/** Calendar periods: months, quarters (Jan/Apr/Jul/Oct), half-years (Jan/Jul) and years. */
export const ReportCadence = z.enum(['month', 'quarter', 'halfYear', 'year']);
export type ReportCadence = z.infer<typeof ReportCadence>;

// The due rule as data, in the source's own terms; obligations.ts turns it into a date.
export const ReportDueRule = z.discriminatedUnion('kind', [
  /**
   * "Uiterlijk in de tweede week na afloop van elk kwartaal" (000 §4): by the end (Sunday) of the n-th
   * full ISO week (Monday–Sunday) that starts after the period ends.
   */
  z.object({ kind: z.literal('weekAfterPeriod'), week: z.number().int().min(1).max(52) }),
  /** "Voor de 20ste van de opvolgende maand" (001 §4.2): at the latest the day before `day` of the month `monthsAfter` after the period. */
  z.object({ kind: z.literal('beforeDayOfMonthAfterPeriod'), day: z.number().int().min(2).max(28), monthsAfter: z.number().int().min(1).max(12) }),
  /** "Uiterlijk in februari na afloop van het jaar" (000 §4): by the last day of the `monthsAfter`-th month after the period. */
  z.object({ kind: z.literal('withinMonthAfterPeriod'), monthsAfter: z.number().int().min(1).max(12) }),
]);
export type ReportDueRule = z.infer<typeof ReportDueRule>;

/** Who receives the report: the contract manager (NWO, MGR SDCG), every municipality, or the centre municipalities (002). */
export const ReportRecipient = z.enum(['contractManager', 'municipalities', 'centreMunicipalities']);
export type ReportRecipient = z.infer<typeof ReportRecipient>;

export const ReportObligation = z.object({
  report: ReportKind,
  scope: ReportScope,
  breakdown: z.array(ReportBreakdown),
  cadence: ReportCadence,
  /** Absent where the source gives no due date (002 eis 17: only "vier keer per jaar"): never late. */
  due: ReportDueRule.optional(),
  recipients: z.array(ReportRecipient).min(1),
  source: z.string().min(1),
  assumption: z.string().min(1).optional(),
});
export type ReportObligation = z.infer<typeof ReportObligation>;
