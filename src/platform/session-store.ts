// Sessions live in the database so any number of app instances can serve a user (ARCHITECTURE §2.10).
// The cookie carries a random token; only its SHA-256 is stored, so a database leak yields no sessions.
// Issue #9: a session has a stage (a login waiting for its second factor or for enrolment is not a
// working session) and an idle timeout (ASVS 7.3.1): unused for its idle time, it has expired. The
// last use is written at most once a minute, so a busy user does not cost a write per request.
import type { VerifiedUser } from './access.js';
import { randomToken, sha256 } from './crypto.js';
import type { Queryable } from './db.js';
import { forgetSession, forgetUserSessions } from './session-cache.js';

export const SESSION_COOKIE = 'koers_session';
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
export const DEFAULT_IDLE_MINUTES = 30;
/** A login waiting for its code lives five minutes; one waiting for enrolment a quarter of an hour. */
const PENDING_TTL_MS = { secondFactor: 5 * 60 * 1000, enrol: 15 * 60 * 1000 } as const;
/** How often a session's last use is written; also how long the session cache may serve a session unwritten. */
export const TOUCH_AFTER_MS = 60 * 1000;

export type SessionStage = 'full' | 'secondFactor' | 'enrol';

export async function createSession(
  q: Queryable,
  userId: string,
  now: Date,
  options: { stage?: SessionStage; idleMinutes?: number } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const stage = options.stage ?? 'full';
  const expiresAt = new Date(now.getTime() + (stage === 'full' ? SESSION_TTL_MS : PENDING_TTL_MS[stage]));
  const idleSeconds = Math.round((options.idleMinutes ?? DEFAULT_IDLE_MINUTES) * 60);
  await q.query(
    'INSERT INTO app_session (id_hash, user_id, created_at, expires_at, stage, last_seen_at, idle_timeout_seconds) VALUES ($1, $2, $3, $4, $5, $3, $6)',
    [sha256(token), userId, now, expiresAt, stage, idleSeconds],
  );
  // Issue #17: the administrator's list shows when a password or identity provider was last accepted.
  await q.query('UPDATE app_user SET last_login_at = $2 WHERE id = $1', [userId, now]);
  return { token, expiresAt };
}

export async function deleteSession(q: Queryable, token: string): Promise<void> {
  await q.query('DELETE FROM app_session WHERE id_hash = $1', [sha256(token)]);
  forgetSession(token);
}

/** Ends every session of a user except the one with the given token (password change or reset). */
export async function deleteOtherSessions(q: Queryable, userId: string, keepToken?: string): Promise<void> {
  await q.query('DELETE FROM app_session WHERE user_id = $1 AND id_hash <> $2', [userId, keepToken === undefined ? '' : sha256(keepToken)]);
  forgetUserSessions(userId, keepToken);
}

/** A pending login (waiting for its second factor or enrolment), or undefined. */
export async function findPendingSession(q: Queryable, token: string, now: Date): Promise<{ userId: string; stage: Exclude<SessionStage, 'full'>; factorAttempts: number } | undefined> {
  const rows = await q.query<{ userId: string; stage: Exclude<SessionStage, 'full'>; factorAttempts: number }>(
    `SELECT user_id AS "userId", stage, factor_attempts AS "factorAttempts" FROM app_session WHERE id_hash = $1 AND stage <> 'full' AND expires_at > $2`,
    [sha256(token), now],
  );
  return rows[0];
}

/** Counts one wrong code on a pending login; false when that was its last try (the login is then gone). */
export async function countFactorAttempt(q: Queryable, token: string, max: number): Promise<boolean> {
  const rows = await q.query<{ n: number }>('UPDATE app_session SET factor_attempts = factor_attempts + 1 WHERE id_hash = $1 RETURNING factor_attempts AS n', [sha256(token)]);
  const left = (rows[0]?.n ?? max) < max;
  if (!left) await deleteSession(q, token);
  return left;
}

const USER_COLUMNS = `u.id, u.name, u.email, u.role, u.municipality_id AS "municipalityId", u.provider_id AS "providerId",
  u.region_id AS "regionId", u.participant_id AS "participantId",
  COALESCE(m.name, pr.name, rg.name, CASE WHEN u.role = 'admin' THEN 'Functioneel beheer' END, pp.given_name || ' ' || pp.family_name, '') AS "organisationName"`;
const USER_JOINS = `LEFT JOIN municipality m ON m.id = u.municipality_id
  LEFT JOIN provider pr ON pr.id = u.provider_id
  LEFT JOIN region rg ON rg.id = u.region_id
  LEFT JOIN participant pp ON pp.id = u.participant_id AND u.role = 'participant'`;

const SESSION_USER = `SELECT ${USER_COLUMNS}, s.last_seen_at AS "lastSeenAt" FROM app_session s JOIN app_user u ON u.id = s.user_id ${USER_JOINS}
     WHERE s.id_hash = $1 AND s.stage = 'full' AND s.expires_at > $2 AND u.ended_at IS NULL AND s.last_seen_at > $2 - make_interval(secs => s.idle_timeout_seconds)`;

export type SessionUserRow = VerifiedUser & { lastSeenAt: Date };

/**
 * The statement that finds a live session's user: findSessionUser's, and the check a request served from
 * the session cache sends with its transaction's first statement (session-cache.ts). Prepared: every
 * request asks it, and its six-table join is planned once per connection (issue #16).
 */
export function sessionUserStatement(token: string, now: Date): { text: string; params: unknown[] } {
  return { text: SESSION_USER, params: [sha256(token), now] };
}

// The cache's check also marks the session as used when its last use, as written, is a minute old: the cache
// holds an entry only while its own copy is younger than that, but the row is the truth (another instance,
// or a test, may have written it since).
const SESSION_CHECK = `WITH s AS (${SESSION_USER}),
  touched AS (UPDATE app_session SET last_seen_at = GREATEST(last_seen_at, $2) WHERE id_hash = $1 AND EXISTS (SELECT 1 FROM s)
    AND last_seen_at <= $2 - make_interval(secs => $3) RETURNING 1)
  SELECT * FROM s`;

/** The session cache's check of a session (session-cache.ts): findSessionUser's lookup, and its touch when due. */
export function sessionCheckStatement(token: string, now: Date): { text: string; params: unknown[] } {
  return { text: SESSION_CHECK, params: [sha256(token), now, TOUCH_AFTER_MS / 1000] };
}

/** The user behind a live, working session token, or undefined, with when the session was last used. Marks it as used. */
export async function findSessionUserSeen(q: Queryable, token: string, now: Date): Promise<{ user: VerifiedUser; lastSeenAt: Date } | undefined> {
  const statement = sessionUserStatement(token, now);
  const rows = await q.query<SessionUserRow & Record<string, unknown>>(statement.text, statement.params, { prepare: true });
  const row = rows[0];
  if (row === undefined) return undefined;
  let lastSeenAt = new Date(row.lastSeenAt);
  if (now.getTime() - lastSeenAt.getTime() >= TOUCH_AFTER_MS) {
    await q.query('UPDATE app_session SET last_seen_at = GREATEST(last_seen_at, $2) WHERE id_hash = $1', [sha256(token), now], { prepare: true });
    lastSeenAt = now;
  }
  const { lastSeenAt: _seen, ...user } = row;
  return { user, lastSeenAt };
}

/** The user behind a live, working session token, or undefined. Marks the session as used. */
export async function findSessionUser(q: Queryable, token: string, now: Date): Promise<VerifiedUser | undefined> {
  return (await findSessionUserSeen(q, token, now))?.user;
}

export async function findUserByEmail(q: Queryable, email: string): Promise<(VerifiedUser & { passwordHash: string }) | undefined> {
  const rows = await q.query<VerifiedUser & { passwordHash: string }>(
    // A provider system's technical user never logs in with a password (it has an API key).
    `SELECT ${USER_COLUMNS}, u.password_hash AS "passwordHash" FROM app_user u ${USER_JOINS} WHERE lower(u.email) = lower($1) AND u.role <> 'providerSystem' AND u.ended_at IS NULL`,
    [email],
  );
  return rows[0];
}

/** The technical user behind a live (not revoked) API key, or undefined. Marks the key as used. */
export async function findApiKeyUser(q: Queryable, key: string, now: Date): Promise<VerifiedUser | undefined> {
  const rows = await q.query<VerifiedUser & Record<string, unknown>>(
    `UPDATE api_key k SET last_used_at = $2 FROM app_user u ${USER_JOINS}
     WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND u.id = k.user_id AND u.role = 'providerSystem'
     RETURNING ${USER_COLUMNS}`,
    [sha256(key), now],
    { prepare: true },
  );
  return rows[0];
}

/** The user of a pending login (by id), or undefined. */
export async function findUserById(q: Queryable, id: string): Promise<(VerifiedUser & { passwordHash: string }) | undefined> {
  const rows = await q.query<VerifiedUser & { passwordHash: string }>(
    `SELECT ${USER_COLUMNS}, u.password_hash AS "passwordHash" FROM app_user u ${USER_JOINS} WHERE u.id = $1 AND u.role <> 'providerSystem' AND u.ended_at IS NULL`,
    [id],
  );
  return rows[0];
}
