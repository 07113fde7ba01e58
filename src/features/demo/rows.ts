// What the demo modules that add their own participants and referrals share (invoicing.ts,
// participation.ts): a BSN not in use yet, and the columns of the rows they insert with insertBatch.
import { generateValidBsn } from '../../domain/bsn.js';
import type { Crypto } from '../../platform/crypto.js';
import type { Tx } from '../../platform/db.js';

/** A valid BSN that no participant has yet (the keyed hash is the lookup, never the BSN itself). */
export async function unusedBsn(tx: Tx, crypto: Crypto, rand: () => number): Promise<string> {
  for (;;) {
    const bsn = generateValidBsn(rand);
    if ((await tx.query(`SELECT 1 FROM participant WHERE bsn_hash = $1`, [crypto.keyedHash('bsn', bsn)])).length === 0) return bsn;
  }
}

export const PARTICIPANT_COLUMNS = [
  'id', 'municipality_id', 'bsn_encrypted', 'bsn_hash', 'bsn_last_four', 'given_name', 'family_name', 'date_of_birth', 'gender',
  'country_of_birth', 'route', 'client_number', 'duty_start_date', 'duty_end_date', 'impeding_health', 'impeding_justice',
  'impeding_finances', 'created_at', 'created_by',
];
export const REFERRAL_COLUMNS = [
  'id', 'municipality_id', 'participant_id', 'provider_id', 'product_code', 'contract_id', 'contract_version', 'status',
  'referred_on', 'referred_at', 'referred_by', 'acknowledgement_due_date', 'acknowledged_at', 'acknowledged_on',
  'lock_version', 'intake_date', 'intake_location', 'intake_held_on', 'regular_start_in_time', 'plan_version', 'plan_submitted_on',
  'plan_approved_on', 'plan_signed_on', 'started_on',
];
