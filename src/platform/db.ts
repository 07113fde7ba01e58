// One small database interface over two drivers: PGlite in-process (default, ./data) and
// node-postgres for a PostgreSQL server (DATABASE_URL). Both speak the same SQL (PostgreSQL 15 only,
// ARCHITECTURE §2.2). We use plain parameterised SQL rather than an ORM: the migrations are hand-written
// SQL with COMMENT ON (STYLE 18) and every query must carry its access scope in SQL (STYLE 5), which is
// easiest to review when the SQL is in front of you.
import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { toDbError } from './db-error.js';
import { takeGuard, type RequestGuard } from './request-guard.js';

export type Row = Record<string, unknown>;

export interface QueryOptions {
  /**
   * Issue #16: a hot read's statement, run as a named prepared statement on PostgreSQL, so each pooled
   * connection parses and plans it once instead of on every request (planning was half of each statement
   * on the lesson page). Only for texts of which there are few (one per scope kind and filter shape):
   * every distinct text stays prepared on each connection for its lifetime. PGlite ignores it.
   */
  prepare?: boolean;
  /**
   * Issue #16: in a transaction, its last statement — COMMIT goes out right behind it (pipelined) instead
   * of a round trip of its own after it; a statement after it is refused. Only for a read's audit INSERT:
   * once it has run the transaction commits, even if the caller's code after it were to fail.
   * Outside a transaction and on PGlite it changes nothing.
   */
  commitBehind?: boolean;
}

/** Something that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  query<T extends object = Row>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<T[]>;
}

export interface Tx extends Queryable {
  readonly inTransaction: true;
  /** Runs a multi-statement script without parameters inside the transaction (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs fn in one transaction: everything it writes commits together or not at all. With `check` (a read
   * served from the session cache, request-guard.ts) the request's check runs first and must hold before
   * any answer of the transaction's statements is handed to fn.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>, options?: { check?: RequestGuard }): Promise<T>;
  /** Runs a multi-statement script without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * PGlite only (issue #17, BIO2 8.13): an online backup, the data directory as a gzipped tar, taken
   * while no transaction is open (inside one, as PGlite runs one at a time), so it holds only commits.
   */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
}

// Dates of the domain are calendar dates (ARCHITECTURE §2.5): keep `date` as 'YYYY-MM-DD' text on
// both drivers instead of a JS Date at UTC midnight, which shifts a day in Europe/Amsterdam.
const DATE_OID = 1082;
const INT8_OID = 20;

/**
 * Issue #9 hole 6, R-PAR-2: every error a driver throws leaves this module as a DbError without
 * parameters, row values or quoted input (db-error.ts), so no caller and no logger can print them.
 */
async function clean<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toDbError(err);
  }
}

/** `template`: a dump (`dumpDataDir`) to start an in-memory database from, instead of an empty one. */
export async function openPglite(dataDir: string | undefined, template?: Blob): Promise<Db> {
  return asDb(await PGlite.create(dataDir, { ...(template !== undefined ? { loadDataDir: template } : {}), parsers: PARSERS }));
}

/**
 * A dump of a new in-memory database after `prepare` (the migrations): tests start each server from
 * it with `openPglite(undefined, dump)` instead of paying initdb again.
 */
export async function pgliteDump(prepare: (db: Db) => Promise<unknown>): Promise<Blob> {
  const client = await PGlite.create({ parsers: PARSERS });
  try {
    await prepare(asDb(client));
    return await client.dumpDataDir('none');
  } finally {
    await client.close();
  }
}

const PARSERS = { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => Number(v) };

function asDb(client: PGlite): Db {
  const run = <T extends object>(q: { query: PGlite['query'] }, text: string, params?: readonly unknown[]) =>
    clean(async () => (await q.query<T>(text, params as unknown[] | undefined)).rows);
  return {
    kind: 'pglite',
    query: (text, params) => run(client, text, params),
    // PGlite is one session: never send BEGIN through a plain query (ARCHITECTURE §6).
    transaction: (fn, options) =>
      clean(() =>
        client.transaction(async (t) => {
          const check = takeGuard(options?.check);
          if (check !== undefined) check.verify((await t.query<Record<string, unknown>>(check.text, check.params)).rows);
          return fn({
            inTransaction: true,
            query: (text, params) => run(t, text, params),
            exec: (sql) => clean(async () => void (await t.exec(sql))),
          });
        }),
      ),
    exec: (sql) => clean(async () => void (await client.exec(sql))),
    dump: () => clean(() => client.transaction(() => client.dumpDataDir('gzip'))),
    close: () => client.close(),
  };
}

export function openPostgres(connectionString: string, options: { role?: string; max?: number; onIdleError?: (err: Error) => void } = {}): Db {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    // Every pooled connection acts as the restricted application role (audit: SELECT/INSERT only),
    // set in the startup packet: no connection can run a query before it, and a role that cannot be
    // taken fails the connection instead of leaving it with the owner's rights.
    ...(options.role === undefined ? {} : { options: `-c role=${safeIdent(options.role)}` }),
    // Issue #16: a statement is sent without waiting for the answer to the one before it (inPgTransaction
    // sends BEGIN with the first statement). Answers still come back in order, one per statement.
    pipeline: true,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === DATE_OID) return (v: string) => v;
        if (oid === INT8_OID) return (v: string) => Number(v);
        return pg.types.getTypeParser(oid, format) as unknown;
      }) as typeof pg.types.getTypeParser,
    },
  });
  // pool.end() resolves once its clients are told to end, not once their connections are closed; close()
  // waits for those too, so a caller that drops the database right after (the tests) terminates none.
  const open = new Set<pg.PoolClient>();
  // An idle pooled connection that the server ends (a restart, a failover, pg_terminate_backend) is an
  // 'error' on the pool; without a listener Node treats it as unhandled and the whole process exits. pg
  // has already dropped that client, and the next query opens a new connection, so there is nothing to
  // do but not crash. A query that was running gets its own error through its own promise.
  pool.on('error', (err) => options.onIdleError?.(err));
  pool.on('connect', (c) => {
    open.add(c);
    c.once('end', () => open.delete(c));
  });
  return {
    kind: 'postgres',
    query: (text, params, options) => clean(async () => (await pool.query(pgQuery(text, params, options))).rows as never),
    transaction: (fn, options) => clean(() => inPgTransaction(pool, fn, options?.check)),
    exec: (sql) => clean(async () => void (await pool.query(sql))),
    close: async () => {
      const ended = [...open].map((c) => new Promise<void>((done) => c.once('end', () => done())));
      await pool.end();
      await Promise.all(ended);
    },
  };
}

// The name of a prepared statement is a hash of its text: the same text gets the same name on every
// connection, and two texts never share one (pg prepares a name on a connection the first time it sees it).
const statementNames = new Map<string, string>();
const MAX_NAMES = 2000;

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `k${createHash('sha256').update(text).digest('hex').slice(0, 40)}`;
    if (statementNames.size < MAX_NAMES) statementNames.set(text, name);
  }
  return name;
}

function pgQuery(text: string, params: readonly unknown[] | undefined, options: QueryOptions | undefined): pg.QueryConfig {
  const values = params as unknown[] | undefined;
  return options?.prepare === true ? { name: statementName(text), text, ...(values === undefined ? {} : { values }) } : { text, ...(values === undefined ? {} : { values }) };
}

/**
 * BEGIN … COMMIT on one pooled connection; ROLLBACK on any error, the caller's own included. The client
 * pipelines (openPostgres): BEGIN is not waited for but goes out with the first statement, and a
 * statement marked `commitBehind` takes COMMIT with it, so a read and its audit INSERT cost two round
 * trips instead of four (issue #16). Each statement's answer is still awaited before the caller sees it.
 */
async function inPgTransaction<T>(pool: pg.Pool, fn: (tx: Tx) => Promise<T>, pending: RequestGuard | undefined): Promise<T> {
  const c = await pool.connect();
  const socket = socketOf(c);
  // BEGIN waits in the socket's buffer for the first statement, and a statement with COMMIT behind it goes
  // out with it: one write (one TCP segment) each. On loopback the kernel's delivery of every segment to
  // PostgreSQL is paid by the sending thread: a third of the lesson page's CPU in Node (issue #16, profiled).
  socket?.cork();
  let corked = socket !== undefined;
  const flush = () => {
    if (corked) socket?.uncork();
    corked = false;
  };
  const begun = c.query('BEGIN');
  // The request's pending check (a session served from the cache: request-guard.ts) goes out right behind
  // BEGIN, in the same write as the first statement; its rows are verified before that statement's answer
  // is handed back, so nothing the transaction reads reaches the caller of a request that fails it.
  const guard = takeGuard(pending);
  const checked =
    guard === undefined
      ? undefined
      : c.query(pgQuery(guard.text, guard.params, { prepare: true })).then((r) => {
          guard.verify(r.rows as Record<string, unknown>[]);
        });
  // Awaited with the first statement or in the catch below; until then a refusal must not count as unhandled.
  checked?.catch(() => undefined);
  let committed: Promise<unknown> | undefined;
  let verified = guard === undefined;
  const run = async (config: pg.QueryConfig | string, commitBehind: boolean): Promise<pg.QueryResult> => {
    if (committed !== undefined) throw new Error('a statement after the one the transaction commits behind');
    if (commitBehind && !verified) {
      // COMMIT waits for the check: a statement must not commit for a request the check refuses.
      const q = c.query(config);
      flush();
      const [, , result] = await Promise.all([begun, checked, q]);
      verified = true;
      committed = c.query('COMMIT');
      return result;
    }
    if (commitBehind && !corked) {
      socket?.cork();
      corked = socket !== undefined;
    }
    const q = c.query(config);
    if (commitBehind) committed = c.query('COMMIT');
    flush();
    // Awaited together, so no rejection goes unhandled; BEGIN's answer comes first, then the check's.
    const [, , result] = await Promise.all([begun, checked, q]);
    verified = true;
    return result;
  };
  try {
    const result = await fn({
      inTransaction: true,
      query: (text, params, options) => clean(async () => (await run(pgQuery(text, params, options), options?.commitBehind === true)).rows as never),
      exec: (sql) => clean(async () => void (await run(sql, false))),
    });
    flush();
    await begun;
    await checked;
    await (committed ?? c.query('COMMIT'));
    return result;
  } catch (err) {
    flush();
    await Promise.allSettled([begun, checked, committed]);
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}

/** The client's socket, to cork: pg keeps it on `connection.stream` (not in its types). */
function socketOf(c: pg.PoolClient): { cork(): void; uncork(): void } | undefined {
  const stream = (c as unknown as { connection?: { stream?: { cork?: unknown; uncork?: unknown } } }).connection?.stream;
  return typeof stream?.cork === 'function' && typeof stream.uncork === 'function' ? (stream as { cork(): void; uncork(): void }) : undefined;
}

/** A lower-case identifier that needs no quoting anywhere (SQL, the startup packet's options). */
function safeIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier: ${name}`);
  return name;
}

export function quoteIdent(name: string): string {
  return `"${safeIdent(name)}"`;
}

/** Returns exactly one row or throws: for INSERT … RETURNING and lookups that must exist. */
export async function one<T extends object>(q: Queryable, text: string, params?: readonly unknown[]): Promise<T> {
  const rows = await q.query<T>(text, params);
  const row = rows[0];
  if (rows.length !== 1 || row === undefined) throw new Error(`expected one row, got ${rows.length}`);
  return row;
}

/** Returns the first row or undefined (`find…` may return undefined; STYLE 10). */
export async function maybeOne<T extends object>(q: Queryable, text: string, params?: readonly unknown[]): Promise<T | undefined> {
  const rows = await q.query<T>(text, params);
  return rows[0];
}
