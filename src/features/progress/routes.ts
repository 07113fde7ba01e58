// Issue #5: progress and levels per skill, scaling, exams, route changes and the end of a route
// (R-HRS-4, R-HRS-5, R-LVL-1, R-LVL-2, R-LVL-3, R-LVL-4, R-LVL-5, R-RTE-1, R-RTE-2, R-RTE-3, R-RTE-4,
// R-END-1, R-END-2, R-BYD-1).
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ctxOf } from '../../platform/http/access-hook.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { IdParam } from '../participants/schemas.js';
import { decideScaling, recordExam, recordExamResult, recordRouteEvent, requestScaling } from './changes.js';
import { getOverview, overrideStatus, recordLevels, recordProgressTest } from './overview.js';
import { createReport, decideInvoice, getReport, reportPdf, submitReport, updateReport } from './reports.js';
import {
  ExamCreate,
  ExamUpdate,
  InvoiceDecisionBody,
  LevelsBody,
  OverrideBody,
  Overview,
  ProgressTestBody,
  Report,
  ReportCreate,
  ReportSubmit,
  ReportUpdate,
  RouteEventBody,
  Scaling,
  ScalingCreate,
  ScalingDecision,
} from './schemas.js';
import { hoursStatementPdf } from './statement.js';

const Created = z.object({ id: z.uuid() });

function sendPdf(reply: FastifyReply, file: { fileName: string; content: Buffer }): FastifyReply {
  // Personal data: no shared or browser cache keeps a copy (every download is audited, R-SEC-2).
  return reply.header('Content-Type', 'application/pdf').header('Content-Disposition', `attachment; filename="${file.fileName}"`).header('Cache-Control', 'no-store').send(file.content);
}

export const registerProgressRoutes: RouteRegistrar = (app, deps) => {
  const tags = ['progress'];
  app.get(
    '/api/v1/participants/:id/progress',
    { config: { permission: 'progress.read' }, schema: { tags, summary: 'Status with reasons and forecast, levels per skill, tests, reports, scaling, exams and route (R-HRS-5, R-BYD-1, R-LVL-1)', params: IdParam, response: { 200: Overview } } },
    (req) => getOverview(deps, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/participants/:id/levels',
    { config: { permission: 'progress.write' }, schema: { tags, summary: 'Target and current level per skill; KNM, MAP and PVT status (R-LVL-1)', params: IdParam, body: LevelsBody, response: { 200: Overview.shape.levels } } },
    (req) => recordLevels(deps, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/participants/:id/progress-tests',
    { config: { permission: 'progress.write' }, schema: { tags, summary: 'A progress test with a result per skill (R-HRS-2, R-HRS-4)', params: IdParam, body: ProgressTestBody, response: { 201: Created } } },
    async (req, reply) => reply.status(201).send(await recordProgressTest(deps, ctxOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/v1/participants/:id/status-override',
    { config: { permission: 'progress.write' }, schema: { tags, summary: 'The provider overrides the computed status with a written reason, or withdraws it (R-HRS-5)', params: IdParam, body: OverrideBody, response: { 200: Overview.shape.status } } },
    (req) => overrideStatus(deps, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/participants/:id/progress-reports',
    { config: { permission: 'progress.write' }, schema: { tags, summary: 'A new progress or final report draft, pre-filled from what Koers knows (R-HRS-4, R-END-1)', params: IdParam, body: ReportCreate, response: { 201: Report } } },
    async (req, reply) => reply.status(201).send(await createReport(deps, ctxOf(req), req.params.id, req.body.kind)),
  );
  app.get(
    '/api/v1/progress-reports/:id',
    { config: { permission: 'progress.read' }, schema: { tags, summary: 'A report; drafts only for the provider that writes them', params: IdParam, response: { 200: Report } } },
    (req) => getReport(deps, ctxOf(req), req.params.id),
  );
  app.put(
    '/api/v1/progress-reports/:id',
    { config: { permission: 'progress.write' }, schema: { tags, summary: 'Save a draft (optimistic locking by lockVersion)', params: IdParam, body: ReportUpdate, response: { 200: Report } } },
    (req) => updateReport(deps, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/progress-reports/:id/submission',
    { config: { permission: 'progress.write' }, schema: { tags, summary: 'Submit a draft: checked for the content the route asks, then shared with the municipality and the participant', params: IdParam, body: ReportSubmit, response: { 200: Report } } },
    (req) => submitReport(deps, ctxOf(req), req.params.id, req.body.lockVersion),
  );
  app.get(
    '/api/v1/progress-reports/:id/pdf',
    { config: { permission: 'progress.read' }, schema: { tags, summary: 'The report as PDF (audited download)', params: IdParam, produces: ['application/pdf'] } },
    async (req, reply) => sendPdf(reply, await reportPdf(deps, ctxOf(req), req.params.id)),
  );
  app.post(
    '/api/v1/progress-reports/:id/invoice-decision',
    { config: { permission: 'progress.decide' }, schema: { tags, summary: 'The municipality decides whether the final product may be invoiced (R-END-2)', params: IdParam, body: InvoiceDecisionBody, response: { 200: Report } } },
    (req) => decideInvoice(deps, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/participants/:id/scaling-requests',
    { config: { permission: 'progress.write' }, schema: { tags, summary: 'Request down- or up-scaling of one skill; the conditions are checked and kept (R-LVL-3, R-LVL-4)', params: IdParam, body: ScalingCreate, response: { 201: Scaling } } },
    async (req, reply) => reply.status(201).send(await requestScaling(deps, ctxOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/v1/scaling-requests/:id/decision',
    { config: { permission: 'progress.decide' }, schema: { tags, summary: 'The municipality approves or refuses in writing; approving despite a failed check needs a reason (R-LVL-3)', params: IdParam, body: ScalingDecision, response: { 200: Scaling } } },
    (req) => decideScaling(deps, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/participants/:id/exam-attempts',
    { config: { permission: 'progress.write' }, schema: { tags, summary: 'An exam registration or attempt per part (R-LVL-2)', params: IdParam, body: ExamCreate, response: { 201: Created } } },
    async (req, reply) => reply.status(201).send(await recordExam(deps, ctxOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/v1/exam-attempts/:id',
    { config: { permission: 'progress.write' }, schema: { tags, summary: 'The result of a registered attempt (R-LVL-2)', params: IdParam, body: ExamUpdate, response: { 200: Created } } },
    (req) => recordExamResult(deps, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/participants/:id/route-events',
    { config: { permission: 'route.record' }, schema: { tags, summary: 'Route change, pause, resumption, drop-out, move, switch of provider, hand-over or end (R-RTE-1, R-RTE-2, R-RTE-3, R-RTE-4, R-END-1)', params: IdParam, body: RouteEventBody, response: { 201: Created } } },
    async (req, reply) => reply.status(201).send(await recordRouteEvent(deps, ctxOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/v1/participants/:id/hours-statement.pdf',
    { config: { permission: 'progress.read' }, schema: { tags, summary: 'Hours statement with proof of participation (R-RTE-4), audited download', params: IdParam, produces: ['application/pdf'] } },
    async (req, reply) => sendPdf(reply, await hoursStatementPdf(deps, ctxOf(req), req.params.id)),
  );
};
