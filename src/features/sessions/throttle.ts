// Login throttling in the database (issue #9 hole 2; policy in src/domain/login-throttle.ts and
// docs/security.md). Every counter is one row of login_throttle, read with SELECT .. FOR UPDATE inside
// a transaction: concurrent attempts on one key take their turn on PostgreSQL (any number of app
// instances) and on PGlite alike. An attempt is counted *before* the password is checked and given back
// when it succeeds, so 40 requests at once cannot all slip in between a check and an insert.
import {
  ACCOUNT_SOFT_LIMIT,
  ADDRESS_MAX_ATTEMPTS,
  KNOWN_ADDRESS_DAYS,
  pairDelaySeconds,
  WINDOW_SECONDS,
} from '../../domain/login-throttle.js';
import type { Crypto } from '../../platform/crypto.js';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';

export interface LoginKeys {
  pair: string;
  address: string;
  account: string;
}

/** Keyed hashes, so the table holds neither an e-mail address nor an IP address. */
export function loginKeys(crypto: Crypto, email: string, address: string): LoginKeys {
  const account = email.trim().toLowerCase();
  return {
    pair: crypto.keyedHash('login', `pair:${account}|${address}`),
    address: crypto.keyedHash('login', `address:${address}`),
    account: crypto.keyedHash('login', `account:${account}`),
  };
}

interface CounterRow {
  attempts: number;
  windowStartedAt: Date;
  nextAllowedAt: Date;
  lastSuccessAt: Date | null;
}

/** Locks the counter row of a key (making it when new) until the transaction ends. */
async function lockCounter(tx: Queryable, key: string, now: Date): Promise<CounterRow> {
  await tx.query(
    `INSERT INTO login_throttle (key_hash, attempts, window_started_at, next_allowed_at) VALUES ($1, 0, $2, $2) ON CONFLICT (key_hash) DO NOTHING`,
    [key, now],
  );
  const rows = await tx.query<CounterRow>(
    `SELECT attempts, window_started_at AS "windowStartedAt", next_allowed_at AS "nextAllowedAt", last_success_at AS "lastSuccessAt"
     FROM login_throttle WHERE key_hash = $1 FOR UPDATE`,
    [key],
  );
  const row = rows[0];
  if (row === undefined) throw new Error('throttle row vanished');
  return row;
}

const PAIR_FORGET_MS = 24 * 3600 * 1000;
const secondsBetween = (from: Date, to: Date) => Math.max(1, Math.ceil((to.getTime() - from.getTime()) / 1000));

/** The count within the current fixed window (a window older than its length starts again at 0). */
function inWindow(row: CounterRow, now: Date, windowSeconds: number): { attempts: number; windowStartedAt: Date } {
  const expired = now.getTime() - new Date(row.windowStartedAt).getTime() >= windowSeconds * 1000;
  return expired ? { attempts: 0, windowStartedAt: now } : { attempts: row.attempts, windowStartedAt: new Date(row.windowStartedAt) };
}

async function store(tx: Queryable, key: string, values: { attempts: number; windowStartedAt: Date; nextAllowedAt?: Date }): Promise<void> {
  await tx.query(`UPDATE login_throttle SET attempts = $2, window_started_at = $3, next_allowed_at = COALESCE($4, next_allowed_at) WHERE key_hash = $1`, [
    key,
    values.attempts,
    values.windowStartedAt,
    values.nextAllowedAt ?? null,
  ]);
}

export class Throttled extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    readonly reason: 'pair' | 'address' | 'account' | 'factor' | 'budget',
    detail = `Te veel pogingen. Probeer het over ${retryText(retryAfterSeconds)} opnieuw.`,
  ) {
    super('tooManyRequests', detail);
  }
}

export function retryText(seconds: number): string {
  if (seconds < 60) return `${seconds} seconden`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minuut' : `${minutes} minuten`;
}

export interface Reservation {
  /** Failures on this account over all addresses in the window, before this attempt. */
  underAttack: boolean;
  /** This address logged in to this account before (within KNOWN_ADDRESS_DAYS). */
  knownAddress: boolean;
}

/**
 * Takes the right to check one password, or throws Throttled. Lock order is always pair → address →
 * account, so two attempts never wait on each other in a circle.
 */
export function reservePasswordCheck(db: Db, keys: LoginKeys, now: Date): Promise<Reservation> {
  return db.transaction(async (tx) => {
    const pair = await lockCounter(tx, keys.pair, now);
    // A day without tries from there forgives the old failures.
    if (now.getTime() - new Date(pair.nextAllowedAt).getTime() > PAIR_FORGET_MS) pair.attempts = 0;
    if (new Date(pair.nextAllowedAt) > now) throw new Throttled(secondsBetween(now, new Date(pair.nextAllowedAt)), 'pair');
    const address = inWindow(await lockCounter(tx, keys.address, now), now, WINDOW_SECONDS);
    if (address.attempts >= ADDRESS_MAX_ATTEMPTS) {
      throw new Throttled(secondsBetween(now, new Date(address.windowStartedAt.getTime() + WINDOW_SECONDS * 1000)), 'address');
    }
    const account = inWindow(await lockCounter(tx, keys.account, now), now, WINDOW_SECONDS);
    const failures = pair.attempts + 1;
    await store(tx, keys.pair, { attempts: failures, windowStartedAt: now, nextAllowedAt: new Date(now.getTime() + pairDelaySeconds(failures) * 1000) });
    await store(tx, keys.address, { attempts: address.attempts + 1, windowStartedAt: address.windowStartedAt });
    await store(tx, keys.account, { attempts: account.attempts + 1, windowStartedAt: account.windowStartedAt });
    const knownSince = now.getTime() - KNOWN_ADDRESS_DAYS * 24 * 3600 * 1000;
    return {
      underAttack: account.attempts >= ACCOUNT_SOFT_LIMIT,
      knownAddress: pair.lastSuccessAt !== null && new Date(pair.lastSuccessAt).getTime() > knownSince,
    };
  });
}

/** The password was right: the pair starts afresh (and becomes known); the attempt is given back. */
export async function passwordSucceeded(q: Queryable, keys: LoginKeys, now: Date): Promise<void> {
  await q.query(`UPDATE login_throttle SET attempts = 0, next_allowed_at = $2, last_success_at = $2 WHERE key_hash = $1`, [keys.pair, now]);
  await q.query(`UPDATE login_throttle SET attempts = GREATEST(attempts - 1, 0) WHERE key_hash = ANY($1::text[])`, [[keys.address, keys.account]]);
}

/**
 * Keeps the table small without a scheduler: each good login removes up to 100 rows that no rule
 * reads any more (no window, delay or known address in force). A bounded piece of work per login, run
 * on its own after the login's transaction; rows another attempt holds are skipped, never waited for.
 */
export async function sweepStale(q: Queryable, now: Date): Promise<void> {
  const day = new Date(now.getTime() - PAIR_FORGET_MS);
  const known = new Date(now.getTime() - KNOWN_ADDRESS_DAYS * PAIR_FORGET_MS);
  await q.query(
    `DELETE FROM login_throttle WHERE key_hash IN (
       SELECT key_hash FROM login_throttle
       WHERE window_started_at < $1 AND next_allowed_at < $1 AND (last_success_at IS NULL OR last_success_at < $2)
       LIMIT 100 FOR UPDATE SKIP LOCKED)`,
    [day, known],
  );
}

/**
 * A plain fixed-window budget for one key (second-factor codes, reset mails, BSN conflicts): takes one
 * unit or throws Throttled when `max` were taken in the window.
 */
export function takeBudget(db: Db, key: string, now: Date, windowSeconds: number, max: number, reason: Throttled['reason'] = 'budget'): Promise<void> {
  return db.transaction(async (tx) => {
    const row = inWindow(await lockCounter(tx, key, now), now, windowSeconds);
    if (row.attempts >= max) throw new Throttled(secondsBetween(now, new Date(row.windowStartedAt.getTime() + windowSeconds * 1000)), reason);
    await store(tx, key, { attempts: row.attempts + 1, windowStartedAt: row.windowStartedAt });
  });
}

/** Whether a budget is used up, without taking from it. */
export async function budgetExhausted(q: Queryable, key: string, now: Date, windowSeconds: number, max: number): Promise<boolean> {
  const rows = await q.query<{ attempts: number; windowStartedAt: Date }>(`SELECT attempts, window_started_at AS "windowStartedAt" FROM login_throttle WHERE key_hash = $1`, [key]);
  const row = rows[0];
  if (row === undefined) return false;
  return now.getTime() - new Date(row.windowStartedAt).getTime() < windowSeconds * 1000 && row.attempts >= max;
}

/** Gives one unit back (the code was right). */
export async function giveBack(q: Queryable, key: string): Promise<void> {
  await q.query(`UPDATE login_throttle SET attempts = GREATEST(attempts - 1, 0) WHERE key_hash = $1`, [key]);
}
