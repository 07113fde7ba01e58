// Participation activities, hours per kind and the participation ladder (issue #12: R-MAP-1, R-MAP-2,
// R-MAP-4, R-HRS-1, R-HRS-2). Who may write is decided in the service (see its file comment).
import type { RouteRegistrar } from '../../platform/http/server.js';
import { ctxOf } from '../../platform/http/access-hook.js';
import { IdParam } from '../participants/schemas.js';
import { Activity, ActivityCorrection, ActivityCreate, ActivityList, Ladder, LadderCreate, ParticipationSummary } from './schemas.js';
import { correctActivity, getLadder, listActivities, participationSummary, recordLadderStep, registerActivity } from './service.js';

export const registerParticipationRoutes: RouteRegistrar = (app, deps) => {
  const tags = ['participation'];
  app.get(
    '/api/v1/participants/:id/participation-activities',
    { config: { permission: 'participation.read' }, schema: { tags, summary: 'The participant\'s participation activities, every provider\'s, current versions (R-MAP-2)', params: IdParam, response: { 200: ActivityList } } },
    (req) => listActivities(deps, ctxOf(req), req.params.id),
  );

  app.post(
    '/api/v1/participants/:id/participation-activities',
    {
      config: { permission: 'participation.write' },
      schema: {
        tags,
        summary: 'Register an activity under a participation or MAP referral to the own provider (R-MAP-2); 403 for a provider that serves the participant for another product',
        params: IdParam,
        body: ActivityCreate,
        response: { 201: Activity },
      },
    },
    async (req, reply) => reply.status(201).send(await registerActivity(deps, ctxOf(req), req.params.id, req.body)),
  );

  app.put(
    '/api/v1/participation-activities/:id',
    {
      config: { permission: 'participation.write' },
      schema: { tags, summary: 'Correct an activity: a new version, the old one kept; 409 when the version read is not the current one', params: IdParam, body: ActivityCorrection, response: { 200: Activity } },
    },
    (req) => correctActivity(deps, ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/participants/:id/participation-summary',
    {
      config: { permission: 'participation.read' },
      schema: { tags, summary: 'Hours per activity kind and hour kind, the MAP practical part against 40 hours, the 200-hour meetings due (R-HRS-1, R-MAP-1, R-HRS-2)', params: IdParam, response: { 200: ParticipationSummary } },
    },
    (req) => participationSummary(deps, ctxOf(req), req.params.id),
  );

  app.get(
    '/api/v1/participants/:id/participation-ladder',
    { config: { permission: 'participation.read' }, schema: { tags, summary: 'The participation ladder: every record and the step per moment (R-MAP-4)', params: IdParam, response: { 200: Ladder } } },
    (req) => getLadder(deps, ctxOf(req), req.params.id),
  );

  app.post(
    '/api/v1/participants/:id/participation-ladder',
    {
      config: { permission: 'participation.write' },
      schema: { tags, summary: 'Record a ladder step 1–6 at referral, during or at the end (R-MAP-4); earlier records stay', params: IdParam, body: LadderCreate, response: { 201: Ladder } },
    },
    async (req, reply) => reply.status(201).send(await recordLadderStep(deps, ctxOf(req), req.params.id, req.body)),
  );
};
