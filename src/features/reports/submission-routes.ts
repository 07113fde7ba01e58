// Issue #13 (R-CON-8, R-MI-6): the report instances a reader sees, one instance's frozen submission with
// the recomputation and the difference, the provider's draft and submission, and the frozen XLSX/PDF.
import { ctxOf } from '../../platform/http/access-hook.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { listInstances } from './instances.js';
import { REPORT_CONTENT_TYPE, sendReportDocument } from './render/index.js';
import { DraftBody, DraftSaved, ExportQuery, InstanceDetail, InstanceListQuery, InstancePage, InstanceParams, SubmitBody } from './submission-schemas.js';
import { frozenDocument, instanceDetail, saveDraft, submitInstance } from './submission-service.js';
import { z } from 'zod';

const tags = ['reports'];
const Submitted = z.object({ sequence: z.number().int(), contentHash: z.string(), submittedAt: z.string() });

export const registerReportSubmissionRoutes: RouteRegistrar = (app, deps) => {
  app.get(
    '/api/v1/reports/instances',
    {
      config: { permission: 'report.read' },
      schema: {
        tags,
        summary: 'R-CON-8, R-MI-6: the report instances whose period ends in the window, one per owing provider, with due date and status (due, submitted, late, submitted late); a provider its own, a consultant its municipality\'s and the region\'s, a contract manager its region\'s, a policy officer its municipality\'s and the region\'s',
        querystring: InstanceListQuery,
        response: { 200: InstancePage },
      },
    },
    (req) => listInstances(deps, ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/reports/instances/:id',
    {
      config: { permission: 'report.read' },
      schema: {
        tags,
        summary: 'R-MI-6: one instance — the submitted document exactly as submitted, every submission with its sha-256 content hash, the figures recomputed now and the difference per cell; figures only for the owing provider and the consultant of the instance\'s own municipality',
        params: InstanceParams,
        response: { 200: InstanceDetail },
      },
    },
    (req) => instanceDetail(deps, ctxOf(req), req.params.id),
  );
  app.put(
    '/api/v1/reports/instances/:id/draft',
    {
      config: { permission: 'report.submit' },
      schema: { tags, summary: 'The provider saves the entered (qualitative) texts as a draft; 409 when the lockVersion read is not the stored one', params: InstanceParams, body: DraftBody, response: { 200: DraftSaved } },
    },
    (req) => saveDraft(deps, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/reports/instances/:id/submissions',
    {
      config: { permission: 'report.submit' },
      schema: {
        tags,
        summary: 'The provider submits: the figures, the draft\'s texts, the contract version and the computed-at time are frozen with a sha-256 content hash; the recipients get a mail. 422 before the period ended, with an empty entered item, or for a second submission without a correction reason (a correction is a new row; the first stays)',
        params: InstanceParams,
        body: SubmitBody,
        response: { 201: Submitted },
      },
    },
    async (req, reply) => reply.code(201).send(await submitInstance(deps, ctxOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/v1/reports/instances/:id/export',
    {
      config: { permission: 'report.read' },
      schema: { tags, summary: 'The latest submission exactly as submitted, as XLSX or PDF, with "ingediend op … door …" and its content hash', params: InstanceParams, querystring: ExportQuery, produces: Object.values(REPORT_CONTENT_TYPE) },
    },
    async (req, reply) => sendReportDocument(reply, await frozenDocument(deps, ctxOf(req), req.params.id), req.query.format, 'rapportage', deps.clock.today()),
  );
};
