// Issue #9 hole 6, R-PAR-2: what a log line may carry of an error. pino's default `err` serializer
// copies every enumerable property, so whatever a library hangs on an error (a driver's `params`,
// `detail`, `query`; an HTTP client's request body) would be printed. This one names the fields it
// keeps, checks their shape, and takes literals out of the message and the stack's first line
// (db-error.ts withoutValues).
import { IDENTIFIER, withoutValues } from './db-error.js';

export interface LoggedError {
  [key: string]: unknown;
  type: string;
  message: string;
  /** Frames only, after a first line rebuilt from the cleaned message; '' when the error had none. */
  stack: string;
  code?: string;
  statusCode?: number;
  responseCode?: number;
  command?: string;
  constraint?: string;
  table?: string;
  column?: string;
  cause?: LoggedError;
}

/** Fields kept only when they have the shape of a code or a name, never of free text. */
const SHAPED = {
  // SQLSTATE '23505', Node 'ECONNRESET', Fastify 'FST_ERR_CTP_INVALID_MEDIA_TYPE'.
  code: /^[A-Za-z0-9_]{1,64}$/,
  // An SMTP verb as nodemailer names it ('RCPT TO', 'CONN'), never its argument.
  command: /^[A-Z ]{1,16}$/,
  constraint: IDENTIFIER,
  table: IDENTIFIER,
  column: IDENTIFIER,
} as const;

export function serializeErrSafely(err: unknown, depth = 0): LoggedError {
  if (typeof err !== 'object' || err === null) return { type: typeof err, message: '(not an error object)', stack: '' };
  const e = err as Record<string, unknown>;
  const type = err instanceof Error ? err.constructor.name : 'Object';
  const kept: Partial<Record<keyof typeof SHAPED, string>> = {};
  for (const [k, shape] of Object.entries(SHAPED) as [keyof typeof SHAPED, RegExp][]) {
    const v = e[k];
    if (typeof v === 'string' && shape.test(v)) kept[k] = v;
  }
  const message = withoutValues(typeof e.message === 'string' ? e.message : '', [kept.constraint, kept.table, kept.column]);
  // The first line of a stack repeats the message; only the frames are taken from it.
  const stack = typeof e.stack === 'string' ? [`${type}: ${message}`, ...e.stack.split('\n').filter((l) => /^\s+at /.test(l))].join('\n') : '';
  const out: LoggedError = { type, message, stack, ...kept };
  if (typeof e.statusCode === 'number') out.statusCode = e.statusCode;
  if (typeof e.responseCode === 'number') out.responseCode = e.responseCode;
  if (e.cause !== undefined && depth < 3) out.cause = serializeErrSafely(e.cause, depth + 1);
  return out;
}
