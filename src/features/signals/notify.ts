// Mail for signals and steps the contract marks (issue #3 item 6, 001 §1.1). Queued in the outbox in
// the same transaction as the signal, so a rollback takes the mail with it and a crash after the
// commit cannot lose it (the mailer sends it later).
import type { PendingStep } from '../../domain/steps.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Queryable } from '../../platform/db.js';
import type { TimelineRow } from '../referrals/lifecycle-store.js';

export async function notifyBreach(_tx: Queryable, _contracts: ContractRegistry, _t: TimelineRow, _step: PendingStep): Promise<void> {
  // Wired to the outbox once src/platform/outbox.ts lands.
}
