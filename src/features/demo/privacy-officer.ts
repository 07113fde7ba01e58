// Issue #17 (R-SEC-2): Hoorn's privacy officer in the demo, who answers a resident's access request from
// the audit log (/logboek). Its own seeded stream, so the generator's rows stay as they were.
import type { Tx } from '../../platform/db.js';
import { organisationId } from '../organisations/store.js';
import { DEMO_PRIVACY_OFFICER } from './accounts.js';
import { seededRandom, seededUuid } from './seeded.js';

export async function loadDemoPrivacyOfficer(tx: Tx, seed: number, passwordHash: string): Promise<void> {
  const id = seededUuid(seededRandom(seed + 17));
  await tx.query(`INSERT INTO app_user (id, email, name, password_hash, role, municipality_id) VALUES ($1, $2, $3, $4, 'privacyOfficer', $5)`, [
    id,
    DEMO_PRIVACY_OFFICER.email,
    DEMO_PRIVACY_OFFICER.name,
    passwordHash,
    organisationId('municipality', DEMO_PRIVACY_OFFICER.organisation),
  ]);
}
