// Benchmark (issue #16): the import's absence and hours rules (src/features/imports/rules.ts, R-ATT-4,
// R-HRS-2, R-HRS-3) run again, each in a transaction that is rolled back, on the rows that the import
// benchmark's rounds wrote into a kept national dataset: for each evening hour (one per round of
// bench/attendance-import.ts) the changes per participant are read back from attendance, as the import
// queues them, and the rules timed on them. The signals exist already, so this times reading and
// deciding, not inserting. Run: BENCH_DATABASE_URL=... npx tsx bench/import-rules-rerun.ts
import { performance } from 'node:perf_hooks';
import type { AbsenceChange } from '../src/features/groups/placement.js';
import { raiseImportSignals } from '../src/features/imports/rules.js';
import { loadContracts } from '../src/platform/contracts.js';
import { openPostgres } from '../src/platform/db.js';
import { BENCH_TODAY } from './support/attendance-dataset.js';

const url = process.env.BENCH_DATABASE_URL;
if (url === undefined) throw new Error('BENCH_DATABASE_URL: a kept dataset after bench/attendance-import.ts');
const db = openPostgres(url, {});
const contracts = loadContracts('contracts');
try {
  const hours = await db.query<{ h: string }>(`SELECT DISTINCT left(start_time, 2) AS h FROM lesson WHERE start_time >= '18:00' ORDER BY 1`);
  for (const { h } of hours) {
    const s = performance.now();
    await db
      .transaction(async (tx) => {
        const changes = await tx.query<AbsenceChange>(
          `SELECT a.participant_id AS "participantId", min(l.date)::text AS "from",
             COALESCE(array_agg(DISTINCT to_char(l.date, 'YYYY-MM')) FILTER (WHERE NOT a.present), '{}') AS "absentMonths",
             bool_or(NOT a.present AND NOT a.called_in AND a.reason IS NULL) AS "noShow"
           FROM attendance a JOIN lesson l ON l.id = a.lesson_id WHERE l.start_time LIKE $1 GROUP BY 1`,
          [`${h}:%`],
        );
        const read = performance.now();
        const raised = await raiseImportSignals(tx, contracts, changes.map((c) => c.participantId), changes, BENCH_TODAY);
        console.log(`evening hour ${h}: ${changes.length} participants; changes read ${((read - s) / 1000).toFixed(1)} s; rules ${((performance.now() - read) / 1000).toFixed(1)} s (raised ${raised}, rolled back)`);
        throw new Error('rollback');
      })
      .catch((err: unknown) => {
        if (!(err instanceof Error && err.message === 'rollback')) throw err;
      });
  }
} finally {
  await db.close();
}
