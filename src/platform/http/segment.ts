// R-PAR-4 (004 §4.5): the segments a list can select — for now the youth, participants under 27 on the
// reference date (src/domain/youth.ts). One query fragment and one SQL condition, so the participant list,
// the work list and the Deelname list select the segment alike (each row says under27 for its export).
import { z } from 'zod';
import type { IsoDate } from '../../domain/contract.js';
import { youthBornAfter } from '../../domain/youth.js';
import type { SqlParams } from '../access.js';
import { IsoDate as IsoDateInput } from './input.js';

/** The query parameters of a list that can select a segment; the export takes the same. */
export const SegmentQuery = {
  segment: z.enum(['youth'], 'Kies een groep uit de lijst: youth (jongeren onder 27).').optional().describe('R-PAR-4: youth = "Jongeren (onder 27)", participants under 27 on referenceDate'),
  referenceDate: IsoDateInput.optional().describe('The date the age is judged on (R-PAR-4); today when left out'),
};

/** The SQL condition "under 27 on the date" on a date-of-birth column (compared as text: see youthBornAfter). */
export function youthSql(p: SqlParams, birthDateColumn: string, on: IsoDate): string {
  return `to_char(${birthDateColumn}, 'YYYY-MM-DD') > ${p.add(youthBornAfter(on))}`;
}

/** The condition of the segment asked for, or none. */
export function segmentWhere(p: SqlParams, birthDateColumn: string, segment: 'youth' | undefined, on: IsoDate): string[] {
  return segment === 'youth' ? [youthSql(p, birthDateColumn, on)] : [];
}
