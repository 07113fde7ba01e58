// The work list (R-SIG-1): the signals in the actor's room, soonest due first.
import { z } from 'zod';
import { signalInScope, SqlParams } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { ctxOf } from '../../platform/http/access-hook.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { uniqueSubjects } from '../referrals/service.js';

const Named = z.object({ id: z.uuid(), name: z.string() }).nullable();
export const SignalItem = z.object({
  id: z.uuid(),
  cause: z.enum(['referral.acknowledgementOverdue']),
  status: z.enum(['open', 'acknowledged', 'resolved']),
  addressee: z.enum(['municipality', 'provider']),
  dueDate: z.string(),
  raisedOn: z.string(),
  resolvedOn: z.string().nullable(),
  participant: z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string() }).nullable(),
  referralId: z.uuid().nullable(),
  provider: Named,
  municipality: Named,
});

const SignalQuery = z.object({ status: z.enum(['open', 'acknowledged', 'resolved', 'all']).default('open') });

interface SignalRow {
  id: string;
  cause: 'referral.acknowledgementOverdue';
  status: 'open' | 'acknowledged' | 'resolved';
  addressee: 'municipality' | 'provider';
  dueDate: string;
  raisedOn: string;
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
}

export const registerSignalRoutes: RouteRegistrar = (app, deps) => {
  app.get(
    '/api/v1/signals',
    {
      config: { permission: 'signal.list' },
      schema: { tags: ['signals'], summary: 'Work list: signals for the actor', querystring: SignalQuery, response: { 200: z.object({ items: z.array(SignalItem) }) } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const rows = await deps.db.transaction(async (tx) => {
        const p = new SqlParams();
        const statusSql = req.query.status === 'all' ? 'true' : `s.status = ${p.add(req.query.status)}`;
        const found = await tx.query<SignalRow & Record<string, unknown>>(
          `SELECT s.id, s.cause, s.status, s.addressee, s.due_date AS "dueDate", s.raised_on AS "raisedOn", s.resolved_on AS "resolvedOn",
                  s.subject_type AS "subjectType", s.subject_id AS "subjectId", s.participant_id AS "participantId",
                  pp.given_name AS "givenName", pp.family_name AS "familyName", s.provider_id AS "providerId", pr.name AS "providerName",
                  s.municipality_id AS "municipalityId", m.name AS "municipalityName"
           FROM signal s JOIN municipality m ON m.id = s.municipality_id
           LEFT JOIN participant pp ON pp.id = s.participant_id LEFT JOIN provider pr ON pr.id = s.provider_id
           WHERE ${signalInScope(ctx.scope, p)} AND ${statusSql}
           ORDER BY s.due_date ASC, s.id ASC LIMIT 500`,
          p.values,
        );
        const subjects = uniqueSubjects(found.flatMap((r) => (r.participantId === null ? [] : [{ participantId: r.participantId, municipalityId: r.municipalityId }])));
        await recordAudit(tx, deps.crypto, ctx, { name: 'signal.list', status: 'ok', subjects, objectType: 'signal' });
        return found;
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          cause: r.cause,
          status: r.status,
          addressee: r.addressee,
          dueDate: r.dueDate,
          raisedOn: r.raisedOn,
          resolvedOn: r.resolvedOn,
          participant: r.participantId === null ? null : { id: r.participantId, givenName: r.givenName ?? '', familyName: r.familyName ?? '' },
          referralId: r.subjectType === 'referral' ? r.subjectId : null,
          provider: r.providerId === null ? null : { id: r.providerId, name: r.providerName ?? '' },
          municipality: { id: r.municipalityId, name: r.municipalityName },
        })),
      };
    },
  );
};
