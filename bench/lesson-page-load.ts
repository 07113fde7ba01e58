// Benchmark (issue #4 item 9c): the teacher's lesson page, GET /api/v1/lessons/:id (lesson, roster of the
// class on that date, recorded attendance; one audit line per member), under concurrent load with
// autocannon, against a bare Fastify route on a pg pool that runs the same reads as one hand-written
// query (the lesson in the teacher's groups, its members on that date, their attendance). Both servers
// run in this process; autocannon runs in a worker thread so the load does not share the servers'
// event loop. Variant and baseline run back-to-back, BENCH_ROUNDS (default 2) times each.
// Run: npx tsx bench/lesson-page-load.ts (BENCH_DURATION seconds per run, default 20; BENCH_CONNECTIONS,
// default 10; BENCH_SCALE / BENCH_KEEP / BENCH_DATABASE_URL as in bench/support/attendance-dataset.ts).
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Fastify from 'fastify';
import pg from 'pg';
import type { Result } from 'autocannon';
import { openAttendanceDataset, TAALPUNT } from './support/attendance-dataset.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

// The worker: autocannon against one base URL, each request for the next lesson id of the list.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const autocannon = require(workerData.autocannon);
let i = 0;
autocannon({
  url: workerData.url, connections: workerData.connections, duration: workerData.duration,
  requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: workerData.prefix + workerData.ids[i++ % workerData.ids.length], headers: workerData.headers }) }],
}, (err, res) => parentPort.postMessage({ koersBench: true, error: err ? String(err) : undefined,
  // In a worker thread autocannon leaves its histograms encoded: aggregate them here.
  result: err ? undefined : JSON.parse(JSON.stringify(autocannon.aggregateResult([res], { url: workerData.url, connections: workerData.connections })))
}));
`;

function load(url: string, prefix: string, ids: string[], headers: Record<string, string>): Promise<Result> {
  const autocannon = createRequire(import.meta.url).resolve('autocannon');
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { eval: true, workerData: { autocannon, url, prefix, ids, headers, connections: CONNECTIONS, duration: DURATION } });
    // autocannon posts messages of its own when it runs in a worker thread: wait for ours.
    w.on('message', (m: { koersBench?: true; error?: string; result?: Result }) => {
      if (m.koersBench !== true) return;
      void w.terminate();
      if (m.result === undefined) reject(new Error(m.error ?? 'no result'));
      else resolve(m.result);
    });
    w.once('error', reject);
  });
}

// The bare route's one statement: the lesson if the teacher teaches its group, with the members on the
// lesson's date (member_to exclusive) and their attendance, as JSON.
const BARE_SQL = `
  SELECT json_build_object('lesson', json_build_object('id', l.id, 'groupId', l.group_id, 'groupName', g.name, 'date', l.date, 'startTime', l.start_time,
      'minutes', l.minutes, 'kind', l.kind, 'cancelledByProvider', l.cancelled_by_provider),
    'roster', COALESCE((SELECT json_agg(json_build_object('participantId', gm.participant_id, 'givenName', p.given_name, 'familyName', p.family_name,
        'recorded', a.lesson_id IS NOT NULL, 'present', COALESCE(a.present, true), 'minutesAttended', COALESCE(a.minutes_attended, l.minutes),
        'reason', a.reason, 'calledIn', COALESCE(a.called_in, false), 'classification', a.classification, 'version', COALESCE(a.version, 0))
        ORDER BY p.family_name, p.given_name, p.id)
      FROM group_member gm JOIN participant p ON p.id = gm.participant_id
      LEFT JOIN attendance a ON a.lesson_id = l.id AND a.participant_id = gm.participant_id
      WHERE gm.group_id = l.group_id AND gm.member_from <= l.date AND (gm.member_to IS NULL OR gm.member_to > l.date)), '[]'::json)) AS page
  FROM lesson l JOIN class_group g ON g.id = l.group_id
  WHERE l.id = $1 AND g.provider_id = $2 AND g.teacher_user_id = $3`;

function report(name: string, r: Result): { rps: number; p50: number; p99: number } {
  const bad = r.non2xx + r.errors + r.timeouts;
  // The per-second histogram stays empty when autocannon runs in a worker: requests over the run's time.
  const rps = r.requests.total / ((new Date(r.finish).getTime() - new Date(r.start).getTime()) / 1000);
  console.log(`  ${name}: ${rps.toFixed(0)} req/s, latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms (${r.requests.total} requests, ${bad} not 2xx/errors)`);
  if (bad > 0) throw new Error(`${name}: ${bad} failed requests`);
  return { rps, p50: r.latency.p50, p99: r.latency.p99 };
}

async function main(): Promise<void> {
  const ds = await openAttendanceDataset();
  const pool = new pg.Pool({ connectionString: ds.databaseUrl, max: 10 });
  const bare = Fastify({ logger: false });
  try {
    const teacher = (await ds.admin.query<{ id: string }>(`SELECT id FROM app_user WHERE email = 'docent.taalpunt@koers.demo'`)).rows[0]?.id ?? '';
    // Lessons the teacher taught in the last quarter, each with its class recorded.
    const ids = (await ds.admin.query<{ id: string }>(
      `SELECT l.id FROM lesson l JOIN class_group g ON g.id = l.group_id
       WHERE g.teacher_user_id = $1 AND l.date BETWEEN '2026-10-01' AND '2026-12-31' AND NOT l.cancelled_by_provider ORDER BY md5(l.id::text) LIMIT 500`,
      [teacher],
    )).rows.map((r) => r.id);
    if (ids.length === 0) throw new Error('the demo teacher has no lessons');
    const login = await fetch(`${ds.url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'docent.taalpunt@koers.demo', password: 'koers-demo' }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    if (login.status !== 201) throw new Error(`login ${login.status}`);
    const check = await fetch(`${ds.url}/api/v1/lessons/${ids[0]}`, { headers: { cookie } });
    const checked = (await check.json()) as { roster?: unknown[] };
    if (checked.roster === undefined) throw new Error(`lesson page ${check.status}: ${JSON.stringify(checked)}`);
    const roster = checked.roster.length;

    bare.get<{ Params: { id: string } }>('/lessons/:id', async (req, reply) => {
      const r = await pool.query<{ page: unknown }>(BARE_SQL, [req.params.id, TAALPUNT, teacher]);
      if (r.rows[0] === undefined) return reply.status(404).send({ status: 404 });
      return r.rows[0].page;
    });
    const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
    const bareCheck = (await (await fetch(`${bareUrl}/lessons/${ids[0]}`)).json()) as { roster: unknown[] };
    if (bareCheck.roster.length !== roster) throw new Error(`bare roster ${bareCheck.roster.length} ≠ ${roster}`);

    console.log(`lesson page under load: ${ids.length} lessons of the teacher's ${roster}-member classes, ${CONNECTIONS} connections, ${DURATION} s per run, ${ROUNDS} rounds back-to-back:`);
    const app: ReturnType<typeof report>[] = [];
    const base: ReturnType<typeof report>[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      app.push(report(`round ${i + 1} application (session + scope + 3 reads + ${roster} audit lines in a transaction + zod)`, await load(ds.url, '/api/v1/lessons/', ids, { cookie })));
      base.push(report(`round ${i + 1} bare Fastify + pg, one query                                          `, await load(bareUrl, '/lessons/', ids, {})));
    }
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const a = { rps: avg(app.map((x) => x.rps)), p50: avg(app.map((x) => x.p50)), p99: avg(app.map((x) => x.p99)) };
    const b = { rps: avg(base.map((x) => x.rps)), p50: avg(base.map((x) => x.p50)), p99: avg(base.map((x) => x.p99)) };
    console.log(`  mean of rounds: application ${a.rps.toFixed(0)} req/s, p50 ${a.p50.toFixed(1)} ms, p99 ${a.p99.toFixed(1)} ms; bare ${b.rps.toFixed(0)} req/s, p50 ${b.p50.toFixed(1)} ms, p99 ${b.p99.toFixed(1)} ms`);
    console.log(`  ratio: throughput bare/app ${(b.rps / a.rps).toFixed(2)}x, latency p50 app/bare ${(a.p50 / b.p50).toFixed(2)}x, p99 ${(a.p99 / b.p99).toFixed(2)}x`);
  } finally {
    await bare.close();
    await pool.end();
    await ds.close();
  }
}

await main();
