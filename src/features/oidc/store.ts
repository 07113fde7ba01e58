// SQL of the OpenID Connect login. The look-ups here run before anyone is logged in, so they carry no
// access scope: they find the one account the identity provider vouched for, and nothing else.
import { randomUUID } from 'node:crypto';
import type { VerifiedUser } from '../../platform/access.js';
import type { Queryable, Tx } from '../../platform/db.js';
import { hashPassword } from '../sessions/service.js';
import { randomToken } from '../../platform/crypto.js';
import type { ProviderName } from './clients.js';

export async function saveLoginTransaction(q: Queryable, t: { idHash: string; provider: ProviderName; secretsEncrypted: string; now: Date; expiresAt: Date }): Promise<void> {
  // Abandoned logins are cleared by the next one (the index on expires_at keeps this cheap).
  await q.query('DELETE FROM oidc_login WHERE expires_at <= $1', [t.now]);
  await q.query('INSERT INTO oidc_login (id_hash, provider, secrets_encrypted, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [t.idHash, t.provider, t.secretsEncrypted, t.now, t.expiresAt]);
}

/** Takes (deletes) the login transaction: one atomic statement, so two callbacks cannot both use it. */
export async function takeLoginTransaction(q: Queryable, idHash: string, provider: ProviderName, now: Date): Promise<string | undefined> {
  const rows = await q.query<{ secrets: string; expiresAt: Date }>(
    'DELETE FROM oidc_login WHERE id_hash = $1 AND provider = $2 RETURNING secrets_encrypted AS secrets, expires_at AS "expiresAt"',
    [idHash, provider],
  );
  const row = rows[0];
  return row !== undefined && new Date(row.expiresAt) > now ? row.secrets : undefined;
}

const USER = `id, name, email, role, municipality_id AS "municipalityId", provider_id AS "providerId", region_id AS "regionId",
  participant_id AS "participantId", '' AS "organisationName"`;

/**
 * A professional's account: not a participant, not a provider system's key user, not ended. An account
 * tied to an identity provider subject (issue #17) is found by that subject only; any other by e-mail.
 */
export async function findStaffUser(q: Queryable, email: string | undefined, subject: string | undefined): Promise<VerifiedUser | undefined> {
  const rows = await q.query<VerifiedUser>(
    `SELECT ${USER} FROM app_user
      WHERE role NOT IN ('participant', 'providerSystem') AND ended_at IS NULL
        AND ((idp_subject IS NOT NULL AND idp_subject = $2) OR (idp_subject IS NULL AND lower(email) = lower($1)))
      ORDER BY (idp_subject IS NULL) LIMIT 1`,
    [email ?? null, subject ?? null],
  );
  return rows[0];
}

export async function findParticipantByBsnHash(q: Queryable, bsnHash: string): Promise<{ id: string; municipalityId: string } | undefined> {
  const rows = await q.query<{ id: string; municipalityId: string }>('SELECT id, municipality_id AS "municipalityId" FROM participant WHERE bsn_hash = $1', [bsnHash]);
  return rows[0];
}

/**
 * The participant's own account, made on the first DigiD login when the municipality registered the
 * participant but no account exists yet: DigiD has proven who this is, and a participant expects
 * "log in with DigiD" to simply work. The account gets no usable password (a random one, hashed, never
 * shown) and an address under .invalid, so it is reachable through DigiD only. The participant row is
 * locked first, so two first logins at once make one account.
 */
export async function participantUser(tx: Tx, participantId: string, now: Date): Promise<{ user: VerifiedUser; created: boolean }> {
  await tx.query('SELECT 1 FROM participant WHERE id = $1 FOR UPDATE', [participantId]);
  const existing = await tx.query<VerifiedUser>(`SELECT ${USER} FROM app_user WHERE participant_id = $1 AND role = 'participant' ORDER BY created_at, id LIMIT 1`, [participantId]);
  if (existing[0] !== undefined) return { user: existing[0], created: false };
  const id = randomUUID();
  const rows = await tx.query<VerifiedUser>(
    `INSERT INTO app_user (id, email, name, password_hash, role, participant_id, created_at)
     SELECT $1, $2, p.given_name || ' ' || p.family_name, $3, 'participant', p.id, $4 FROM participant p WHERE p.id = $5
     RETURNING ${USER}`,
    [id, `digid+${id}@koers.invalid`, await hashPassword(randomToken(32)), now, participantId],
  );
  if (rows[0] === undefined) throw new Error('participant vanished during login');
  return { user: rows[0], created: true };
}
