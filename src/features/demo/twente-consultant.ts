// Issue #14 (R-QLT-3; 003 art. 4.4, 15): Enschede's consultant in the demo, with a few participants of
// its own, so the Twente covenant's exclusion can be seen where it matters — the referral form. NT2
// Centrum Oost is contracted for Enschede's one product (contracts/twente.yaml) but excluded from the
// covenant (quality-register.ts), so the form names it as not to be chosen, with the reason; the two
// participants referred to it before the exclusion keep their route, and their consultant is signalled
// to advise a switch. One participant learns at Taalschool Twente and one is registered, not referred.
// Its own seeded stream (seed + 18), so the rows of the other demo modules stay as they were.
import { addCalendarDays } from '../../domain/calendar.js';
import type { IsoDate } from '../../domain/iso-date.js';
import { lastFourOfBsn } from '../../domain/bsn.js';
import { planReferral } from '../../domain/referral.js';
import type { Crypto } from '../../platform/crypto.js';
import { type ContractRegistry, versionsInForce } from '../../platform/contracts.js';
import type { Tx } from '../../platform/db.js';
import { organisationId } from '../organisations/store.js';
import { DEMO_TWENTE_CONSULTANT } from './accounts.js';
import { seededRandom, seededUuid } from './seeded.js';
import { unusedBsn } from './rows.js';

const MUNICIPALITY = 'enschede';
const PRODUCT = 'inburgering_language';

/** [given name, family name, provider code or null (not referred), days ago registered and referred]. */
export const DEMO_TWENTE_PARTICIPANTS = [
  ['Hamid', 'Rahimi', 'nt2-centrum-oost', 300],
  ['Selam', 'Tesfay', 'nt2-centrum-oost', 240],
  ['Olena', 'Kovalenko', 'taalschool-twente', 60],
  ['Yusuf', 'Demir', null, 5],
] as const;

/** Loads the consultant and its participants; returns how many participants (0 without the Twente contract). */
export async function loadDemoTwenteConsultant(tx: Tx, crypto: Crypto, contracts: ContractRegistry, today: IsoDate, seed: number, passwordHash: string): Promise<number> {
  const contract = contracts.byId('twente');
  if (contract === undefined || !contract.municipalities.some((m) => m.code === MUNICIPALITY)) return 0;
  const rand = seededRandom(seed + 18);
  const consultant = seededUuid(rand);
  const municipalityId = organisationId('municipality', MUNICIPALITY);
  await tx.query(`INSERT INTO app_user (id, email, name, password_hash, role, municipality_id) VALUES ($1, $2, $3, $4, 'consultant', $5)`, [
    consultant, DEMO_TWENTE_CONSULTANT.email, DEMO_TWENTE_CONSULTANT.name, passwordHash, municipalityId,
  ]);
  for (const [i, [given, family, provider, daysAgo]] of DEMO_TWENTE_PARTICIPANTS.entries()) {
    const id = seededUuid(rand);
    const bsn = await unusedBsn(tx, crypto, rand);
    const on = addCalendarDays(today, -daysAgo);
    const at = new Date(`${on}T09:00:00Z`);
    await tx.query(
      `INSERT INTO participant (id, municipality_id, bsn_encrypted, bsn_hash, bsn_last_four, given_name, family_name, date_of_birth, gender,
         country_of_birth, route, client_number, duty_start_date, duty_end_date, impeding_health, impeding_justice, impeding_finances, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'b1', $11, $12, $13, false, false, false, $14, $15)`,
      [id, municipalityId, crypto.encrypt(bsn), crypto.keyedHash('bsn', bsn), lastFourOfBsn(bsn), given, family, `${String(1980 + i * 4)}-0${String(i + 3)}-1${String(i)}`,
        i % 2 === 0 ? 'male' : 'female', ['Afghanistan', 'Eritrea', 'Oekraïne', 'Turkije'][i], `ENS-${String(20001 + i)}`, on, addCalendarDays(on, 3 * 365), at, consultant],
    );
    if (provider === null) continue;
    const decision = planReferral(versionsInForce(contracts, MUNICIPALITY, on), { municipalityCode: MUNICIPALITY, providerCode: provider, productCode: PRODUCT, referredOn: on });
    if (!decision.ok) throw new Error(`demo referral to ${provider} refused: ${decision.refusal.reason}`);
    const ack = addCalendarDays(on, 2);
    const referral = seededUuid(rand);
    const providerId = organisationId('provider', provider);
    await tx.query(
      `INSERT INTO referral (id, municipality_id, participant_id, provider_id, product_code, contract_id, contract_version, status,
         referred_on, referred_at, referred_by, acknowledgement_due_date, acknowledged_at, acknowledged_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'acknowledged', $8, $9, $10, $11, $12, $13)`,
      [referral, municipalityId, id, providerId, PRODUCT, decision.plan.contractId, decision.plan.contractVersion, on, new Date(`${on}T10:00:00Z`), consultant,
        decision.plan.acknowledgementDueDate, new Date(`${ack}T11:00:00Z`), ack],
    );
    const coordinator = (await tx.query<{ id: string }>(`SELECT min(id::text) AS id FROM app_user WHERE provider_id = $1 AND role = 'providerCoordinator'`, [providerId]))[0]?.id ?? consultant;
    for (const [type, day, actor] of [['referred', on, consultant], ['acknowledged', ack, coordinator]] as const) {
      await tx.query(
        `INSERT INTO referral_event (id, referral_id, municipality_id, type, occurred_on, occurred_at, actor_user_id, details) VALUES ($1, $2, $3, $4, $5, $6, $7, '{}'::jsonb)`,
        [seededUuid(rand), referral, municipalityId, type, day, new Date(`${day}T${type === 'referred' ? '10' : '11'}:00:00Z`), actor],
      );
    }
  }
  return DEMO_TWENTE_PARTICIPANTS.length;
}
