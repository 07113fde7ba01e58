// A participant with a name, BSN and client number of the test's choosing, so that a body scan for them
// (test/complaints.int.test.ts, test/participant-escalation.int.test.ts) finds nothing by chance.
import { randomBytes, randomUUID } from 'node:crypto';
import { organisationId } from '../../src/features/organisations/store.js';
import type { TestKoers } from './koers.js';

export interface Named {
  given: string;
  family: string;
  bsn: string;
  clientNumber: string;
}

export async function aNamedParticipant(t: TestKoers, municipality: string, who: Named, createdBy: string): Promise<string> {
  const id = randomUUID();
  await t.koers.db.query(
    `INSERT INTO participant (id, municipality_id, bsn_encrypted, bsn_hash, bsn_last_four, given_name, family_name, date_of_birth, gender, route, client_number,
       impeding_health, impeding_justice, impeding_finances, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, '1990-01-01', 'unknown', 'b1', $8, false, false, false, now(), $9)`,
    [id, organisationId('municipality', municipality), t.koers.crypto.encrypt(who.bsn), randomBytes(16).toString('hex'), who.bsn.slice(-4), who.given, who.family, who.clientNumber, createdBy],
  );
  return id;
}
