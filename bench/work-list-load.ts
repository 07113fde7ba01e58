// Benchmark (issue #16): the provider coordinator's work list, GET /api/v1/signals (the unresolved steps
// addressed to its provider, by due date, one page of 25 with its total, the count per urgency bucket and
// the filter menus' options; session, scope and one audit line per participant shown), under concurrent
// load with autocannon, against a bare Fastify route on a pg pool that answers the same page, total,
// counts and options with one hand-written statement, without session or audit. The dataset is the
// attendance benchmarks' (bench/support/attendance-dataset.ts: the demo's signals of Taalpunt), so
// BENCH_SCALE / BENCH_KEEP / BENCH_DATABASE_URL work as there; BENCH_DURATION, BENCH_CONNECTIONS and
// BENCH_ROUNDS as in bench/read-load.ts.
// Run: BENCH_SCALE=0.1 npx tsx bench/work-list-load.ts
import Fastify from 'fastify';
import pg from 'pg';
import { addCalendarDays } from '../src/domain/calendar.js';
import { BENCH_TODAY, openAttendanceDataset, TAALPUNT } from './support/attendance-dataset.js';
import { appAgainstBare, clearAuditLines, CONNECTIONS, DURATION, ROUNDS } from './read-load.js';

const PAGE_SIZE = 25;
const PAGES = 5;

// The bare route's one statement: the provider's unresolved signals addressed to it, with the
// participant, provider and municipality names, one page by due date, the total, the count per bucket
// (overdue before today, this week up to today + 7) and the municipalities, providers and products on it.
const BARE_SQL = `
  WITH f AS (
    SELECT s.id, s.cause, s.status, s.addressee, s.due_date, s.raised_on, s.breached_on, s.resolved_on, s.subject_type, s.subject_id,
      s.participant_id, pp.given_name, pp.family_name, pp.date_of_birth, pp.client_number, s.provider_id, pr.name AS provider_name,
      s.municipality_id, m.name AS municipality_name, s.product_code,
      CASE WHEN s.due_date < $2::date THEN 'overdue' WHEN s.due_date <= $3::date THEN 'thisWeek' ELSE 'later' END AS bucket
    FROM signal s JOIN municipality m ON m.id = s.municipality_id
    LEFT JOIN participant pp ON pp.id = s.participant_id LEFT JOIN provider pr ON pr.id = s.provider_id
    WHERE s.provider_id = $1 AND s.addressee = 'provider' AND s.status <> 'resolved')
  SELECT COALESCE((SELECT json_agg(x) FROM (SELECT * FROM f ORDER BY due_date, id LIMIT $4 OFFSET $5) x), '[]') AS items,
    (SELECT count(*)::int FROM f) AS total,
    (SELECT json_object_agg(bucket, n) FROM (SELECT bucket, count(*)::int AS n FROM f GROUP BY bucket) c) AS counts,
    (SELECT json_agg(DISTINCT jsonb_build_object('municipalityId', municipality_id, 'municipalityName', municipality_name, 'providerId', provider_id,
       'providerName', provider_name, 'productCode', product_code)) FROM f) AS options`;

async function main(): Promise<void> {
  const ds = await openAttendanceDataset();
  const pool = new pg.Pool({ connectionString: ds.databaseUrl, max: 10 });
  const bare = Fastify({ logger: false });
  try {
    const login = await fetch(`${ds.url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'coordinator.taalpunt@koers.demo', password: 'koers-demo' }) });
    if (login.status !== 201) throw new Error(`login ${login.status}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    bare.get<{ Querystring: { page?: string } }>('/signals', async (req) => {
      const page = Number(req.query.page ?? 1);
      const r = await pool.query<{ items: { id: string }[]; total: number }>(BARE_SQL, [TAALPUNT, BENCH_TODAY, addCalendarDays(BENCH_TODAY, 7), PAGE_SIZE, (page - 1) * PAGE_SIZE]);
      return r.rows[0];
    });
    const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

    // Both answer the same pages: the same signals in the same order, the same total.
    const pages = Array.from({ length: PAGES }, (_, i) => i + 1);
    let total = 0;
    for (const page of pages) {
      const res = await fetch(`${ds.url}/api/v1/signals?sort=dueDate&page=${page}&pageSize=${PAGE_SIZE}`, { headers: { cookie } });
      const app = (await res.json()) as { items?: { id: string }[]; total: number };
      if (app.items === undefined) throw new Error(`work list ${res.status}: ${JSON.stringify(app)}`);
      const raw = (await (await fetch(`${bareUrl}/signals?page=${page}`)).json()) as { items: { id: string }[]; total: number };
      if (app.total !== raw.total || app.items.map((i) => i.id).join() !== raw.items.map((i) => i.id).join()) throw new Error(`page ${page}: application ${app.total} ≠ bare ${raw.total}`);
      if (app.items.length === 0) throw new Error(`page ${page} is empty: the coordinator has ${app.total} signals`);
      total = app.total;
    }

    console.log(`work list under load: the coordinator's ${total} unresolved signals, pages 1–${PAGES} of ${PAGE_SIZE} by due date, ${CONNECTIONS} connections, ${DURATION} s per run, ${ROUNDS} rounds back-to-back:`);
    await clearAuditLines(ds.admin);
    await appAgainstBare(
      {
        label: 'application (session + scope + page, counts, options + an audit line per participant in a transaction + zod)',
        url: ds.url,
        paths: pages.map((page) => `/api/v1/signals?sort=dueDate&page=${page}&pageSize=${PAGE_SIZE}`),
        headers: { cookie },
      },
      { label: 'bare Fastify + pg, one query', url: bareUrl, paths: pages.map((page) => `/signals?page=${page}`) },
    );
  } finally {
    await bare.close();
    await pool.end();
    await ds.close();
  }
}

await main();
