// Input hygiene in one place (issue #9 hole 5): the primitives every feature's schemas are built from,
// and a guard that runs before any schema. Bad input is a 400 problem+json naming the field; it must
// never reach the database as a value PostgreSQL refuses (a NUL byte is error 22021, an integer past
// `integer` is 22003) and so never become a 500.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, type InvalidParam } from '../errors.js';

/** A real calendar date 'YYYY-MM-DD', years 1900–2199: one schema for the API and the contract files. */
export { IsoDate, MAX_YEAR, MIN_YEAR } from '../../domain/iso-date.js';

/** PostgreSQL `integer` (int4): every whole number the API takes is stored in one or compared with one. */
export const INT32_MIN = -2_147_483_648;
export const INT32_MAX = 2_147_483_647;
const TOO_BIG = `Dit getal is te groot (hoogstens ${INT32_MAX}).`;
const TOO_SMALL = `Dit getal is te klein (minstens ${INT32_MIN}).`;

/** A whole number within PostgreSQL `integer`; chain .min()/.max() for the field's own bounds. */
export function int(message?: string, notWhole = message) {
  return z.number(message).int(notWhole).min(INT32_MIN, TOO_SMALL).max(INT32_MAX, TOO_BIG);
}

/** A whole number from the query string ("?page=2"), within PostgreSQL `integer`. */
export function queryInt(message?: string, notWhole = message) {
  return z.coerce.number(message).int(notWhole).min(INT32_MIN, TOO_SMALL).max(INT32_MAX, TOO_BIG);
}

const NUL_REASON = 'Dit veld bevat een ongeldig teken (NUL).';

export function hasNul(value: string): boolean {
  return value.includes('\u0000');
}

/** A string without NUL (U+0000), which no PostgreSQL text column can hold. */
export function str(message?: string) {
  return z.string(message).refine((v) => !hasNul(v), NUL_REASON);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The field paths ("items.0.reason") of every string, object key included, that holds a NUL. Walks
 * parsed JSON, query and params only: a raw upload (Buffer, stream) is the feature's to check.
 */
export function nulFields(value: unknown, path: readonly string[] = [], out: string[] = []): string[] {
  if (out.length >= 20) return out; // enough to name the problem; a huge body must not make a huge answer
  if (typeof value === 'string') {
    if (hasNul(value)) out.push(path.join('.'));
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nulFields(v, [...path, String(i)], out));
  } else if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      // A key with a NUL is named by its parent: the field name itself cannot be shown.
      if (hasNul(k)) out.push(path.join('.'));
      else nulFields(v, [...path, k], out);
    }
  }
  return out;
}

/**
 * Refuses a NUL anywhere in the JSON body, the query or the path before the route's schema runs, so no
 * schema can forget it (a `z.record` key, a free-text field). Runs after the access hook (onRequest):
 * a 400 never tells what a 404 hides.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', (req, _reply, done) => {
    const fields = [...nulFields(req.params), ...nulFields(req.query), ...nulFields(req.body)];
    if (fields.length === 0) {
      done();
      return;
    }
    const params: InvalidParam[] = [...new Set(fields)].map((name) => ({ name: name === '' ? 'body' : name, code: 'nul', reason: NUL_REASON }));
    done(new AppError('invalidInput', 'Een of meer velden bevatten een ongeldig teken.', params));
  });
}

/**
 * PostgreSQL "data exception" codes that only a value from outside can cause: bad encoding (22021, a
 * NUL), numeric out of range (22003), datetime overflow (22008), invalid datetime (22007), invalid text
 * representation (22P02), too long for its column (22001), untranslatable character (22P05).
 */
const BAD_INPUT_SQLSTATES = new Set(['22021', '22003', '22008', '22007', '22P02', '22001', '22P05']);

/**
 * The last net behind the schemas: an error that says the input was out of range. RangeError is what
 * the calendar (src/domain/calendar.ts) throws for a date it cannot count with.
 */
export function isBadInputError(err: unknown): boolean {
  if (err instanceof RangeError) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && BAD_INPUT_SQLSTATES.has(code);
}

/** The `:id` of a route (shared by every feature's routes, so no feature imports another for it). */
export const IdParam = z.object({ id: z.uuid('Onbekend id.') });

/** The headers of a batch push (attendance imports, hours, R-EXC-2): its idempotency key. */
export const BatchHeaders = z.looseObject({
  'idempotency-key': str('Geef een Idempotency-Key mee.')
    .trim()
    .min(1, 'Geef een Idempotency-Key mee.')
    .max(100, 'De Idempotency-Key is hoogstens 100 tekens.')
    .describe('Chosen by the sending system, unique per batch: the same key again returns the first answer without applying again'),
});
