// Login and logout (issue #2 item 4): argon2id hashes, database sessions, a login rate limit that
// holds across app instances because the failed attempts are counted in the database.
import { hash, verify } from '@node-rs/argon2';
import type { RequestContext } from '../../platform/access.js';
import { contextFor } from '../../platform/access.js';
import type { Crypto } from '../../platform/crypto.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { createSession, findUserByEmail } from '../../platform/session-store.js';
import type { SessionUser } from './schemas.js';

const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 50;

// Verifying against a fixed hash when the e-mail is unknown keeps both paths equally slow.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hash('koers-no-such-user');
  return dummyHash;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function toSessionUser(ctx: RequestContext): SessionUser {
  return {
    id: ctx.actor.userId,
    name: ctx.actor.name,
    email: ctx.actor.email,
    role: ctx.actor.role,
    organisation: { id: ctx.organisation.id, kind: ctx.organisation.kind, name: ctx.organisation.name },
  };
}

export async function logIn(
  deps: { db: Db; crypto: Crypto },
  input: { email: string; password: string; address: string; now: Date },
): Promise<{ token: string; expiresAt: Date; user: SessionUser }> {
  const emailKey = deps.crypto.keyedHash('login', `email:${input.email.toLowerCase()}`);
  const addressKey = deps.crypto.keyedHash('login', `address:${input.address}`);
  const since = new Date(input.now.getTime() - WINDOW_MS);
  const counts = await deps.db.query<{ email: number; address: number }>(
    `SELECT count(*) FILTER (WHERE key_hash = $1)::int AS email, count(*) FILTER (WHERE key_hash = $2)::int AS address
     FROM login_attempt WHERE key_hash IN ($1, $2) AND attempted_at > $3`,
    [emailKey, addressKey, since],
  );
  const c = counts[0] ?? { email: 0, address: 0 };
  if (c.email >= MAX_FAILURES_PER_EMAIL || c.address >= MAX_FAILURES_PER_ADDRESS) {
    throw new AppError('tooManyRequests', 'Te veel mislukte pogingen. Probeer het over een kwartier opnieuw.');
  }
  const user = await findUserByEmail(deps.db, input.email);
  const ok = await verify(user?.passwordHash ?? (await getDummyHash()), input.password);
  const ctx = ok && user !== undefined ? contextFor(user, { traceId: '', operationId: '', origin: 'login', startedAt: input.now }) : undefined;
  if (ctx === undefined) {
    await deps.db.query('INSERT INTO login_attempt (key_hash, attempted_at) VALUES ($1, $3), ($2, $3)', [emailKey, addressKey, input.now]);
    throw new AppError('unauthenticated', 'E-mailadres of wachtwoord klopt niet.');
  }
  const session = await deps.db.transaction(async (tx) => {
    await tx.query('DELETE FROM login_attempt WHERE key_hash = $1', [emailKey]);
    return createSession(tx, ctx.actor.userId, input.now);
  });
  return { ...session, user: toSessionUser(ctx) };
}
