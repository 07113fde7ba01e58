// Hours per participant (R-HRS-1) and the hours push for providers' own systems (R-EXC-1).
import type { RouteRegistrar } from '../../platform/http/server.js';
import { ctxOf } from '../../platform/http/access-hook.js';
import { BatchHeaders } from '../../platform/http/input.js';
import { IdParam } from '../participants/schemas.js';
import { HoursBatchBody, HoursBatchResult, ParticipantHours } from './schemas.js';
import { getParticipantHours, pushHours } from './service.js';

export const registerHoursRoutes: RouteRegistrar = (app, deps) => {
  const tags = ['hours'];
  app.post(
    '/api/v1/hours-batches',
    {
      config: { permission: 'attendance.import' },
      schema: {
        tags,
        summary:
          'Push hours outside Koers lessons (participation, MAP practice, internship, study skills, deficiency subjects) from a provider\'s own system: all items or none, idempotent by Idempotency-Key; the same externalId with other values is a correction (R-EXC-1, R-HRS-1); 422 names each bad item as items[i].field',
        headers: BatchHeaders,
        body: HoursBatchBody,
        response: { 201: HoursBatchResult },
      },
    },
    async (req, reply) => {
      const out = await pushHours(deps, ctxOf(req), req.headers['idempotency-key'], req.body);
      if (out.replayed) void reply.header('Idempotent-Replayed', 'true');
      return reply.status(201).send(out.body);
    },
  );

  app.get(
    '/api/v1/participants/:id/hours',
    { config: { permission: 'attendance.read' }, schema: { tags, summary: 'Hours per kind, milestones reached and hours per week (R-HRS-1, R-HRS-2)', params: IdParam, response: { 200: ParticipantHours } } },
    (req) => getParticipantHours(deps, ctxOf(req), req.params.id),
  );
};
