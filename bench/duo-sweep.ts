// Benchmark (issue #15): the DUO sweep (src/features/duo/sweep.ts) — one pass that finds Koers' facts owed
// to DUO and not queued yet (MAP, PVT, Z-route, the month's hours, the Inburgeringsaanbod) — on the
// attendance benchmarks' dataset (bench/support/attendance-dataset.ts; BENCH_SCALE, BENCH_KEEP,
// BENCH_DATABASE_URL work as there). Figures: the first pass (queues what the dataset owes), then a repeat
// pass (finds everything queued: the steady state of a running Koers, every 5 minutes per instance). Each
// pass runs in a transaction rolled back, so every round starts alike. Baseline: reading the same source
// rows once (count over map_end_conversation, level_record, route_event, attendance_month, hours_entry,
// referral), the least any sweep must read.
// Run: BENCH_SCALE=0.02 npx tsx bench/duo-sweep.ts
import { queueDeliveriesFromFacts } from '../src/features/duo/sweep.js';
import { BENCH_TODAY, openAttendanceDataset } from './support/attendance-dataset.js';
import { stats } from './support/stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const BASELINE = `SELECT (SELECT count(*) FROM map_end_conversation WHERE kind = 'held') + (SELECT count(*) FROM level_record WHERE skill = 'pvt')
  + (SELECT count(*) FROM route_event WHERE type = 'routeEnded') + (SELECT count(*) FROM attendance_month) + (SELECT count(*) FROM hours_entry)
  + (SELECT count(*) FROM referral WHERE started_on IS NOT NULL) AS n`;

async function main(): Promise<void> {
  const ds = await openAttendanceDataset();
  const db = ds.koers.db;
  const first: number[] = [];
  const repeat: number[] = [];
  const base: number[] = [];
  let queued = 0;
  class Rollback extends Error {}
  for (let i = 0; i < ROUNDS; i++) {
    await db
      .transaction(async (tx) => {
        let t0 = performance.now();
        queued = await queueDeliveriesFromFacts(tx, ds.koers.contracts, BENCH_TODAY);
        first.push(performance.now() - t0);
        t0 = performance.now();
        const again = await queueDeliveriesFromFacts(tx, ds.koers.contracts, BENCH_TODAY);
        repeat.push(performance.now() - t0);
        if (again !== 0) throw new Error(`a repeat pass queued ${again}`);
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
    const t0 = performance.now();
    await ds.admin.query(BASELINE);
    base.push(performance.now() - t0);
  }
  const ms = (xs: number[]) => `${stats(xs).p50.toFixed(0)} ms`;
  console.log(`participants ${ds.participants}, attendance rows ${ds.counts.attendance}; deliveries queued by the first pass: ${queued}`);
  console.log(`sweep, first pass: median ${ms(first)} of ${ROUNDS}`);
  console.log(`sweep, repeat pass (steady state): median ${ms(repeat)} of ${ROUNDS}`);
  console.log(`baseline (reading the source rows once): median ${ms(base)} of ${ROUNDS}`);
  await ds.close();
}

await main();
