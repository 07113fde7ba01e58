// Issue #13 (R-MI-2, R-MI-6): the content report (000 §4.1), the management report (000 §4.2), the year
// report (000 §4.3), each as JSON and as XLSX/PDF (the same cells, via sendReportDocument), and the
// drill-down behind a figure (GET /api/v1/reports/participants, permission report.participants).
import { ctxOf } from '../../platform/http/access-hook.js';
import { XLSX_TYPE } from '../../platform/http/export.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import type { ReportDocument } from '../../domain/reports/document.js';
import type { RequestContext } from '../../platform/access.js';
import {
  ContentReportExportQuery,
  ContentReportQuery,
  ContentReportResponse,
  DrillDownQuery,
  DrillDownResponse,
  ManagementReportExportQuery,
  ManagementReportQuery,
  ManagementReportResponse,
  YearReportExportQuery,
  YearReportQuery,
} from './content-schemas.js';
import { contentReportDocument, contentReportRead, denied, type ContentDeps, managementReportDocument, managementReportRead, yearReportDocument, yearReportRead } from './content-service.js';
import { drillDown } from './drill-down.js';
import { sendReportDocument } from './render/index.js';

const found = async (deps: ContentDeps, ctx: RequestContext, objectType: string, contractId: string, doc: ReportDocument | undefined): Promise<ReportDocument> => doc ?? denied(deps, ctx, objectType, { id: contractId });

export const registerContentReportRoutes: RouteRegistrar = (app, deps) => {
  const tags = ['reports'];
  const read = { permission: 'report.read' as const };
  const file = [XLSX_TYPE, 'application/pdf'];
  app.get(
    '/api/v1/reports/content-report',
    { config: read, schema: { tags, summary: 'R-MI-2: the content report of 000 §4.1 (items 1–5) per route as a running year — each quarter so far and the cumulative year — for the region or a municipality', querystring: ContentReportQuery, response: { 200: ContentReportResponse } } },
    (req) => contentReportRead(deps, ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/reports/content-report/export',
    { config: read, schema: { tags, summary: 'R-MI-2: the content report as XLSX or PDF, the same cells as the JSON route', querystring: ContentReportExportQuery, produces: file } },
    async (req, reply) => {
      const { format, contractId, quarter, scope } = req.query;
      const ctx = ctxOf(req);
      const doc = await found(deps, ctx, 'contentReport', contractId, await contentReportDocument(deps, ctx, { contractId, period: quarter, scope, entered: {} }));
      return sendReportDocument(reply, doc, format, 'inhoudelijke-rapportage', deps.clock.today());
    },
  );
  app.get(
    '/api/v1/reports/management-report',
    { config: read, schema: { tags, summary: "000 §4.2: the management report's computed items — quality mark (1), class visits (8) and satisfaction (11) from the quality register, unique participants (4), turnover from the invoices (5), complaints (6), invoicing term (14)", querystring: ManagementReportQuery, response: { 200: ManagementReportResponse } } },
    (req) => managementReportRead(deps, ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/reports/management-report/export',
    { config: read, schema: { tags, summary: '000 §4.2: the management report as XLSX or PDF', querystring: ManagementReportExportQuery, produces: file } },
    async (req, reply) => {
      const { format, contractId, quarter } = req.query;
      const ctx = ctxOf(req);
      const doc = await found(deps, ctx, 'managementReport', contractId, await managementReportDocument(deps, ctx, { contractId, period: quarter, entered: {} }));
      return sendReportDocument(reply, doc, format, 'managementrapportage', deps.clock.today());
    },
  );
  app.get(
    '/api/v1/reports/year-report',
    { config: read, schema: { tags, summary: '000 §4.3: the year report — every item of 000 §4.1 over the whole year, with the two years before it', querystring: YearReportQuery, response: { 200: ContentReportResponse } } },
    (req) => yearReportRead(deps, ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/reports/year-report/export',
    { config: read, schema: { tags, summary: '000 §4.3: the year report as XLSX or PDF', querystring: YearReportExportQuery, produces: file } },
    async (req, reply) => {
      const { format, contractId, year, scope } = req.query;
      const ctx = ctxOf(req);
      const doc = await found(deps, ctx, 'yearReport', contractId, await yearReportDocument(deps, ctx, { contractId, period: String(year), scope, entered: {} }));
      return sendReportDocument(reply, doc, format, 'jaarrapportage', deps.clock.today());
    },
  );
  app.get(
    '/api/v1/reports/participants',
    {
      config: { permission: 'report.participants' },
      schema: { tags, summary: 'R-MI-6: the participants behind one figure of the content report or the quarterly management information, with the date that counted; the consultant its municipality\'s, the provider its own', querystring: DrillDownQuery, response: { 200: DrillDownResponse } },
    },
    (req) => drillDown(deps, ctxOf(req), req.query),
  );
};
