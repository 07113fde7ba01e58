import { ctxOf } from '../../platform/http/access-hook.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { sendExport, XLSX_TYPE } from '../../platform/http/export.js';
import { participantColumns } from './export.js';
import { AuditEventList, BsnSearch, IdParam, ParticipantCreate, ParticipantDetail, ParticipantExportQuery, ParticipantListQuery, ParticipantPage } from './schemas.js';
import { z } from 'zod';
import { ParticipantSummary } from './schemas.js';
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

  app.get(
    '/api/v1/participants/:id/audit-events',
    {
      config: { permission: 'participant.auditRead' },
      schema: { tags: ['participants'], summary: 'Who processed this participant\'s data (R-SEC-2)', params: IdParam, response: { 200: AuditEventList } },
    },
    (req) => listAuditEvents(deps, ctxOf(req), req.params.id),
  );
};
