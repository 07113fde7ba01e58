// Issue #9 hole 6, R-PAR-2: a database error must be loggable. The drivers' errors are not: PGlite's
// carries the statement's `params` (a participant's name, address, date of birth, e-mail), and
// PostgreSQL's `detail` repeats the failing row ("Failing row contains (…)") or the key
// ("Key (bsn_hash)=(…)"); `where` can quote a parameter, and the message itself quotes the input
// ('invalid input syntax for type date: "…"'). db.ts turns every driver error into a DbError that keeps
// only what an operator needs to find the cause: the SQLSTATE, the constraint, table and column names.

/** A database error without values. `code` is the SQLSTATE, e.g. '23505' for a unique violation. */
export class DbError extends Error {
  override readonly name = 'DbError';
  readonly code: string;
  readonly constraint: string | undefined;
  readonly table: string | undefined;
  readonly column: string | undefined;

  constructor(fields: { code: string; message: string; constraint?: string | undefined; table?: string | undefined; column?: string | undefined }) {
    super(fields.message);
    this.code = fields.code;
    this.constraint = fields.constraint;
    this.table = fields.table;
    this.column = fields.column;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** A name of the schema (a constraint, table or column) is code, not data: kept. Anything else is not. */
export const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The message with every literal taken out: quoted text unless it is one of the known identifiers,
 * long runs of digits (a BSN, with or without dots; a date), and e-mail addresses. Pure.
 */
export function withoutValues(message: string, identifiers: readonly (string | undefined)[] = []): string {
  const keep = new Set(identifiers.filter((i): i is string => i !== undefined && IDENTIFIER.test(i)));
  return message
    .replace(/"([^"]*)"/g, (whole, inner: string) => (keep.has(inner) ? whole : '"…"'))
    .replace(/'[^']*'/g, "'…'")
    .replace(/[^\s@"'()<>,;:]+@[^\s@"'()<>,;:]+/g, '…@…')
    .replace(/\d(?:[\s._/:-]?\d){4,}/g, '…');
}

/** True for an error the database server sent (both drivers give it a severity and a SQLSTATE). */
function isServerError(err: unknown): err is Record<string, unknown> {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as Record<string, unknown>;
  return typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === 'string';
}

/**
 * A driver's error as a DbError; anything else (an AppError thrown inside a transaction, a refused
 * connection) unchanged. The original is not kept as `cause`: a logger would print it.
 */
export function toDbError(err: unknown): unknown {
  if (err instanceof DbError || !isServerError(err)) return err;
  const constraint = str(err.constraint);
  const table = str(err.table);
  const column = str(err.column);
  const message = withoutValues(typeof err.message === 'string' ? err.message : 'database error', [constraint, table, column, str(err.schema)]);
  return new DbError({ code: err.code as string, message, constraint, table, column });
}
