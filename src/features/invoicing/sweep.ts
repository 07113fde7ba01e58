// The invoicing part of the scheduled signal run (src/features/referrals/signal-engine.ts, passed in as
// its extension by src/app.ts and the demo clock): record what
// the facts have earned (earned.ts recordEarned; only when the run can audit, i.e. has crypto and a
// clock) and reconcile the six-week signal (src/features/signals/raisers/invoicing.ts) from the
// recorded events not yet on a sent invoice. Unscoped on purpose: a system run over every provider,
// returning counts only.
import type { IsoDate } from '../../domain/iso-date.js';
import { newOperationId, newTraceId } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import { type ContractRegistry, versionOf } from '../../platform/contracts.js';
import type { Crypto } from '../../platform/crypto.js';
import type { Queryable } from '../../platform/db.js';
import { type InvoicingSignalResult, reconcileInvoicingSignals } from '../signals/raisers/invoicing.js';
import { recordEarned } from './earned.js';

export interface InvoicingSweepDeps {
  crypto: Crypto;
  clock: Clock;
}

export async function invoicingSweep(tx: Queryable, contracts: ContractRegistry, today: IsoDate, deps?: InvoicingSweepDeps): Promise<InvoicingSignalResult & { recorded: number }> {
  let recorded = 0;
  if (deps !== undefined) {
    const who = { trace: { traceId: newTraceId(), operationId: newOperationId(), origin: 'signal-engine', startedAt: deps.clock.now() } };
    recorded = await recordEarned(tx, contracts, { crypto: deps.crypto, clock: deps.clock, who }, today);
  }
  // Products earned and on no live line of a sent invoice (a credited line's event is unsent again).
  const rows = await tx.query<{ providerId: string; municipalityId: string; earnedOn: string; contractId: string; contractVersion: number }>(
    `SELECT DISTINCT e.provider_id AS "providerId", e.municipality_id AS "municipalityId", e.earned_on::text AS "earnedOn",
       e.contract_id AS "contractId", e.contract_version AS "contractVersion"
     FROM billable_event e
     WHERE e.earned_on <= $1 AND NOT EXISTS (
       SELECT 1 FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
       WHERE l.event_id = e.id AND l.status NOT IN ('credited', 'reversal') AND i.status = 'sent')`,
    [today],
  );
  const unsent = rows.map((r) => ({ providerId: r.providerId, municipalityId: r.municipalityId, earnedOn: r.earnedOn, version: versionOf(contracts, r) }));
  return { ...(await reconcileInvoicingSignals(tx, unsent, today)), recorded };
}

/** The extension of the scheduled signal run (src/features/referrals/signal-engine.ts EngineExtension). */
export function scheduledInvoicing(contracts: ContractRegistry, deps: InvoicingSweepDeps): (tx: Queryable, today: IsoDate) => Promise<InvoicingSignalResult> {
  return (tx, today) => invoicingSweep(tx, contracts, today, deps);
}
