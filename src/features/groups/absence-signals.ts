// Absence signals (R-ATT-4, R-CON-7): after attendance changes, in the same transaction, the pure
// rules of src/domain/attendance.ts run over the participant's facts under the absence protocol of the
// contract version its referral was made under (R-CON-10). Each (cause, participant, period) is a
// signal once: the unique key signal_identity makes every later run a no-op.
import { absenceSignals, DEFAULT_NORM_PERCENT, type AbsenceCause } from '../../domain/attendance.js';
import type { AbsenceProtocol, IsoDate } from '../../domain/contract.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Queryable } from '../../platform/db.js';
import { insertParticipantSignals } from '../signals/participant-signals.js';
import { unsafeAttendanceFacts } from './store.js';

// 001 §2.3.2: the provider reports the first no-show and holds the talk itself; everything else goes
// to the consultant (repeated no-show, 3 a month 004 §2.4, below 80% 001 §2.3.1, longer than a week 003 art. 12.4).
const ADDRESSEE: Record<AbsenceCause, 'municipality' | 'provider'> = {
  'absence.firstNoShow': 'provider',
  'absence.repeatedNoShow': 'municipality',
  'absence.frequent': 'municipality',
  // 004 §2.4: the official warning to the participant goes "via de taalaanbieder".
  'absence.warnParticipant': 'provider',
  'attendance.belowNorm': 'municipality',
  'absence.longerThanWeek': 'municipality',
};

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
  return contracts.byId(contractId)?.versions.find((v) => v.version === contractVersion)?.absenceProtocol;
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

/** Raises the absence signals the facts call for; returns how many are new. */
export async function raiseAbsenceSignals(tx: Queryable, contracts: ContractRegistry, participantId: string, today: IsoDate): Promise<number> {
  const placement = await governingPlacement(tx, participantId);
  if (placement === undefined) return 0;
  const protocol = absenceProtocolOf(contracts, placement.contractId, placement.contractVersion);
  // A contract without an absence protocol configures no absence signals (R-CON-7).
  if (protocol === undefined) return 0;
  const facts = await unsafeAttendanceFacts(tx, participantId);
  const found = absenceSignals(facts, protocol, today).map((s) => ({ cause: s.cause, period: s.period, addressee: ADDRESSEE[s.cause], due: s.on }));
  // Issue #10: a below-norm month is judged once complete. A signal the facts no longer call for — one
  // raised on a month to date before that rule, or a month corrected to at or above the norm — is resolved.
  const belowNormMonths = found.filter((s) => s.cause === 'attendance.belowNorm').map((s) => s.period);
  await tx.query(
    `UPDATE signal SET status = 'resolved', resolved_on = $2
     WHERE subject_type = 'participant' AND subject_id = $1 AND cause = 'attendance.belowNorm' AND status <> 'resolved' AND NOT (period = ANY($3::text[]))`,
    [participantId, today, belowNormMonths],
  );
  return insertParticipantSignals(tx, { participantId, ...placement }, found, today);
}
