import { ctxOf } from '../../platform/http/access-hook.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { sendExport, XLSX_TYPE } from '../../platform/http/export.js';
import { participantColumns } from './export.js';
import { AuditEventList, BsnSearch, IdParam, ParticipantCreate, ParticipantDetail, ParticipantExportQuery, ParticipantListQuery, ParticipantPage } from './schemas.js';
import { z } from 'zod';
import { ParticipantSummary } from './schemas.js';
import { getTimetable, Timetable } from './timetable.js';
import { getMyLearningPlan, getMySignedLearningPlan, MyLearningPlan } from './learning-plan.js';
import { contentDisposition } from '../documents/files.js';
import { createParticipant, getParticipant, listAuditEvents, listParticipants, participantExportSource, searchParticipantsByBsn } from './service.js';

export const registerParticipantRoutes: RouteRegistrar = (app, deps) => {
  app.get(
    '/api/v1/participants',
    {
      config: { permission: 'participant.list' },
      schema: { tags: ['participants'], summary: 'Participants in the actor\'s room: search, sort, page', querystring: ParticipantListQuery, response: { 200: ParticipantPage } },
    },
    (req) => listParticipants(deps, ctxOf(req), req.query),
  );

  // R-EXC-3: the whole filtered list of GET /participants (same permission, scope, search and order), streamed.
  app.get(
    '/api/v1/participants/export',
    {
      config: { permission: 'participant.list' },
      schema: { tags: ['participants'], summary: 'The filtered participant list as XLSX or CSV, every row, no BSN (R-EXC-3)', querystring: ParticipantExportQuery, produces: [XLSX_TYPE, 'text/csv'] },
    },
    (req, reply) =>
      sendExport(reply, {
        format: req.query.format,
        fileStem: 'inburgeraars',
        today: deps.clock.today(),
        sheetName: 'Inburgeraars',
        columns: participantColumns,
        next: participantExportSource(deps, ctxOf(req), req.query),
      }),
  );

  app.post(
    '/api/v1/participants',
    {
      config: { permission: 'participant.create' },
      schema: { tags: ['participants'], summary: 'Register a participant, optionally with the referral (R-PAR-1, R-REF-1)', body: ParticipantCreate, response: { 201: ParticipantDetail } },
    },
    async (req, reply) => reply.status(201).send(await createParticipant(deps, ctxOf(req), req.body)),
  );

  // R-EXC-6: no BSN in a URI or query string; the search is a POST with the BSN in the body.
  app.post(
    '/api/v1/participants/search',
    {
      config: { permission: 'participant.searchByBsn' },
      schema: { tags: ['participants'], summary: 'Find a participant by BSN', body: BsnSearch, response: { 200: z.object({ items: z.array(ParticipantSummary) }) } },
    },
    (req) => searchParticipantsByBsn(deps, ctxOf(req), req.body.bsn),
  );

  app.get(
    '/api/v1/participants/:id',
    { config: { permission: 'participant.read' }, schema: { tags: ['participants'], summary: 'One participant with its referrals', params: IdParam, response: { 200: ParticipantDetail } } },
    (req) => getParticipant(deps, ctxOf(req), req.params.id),
  );

  // Issue #12 (R-PRT-2): the participant's timetable, this week and next.
  app.get(
    '/api/v1/participants/:id/timetable',
    { config: { permission: 'attendance.read' }, schema: { tags: ['participants'], summary: "The participant's lessons this week and next (R-PRT-2)", params: IdParam, response: { 200: Timetable } } },
    (req) => getTimetable(deps, ctxOf(req), req.params.id),
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

  app.get(
    '/api/v1/participants/:id/audit-events',
    {
      config: { permission: 'participant.auditRead' },
      schema: { tags: ['participants'], summary: 'Who processed this participant\'s data (R-SEC-2)', params: IdParam, response: { 200: AuditEventList } },
    },
    (req) => listAuditEvents(deps, ctxOf(req), req.params.id),
  );
};
