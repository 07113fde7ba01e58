// The absence and hours rules after an import (R-ATT-4, R-HRS-2, R-HRS-3), in the import's transaction,
// so the signals are right the moment it commits. Issue #16: set-based, for every participant of the
// import at once — the facts read in a few statements and only where the import can change a signal
// (the changed rows are in import_changed, written by apply.ts), the signals raised in one statement —
// instead of reading each participant's whole history twice. test/imports-signals.int.test.ts holds
// them to what the per-participant raisers compute from all facts.
import type { IsoDate } from '../../domain/contract.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Tx } from '../../platform/db.js';
import { absenceWindowFactsOf, type AbsenceChange } from '../groups/placement.js';
import { hoursWindowFactsOf } from '../hours/store.js';
import { raiseAbsenceSignalsForMany } from '../signals/raisers/absence.js';
import { raiseHoursSignalsForMany } from '../signals/raisers/hours.js';
import { participantSignalPeriods } from '../signals/store.js';

export async function raiseImportSignals(tx: Tx, contracts: ContractRegistry, participantIds: readonly string[], today: IsoDate): Promise<number> {
  if (participantIds.length === 0) return 0;
  const changes = await tx.query<AbsenceChange>(
    `SELECT participant_id AS "participantId", min(date) AS "from",
       COALESCE(array_agg(DISTINCT to_char(date, 'YYYY-MM')) FILTER (WHERE NOT present), '{}') AS "absentMonths", bool_or(no_show) AS "noShow"
     FROM import_changed GROUP BY participant_id`,
  );
  const absence = await absenceWindowFactsOf(tx, contracts, participantIds, changes, today);
  const raised = await raiseAbsenceSignalsForMany(tx, absence, today);
  const signalled = await participantSignalPeriods(tx, 'progress.testDue', participantIds);
  const hours = await hoursWindowFactsOf(tx, contracts, participantIds, signalled);
  return raised + (await raiseHoursSignalsForMany(tx, hours, signalled, today));
}
