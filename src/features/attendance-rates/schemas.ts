// Request and response schemas of the attendance-rate list (issue #4 item 7; R-ATT-3, R-ATT-5).
import { z } from 'zod';
import { ExportFormat } from '../../platform/http/export.js';
import { IsoDate, queryInt } from '../../platform/http/input.js';

export const RateSort = z.enum(['rate', '-rate', 'name', '-name']);
export type RateSort = z.infer<typeof RateSort>;

export const RateListQuery = z.object({
  from: IsoDate.optional().describe('First day of the window; default: the first day of the month two months before `to`'),
  to: IsoDate.optional().describe('Last day of the window (inclusive); default: today'),
  belowNorm: z
    .enum(['true', 'false'], 'Vul true of false in.')
    .transform((v) => v === 'true')
    .optional()
    .describe('Only participants below (true) or not below (false) their norm: the contract\'s absenceProtocol.normPercent (80% in every shipped contract)'),
  sort: RateSort.default('rate').describe('rate: lowest first, participants without a rate last'),
  page: queryInt().min(1).default(1),
  pageSize: queryInt().min(1).max(100).default(25),
});
export type RateListQuery = z.infer<typeof RateListQuery>;

export const RateExportQuery = RateListQuery.omit({ page: true, pageSize: true }).extend({ format: ExportFormat });
export type RateExportQuery = z.infer<typeof RateExportQuery>;

export const ParticipantRate = z.object({
  participantId: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string().describe('Tells two participants of the same name apart (never the BSN)'),
  clientNumber: z.string().nullable(),
  municipalityId: z.uuid(),
  offeredMinutes: z.number().int().describe('Scheduled minutes of the recorded regular lessons in the window; cancelled-by-provider and make-up lessons offer none'),
  attendedMinutes: z.number().int().describe('Attended minutes (at most the lesson\'s) plus make-up minutes, never above what was missed (R-ATT-5)'),
  rate: z.number().nullable().describe('attended / offered in percent; null when nothing was offered'),
  normPercent: z.number().describe('R-CON-7: the norm of the contract version of the participant\'s referral (latest placement); 80 (001 §2.3.1) when none governs'),
  belowNorm: z.boolean().describe('Below the norm on the exact fraction: at 80%, 79.9% is below and 80.0% is not'),
  absences: z.object({
    authorised: z.number().int(),
    unauthorised: z.number().int(),
    unclassified: z.number().int().describe('Not (yet) classified by the municipality (R-ATT-2)'),
  }),
});
export type ParticipantRate = z.infer<typeof ParticipantRate>;

export const RatePage = z.object({
  from: z.string(),
  to: z.string(),
  normPercent: z.number().describe('The lowest norm among the participants in the window (each item carries its own)'),
  items: z.array(ParticipantRate),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const RateSummaryQuery = RateListQuery.pick({ from: true, to: true });
export type RateSummaryQuery = z.infer<typeof RateSummaryQuery>;

export const RateSummary = z.object({
  from: z.string(),
  to: z.string(),
  normPercent: z.number().describe('The lowest norm among the participants in the window (each is judged against its own)'),
  total: z.number().int().describe('Participants in the room with lessons in the window'),
  belowNorm: z.number().int(),
  withoutLessons: z.number().int().describe('Members with nothing offered in the window'),
  bands: z.array(z.number().int()).length(10).describe('Participants per ten percentage points: [0,10), [10,20) … [90,100]'),
});
