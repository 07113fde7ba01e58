// How many pending steps there are per kind and urgency in the actor's room (issue #10 item 5): the
// coordinator's home counts its provider's deadlines per kind (acknowledge, invite to intake, learning
// plan, reports due…) and links to the work list. Counts only — no participant is named, so no audit line;
// the room is signalInScope, the same as the work list's.
import { z } from 'zod';
import { stepOfCause } from '../../domain/signal-cause.js';
import { StepNames } from '../../domain/step-names.js';
import { urgency } from '../../domain/steps.js';
import { signalInScope, SqlParams } from '../../platform/access.js';
import { ctxOf } from '../../platform/http/access-hook.js';
import type { RouteRegistrar } from '../../platform/http/server.js';

export const SignalCount = z.object({
  cause: z.string(),
  step: z.enum(StepNames).nullable(),
  addressee: z.enum(['municipality', 'provider']),
  overdue: z.number().int(),
  thisWeek: z.number().int(),
  later: z.number().int(),
});
export type SignalCount = z.infer<typeof SignalCount>;

export const registerSignalCountRoutes: RouteRegistrar = (app, deps) => {
  app.get(
    '/api/v1/signal-counts',
    {
      config: { permission: 'signal.list' },
      schema: {
        tags: ['signals'],
        summary: "Pending steps in the actor's room counted per kind, party and urgency (no names)",
        response: { 200: z.object({ today: z.string(), items: z.array(SignalCount) }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const p = new SqlParams();
      const rows = await deps.db.query<{ cause: string; addressee: 'municipality' | 'provider'; dueDate: string; n: number }>(
        `SELECT s.cause, s.addressee, s.due_date AS "dueDate", count(*)::int AS n FROM signal s
         WHERE s.status <> 'resolved' AND ${signalInScope(ctx.scope, p)}
         GROUP BY s.cause, s.addressee, s.due_date`,
        p.values,
      );
      const today = deps.clock.today();
      // The buckets are the work list's (steps.ts `urgency`), so a count and the list it links to agree.
      const counts = new Map<string, SignalCount>();
      for (const r of rows) {
        const key = `${r.cause}|${r.addressee}`;
        const c = counts.get(key) ?? { cause: r.cause, step: stepOfCause(r.cause), addressee: r.addressee, overdue: 0, thisWeek: 0, later: 0 };
        c[urgency(r.dueDate, today)] += r.n;
        counts.set(key, c);
      }
      const items = [...counts.values()].sort((a, b) => b.overdue - a.overdue || b.thisWeek - a.thisWeek || a.cause.localeCompare(b.cause));
      return { today, items };
    },
  );
};
