// Benchmark (issue #16): the consultant's participant list, GET /api/v1/participants (search + sort + page
// with its total; session, scope and one audit line per participant shown), under concurrent load with
// autocannon, against a bare Fastify route on a pg pool that runs the same query as one hand-written
// statement (the consultant's municipality, the same filter, order, page and total) without session or
// audit. The dataset is the attendance benchmarks' (bench/support/attendance-dataset.ts; one third of the
// participants in Hoorn), so BENCH_SCALE / BENCH_KEEP / BENCH_DATABASE_URL work as there; BENCH_DURATION,
// BENCH_CONNECTIONS and BENCH_ROUNDS as in bench/read-load.ts.
// Run: BENCH_SCALE=0.1 npx tsx bench/participants-list.ts
import Fastify from 'fastify';
import pg from 'pg';
import { HOORN, openAttendanceDataset } from './support/attendance-dataset.js';
import { appAgainstBare, clearAuditLines, CONNECTIONS, DURATION, ROUNDS } from './read-load.js';

const PAGE_SIZE = 25;
// Searches on the demo's names and client numbers, each on pages 1 to 3, and the unfiltered list.
const QUERIES = ['', 'Haddad', 'Amina', 'HOO-1', 'Chen', 'Olena'];

// The bare route's one statement: the consultant's municipality, the name or client number search, the
// name order, one page with the total and the latest referral's status.
const BARE_SQL = `
  SELECT p.id, p.given_name, p.family_name, p.date_of_birth, p.bsn_last_four, p.municipality_id, m.name AS municipality_name, p.route,
    p.client_number, p.created_at, (SELECT r.status FROM referral r WHERE r.participant_id = p.id ORDER BY r.referred_at DESC LIMIT 1) AS latest_referral_status,
    f.total
  FROM (SELECT p.id, count(*) OVER ()::int AS total FROM participant p
        WHERE p.municipality_id = $1 AND ($2 = '' OR p.given_name || ' ' || p.family_name ILIKE $2 OR p.client_number ILIKE $2)
        ORDER BY p.family_name, p.given_name, p.id LIMIT $3 OFFSET $4) f
  JOIN participant p ON p.id = f.id JOIN municipality m ON m.id = p.municipality_id
  ORDER BY p.family_name, p.given_name, p.id`;

async function main(): Promise<void> {
  const ds = await openAttendanceDataset();
  const pool = new pg.Pool({ connectionString: ds.databaseUrl, max: 10 });
  const bare = Fastify({ logger: false });
  try {
    const login = await fetch(`${ds.url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'consultant.hoorn@koers.demo', password: 'koers-demo' }) });
    if (login.status !== 201) throw new Error(`login ${login.status}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const candidates = QUERIES.flatMap((q) => [1, 2, 3].map((page) => ({ q, page })));

    bare.get<{ Querystring: { q?: string; page?: string } }>('/participants', async (req) => {
      const q = req.query.q ?? '';
      const page = Number(req.query.page ?? 1);
      const r = await pool.query<{ total: number }>(BARE_SQL, [HOORN, q === '' ? '' : `%${q}%`, PAGE_SIZE, (page - 1) * PAGE_SIZE]);
      return { items: r.rows, total: r.rows[0]?.total ?? 0 };
    });
    const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

    // Both answer the same pages: the same ids in the same order and the same total. Only pages with rows
    // are asked (past the last page the bare route has no row to carry the total).
    let shown = 0;
    const asked: typeof candidates = [];
    for (const { q, page } of candidates) {
      const qs = `q=${encodeURIComponent(q)}&page=${page}`;
      const app = (await (await fetch(`${ds.url}/api/v1/participants?${qs}&sort=name&pageSize=${PAGE_SIZE}`, { headers: { cookie } })).json()) as { items: { id: string }[]; total: number };
      const raw = (await (await fetch(`${bareUrl}/participants?${qs}`)).json()) as { items: { id: string }[]; total: number };
      if (app.items.length === 0 && raw.items.length === 0) continue;
      if (app.total !== raw.total || app.items.map((i) => i.id).join() !== raw.items.map((i) => i.id).join()) throw new Error(`q=${q} page ${page}: application ${app.total} ≠ bare ${raw.total}`);
      shown += app.items.length;
      if (app.items.length > 0) asked.push({ q, page });
    }
    const total = (await ds.admin.query<{ n: number }>('SELECT count(*)::int AS n FROM participant WHERE municipality_id = $1', [HOORN])).rows[0]?.n ?? 0;

    console.log(`participant list under load: ${total} participants in Hoorn of ${ds.participants}, ${asked.length} pages of ${PAGE_SIZE} (${shown} rows in all), ${CONNECTIONS} connections, ${DURATION} s per run, ${ROUNDS} rounds back-to-back:`);
    await clearAuditLines(ds.admin);
    await appAgainstBare(
      {
        label: 'application (session + scope + the reads + an audit line per row in one transaction + zod)',
        url: ds.url,
        paths: asked.map(({ q, page }) => `/api/v1/participants?q=${encodeURIComponent(q)}&sort=name&page=${page}&pageSize=${PAGE_SIZE}`),
        headers: { cookie },
      },
      { label: 'bare Fastify + pg, one query', url: bareUrl, paths: asked.map(({ q, page }) => `/participants?q=${encodeURIComponent(q)}&page=${page}`) },
    );
  } finally {
    await bare.close();
    await pool.end();
    await ds.close();
  }
}

await main();
