// Request and response schemas of attendance imports and pushes (R-EXC-1, R-EXC-2, R-ATT-7).
import { z } from 'zod';
import { AttendanceEntry } from '../groups/schemas.js';

export const TemplateQuery = z.object({
  groupId: z.uuid('Onbekende groep.'),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Vul een maand in als JJJJ-MM.'),
});

export const ImportResult = z.object({
  importId: z.uuid(),
  rows: z.number().int().describe('Rows read (excluding the header)'),
  created: z.number().int().describe('Attendance rows recorded for the first time'),
  changed: z.number().int().describe('Rows that corrected an earlier value (a new version, R-ATT-1)'),
  unchanged: z.number().int().describe('Rows equal to what was recorded: no new version'),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const DuplicateResult = ImportResult.omit({ importId: true }).extend({
  duplicateOf: z.uuid().describe('The earlier import of the same file; nothing was applied again (R-EXC-2)'),
  detail: z.string(),
});

export const ImportDetail = ImportResult.extend({
  source: z.enum(['csv', 'xlsx', 'push']),
  status: z.literal('applied').describe('Only applied imports exist: a rejected or interrupted one leaves nothing (all-or-nothing)'),
  errors: z.number().int().describe('Always 0: an import with a bad row is refused whole and answered with the rows in error'),
  sha256: z.string(),
  createdAt: z.string(),
});

export const MAX_BATCH_ITEMS = 5000;

export const BatchItem = AttendanceEntry.extend({ lessonId: z.uuid('Onbekende les.') });
export const BatchBody = z.object({ items: z.array(BatchItem).min(1, 'Lever minstens één regel aan.').max(MAX_BATCH_ITEMS, `Hoogstens ${MAX_BATCH_ITEMS} regels per batch.`) });
export type BatchBody = z.infer<typeof BatchBody>;

export { BatchHeaders } from '../../platform/http/input.js';
