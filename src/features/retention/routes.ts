// The administrator's view of the retention purge (R-SEC-4): its log (counts per kind, never the data),
// a dry run that counts what a run would remove now and changes nothing, and a run on demand.
import { z } from 'zod';
import { retentionTermsFrom } from '../../domain/retention.js';
import { recordAudit } from '../../platform/audit.js';
import { realNow } from '../../platform/clock.js';
import { ctxOf } from '../../platform/http/access-hook.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { PURGE_KINDS, runPurge } from './purge.js';

const Counts = z.object(Object.fromEntries(PURGE_KINDS.map((k) => [k, z.number().int()])) as Record<(typeof PURGE_KINDS)[number], z.ZodNumber>);
const Terms = z.object({ participantYears: z.number(), documentYears: z.number(), fiscalYears: z.number(), auditYears: z.number(), sessionDays: z.number(), loginThrottleDays: z.number(), outboxDays: z.number() });
const Run = z.object({ id: z.uuid(), today: z.string(), startedAt: z.string(), trigger: z.enum(['scheduled', 'admin']), terms: Terms, counts: Counts });
const tags = ['retention'];

export const registerRetentionRoutes: RouteRegistrar = (app, deps) => {
  const terms = () => retentionTermsFrom(process.env);
  app.get(
    '/api/v1/retention/runs',
    { config: { permission: 'retention.manage' }, schema: { tags, summary: "The purge log: the last 50 runs, each with its terms and counts per kind (R-SEC-4)", response: { 200: z.object({ terms: Terms, items: z.array(Run) }) } } },
    async (req) => {
      const rows = await deps.db.transaction(async (tx) => {
        const runs = await tx.query<{ id: string; today: string; startedAt: Date; trigger: 'scheduled' | 'admin'; terms: z.infer<typeof Terms>; counts: Record<string, number> | null }>(
          `SELECT r.id, r.today, r.started_at AS "startedAt", r.trigger, r.terms,
             (SELECT jsonb_object_agg(c.kind, c.n) FROM retention_run_count c WHERE c.run_id = r.id) AS counts
           FROM retention_run r ORDER BY r.started_at DESC, r.id LIMIT 50`,
        );
        await recordAudit(tx, deps.crypto, ctxOf(req), { name: 'retention.read', status: 'ok', subjects: [], objectType: 'retentionRun', summary: `${runs.length} runs` });
        return runs;
      });
      return {
        terms: terms(),
        items: rows.map((r) => ({ ...r, startedAt: r.startedAt.toISOString(), counts: Object.fromEntries(PURGE_KINDS.map((k) => [k, r.counts?.[k] ?? 0])) as z.infer<typeof Counts> })),
      };
    },
  );
  app.post(
    '/api/v1/retention/dry-run',
    { config: { permission: 'retention.manage' }, schema: { tags, summary: 'What a purge would remove now, per kind; changes nothing (R-SEC-4)', response: { 200: z.object({ today: z.string(), terms: Terms, counts: Counts }) } } },
    async () => {
      const t = terms();
      const { counts } = await runPurge(deps.db, { terms: t, today: deps.clock.today(), now: realNow(), dryRun: true, trigger: 'admin', crypto: deps.crypto });
      return { today: deps.clock.today(), terms: t, counts };
    },
  );
  app.post(
    '/api/v1/retention/runs',
    { config: { permission: 'retention.manage' }, schema: { tags, summary: 'Run the purge now (it also runs once a day on the scheduled run); its counts (R-SEC-4)', response: { 201: z.object({ id: z.uuid(), counts: Counts }) } } },
    async (req, reply) => {
      const { counts, runId } = await runPurge(deps.db, { terms: terms(), today: deps.clock.today(), now: realNow(), dryRun: false, trigger: 'admin', crypto: deps.crypto, who: ctxOf(req) });
      return reply.status(201).send({ id: runId ?? '', counts });
    },
  );
};
