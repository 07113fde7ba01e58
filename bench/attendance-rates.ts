// Benchmark (issue #4 item 9b): the attendance rate of every participant of one municipality over a
// quarter, through the application — GET /api/v1/attendance-rates over HTTP as Hoorn's consultant (session,
// scope in SQL, the one aggregate with sort, page and total, an audit line per row shown) — against one
// hand-written SQL aggregate over the same rows on a direct connection. Variant and baseline run
// back-to-back, round after round. Prints p50/p95 and the ratio; with BENCH_ALL_PAGES=1 also walks every
// page once. Run: npx tsx bench/attendance-rates.ts (BENCH_SCALE, BENCH_ROUNDS default 15; see
// bench/support/attendance-dataset.ts for BENCH_KEEP / BENCH_DATABASE_URL).
import { performance } from 'node:perf_hooks';
import { Client } from '../test/support/koers.js';
import { HOORN, openAttendanceDataset } from './support/attendance-dataset.js';
import { ms, stats } from './support/stats.js';
import { listAttendanceRates } from '../src/features/attendance-rates/store.js';
import { contractNorms } from '../src/features/groups/placement.js';
import { loadContracts } from '../src/platform/contracts.js';

const CONTRACTS_DIR = new URL('../contracts', import.meta.url).pathname;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const FROM = '2026-04-01';
const TO = '2026-06-30';

// The hand-written baseline: the same arithmetic (R-ATT-3, R-ATT-5) for every attendance row of the
// municipality in the quarter, one row per participant, no names, no order, no page, no audit.
const BASELINE = `
  SELECT participant_id, offered, attended + least(made_up, offered - attended) AS effective,
    CASE WHEN offered > 0 THEN (attended + least(made_up, offered - attended))::float8 / offered * 100 END AS rate
  FROM (SELECT a.participant_id,
          COALESCE(sum(l.minutes) FILTER (WHERE l.kind <> 'makeUp'), 0) AS offered,
          COALESCE(sum(least(a.minutes_attended, l.minutes)) FILTER (WHERE l.kind <> 'makeUp'), 0) AS attended,
          COALESCE(sum(a.minutes_attended) FILTER (WHERE l.kind = 'makeUp'), 0) AS made_up
        FROM attendance a JOIN lesson l ON l.id = a.lesson_id
        WHERE a.municipality_id = $1 AND l.date BETWEEN $2 AND $3 AND NOT l.cancelled_by_provider
        GROUP BY a.participant_id) t`;

async function main(): Promise<void> {
  const ds = await openAttendanceDataset();
  try {
    const client = new Client(ds.url);
    const login = await client.post('/api/v1/sessions', { email: 'consultant.hoorn@koers.demo', password: 'koers-demo' });
    if (login.status !== 201) throw new Error(`login ${login.status}`);
    const rows = Number((await ds.admin.query<{ n: string }>(`SELECT count(*) AS n FROM attendance a JOIN lesson l ON l.id = a.lesson_id WHERE a.municipality_id = $1 AND l.date BETWEEN $2 AND $3`, [HOORN, FROM, TO])).rows[0]?.n);
    console.log(`Hoorn, ${FROM}..${TO}: ${rows} attendance rows`);
    // The plan of the application's statement, for the record.
    const plan: string[] = [];
    await listAttendanceRates(
      { query: async (sql, params) => { plan.push(...(await ds.admin.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params as unknown[])).rows.map((r) => r['QUERY PLAN'])); return []; } },
      { kind: 'municipality', municipalityId: HOORN },
      { from: FROM, to: TO, norms: { byVersion: contractNorms(loadContracts(CONTRACTS_DIR)), fallback: 80 }, belowNorm: undefined, sort: 'rate', page: 1, pageSize: 100 },
    );
    if (process.env.BENCH_PLAN === '1') console.log(plan.join('\n'));
    else console.log(`application statement: ${plan.filter((l) => /Execution Time|Planning Time/.test(l)).join(', ')}`);

    const app: number[] = [];
    const sql: number[] = [];
    let total = 0;
    let baselineRows = 0;
    for (let i = 0; i < ROUNDS; i++) {
      let s = performance.now();
      const res = await client.get(`/api/v1/attendance-rates?from=${FROM}&to=${TO}&pageSize=100`);
      app.push(performance.now() - s);
      if (res.status !== 200) throw new Error(`rates ${res.status} ${JSON.stringify(res.body)}`);
      total = (res.body as { total: number }).total;
      s = performance.now();
      baselineRows = (await ds.admin.query(BASELINE, [HOORN, FROM, TO])).rowCount ?? 0;
      sql.push(performance.now() - s);
    }
    const a = stats(app);
    const b = stats(sql);
    console.log(`attendance rates, Hoorn (${total} participants rated by the app, ${baselineRows} by the baseline), one quarter, ${ROUNDS} rounds, variant and baseline back-to-back:`);
    console.log(`  application, first page of 100 (HTTP + session + scope + aggregate + sort + total + 100 audit lines): p50 ${ms(a.p50)}, p95 ${ms(a.p95)}`);
    console.log(`  baseline, one hand-written aggregate returning every participant:                                   p50 ${ms(b.p50)}, p95 ${ms(b.p95)}`);
    console.log(`  ratio p50: ${(a.p50 / b.p50).toFixed(2)}x, p95: ${(a.p95 / b.p95).toFixed(2)}x`);

    if (process.env.BENCH_ALL_PAGES === '1') {
      const pages = Math.ceil(total / 100);
      const s = performance.now();
      for (let page = 1; page <= pages; page++) {
        const res = await client.get(`/api/v1/attendance-rates?from=${FROM}&to=${TO}&pageSize=100&page=${page}`);
        if (res.status !== 200) throw new Error(`page ${page}: ${res.status}`);
      }
      const all = performance.now() - s;
      const t = performance.now();
      await ds.admin.query(BASELINE, [HOORN, FROM, TO]);
      const one = performance.now() - t;
      console.log(`  every page (${pages} requests of 100): ${(all / 1000).toFixed(1)} s against one baseline query ${ms(one)}: ${(all / one).toFixed(0)}x`);
    }
  } finally {
    await ds.close();
  }
}

await main();
