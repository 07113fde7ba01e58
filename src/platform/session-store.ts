// Sessions live in the database so any number of app instances can serve a user (ARCHITECTURE §2.10).
// The cookie carries a random token; only its SHA-256 is stored, so a database leak yields no sessions.
import type { VerifiedUser } from './access.js';
import { randomToken, sha256 } from './crypto.js';
import type { Queryable } from './db.js';

export const SESSION_COOKIE = 'koers_session';
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

export async function createSession(q: Queryable, userId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await q.query('INSERT INTO app_session (id_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [sha256(token), userId, now, expiresAt]);
  return { token, expiresAt };
}

export async function deleteSession(q: Queryable, token: string): Promise<void> {
  await q.query('DELETE FROM app_session WHERE id_hash = $1', [sha256(token)]);
}

const USER_COLUMNS = `u.id, u.name, u.email, u.role, u.municipality_id AS "municipalityId", u.provider_id AS "providerId",
  u.region_id AS "regionId", u.participant_id AS "participantId",
  COALESCE(m.name, pr.name, rg.name, CASE WHEN u.role = 'admin' THEN 'Functioneel beheer' END, pp.given_name || ' ' || pp.family_name, '') AS "organisationName"`;
const USER_JOINS = `LEFT JOIN municipality m ON m.id = u.municipality_id
  LEFT JOIN provider pr ON pr.id = u.provider_id
  LEFT JOIN region rg ON rg.id = u.region_id
  LEFT JOIN participant pp ON pp.id = u.participant_id AND u.role = 'participant'`;

/** The user behind a live session token, or undefined. */
export async function findSessionUser(q: Queryable, token: string, now: Date): Promise<VerifiedUser | undefined> {
  const rows = await q.query<VerifiedUser & Record<string, unknown>>(
    `SELECT ${USER_COLUMNS} FROM app_session s JOIN app_user u ON u.id = s.user_id ${USER_JOINS}
     WHERE s.id_hash = $1 AND s.expires_at > $2`,
    [sha256(token), now],
  );
  return rows[0];
}

export async function findUserByEmail(q: Queryable, email: string): Promise<(VerifiedUser & { passwordHash: string }) | undefined> {
  const rows = await q.query<VerifiedUser & { passwordHash: string }>(
    // A provider system's technical user never logs in with a password (it has an API key).
    `SELECT ${USER_COLUMNS}, u.password_hash AS "passwordHash" FROM app_user u ${USER_JOINS} WHERE lower(u.email) = lower($1) AND u.role <> 'providerSystem'`,
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
  );
  return rows[0];
}
