// The one date schema of Koers (issue #9 hole 5): a real calendar date as 'YYYY-MM-DD' in the years
// 1900–2199. Every API field and every contract file uses it. The range keeps the calendar and the
// database far from their edges (year 0000 does not exist; the calendar refuses years below 0100 and
// PostgreSQL's `date` is not JavaScript's): a date of birth, a lesson and a contract term all fit.
import { z } from 'zod';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

// The pattern states the range in the OpenAPI document too; the refinement catches 2026-02-30.
const PATTERN = /^(19\d\d|2[01]\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** True for a real calendar date 'YYYY-MM-DD' in the years MIN_YEAR..MAX_YEAR. */
export function isSaneIsoDate(value: string): boolean {
  if (!PATTERN.test(value)) return false;
  const ms = Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)));
  // Date.UTC rolls 2026-02-30 over to March; the round trip shows it.
  return new Date(ms).toISOString().slice(0, 10) === value;
}

// The message never echoes the value: a date can be a date of birth.
const MESSAGE = `Vul een bestaande datum in als JJJJ-MM-DD, tussen ${MIN_YEAR} en ${MAX_YEAR}.`;

export const IsoDate = z.string(MESSAGE).regex(PATTERN, MESSAGE).refine(isSaneIsoDate, MESSAGE);
export type IsoDate = z.infer<typeof IsoDate>;
