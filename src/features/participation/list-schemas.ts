// The participation provider's day (issue #12, "Screens for staff"): its participants referred for
// participation or MAP with their hours per kind, the MAP practical part, the next 200-hour meeting and
// the ladder step now. Also read by the language provider and the consultant of the same participants.
import { z } from 'zod';
import { ExportFormat } from '../../platform/http/export.js';
import { queryInt, str } from '../../platform/http/input.js';
import { SegmentQuery } from '../../platform/http/segment.js';

export const ParticipationSort = z.enum(['name', '-name', 'startedOn', '-startedOn', 'hours', '-hours', 'mapPractical', '-mapPractical'], 'Kies een sortering uit de lijst.');
export type ParticipationSort = z.infer<typeof ParticipationSort>;

export const ParticipationListQuery = z.object({
  q: str().trim().max(100).optional(),
  participantId: z.uuid('Onbekende inburgeraar.').optional().describe("One participant's row (the participant's Deelname page)"),
  sort: ParticipationSort.default('name'),
  page: queryInt().min(1).default(1),
  pageSize: queryInt().min(1).max(100).default(25),
  portfolio: z.enum(['complete', 'incomplete'], 'Kies: compleet of niet compleet.').optional().describe('R-MAP-3: only portfolios whose Bijlage 3 part is (not) complete; a Z-route portfolio (no Bijlage 3 part) is in neither'),
  ...SegmentQuery,
});
export type ParticipationListQuery = z.infer<typeof ParticipationListQuery>;
export const ParticipationExportQuery = ParticipationListQuery.pick({ q: true, participantId: true, sort: true, portfolio: true, segment: true, referenceDate: true }).extend({ format: ExportFormat });
export type ParticipationExportQuery = z.infer<typeof ParticipationExportQuery>;

export const ParticipationRow = z.object({
  participantId: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  clientNumber: z.string().nullable(),
  municipalityName: z.string(),
  referralId: z.uuid().describe('The latest participation or MAP referral of the participant in the room: the one activities are registered under'),
  productKind: z.enum(['participation', 'map']),
  productName: z.string(),
  providerName: z.string(),
  startedOn: z.string().nullable(),
  totalMinutes: z.number().int(),
  byHourKind: z.object({ participation: z.number().int(), mapPractical: z.number().int(), internship: z.number().int() }).describe('R-HRS-1'),
  mapPractical: z.object({ minutes: z.number().int(), requiredMinutes: z.number().int(), met: z.boolean() }).describe('R-MAP-1: against 40 hours (001 §3)'),
  meetingsDue: z.number().int().describe('001 §2.3.2: 200-hour meetings reached (Z-route participation)'),
  nextMeetingAtHours: z.number().int().nullable().describe('The cumulative hours of the next 200-hour meeting; null without Z-route participation'),
  ladderStep: z.number().int().nullable().describe('R-MAP-4: the step now (at the end, else during, else at referral)'),
  portfolioComplete: z.boolean().nullable().describe('R-MAP-3: the Bijlage 3 part complete; null for a Z-route portfolio, which has none'),
  under27: z.boolean().describe('R-PAR-4: in the youth segment on the reference date (referenceDate, else today)'),
});
export type ParticipationRow = z.infer<typeof ParticipationRow>;

export const ParticipationPage = z.object({ items: z.array(ParticipationRow), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type ParticipationPage = z.infer<typeof ParticipationPage>;
