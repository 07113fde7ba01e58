// Request and response schemas of the Onderwijsroute quarterly report (issue #13, R-MI-5; 002 eis 17).
// Every count is null when it is suppressed for an aggregate reader (R-MI-6); definitions:
// docs/reports.md §12.
import { z } from 'zod';
import { Route } from '../../domain/contract.js';
import { OutflowReasons, OutflowResults } from '../../domain/reports/education-report.js';
import { ReportFormat } from './render/index.js';
import { QuarterlyMiQuery } from './schemas.js';

export const EducationReportQuery = QuarterlyMiQuery.extend({
  scope: z
    .string('Kies de regio of een gemeente.')
    .regex(/^[a-z0-9][a-z0-9_-]{0,99}$/, 'Kies de regio of een gemeente.')
    .default('region')
    .describe("'region' (default): a column per municipality the reader sees plus the region's column; a municipality code: that municipality's column only"),
});
export type EducationReportQuery = z.infer<typeof EducationReportQuery>;
export const EducationReportExportQuery = EducationReportQuery.extend({ format: ReportFormat.describe('xlsx or pdf') });

const Count = z.number().int().nullable();
const counts = (keys: readonly string[]) => z.object(Object.fromEntries(keys.map((k) => [k, Count])));

export const EducationFiguresSchema = z.object({
  status: counts(['onTrack', 'atRisk', 'behind', 'noReport']).describe('Item 1: participants running at quarter end by the status of their latest submitted progress or final report (noReport: none submitted yet)'),
  running: Count.describe('Item 2: referrals running at quarter end'),
  inflow: Count.describe('Item 3: referrals whose start (start class or regular) lies in the quarter'),
  referred: Count.describe('Item 3, beside it: referrals registered (referred_on) in the quarter'),
  throughput: z.object({ count: Count, meanDays: z.number().nullable() }).describe('Item 4: routes ended in the quarter after a start, and the mean calendar days from start to end (null when none or suppressed)'),
  outflowByReason: counts(OutflowReasons).describe('Item 5: routes ended in the quarter by reason: completed (routeEnded), a drop-out reason (medical, death, moved, other), movedAway'),
  outflowByResult: counts(OutflowResults).describe('Item 5: the same routes by result: the submitted final report says the goals were (not) reached, or no final report yet'),
  transfersByRoute: z.record(Route, Count).describe('Item 6: route changes in the quarter by the new route (codes of participant.route)'),
  transfers: z.array(z.object({ on: z.string(), to: Route, reason: z.string() })).describe('Item 6: each route change with its registered reason; empty for an aggregate reader'),
  complaints: z.null().describe('Item 7 "klachtenoverzicht + afhandeling": not registered (R-CM-3) — entered by the provider in the submitted report'),
});

export const EducationReportResponse = z.object({
  contractId: z.string(),
  quarter: z.string(),
  contractVersion: z.number().int().describe("The contract version in force on the quarter's last day; 0 outside every version"),
  audience: z.enum(['personal', 'aggregate']).describe('aggregate: counts suppressed below the threshold (null), the region column the sum of the municipality columns'),
  columns: z.array(z.object({ municipality: z.string().nullable().describe('Municipality code; null for the region'), name: z.string(), figures: EducationFiguresSchema })),
  notRegistered: z.array(z.string()).describe('The items of eis 17 Koers does not register'),
});
