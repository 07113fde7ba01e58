// Health, readiness, the system date and the demo logins.
import { z } from 'zod';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { AppError, notFound } from '../../platform/errors.js';
import { IsoDate } from '../../domain/contract.js';
import { DEMO_LOGINS, DEMO_PASSWORD, ROLE_LABELS } from '../demo/accounts.js';
import { runScheduled } from '../scheduled-run.js';
import { outboxState, registerMetricsRoute, SCHEDULED_JOB } from './metrics-route.js';

const DemoDate = IsoDate.refine((s) => {
  const year = Number(s.slice(0, 4));
  return year >= 1900 && year <= 2199;
}, 'Kies een datum tussen 1900 en 2199.');

const ReadyAnswer = z.object({
  status: z.literal('ready'),
  database: z.enum(['pglite', 'postgres']),
  jobs: z.object({
    scheduledRun: z.object({
      /** This instance's hourly run (another instance may hold the lock: then 'skipped'). */
      running: z.boolean(),
      lastEndedAt: z.string().nullable(),
      lastOutcome: z.enum(['ok', 'failed', 'skipped']).nullable(),
    }),
  }),
  outbox: z.object({ pending: z.number().int(), failed: z.number().int(), oldestPendingSeconds: z.number().int() }),
});

export const registerSystemRoutes: RouteRegistrar = (app, deps) => {
  registerMetricsRoute(app, deps);
  app.get(
    '/api/health',
    { config: { permission: 'public' }, schema: { tags: ['system'], summary: 'The process is up', response: { 200: z.object({ status: z.literal('ok') }) } } },
    () => ({ status: 'ok' as const }),
  );

  app.get(
    '/api/ready',
    { config: { permission: 'public' }, schema: { tags: ['system'], summary: 'The database answers; the scheduled run and the mail outbox as this instance sees them', response: { 200: ReadyAnswer } } },
    async () => {
      let outbox;
      try {
        await deps.db.query('SELECT 1');
        outbox = await outboxState(deps.db);
      } catch {
        throw new AppError('unavailable', 'De database is niet bereikbaar.');
      }
      // Issue #17: the job runner and the outbox are reported, not judged: a failed mail does not make an
      // instance unready (the load balancer would only move the same database's outbox to another one).
      const job = deps.metrics?.job(SCHEDULED_JOB);
      return {
        status: 'ready' as const,
        database: deps.db.kind,
        jobs: {
          scheduledRun: {
            running: job?.running ?? false,
            lastEndedAt: job?.lastEndedAt?.toISOString() ?? null,
            lastOutcome: job?.lastOutcome ?? null,
          },
        },
        outbox: { pending: outbox.byStatus.pending + outbox.byStatus.sending, failed: outbox.byStatus.failed, oldestPendingSeconds: outbox.oldestPendingSeconds },
      };
    },
  );

  app.get(
    '/api/v1/today',
    {
      config: { permission: 'today.read' },
      schema: { tags: ['system'], summary: 'The date the system believes it is', response: { 200: z.object({ today: z.string(), settable: z.boolean() }) } },
    },
    () => ({ today: deps.clock.today(), settable: deps.demo && deps.settableClock !== undefined }),
  );

  // Issue #3 item 7: in demo mode a reviewer moves the date and watches signals appear. Issue #9 hole 4:
  // only the administrator (access.ts grants demo.clock to admin alone), and only to a sane year —
  // `0000-01-01` became "1-01-01".
  app.put(
    '/api/v1/demo/today',
    {
      config: { permission: 'demo.clock' },
      schema: { tags: ['system'], summary: 'Set the date the system believes it is (demo mode only)', body: z.object({ today: DemoDate }), response: { 200: z.object({ today: z.string() }) } },
    },
    async (req) => {
      const clock = deps.settableClock;
      if (!deps.demo || clock === undefined) throw notFound();
      clock.setToday(req.body.today);
      // Issue #11: with crypto and clock the run also records what the facts have earned by the new date.
      await runScheduled(deps.db, deps.contracts, clock.today(), { crypto: deps.crypto, clock: deps.clock });
      return { today: clock.today() };
    },
  );

  app.get(
    '/api/v1/demo-accounts',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Demo logins (demo mode only)',
        response: {
          200: z.object({
            password: z.string(),
            items: z.array(z.object({ email: z.string(), role: z.string(), roleLabel: z.string(), organisationName: z.string() })),
          }),
        },
      },
    },
    async () => {
      if (!deps.demo) throw notFound();
      const names = await deps.db.query<{ email: string; organisationName: string }>(
        `SELECT u.email, COALESCE(m.name, p.name, r.name, 'Koers') AS "organisationName" FROM app_user u
         LEFT JOIN municipality m ON m.id = u.municipality_id LEFT JOIN provider p ON p.id = u.provider_id
         LEFT JOIN region r ON r.id = u.region_id WHERE u.email = ANY($1)`,
        [DEMO_LOGINS.map((a) => a.email)],
      );
      const byEmail = new Map(names.map((n) => [n.email, n.organisationName]));
      return {
        password: DEMO_PASSWORD,
        items: DEMO_LOGINS.filter((a) => byEmail.has(a.email)).map((a) => ({
          email: a.email,
          role: a.role,
          roleLabel: ROLE_LABELS[a.role],
          organisationName: byEmail.get(a.email) ?? '',
        })),
      };
    },
  );
};
