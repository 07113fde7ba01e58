// Which referral governs a participant's attendance (R-CON-10): the latest placement in a group says
// which referral, and so which contract version and norm. Read here, by the groups feature that owns
// placements and attendance, for the screens and for the absence signals (src/features/signals/raisers/absence.ts).
import { DEFAULT_NORM_PERCENT } from '../../domain/attendance.js';
import type { AbsenceProtocol } from '../../domain/contract.js';
import { versionOf, type ContractRegistry } from '../../platform/contracts.js';
import type { Queryable } from '../../platform/db.js';
import type { AbsenceFacts } from '../signals/raisers/absence.js';
import { unsafeAttendanceFacts } from './store.js';

interface Placement {
  municipalityId: string;
  providerId: string;
  productCode: string;
  contractId: string;
  contractVersion: number;
}

/** The participant's latest placement says which referral, and so which contract version, governs. */
export async function governingPlacement(tx: Queryable, participantId: string): Promise<Placement | undefined> {
  const rows = await tx.query<Placement>(
    `SELECT r.municipality_id AS "municipalityId", r.provider_id AS "providerId", r.product_code AS "productCode",
       r.contract_id AS "contractId", r.contract_version AS "contractVersion"
     FROM group_member gm JOIN referral r ON r.id = gm.referral_id
     WHERE gm.participant_id = $1 ORDER BY gm.member_from DESC, gm.created_at DESC LIMIT 1`,
    [participantId],
  );
  return rows[0];
}

/** The absence protocol of a contract version, if it has one (R-CON-7). */
export function absenceProtocolOf(contracts: ContractRegistry, contractId: string, contractVersion: number): AbsenceProtocol | undefined {
  return versionOf(contracts, { contractId, contractVersion })?.absenceProtocol;
}

/** R-ATT-3: the norm that governs this participant — its contract's, else 001 §2.3.1's 80%. */
export async function normPercentOf(tx: Queryable, contracts: ContractRegistry, participantId: string): Promise<number> {
  const placement = await governingPlacement(tx, participantId);
  const protocol = placement === undefined ? undefined : absenceProtocolOf(contracts, placement.contractId, placement.contractVersion);
  return protocol?.normPercent ?? DEFAULT_NORM_PERCENT;
}

/** Every contract version's norm, for SQL that applies the norm per participant (attendance-rates). */
export function contractNorms(contracts: ContractRegistry): { contractId: string; version: number; normPercent: number }[] {
  return contracts.contracts.flatMap((c) =>
    c.versions.flatMap((v) => (v.absenceProtocol === undefined ? [] : [{ contractId: c.id, version: v.version, normPercent: v.absenceProtocol.normPercent }])),
  );
}

/** What the absence rules need of one participant; undefined without a placement (no signals then). */
export async function absenceFactsOf(tx: Queryable, contracts: ContractRegistry, participantId: string): Promise<AbsenceFacts | undefined> {
  const placement = await governingPlacement(tx, participantId);
  if (placement === undefined) return undefined;
  const protocol = absenceProtocolOf(contracts, placement.contractId, placement.contractVersion);
  // A contract without an absence protocol configures no absence signals (R-CON-7): no facts to read.
  const facts = protocol === undefined ? [] : await unsafeAttendanceFacts(tx, participantId);
  const { municipalityId, providerId, productCode } = placement;
  return { participantId, placement: { municipalityId, providerId, productCode }, protocol, facts };
}
