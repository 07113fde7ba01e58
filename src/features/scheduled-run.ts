// The scheduled run of the signal engine (R-SIG-1) with everything a run also does: the invoicing sweep
// records what the facts have earned (issue #11, src/features/invoicing/sweep.ts) and the report signals
// follow the report instances (issue #13, src/features/reports/report-signals.ts). One composition for
// the server's hourly tick (src/app.ts), the demo clock (src/features/system/routes.ts) and
// `koers run-signals` (src/cli/main.ts), so that no way of running it does less than another: before,
// the command line raised only the referrals' signals, which a deployment that runs it from cron would
// have noticed as reports never turning late.
import type { IsoDate } from '../domain/iso-date.js';
import type { ContractRegistry } from '../platform/contracts.js';
import type { Db, Queryable } from '../platform/db.js';
import { scheduledInvoicing, type InvoicingSweepDeps } from './invoicing/sweep.js';
import { runSignalEngine, runSignalEngineInTx, type EngineResult } from './referrals/signal-engine.js';
import { withReportSignals } from './reports/report-signals.js';
import { withActionSignals } from './contract-management/action-signals.js';
import { withQualitySignals } from './quality/signals.js';
import { withCheckInSignals } from './participant-escalation/signals.js';
import { withDailyPurge } from './retention/purge.js';

/** The extension every scheduled run passes to the engine: the invoicing sweep, the report signals, the overdue meeting actions, the quality register's signals and the overdue check-ins of a participant-level improvement plan (issue #14). */
export function scheduledWork(contracts: ContractRegistry, deps: InvoicingSweepDeps): (tx: Queryable, today: IsoDate) => Promise<EngineResult> {
  return withCheckInSignals(withQualitySignals(contracts, withActionSignals(contracts, withReportSignals(contracts, scheduledInvoicing(contracts, deps)))));
}

/** One scheduled run under the engine's advisory lock ('skipped' when another instance holds it). */
export function runScheduled(db: Db, contracts: ContractRegistry, today: IsoDate, deps: InvoicingSweepDeps): Promise<EngineResult | 'skipped'> {
  return runSignalEngine(db, contracts, today, scheduledWork(contracts, deps)).then(withDailyPurge(db, today, deps));
}

/** The same run without the lock, in the caller's transaction (`koers run-signals --no-lock`: the unique keys alone must hold). */
export function runScheduledInTx(tx: Queryable, contracts: ContractRegistry, today: IsoDate, deps: InvoicingSweepDeps): Promise<EngineResult> {
  return runSignalEngineInTx(tx, contracts, today, scheduledWork(contracts, deps));
}
