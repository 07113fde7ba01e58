// The complaints register's routes (issue #14, R-CM-3). complaint.read for the list, export and one
// complaint (provider and consultant); complaint.register for the provider's registration and handling;
// complaint.totals for the contract manager's counts. The room (room.ts) then decides on which rows.
import { IdParam } from '../../platform/http/input.js';
import { ctxOf } from '../../platform/http/access-hook.js';
import { EXPORT_BATCH, pagedSource, sendExport, XLSX_TYPE, type ExportColumn } from '../../platform/http/export.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import * as S from './schemas.js';
import * as C from './service.js';

const OUTCOME: Record<string, string> = { upheld: 'Gegrond', partlyUpheld: 'Deels gegrond', notUpheld: 'Ongegrond', withdrawn: 'Ingetrokken', resolved: 'Opgelost' };
const columns: readonly ExportColumn<S.ComplaintItem>[] = [
  { header: 'Ontvangen', value: (i) => i.receivedOn, type: 'date' },
  { header: 'Aanbieder', value: (i) => i.providerName, width: 28 },
  { header: 'Contract', value: (i) => i.contractName, width: 36 },
  { header: 'Van', value: (i) => (i.from.kind === 'participant' ? 'Inburgeraar' : 'Organisatie') },
  { header: 'Naam', value: (i) => i.from.name, width: 28 },
  { header: 'Onderwerp', value: (i) => i.subject, width: 48 },
  { header: 'Behandeld door', value: (i) => i.handledBy, width: 24 },
  { header: 'Maatregelen', value: (i) => i.measures, width: 48 },
  { header: 'Afgesloten', value: (i) => i.closedOn, type: 'date' },
  { header: 'Uitkomst', value: (i) => (i.outcome === null ? '' : OUTCOME[i.outcome] ?? i.outcome) },
];

export const registerComplaintRoutes: RouteRegistrar = (app, deps) => {
  const tags = ['complaints'];
  const read = { permission: 'complaint.read' as const };
  const register = { permission: 'complaint.register' as const };
  const ok = { 200: S.ComplaintDetail };

  app.get(
    '/api/v1/complaints',
    { config: read, schema: { tags, summary: "The complaints register: the provider's own, or the complaints of the consultant's municipality's participants; search, status, sort, page", querystring: S.ComplaintListQuery, response: { 200: S.ComplaintPage } } },
    async (req) => {
      const { page, pageSize } = req.query;
      const all = await C.listComplaints(deps, ctxOf(req), req.query);
      return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
    },
  );
  app.get(
    '/api/v1/complaints/export',
    { config: read, schema: { tags, summary: 'The filtered complaints register as XLSX or CSV (R-EXC-3)', querystring: S.ComplaintExportQuery, produces: [XLSX_TYPE, 'text/csv'] } },
    async (req, reply) => {
      const all = await C.listComplaints(deps, ctxOf(req), req.query);
      const next = pagedSource(EXPORT_BATCH, (page, size) => Promise.resolve(all.slice((page - 1) * size, page * size)));
      return sendExport(reply, { format: req.query.format, fileStem: 'klachtenregister', today: deps.clock.today(), sheetName: 'Klachtenregister', columns, next });
    },
  );
  app.get(
    '/api/v1/complaints/totals',
    { config: { permission: 'complaint.totals' as const }, schema: { tags, summary: "The contract manager's counts per contract, provider and quarter of receipt: no complainant, no subject (002 eis 37)", querystring: S.TotalsQuery, response: { 200: S.TotalsResponse } } },
    async (req) => ({ items: await C.complaintTotals(deps, ctxOf(req), req.query) }),
  );
  app.get('/api/v1/complaints/:id', { config: read, schema: { tags, summary: 'One complaint with every version of its handling', params: IdParam, response: ok } }, (req) => C.getComplaint(deps, ctxOf(req), req.params.id));
  app.post(
    '/api/v1/complaints',
    { config: register, schema: { tags, summary: "A complaint received by the provider: from a participant (one of its referrals) or an organisation (002 eis 36, 003 art. 13.6)", body: S.RegisterInput, response: ok } },
    (req) => C.registerComplaint(deps, ctxOf(req), req.body),
  );
  app.post(
    '/api/v1/complaints/:id/handling',
    { config: register, schema: { tags, summary: 'The handling changed — handler, measures, closed with its outcome: a new version; 409 when the version read is not the latest, 422 once closed', params: IdParam, body: S.HandlingInput, response: ok } },
    (req) => C.handleComplaint(deps, ctxOf(req), req.params.id, req.body),
  );
};
