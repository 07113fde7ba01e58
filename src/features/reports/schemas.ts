// Request and response schemas of the quarterly management information (issue #13, R-MI-1; 001 Bijlage 5).
import { z } from 'zod';
import { LevelBands } from '../../domain/reports/facts.js';

export const QuarterlyMiQuery = z.object({
  contractId: z.string('Kies een contract.').min(1, 'Kies een contract.').max(100, 'Kies een contract.').describe('The contract id, e.g. centraal-gelderland'),
  quarter: z
    .string('Vul een kwartaal in, bijvoorbeeld 2027-Q1.')
    .regex(/^[0-9]{4}-Q[1-4]$/, 'Vul een kwartaal in als jaar-Q en een cijfer van 1 tot 4, bijvoorbeeld 2027-Q1.')
    .describe('The quarter asked for, as in src/domain/reports/periods.ts: 2027-Q1 is 1 January – 31 March 2027'),
});
export type QuarterlyMiQuery = z.infer<typeof QuarterlyMiQuery>;

// R-MI-6: for the contract manager and the policy officer a count can be hidden (null, and named in
// `hidden`); for them a null is "niet getoond" where `hidden` names it, else "not applicable".
const Count = z.number().int().nullable();
const Ladder = z.object({ 1: Count, 2: Count, 3: Count, 4: Count, 5: Count, 6: Count });

export const QuarterlyMiFiguresSchema = z.object({
  quarter: z.string(),
  contractVersion: z.number().int().describe('The contract version in force on the quarter\'s last day (R-CON-10); 0 outside every version'),
  registered: Count.describe('Item 1a'),
  intakeHeld: Count.describe('Item 1b'),
  startedRunning: Count.describe('Item 1c'),
  startedInStartClass: Count.describe('Item 2'),
  belowAttendanceNorm: Count.describe('Item 3'),
  runningGroups: z.object(Object.fromEntries(LevelBands.map((b) => [b, Count])) as Record<(typeof LevelBands)[number], typeof Count>).describe('Item 4 a–g'),
  waiting: Count.describe('Item 5'),
  averageWaitingDays: z.number().nullable().describe('Item 6; null when nobody started'),
  inMilestone1A: Count.nullable().describe('Item 7; null when the product has no milestones'),
  inMilestone1B: Count.nullable().describe('Item 8'),
  transferredToB1: Count.describe('Item 9'),
  transferredFromB1: Count.describe('Item 10'),
  transferredToZ: Count.describe('Item 11'),
  transferredFromZ: Count.describe('Item 12'),
  transferredToEducation: Count.describe('Item 13'),
  transferredFromEducation: Count.describe('Item 14'),
  transferredToUnknown: Count.describe('Item 15'),
  ladder: z.object({ atReferral: Ladder, raisedDuring: Ladder, atEnd: Ladder }).nullable().describe('Item 16; null for a language product'),
  remarks: z.string().nullable().describe('Item 17; not registered yet'),
  hidden: z
    .array(z.string())
    .optional()
    .describe("Aggregate readers only (R-MI-6): the figures hidden to protect small counts — primary or secondary, never said which — as paths ('registered', 'runningGroups.a2b1', 'ladder.atEnd.3', 'averageWaitingDays'); each is null"),
});

export const QuarterlyMiResponse = z.object({
  contractId: z.string(),
  quarter: z.string(),
  quarters: z.array(z.string()).describe('Oldest first; the last is the quarter asked for'),
  audience: z.enum(['personal', 'aggregate']).describe("'aggregate' (contract manager, policy officer): counts suppressed (R-MI-6)"),
  cells: z.array(z.object({ municipality: z.string().describe('Municipality code'), product: z.string(), quarters: z.array(QuarterlyMiFiguresSchema) })),
  regionTotals: z
    .array(z.object({ product: z.string(), quarters: z.array(QuarterlyMiFiguresSchema) }))
    .optional()
    .describe('Aggregate readers only: per product the SUM of the municipality cells shown (a person in two municipalities counts twice), suppressed with them; item 6 is null'),
});
