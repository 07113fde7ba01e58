// The absence and hours rules after an import (R-ATT-4, R-HRS-2, R-HRS-3). Issue #16: set-based, for
// every participant of the import at once — the facts read in a few statements and only where the import
// can change a signal (what changed per participant: pending-rules.ts), the signals raised in one
// statement — instead of reading each participant's whole history twice. They run right after the
// import's commit (pending-rules.ts). test/imports-signals.int.test.ts holds them to what the
// per-participant raisers compute from all facts.
import type { IsoDate } from '../../domain/contract.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Tx } from '../../platform/db.js';
import { absenceWindowFactsOf, type AbsenceChange } from '../groups/placement.js';
import { hoursWindowFactsOf } from '../hours/store.js';
import { raiseAbsenceSignalsForMany } from '../signals/raisers/absence.js';
import { raiseHoursSignalsForMany } from '../signals/raisers/hours.js';
import { participantSignalPeriods } from '../signals/store.js';

export async function raiseImportSignals(tx: Tx, contracts: ContractRegistry, participantIds: readonly string[], changes: readonly AbsenceChange[], today: IsoDate): Promise<number> {
  if (participantIds.length === 0) return 0;
  const absence = await absenceWindowFactsOf(tx, contracts, participantIds, changes, today);
  const raised = await raiseAbsenceSignalsForMany(tx, absence, today);
  const signalled = await participantSignalPeriods(tx, 'progress.testDue', participantIds);
  const hours = await hoursWindowFactsOf(tx, contracts, participantIds, signalled);
  return raised + (await raiseHoursSignalsForMany(tx, hours, signalled, today));
}
