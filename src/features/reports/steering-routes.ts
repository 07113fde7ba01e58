// Issue #13: the reports a contract is steered on — the Onderwijsroute quarterly report (R-MI-5, 002
// eis 17), deadline compliance per provider (R-CM-2) and KPIs 1–4 with their trend (R-KPI-1, R-KPI-2, R-KPI-3, R-KPI-4) — as
// JSON and as XLSX/PDF (sendReportDocument). Permission report.read; who sees which figures is the room's
// decision (src/features/reports/room.ts), the same for the JSON and the export.
import { ctxOf } from '../../platform/http/access-hook.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { ComplianceExportQuery, ComplianceQuery, ComplianceResponse } from './compliance-schemas.js';
import { complianceDocument, deadlineComplianceRead } from './compliance-service.js';
import { EducationReportExportQuery, EducationReportQuery, EducationReportResponse } from './education-schemas.js';
import { educationDocument, educationReportRead } from './education-service.js';
import { KpiExportQuery, KpiQuery, KpiResponse } from './kpi-schemas.js';
import { kpiReportDocument, kpisRead } from './kpi-service.js';
import { REPORT_CONTENT_TYPE, sendReportDocument } from './render/index.js';

const tags = ['reports'];
const produces = Object.values(REPORT_CONTENT_TYPE);
const nameOf = (contracts: { byId(id: string): { name: string } | undefined }, id: string): string => contracts.byId(id)?.name ?? id;

export const registerSteeringReportRoutes: RouteRegistrar = (app, deps) => {
  const education = 'R-MI-5: the Onderwijsroute quarterly report of 002 eis 17 per municipality and for the region — on track / at risk / behind, running, inflow, throughput time, outflow with reason and result, transfers with reason';
  app.get(
    '/api/v1/reports/education-report',
    { config: { permission: 'report.read' }, schema: { tags, summary: education, querystring: EducationReportQuery, response: { 200: EducationReportResponse } } },
    (req) => educationReportRead(deps, ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/reports/education-report/export',
    { config: { permission: 'report.read' }, schema: { tags, summary: `${education}, as XLSX or PDF`, querystring: EducationReportExportQuery, produces } },
    async (req, reply) => {
      const answer = await educationReportRead(deps, ctxOf(req), req.query);
      return sendReportDocument(reply, educationDocument(answer, nameOf(deps.contracts, answer.contractId), {}), req.query.format, 'onderwijsroute-kwartaal', deps.clock.today());
    },
  );
  const compliance = 'R-CM-2: deadline compliance per provider and quarter — acknowledged within 5 working days, invited to the intake within 10, learning plan within 5 after the intake, reports on time, invoices within 6 weeks (the contract version\'s terms); a provider sees its own row, a consultant its municipality\'s referrals, aggregate readers suppressed counts';
  app.get(
    '/api/v1/reports/deadline-compliance',
    { config: { permission: 'report.read' }, schema: { tags, summary: compliance, querystring: ComplianceQuery, response: { 200: ComplianceResponse } } },
    (req) => deadlineComplianceRead(deps, ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/reports/deadline-compliance/export',
    { config: { permission: 'report.read' }, schema: { tags, summary: `${compliance}, as XLSX or PDF`, querystring: ComplianceExportQuery, produces } },
    async (req, reply) => {
      const answer = await deadlineComplianceRead(deps, ctxOf(req), req.query);
      return sendReportDocument(reply, complianceDocument(answer, nameOf(deps.contracts, answer.contractId)), req.query.format, 'termijnnaleving', deps.clock.today());
    },
  );
  const kpis = 'R-KPI-1, R-KPI-2, R-KPI-3, R-KPI-4: KPIs 1–4 of 000 §2.2 per route for the quarter and the quarters before it, each numerator / denominator / share against the contract\'s target';
  app.get(
    '/api/v1/reports/kpis',
    { config: { permission: 'report.read' }, schema: { tags, summary: kpis, querystring: KpiQuery, response: { 200: KpiResponse } } },
    (req) => kpisRead(deps, ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/reports/kpis/export',
    { config: { permission: 'report.read' }, schema: { tags, summary: `${kpis}, as XLSX or PDF`, querystring: KpiExportQuery, produces } },
    async (req, reply) => {
      const answer = await kpisRead(deps, ctxOf(req), req.query);
      return sendReportDocument(reply, kpiReportDocument(answer, nameOf(deps.contracts, answer.contractId)), req.query.format, 'kpis', deps.clock.today());
    },
  );
};
