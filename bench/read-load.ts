// The load runner of the read-path benchmarks (issue #16: the lesson page, the participant list and the
// work list, each against a bare Fastify + pg route running the same query): autocannon in a worker
// thread, so the load does not share the servers' event loop, cycling through a list of paths; the
// application and its bare route run back-to-back in each round, and the mean of the rounds is printed
// with the ratio. Used by bench/lesson-page-load.ts, bench/participants-list.ts and bench/work-list-load.ts.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Result } from 'autocannon';
import type pg from 'pg';

export const DURATION = Number(process.env.BENCH_DURATION ?? 20);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

// The worker: autocannon against one base URL, each request for the next path of the list.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const autocannon = require(workerData.autocannon);
let i = 0;
autocannon({
  url: workerData.url, connections: workerData.connections, duration: workerData.duration,
  requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: workerData.paths[i++ % workerData.paths.length], headers: workerData.headers }) }],
}, (err, res) => parentPort.postMessage({ koersBench: true, error: err ? String(err) : undefined,
  // In a worker thread autocannon leaves its histograms encoded: aggregate them here.
  result: err ? undefined : JSON.parse(JSON.stringify(autocannon.aggregateResult([res], { url: workerData.url, connections: workerData.connections })))
}));
`;

function load(url: string, paths: readonly string[], headers: Record<string, string>): Promise<Result> {
  const autocannon = createRequire(import.meta.url).resolve('autocannon');
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { eval: true, workerData: { autocannon, url, paths, headers, connections: CONNECTIONS, duration: DURATION } });
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

/**
 * Every request of a run writes its audit lines, and a bigger audit table makes the next run's INSERTs
 * dearer (its indexes outgrow the cache: ~900,000 lines after a dozen runs here). So each benchmark
 * starts from an empty audit table of its throw-away dataset — the append-only trigger is bypassed as
 * superuser for this only — and says so; a database where that is refused is left as it is.
 */
export async function clearAuditLines(admin: pg.Client): Promise<void> {
  const n = (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event')).rows[0]?.n ?? 0;
  try {
    await admin.query('BEGIN');
    await admin.query('SET LOCAL session_replication_role = replica');
    await admin.query('TRUNCATE audit_event');
    await admin.query('COMMIT');
    console.log(`[bench] ${n} audit lines of earlier runs removed`);
  } catch (err) {
    await admin.query('ROLLBACK');
    console.log(`[bench] the ${n} audit lines of earlier runs stay (${String(err)})`);
  }
}

export interface Figures {
  rps: number;
  p50: number;
  p99: number;
}

function report(name: string, r: Result): Figures {
  const bad = r.non2xx + r.errors + r.timeouts;
  // The per-second histogram stays empty when autocannon runs in a worker: requests over the run's time.
  const rps = r.requests.total / ((new Date(r.finish).getTime() - new Date(r.start).getTime()) / 1000);
  console.log(`  ${name}: ${rps.toFixed(0)} req/s, latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms (${r.requests.total} requests, ${bad} not 2xx/errors)`);
  if (bad > 0) throw new Error(`${name}: ${bad} failed requests`);
  return { rps, p50: r.latency.p50, p99: r.latency.p99 };
}

export interface Side {
  label: string;
  url: string;
  paths: readonly string[];
  headers?: Record<string, string>;
}

/** ROUNDS rounds of the application then its bare route; prints each run, the means and the ratios. */
export async function appAgainstBare(app: Side, bare: Side): Promise<{ app: Figures; bare: Figures }> {
  const a: Figures[] = [];
  const b: Figures[] = [];
  const width = Math.max(app.label.length, bare.label.length);
  for (let i = 0; i < ROUNDS; i++) {
    a.push(report(`round ${i + 1} ${app.label.padEnd(width)}`, await load(app.url, app.paths, app.headers ?? {})));
    b.push(report(`round ${i + 1} ${bare.label.padEnd(width)}`, await load(bare.url, bare.paths, bare.headers ?? {})));
  }
  const avg = (xs: Figures[], k: keyof Figures) => xs.reduce((s, x) => s + x[k], 0) / xs.length;
  const mean = (xs: Figures[]): Figures => ({ rps: avg(xs, 'rps'), p50: avg(xs, 'p50'), p99: avg(xs, 'p99') });
  const ma = mean(a);
  const mb = mean(b);
  const line = (f: Figures) => `${f.rps.toFixed(0)} req/s, p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms`;
  console.log(`  mean of rounds: application ${line(ma)}; bare ${line(mb)}`);
  console.log(
    `  ratio: application at ${((100 * ma.rps) / mb.rps).toFixed(0)}% of the bare route's throughput (bare/app ${(mb.rps / ma.rps).toFixed(2)}x), latency p50 app/bare ${(ma.p50 / mb.p50).toFixed(2)}x, p99 ${(ma.p99 / mb.p99).toFixed(2)}x`,
  );
  return { app: ma, bare: mb };
}
