// Issue #16, a design decision (docs/architecture.md "The import's rules after its commit"): an import's
// absence and hours rules (R-ATT-4, R-HRS-2, R-HRS-3) run right after its commit, not inside it. The
// import's transaction writes, with its facts, one row per participant it touched into
// import_rules_pending (migration 0046): what changed for them. A second transaction takes those rows,
// raises the signals and deletes the rows, so the rows leave exactly when their signals are in. A process
// killed between the two leaves the rows, and the next start or hourly run of any instance takes them (an
// import's own run takes only its own rows): no signal lost; none twice, because each row is taken by one
// worker (FOR UPDATE SKIP LOCKED) and the signals have unique keys besides. What it changes for a reader:
// between the answer and the end of the rules (31-37 s for a 100,000-row import at national scale,
// docs/benchmarks.md), the work list may not yet show the absence and hours signals of the new facts; the
// facts themselves are there at once.
import type { IsoDate } from '../../domain/iso-date.js';
import type { Clock } from '../../platform/clock.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Db, Tx } from '../../platform/db.js';
import type { AbsenceChange } from '../groups/placement.js';
import { raiseImportSignals } from './rules.js';

/** Rows taken per transaction: a national import has ~2,200 participants, so one import is one batch. */
const BATCH = 5000;

/**
 * In the import's transaction: every participant of the stage, with what the import changed for them
 * (import_changed, apply.ts) — the first changed day, the months with a new absence, a new no-show.
 */
export async function enqueueImportRules(tx: Tx, importId: string, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO import_rules_pending (import_id, participant_id, changed_from, absent_months, no_show, enqueued_at)
     SELECT $1, s.participant_id, c.changed_from, COALESCE(c.absent_months, '{}'), COALESCE(c.no_show, false), $2
     FROM (SELECT DISTINCT participant_id FROM import_stage) s
     LEFT JOIN (SELECT participant_id, min(date) AS changed_from,
         array_agg(DISTINCT to_char(date, 'YYYY-MM')) FILTER (WHERE NOT present) AS absent_months, bool_or(no_show) AS no_show
       FROM import_changed GROUP BY participant_id) c USING (participant_id)`,
    [importId, now],
  );
}

interface PendingRow {
  importId: string;
  participantId: string;
  changedFrom: IsoDate | null;
  absentMonths: string[];
  noShow: boolean;
}

/** A participant named by several pending imports: the widest window of them all, which covers each. */
function changesOf(rows: readonly PendingRow[]): AbsenceChange[] {
  const by = new Map<string, { from: IsoDate; months: Set<string>; noShow: boolean }>();
  for (const r of rows) {
    if (r.changedFrom === null) continue;
    const c = by.get(r.participantId);
    if (c === undefined) {
      by.set(r.participantId, { from: r.changedFrom, months: new Set(r.absentMonths), noShow: r.noShow });
    } else {
      if (r.changedFrom < c.from) c.from = r.changedFrom;
      for (const m of r.absentMonths) c.months.add(m);
      c.noShow ||= r.noShow;
    }
  }
  return [...by].map(([participantId, c]) => ({ participantId, from: c.from, absentMonths: [...c.months].sort(), noShow: c.noShow }));
}

/**
 * Runs the pending rules (of one import, or of all), a batch per transaction, until none is left that
 * another worker does not hold. Resolves to the number of signals raised.
 */
export async function runPendingImportRules(db: Db, contracts: ContractRegistry, today: IsoDate, importId?: string): Promise<number> {
  let raised = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const rows = await tx.query<PendingRow>(
        `SELECT import_id AS "importId", participant_id AS "participantId", changed_from::text AS "changedFrom", absent_months AS "absentMonths", no_show AS "noShow"
         FROM import_rules_pending WHERE ($1::uuid IS NULL OR import_id = $1) ORDER BY enqueued_at, import_id, participant_id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [importId ?? null],
      );
      if (rows.length === 0) return 0;
      const participants = [...new Set(rows.map((r) => r.participantId))];
      raised += await raiseImportSignals(tx, contracts, participants, changesOf(rows), today);
      await tx.query(`DELETE FROM import_rules_pending p USING unnest($1::uuid[], $2::uuid[]) AS k(import_id, participant_id) WHERE p.import_id = k.import_id AND p.participant_id = k.participant_id`, [
        rows.map((r) => r.importId),
        rows.map((r) => r.participantId),
      ]);
      return rows.length;
    });
    if (batch < BATCH) return raised;
  }
}

/** The process's worker: runs one after another, so an import's rules never wait on a second session of PGlite. */
export class ImportRules {
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly contracts: ContractRegistry,
    private readonly clock: Clock,
    private readonly log: (msg: string, err: unknown) => void,
  ) {}

  /** After an import committed (or with no id: whatever a stopped process left). Runs after the answer has left. */
  after(importId?: string): void {
    this.chain = this.chain
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(async () => {
        if (!this.stopped) await runPendingImportRules(this.db, this.contracts, this.clock.today(), importId);
      })
      .catch((err: unknown) => this.log('import rules failed; the pending rows stay for the next run', err));
  }

  /** Resolves when every run asked for so far has ended (tests, benchmarks, stop). */
  drain(): Promise<void> {
    return this.chain;
  }

  /** No new runs; waits for the one under way, before the database closes. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.chain;
  }
}
