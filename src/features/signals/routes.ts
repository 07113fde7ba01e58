// The work list (R-SIG-1): every pending step in the actor's room, with who must act and by when,
// bucketed overdue / this week / later, filterable by municipality, provider and product.
import { z } from 'zod';
import { StepNames } from '../../domain/step-names.js';
import { urgency } from '../../domain/steps.js';
import { signalInScope, SqlParams } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { notFound } from '../../platform/errors.js';
import { ctxOf } from '../../platform/http/access-hook.js';
import { str } from '../../platform/http/input.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { productName } from '../organisations/store.js';
import { IdParam } from '../participants/schemas.js';
import { uniqueSubjects } from '../referrals/service.js';

const Named = z.object({ id: z.uuid(), name: z.string() }).nullable();
export const SignalItem = z.object({
  id: z.uuid(),
  cause: z.string(),
  step: z.enum(StepNames).nullable(),
  status: z.enum(['open', 'acknowledged', 'resolved']),
  addressee: z.enum(['municipality', 'provider']),
  dueDate: z.string(),
  urgency: z.enum(['overdue', 'thisWeek', 'later']),
  raisedOn: z.string(),
  breachedOn: z.string().nullable(),
  resolvedOn: z.string().nullable(),
  participant: z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string() }).nullable(),
  referralId: z.uuid().nullable(),
  provider: Named,
  municipality: Named,
  product: z.object({ code: z.string(), name: z.string() }).nullable(),
});

const SignalQuery = z.object({
  status: z.enum(['open', 'acknowledged', 'resolved', 'all', 'unresolved']).default('unresolved'),
  municipalityId: z.uuid().optional(),
  providerId: z.uuid().optional(),
  productCode: str().max(64).optional(),
});

interface SignalRow {
  id: string;
  cause: string;
  status: 'open' | 'acknowledged' | 'resolved';
  addressee: 'municipality' | 'provider';
  dueDate: string;
  raisedOn: string;
  breachedOn: string | null;
  resolvedOn: string | null;
  subjectType: string;
  subjectId: string;
  participantId: string | null;
  givenName: string | null;
  familyName: string | null;
  providerId: string | null;
  providerName: string | null;
  municipalityId: string;
  municipalityName: string;
  productCode: string | null;
}

const SELECT = `SELECT s.id, s.cause, s.status, s.addressee, s.due_date AS "dueDate", s.raised_on AS "raisedOn", s.breached_on AS "breachedOn",
    s.resolved_on AS "resolvedOn", s.subject_type AS "subjectType", s.subject_id AS "subjectId", s.participant_id AS "participantId",
    pp.given_name AS "givenName", pp.family_name AS "familyName", s.provider_id AS "providerId", pr.name AS "providerName",
    s.municipality_id AS "municipalityId", m.name AS "municipalityName", s.product_code AS "productCode"
  FROM signal s JOIN municipality m ON m.id = s.municipality_id
  LEFT JOIN participant pp ON pp.id = s.participant_id LEFT JOIN provider pr ON pr.id = s.provider_id`;

const stepOf = (cause: string) => {
  const step = cause.replace(/^referral\./, '');
  return (StepNames as readonly string[]).includes(step) ? (step as (typeof StepNames)[number]) : null;
};

export const registerSignalRoutes: RouteRegistrar = (app, deps) => {
  const toItem = (r: SignalRow, today: string) => ({
    id: r.id,
    cause: r.cause,
    step: stepOf(r.cause),
    status: r.status,
    addressee: r.addressee,
    dueDate: r.dueDate,
    urgency: urgency(r.dueDate, today),
    raisedOn: r.raisedOn,
    breachedOn: r.breachedOn,
    resolvedOn: r.resolvedOn,
    participant: r.participantId === null ? null : { id: r.participantId, givenName: r.givenName ?? '', familyName: r.familyName ?? '' },
    referralId: r.subjectType === 'referral' ? r.subjectId : null,
    provider: r.providerId === null ? null : { id: r.providerId, name: r.providerName ?? '' },
    municipality: { id: r.municipalityId, name: r.municipalityName },
    product: r.productCode === null ? null : { code: r.productCode, name: productName(deps.contracts, r.productCode) },
  });

  app.get(
    '/api/v1/signals',
    {
      config: { permission: 'signal.list' },
      schema: { tags: ['signals'], summary: 'Work list: the pending steps in the actor\'s room', querystring: SignalQuery, response: { 200: z.object({ items: z.array(SignalItem) }) } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const q = req.query;
      const rows = await deps.db.transaction(async (tx) => {
        const p = new SqlParams();
        const where = [signalInScope(ctx.scope, p)];
        if (q.status === 'unresolved') where.push(`s.status <> 'resolved'`);
        else if (q.status !== 'all') where.push(`s.status = ${p.add(q.status)}`);
        if (q.municipalityId !== undefined) where.push(`s.municipality_id = ${p.add(q.municipalityId)}`);
        if (q.providerId !== undefined) where.push(`s.provider_id = ${p.add(q.providerId)}`);
        if (q.productCode !== undefined) where.push(`s.product_code = ${p.add(q.productCode)}`);
        const found = await tx.query<SignalRow>(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY s.due_date ASC, s.id ASC LIMIT 1000`, p.values);
        const subjects = uniqueSubjects(found.flatMap((r) => (r.participantId === null ? [] : [{ participantId: r.participantId, municipalityId: r.municipalityId }])));
        await recordAudit(tx, deps.crypto, ctx, { name: 'signal.list', status: 'ok', subjects, objectType: 'signal' });
        return found;
      });
      const today = deps.clock.today();
      return { items: rows.map((r) => toItem(r, today)) };
    },
  );

  // R-SIG-1: open → acknowledged ("gezien"); resolution comes from the awaited step itself.
  app.post(
    '/api/v1/signals/:id/acknowledgement',
    { config: { permission: 'signal.acknowledge' }, schema: { tags: ['signals'], summary: 'Mark a signal as seen', params: IdParam, response: { 200: SignalItem } } },
    async (req) => {
      const ctx = ctxOf(req);
      const row = await deps.db.transaction(async (tx) => {
        const p = new SqlParams();
        const found = await tx.query<SignalRow>(`${SELECT} WHERE s.id = ${p.add(req.params.id)} AND ${signalInScope(ctx.scope, p)} FOR UPDATE OF s`, p.values);
        const r = found[0];
        if (r === undefined) {
          await recordAudit(tx, deps.crypto, ctx, { name: 'signal.acknowledge', status: 'error', subjects: [], objectType: 'signal', objectId: req.params.id });
          return undefined;
        }
        if (r.status === 'open') {
          await tx.query(`UPDATE signal SET status = 'acknowledged', acknowledged_on = $2, acknowledged_by = $3 WHERE id = $1`, [r.id, deps.clock.today(), ctx.actor.userId]);
          r.status = 'acknowledged';
        }
        await recordAudit(tx, deps.crypto, ctx, {
          name: 'signal.acknowledge',
          status: 'ok',
          subjects: r.participantId === null ? [] : [{ participantId: r.participantId, municipalityId: r.municipalityId }],
          objectType: 'signal',
          objectId: r.id,
        });
        return r;
      });
      if (row === undefined) throw notFound();
      return toItem(row, deps.clock.today());
    },
  );
};
