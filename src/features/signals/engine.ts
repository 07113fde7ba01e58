// The signal engine (R-SIG-1, ARCHITECTURE §2.8). Every pending step of a referral is a signal to the
// party that must act, with its due date (src/domain/steps.ts). The engine derives what should exist
// with the pure rules, inserts what is missing (the unique key (cause, subject_type, subject_id,
// period) makes every later run a no-op), resolves what is no longer pending, and marks a breach once
// (breached_on), which is when a contract's breach mail is queued. It runs inside the transaction of
// every change (for that referral) and on a schedule (for all), when time alone makes a step late.
import { randomUUID } from 'node:crypto';
import type { IsoDate } from '../../domain/contract.js';
import { findVersionInForce } from '../../domain/contract.js';
import { educationIntake, type EducationIntake } from '../../domain/education.js';
import { pendingSteps, type PendingStep } from '../../domain/steps.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Db, Queryable } from '../../platform/db.js';
import { loadTimeline, TIMELINE_COLUMNS, type TimelineRow } from '../referrals/lifecycle-store.js';
import { notifyBreach } from './notify.js';

const ENGINE_LOCK = 7_260_002;

export interface EngineResult {
  raised: number;
  resolved: number;
  breached: number;
}

/** R-REF-5: the Onderwijsroute intake of this referral, when its product is education and the PIP date is known. */
export function educationIntakeOf(contracts: ContractRegistry, t: TimelineRow): EducationIntake | null {
  const contract = contracts.byId(t.contractId);
  const version = contract?.versions.find((v) => v.version === t.contractVersion);
  const product = contract?.products.find((p) => p.code === t.productCode);
  if (version?.educationRoute === undefined || product?.kind !== 'education' || t.pipSignedOn === null) return null;
  return educationIntake(t.pipSignedOn, version.educationRoute);
}

/** The steps owed on this referral under the contract version it was made under (R-CON-10). */
export function stepsOf(contracts: ContractRegistry, t: TimelineRow): PendingStep[] {
  const contract = contracts.byId(t.contractId);
  const version = contract?.versions.find((v) => v.version === t.contractVersion) ?? (contract && findVersionInForce(contract, t.referredOn));
  if (version === undefined) return [];
  return pendingSteps({ ...t, startDueOverride: educationIntakeOf(contracts, t)?.startDueDate ?? null }, version);
}

async function reconcile(tx: Queryable, contracts: ContractRegistry, t: TimelineRow, today: IsoDate): Promise<EngineResult> {
  const steps = stepsOf(contracts, t);
  let raised = 0;
  let breached = 0;
  for (const s of steps) {
    const inserted = await tx.query(
      `INSERT INTO signal (id, cause, subject_type, subject_id, period, municipality_id, provider_id, participant_id, product_code, addressee, status, due_date, raised_on)
       VALUES ($1, $2, 'referral', $3, $4, $5, $6, $7, $8, $9, 'open', $10, $11)
       ON CONFLICT ON CONSTRAINT signal_identity DO NOTHING RETURNING id`,
      [randomUUID(), `referral.${s.step}`, t.id, s.period, t.municipalityId, t.providerId, t.participantId, t.productCode, s.party, s.dueDate, today],
    );
    raised += inserted.length;
    if (s.dueDate < today) {
      // The first run that sees the due date passed records the breach; later runs find it set.
      const hit = await tx.query<{ id: string }>(
        `UPDATE signal SET breached_on = $4 WHERE cause = $1 AND subject_type = 'referral' AND subject_id = $2 AND period = $3
           AND breached_on IS NULL AND status <> 'resolved' RETURNING id`,
        [`referral.${s.step}`, t.id, s.period, today],
      );
      if (hit.length > 0) {
        breached += 1;
        await notifyBreach(tx, contracts, t, s);
      }
    }
  }
  // Whatever is still open for this referral but no longer owed has been done: resolve it.
  const keep = steps.map((s) => `referral.${s.step}|${s.period}`);
  const resolved = await tx.query(
    `UPDATE signal SET status = 'resolved', resolved_on = $2
     WHERE subject_type = 'referral' AND subject_id = $1 AND status <> 'resolved' AND NOT ((cause || '|' || period) = ANY($3)) RETURNING id`,
    [t.id, today, keep],
  );
  return { raised, resolved: resolved.length, breached };
}

/** After a change to one referral, in the same transaction. */
export async function runSignalEngineForReferral(tx: Queryable, contracts: ContractRegistry, referralId: string, today: IsoDate): Promise<EngineResult> {
  const t = await loadTimeline(tx, referralId);
  return t === undefined ? { raised: 0, resolved: 0, breached: 0 } : reconcile(tx, contracts, t, today);
}

/** All referrals that can still owe a step, or still have an unresolved signal. */
export async function runSignalEngineInTx(tx: Queryable, contracts: ContractRegistry, today: IsoDate): Promise<EngineResult> {
  const rows = await tx.query<TimelineRow>(
    `SELECT ${TIMELINE_COLUMNS} FROM referral r
     WHERE r.status <> 'running' OR EXISTS (SELECT 1 FROM signal s WHERE s.subject_type = 'referral' AND s.subject_id = r.id AND s.status <> 'resolved')`,
  );
  const total: EngineResult = { raised: 0, resolved: 0, breached: 0 };
  for (const t of rows) {
    const r = await reconcile(tx, contracts, t, today);
    total.raised += r.raised;
    total.resolved += r.resolved;
    total.breached += r.breached;
  }
  return total;
}

/**
 * The scheduled run. Several app instances on one PostgreSQL: whoever takes the advisory lock runs,
 * the others skip; and even two runs at once could not duplicate a signal (unique key).
 */
export async function runSignalEngine(db: Db, contracts: ContractRegistry, today: IsoDate): Promise<EngineResult | 'skipped'> {
  return db.transaction(async (tx) => {
    const lock = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [ENGINE_LOCK]);
    if (lock[0]?.locked !== true) return 'skipped' as const;
    return runSignalEngineInTx(tx, contracts, today);
  });
}
