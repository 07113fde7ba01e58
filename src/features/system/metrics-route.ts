// Issue #17 (operations): GET /metrics for Prometheus. The request and job counters come from this
// process (src/platform/metrics.ts); the queue lengths are read from the database at scrape time, so every
// instance reports the same queues. No personal data: counts, ages, route templates.
import type { RouteRegistrar } from '../../platform/http/server.js';
import type { Db } from '../../platform/db.js';
import { mayScrape, Metrics, type Gauge } from '../../platform/metrics.js';
import { notFound } from '../../platform/errors.js';

/** The job name of the hourly scheduled run (src/app.ts) in the metrics and the health check. */
export const SCHEDULED_JOB = 'scheduled-run';

export interface OutboxState {
  byStatus: Record<'pending' | 'sending' | 'sent' | 'failed', number>;
  oldestPendingSeconds: number;
}

/** The mail outbox's length by status and the age of its oldest waiting message (0 when none waits). */
export async function outboxState(db: Db): Promise<OutboxState> {
  const rows = await db.query<{ status: string; n: number; oldest: number | null }>(
    `SELECT status, count(*)::int AS n,
            extract(epoch FROM now() - min(created_at) FILTER (WHERE status IN ('pending','sending')))::float8 AS oldest
       FROM outbox GROUP BY status`,
  );
  const byStatus = { pending: 0, sending: 0, sent: 0, failed: 0 };
  let oldest = 0;
  for (const r of rows) {
    if (r.status in byStatus) byStatus[r.status as keyof typeof byStatus] = r.n;
    if (r.oldest !== null) oldest = Math.max(oldest, r.oldest);
  }
  return { byStatus, oldestPendingSeconds: Math.round(oldest) };
}

function processGauges(): Gauge[] {
  const mem = process.memoryUsage();
  return [
    { name: 'process_resident_memory_bytes', help: 'Resident memory of this process.', samples: [{ value: mem.rss }] },
    { name: 'nodejs_heap_used_bytes', help: 'V8 heap in use.', samples: [{ value: mem.heapUsed }] },
    { name: 'process_uptime_seconds', help: 'Seconds since this process started.', samples: [{ value: Math.round(process.uptime()) }] },
  ];
}

export const registerMetricsRoute: RouteRegistrar = (app, deps) => {
  const metrics = deps.metrics ?? new Metrics();
  // Not under /api: Prometheus' own path, outside the session-based access decision; the token decides.
  app.get('/metrics', { config: {}, schema: { hide: true } }, async (req, reply) => {
    // A 404, as for a route that is not there: a scraper without the token learns nothing.
    if (!mayScrape(req.headers.authorization, deps.metricsToken, deps.production)) throw notFound();
    const outbox = await outboxState(deps.db);
    const gauges: Gauge[] = [
      {
        name: 'koers_outbox_messages',
        help: 'Messages in the mail outbox, by status.',
        samples: Object.entries(outbox.byStatus).map(([status, value]) => ({ labels: { status }, value })),
      },
      { name: 'koers_outbox_oldest_pending_seconds', help: 'Age of the oldest mail still waiting to be sent (0 when none waits).', samples: [{ value: outbox.oldestPendingSeconds }] },
      ...processGauges(),
    ];
    return reply.type('text/plain; version=0.0.4; charset=utf-8').header('cache-control', 'no-store').send(metrics.render(gauges));
  });
};
