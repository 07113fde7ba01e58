// Benchmark: the consultant's participant list (search + sort + page, scoped and audited) through the
// whole application over HTTP, against the same query as one hand-written SQL statement on the same
// PostgreSQL database. Prints both figures and their ratio. Run: npx tsx bench/participants-list.ts
// (BENCH_SIZE participants, default 50000; BENCH_ROUNDS requests per variant, default 200).
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createKoers } from '../src/app.js';
import { organisationId } from '../src/features/organisations/store.js';
import { SettableClock } from '../src/platform/clock.js';
import { startPostgres } from '../scripts/pg-server.mjs';
import { Client, freshPostgresDatabase, portOf, testConfig } from '../test/support/koers.js';

const SIZE = Number(process.env.BENCH_SIZE ?? 50_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);

function stats(samples: number[]): { p50: number; p95: number; mean: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

async function main(): Promise<void> {
  const server = await startPostgres();
  process.env.KOERS_TEST_PG_URL = server.url;
  const db = await freshPostgresDatabase();
  try {
    const t0 = performance.now();
    const koers = await createKoers(testConfig({ databaseUrl: db.url, demo: true, demoSize: SIZE }), { clock: new SettableClock('2026-12-23') });
    console.log(`generated ${SIZE} participants in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await koers.server.listen({ port: 0, host: '127.0.0.1' });
    const client = new Client(`http://127.0.0.1:${portOf(koers.server)}`);
    const login = await client.post('/api/v1/sessions', { email: 'consultant.hoorn@koers.demo', password: 'koers-demo' });
    if (login.status !== 201) throw new Error(`login ${login.status}`);
    const queries = ['Haddad', 'Amina', 'HOO-1', 'Chen', 'Olena'];

    const app: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const q = queries[i % queries.length] ?? '';
      const s = performance.now();
      const res = await client.get(`/api/v1/participants?q=${encodeURIComponent(q)}&sort=name&page=${1 + (i % 3)}&pageSize=25`);
      app.push(performance.now() - s);
      if (res.status !== 200) throw new Error(`list ${res.status}`);
    }

    const raw = new pg.Client({ connectionString: db.url });
    await raw.connect();
    const hoorn = organisationId('municipality', 'hoorn');
    const sql: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const q = queries[i % queries.length] ?? '';
      const s = performance.now();
      await raw.query(
        `SELECT p.id, p.given_name, p.family_name, p.bsn_last_four, m.name, p.route, p.client_number, p.created_at,
                (SELECT status FROM referral r WHERE r.participant_id = p.id ORDER BY r.referred_at DESC LIMIT 1),
                count(*) OVER () AS total
         FROM participant p JOIN municipality m ON m.id = p.municipality_id
         WHERE p.municipality_id = $1 AND (p.given_name || ' ' || p.family_name ILIKE $2 OR p.client_number ILIKE $2)
         ORDER BY p.family_name, p.given_name, p.id LIMIT 25 OFFSET $3`,
        [hoorn, `%${q}%`, (i % 3) * 25],
      );
      sql.push(performance.now() - s);
    }
    await raw.end();
    const a = stats(app);
    const b = stats(sql);
    console.log(`participant list, ${SIZE} participants, ${ROUNDS} requests each (PostgreSQL 15, sequential):`);
    console.log(`  application (HTTP + session + scope + audit lines + count): p50 ${a.p50.toFixed(2)} ms, p95 ${a.p95.toFixed(2)} ms`);
    console.log(`  baseline (one hand-written SQL query, same filter):         p50 ${b.p50.toFixed(2)} ms, p95 ${b.p95.toFixed(2)} ms`);
    console.log(`  ratio p50: ${(a.p50 / b.p50).toFixed(2)}x`);
    await koers.stop();
  } finally {
    await db.drop();
    server.stop();
  }
}

await main();
