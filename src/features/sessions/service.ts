// Login and logout (issue #2 item 4; issue #9 holes 2 and 9): argon2id hashes, database sessions, a
// throttle that holds across app instances and cannot be used to lock the owner out
// (./throttle.ts, docs/security.md), and a second step for users with a second factor.
import { hash, verify } from '@node-rs/argon2';
import { afterRightPassword } from '../../domain/login-throttle.js';
import type { RequestContext, Role, TraceInfo, VerifiedUser } from '../../platform/access.js';
import { contextFor, roleHasPermission } from '../../platform/access.js';
import { recordAudit, type AuditOperation } from '../../platform/audit.js';
import type { Crypto } from '../../platform/crypto.js';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { createSession, findUserByEmail } from '../../platform/session-store.js';
import { PERMISSIONS, type SessionUser } from './schemas.js';
import { loginKeys, passwordSucceeded, reservePasswordCheck, sweepStale, Throttled } from './throttle.js';

export interface SessionDeps {
  db: Db;
  crypto: Crypto;
  mfaRoles?: readonly Role[] | undefined;
  sessionIdleMinutes?: number | undefined;
}

// Verifying against a fixed hash when the e-mail is unknown keeps both paths equally slow.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hash('koers-no-such-user');
  return dummyHash;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

export function toSessionUser(ctx: RequestContext): SessionUser {
  return {
    id: ctx.actor.userId,
    name: ctx.actor.name,
    email: ctx.actor.email,
    role: ctx.actor.role,
    organisation: { id: ctx.organisation.id, kind: ctx.organisation.kind, name: ctx.organisation.name },
    permissions: PERMISSIONS.filter((permission) => roleHasPermission(ctx.actor.role, permission)),
  };
}

/** A user's context for audit lines and the answer (no scope decision is taken from it here). */
export function contextOf(user: VerifiedUser, trace: TraceInfo): RequestContext {
  const ctx = contextFor(user, trace);
  if (ctx === undefined) throw new AppError('unauthenticated', 'Dit account kan niet inloggen.');
  return ctx;
}

/**
 * One audit line about authentication. It has no data subject (no participant's data is processed);
 * the account concerned is the object, and the actor only once the person is known to be the owner.
 */
export async function auditAuth(
  q: Queryable,
  crypto: Crypto,
  trace: TraceInfo,
  entry: { name: AuditOperation; status: 'ok' | 'error'; userId?: string | undefined; actor?: RequestContext | undefined; summary?: string },
): Promise<void> {
  await recordAudit(q, crypto, { trace, actor: entry.actor?.actor, organisation: entry.actor?.organisation }, {
    name: entry.name,
    status: entry.status,
    subjects: [],
    objectType: 'account',
    ...(entry.userId !== undefined ? { objectId: entry.userId } : {}),
    ...(entry.summary !== undefined ? { summary: entry.summary } : {}),
  });
}

export function factorRequired(deps: Pick<SessionDeps, 'mfaRoles'>, role: string): boolean {
  return (deps.mfaRoles ?? []).includes(role as Role);
}

export async function hasSecondFactor(q: Queryable, userId: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM second_factor WHERE user_id = $1', [userId])).length > 0;
}

export type LoginOutcome =
  | { kind: 'session'; token: string; expiresAt: Date; user: SessionUser }
  | { kind: 'secondFactor' | 'enrol'; token: string; expiresAt: Date };

export async function logIn(deps: SessionDeps, input: { email: string; password: string; address: string; now: Date; trace: TraceInfo }): Promise<LoginOutcome> {
  const keys = loginKeys(deps.crypto, input.email, input.address);
  let reservation;
  try {
    reservation = await reservePasswordCheck(deps.db, keys, input.now);
  } catch (err) {
    if (err instanceof Throttled) await auditAuth(deps.db, deps.crypto, input.trace, { name: 'login.throttled', status: 'error', summary: `limit: ${err.reason}` });
    throw err;
  }
  const user = await findUserByEmail(deps.db, input.email);
  const ok = await verify(user?.passwordHash ?? (await getDummyHash()), input.password);
  if (!ok || user === undefined) {
    // The line an auditor (and test/login-throttle.int.test.ts) counts: one per password checked and refused.
    await auditAuth(deps.db, deps.crypto, input.trace, { name: 'login.failed', status: 'error', userId: user?.id, summary: user === undefined ? 'unknown account' : 'wrong password' });
    throw new AppError('unauthenticated', 'E-mailadres of wachtwoord klopt niet.');
  }
  const ctx = contextOf(user, input.trace);
  const outcome = afterRightPassword({
    hasFactor: await hasSecondFactor(deps.db, user.id),
    factorRequired: factorRequired(deps, ctx.actor.role),
    underAttack: reservation.underAttack,
    knownAddress: reservation.knownAddress,
  });
  if (outcome === 'waitUnderAttack') {
    // The attempt stays counted: from this address the account is not opened until the window passes.
    await auditAuth(deps.db, deps.crypto, input.trace, { name: 'login.throttled', status: 'error', userId: user.id, actor: ctx, summary: 'account under attack, unknown address' });
    throw new Throttled(15 * 60, 'account', 'Er zijn veel mislukte pogingen op dit account. Log in vanaf een adres dat u eerder gebruikte, of probeer het over een kwartier opnieuw.');
  }
  const result = await deps.db.transaction(async (tx): Promise<LoginOutcome> => {
    await passwordSucceeded(tx, keys, input.now);
    if (outcome !== 'session') {
      const pending = await createSession(tx, user.id, input.now, { stage: outcome });
      await auditAuth(tx, deps.crypto, input.trace, { name: 'login.succeeded', status: 'ok', userId: user.id, actor: ctx, summary: `password; ${outcome === 'enrol' ? 'second factor to be set up' : 'second factor owed'}` });
      return { kind: outcome, ...pending };
    }
    const session = await createSession(tx, user.id, input.now, { idleMinutes: deps.sessionIdleMinutes });
    await auditAuth(tx, deps.crypto, input.trace, { name: 'login.succeeded', status: 'ok', userId: user.id, actor: ctx, summary: 'password' });
    return { kind: 'session', ...session, user: toSessionUser(ctx) };
  });
  await sweepStale(deps.db, input.now);
  return result;
}
