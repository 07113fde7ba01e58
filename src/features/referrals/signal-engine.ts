// The signal engine's runs (R-SIG-1, ARCHITECTURE §2.8): inside the transaction of every change to a
// referral (for that referral) and on a schedule (for all), when time alone makes a step late. The
// referral's facts are read here, by their owner; the rules and the signal table are the signals
// feature's (src/features/signals/raisers/referral-steps.ts, src/features/signals/store.ts).
import type { IsoDate } from '../../domain/contract.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Db, Queryable } from '../../platform/db.js';
import { reconcileReferralSignals, type EngineResult } from '../signals/raisers/referral-steps.js';
import { subjectsWithUnresolvedSignals } from '../signals/store.js';
import { loadTimeline, TIMELINE_COLUMNS, type TimelineRow } from './lifecycle-store.js';

export type { EngineResult } from '../signals/raisers/referral-steps.js';

const ENGINE_LOCK = 7_260_002;

/** After a change to one referral, in the same transaction. */
export async function runSignalEngineForReferral(tx: Queryable, contracts: ContractRegistry, referralId: string, today: IsoDate): Promise<EngineResult> {
  const t = await loadTimeline(tx, referralId);
  return t === undefined ? { raised: 0, resolved: 0, breached: 0 } : reconcileReferralSignals(tx, contracts, t, today);
}

/**
 * More work for the same scheduled run, in its transaction and under its lock: the invoicing sweep
 * (issue #11, src/features/invoicing/sweep.ts scheduledInvoicing) records what the facts have earned and
 * reconciles the invoice-term signal. Passed in by the caller (src/app.ts, the demo clock), because
 * the invoicing feature uses this one and not the other way round (no feature cycle).
 */
export type EngineExtension = (tx: Queryable, today: IsoDate) => Promise<EngineResult>;

/** All referrals that can still owe a step, or still have an unresolved signal; then `extend`. */
export async function runSignalEngineInTx(tx: Queryable, contracts: ContractRegistry, today: IsoDate, extend?: EngineExtension): Promise<EngineResult> {
  const withOpenSignals = await subjectsWithUnresolvedSignals(tx, 'referral');
  const rows = await tx.query<TimelineRow>(`SELECT ${TIMELINE_COLUMNS} FROM referral r WHERE r.status <> 'running' OR r.id = ANY($1::uuid[])`, [withOpenSignals]);
  const total: EngineResult = { raised: 0, resolved: 0, breached: 0 };
  for (const t of rows) {
    const r = await reconcileReferralSignals(tx, contracts, t, today);
    total.raised += r.raised;
    total.resolved += r.resolved;
    total.breached += r.breached;
  }
  const inv = extend === undefined ? { raised: 0, resolved: 0, breached: 0 } : await extend(tx, today);
  total.raised += inv.raised;
  total.resolved += inv.resolved;
  total.breached += inv.breached;
  return total;
}

/**
 * The scheduled run. Several app instances on one PostgreSQL: whoever takes the advisory lock runs,
 * the others skip; and even two runs at once could not duplicate a signal (unique key).
 */
export async function runSignalEngine(db: Db, contracts: ContractRegistry, today: IsoDate, extend?: EngineExtension): Promise<EngineResult | 'skipped'> {
  return db.transaction(async (tx) => {
    const lock = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [ENGINE_LOCK]);
    if (lock[0]?.locked !== true) return 'skipped' as const;
    return runSignalEngineInTx(tx, contracts, today, extend);
  });
}
