// Issue #12 (R-PRT-1, R-PRT-2): the reads of the participant's own Koers that no other feature served —
// the timetable, and the approved learning plan with its signed copy. Their own folder: they read
// groups, referrals and documents, which must not depend on participants (no feature cycles).
import { ctxOf } from '../../platform/http/access-hook.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { contentDisposition } from '../documents/files.js';
import { IdParam } from '../participants/schemas.js';
import { getMyLearningPlan, getMySignedLearningPlan, MyLearningPlan } from './learning-plan.js';
import { getMyParticipation, MyParticipation } from './participation.js';
import { getTimetable, Timetable } from './timetable.js';

export const registerPortalRoutes: RouteRegistrar = (app, deps) => {
  // Issue #12 (R-PRT-2): the participant's timetable, this week and next.
  app.get(
    '/api/v1/participants/:id/timetable',
    { config: { permission: 'attendance.read' }, schema: { tags: ['participants'], summary: "The participant's lessons this week and next (R-PRT-2)", params: IdParam, response: { 200: Timetable } } },
    (req) => getTimetable(deps, ctxOf(req), req.params.id),
  );

  // Issue #12 (R-PRT-2): "Mijn activiteiten" — activities, hours per kind, MAP themes and practical part.
  app.get(
    '/api/v1/participants/:id/my-participation',
    { config: { permission: 'participation.read' }, schema: { tags: ['participants'], summary: "The participant's own participation activities, hours per kind, and the MAP themes and practical part against 40 hours (R-PRT-2, R-MAP-1, R-HRS-1); without the provider's notes", params: IdParam, response: { 200: MyParticipation } } },
    (req) => getMyParticipation(deps, ctxOf(req), req.params.id),
  );

  // Issue #12 (R-PRT-2): the approved learning plan and the signed copy, for the participant too.
  app.get(
    '/api/v1/participants/:id/learning-plan',
    { config: { permission: 'participant.read' }, schema: { tags: ['participants'], summary: 'The approved learning plan of the latest referral, and whether a signed copy exists (R-PRT-2, R-REF-6)', params: IdParam, response: { 200: MyLearningPlan } } },
    (req) => getMyLearningPlan(deps, ctxOf(req), req.params.id),
  );
  app.get(
    '/api/v1/participants/:id/learning-plan/signed.pdf',
    { config: { permission: 'participant.read' }, schema: { tags: ['participants'], summary: 'The signed copy of the approved learning plan (R-PRT-2, R-REF-7), audited download', params: IdParam, produces: ['application/pdf'] } },
    async (req, reply) => {
      const file = await getMySignedLearningPlan(deps, ctxOf(req), req.params.id);
      // Personal data: no shared or browser cache keeps a copy (R-SEC-2 counts every download).
      return reply.header('Content-Type', file.contentType).header('Content-Disposition', contentDisposition(file.fileName)).header('Cache-Control', 'no-store').send(file.content);
    },
  );
};
