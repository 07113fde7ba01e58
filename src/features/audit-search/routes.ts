// Issue #17 (R-SEC-2): POST /api/v1/audit-search and its export. POST, because the criteria can hold a
// BSN, which never goes in a URL. The privacy officer only (access.ts: audit.search).
import { amsterdamDateTime, EXPORT_BATCH, pagedSource, sendExport, XLSX_TYPE, type ExportColumn } from '../../platform/http/export.js';
import { ctxOf } from '../../platform/http/access-hook.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { AuditSearchExportRequest, AuditSearchPage, AuditSearchRequest, type AuditLine } from './schemas.js';
import { exportAuditBatch, searchAuditLog } from './service.js';

const statusNl = { ok: 'Uitgevoerd', error: 'Geweigerd of mislukt' } as const;

export const auditLineColumns: readonly ExportColumn<AuditLine>[] = [
  { header: 'Tijdstip', value: (l) => amsterdamDateTime(new Date(l.startedAt)), width: 18 },
  { header: 'Bewerking', value: (l) => l.operation, width: 24 },
  { header: 'Uitkomst', value: (l) => statusNl[l.status], width: 20 },
  { header: 'Gebruiker', value: (l) => l.actorName, width: 24 },
  { header: 'E-mail gebruiker', value: (l) => l.actorEmail, width: 30 },
  { header: 'Rol', value: (l) => l.actorRole, width: 18 },
  { header: 'Organisatie', value: (l) => l.organisationName, width: 28 },
  { header: 'Cliëntnummer', value: (l) => l.clientNumber, width: 16 },
  { header: 'Object', value: (l) => l.objectType, width: 16 },
  { header: 'Verwerkingsactiviteit', value: (l) => l.processingActivity, width: 34 },
  { header: 'Trace-id', value: (l) => l.traceId, width: 34 },
];

export const registerAuditSearchRoutes: RouteRegistrar = (app, deps) => {
  app.post(
    '/api/v1/audit-search',
    {
      config: { permission: 'audit.search' },
      schema: {
        tags: ['audit'],
        summary: "The municipality's audit log by participant (BSN or client number), user, period, operation and outcome; newest first, paged (R-SEC-2)",
        body: AuditSearchRequest,
        response: { 200: AuditSearchPage },
      },
    },
    (req) => searchAuditLog(deps, ctxOf(req), req.body.criteria, req.body.page, req.body.pageSize),
  );

  // R-EXC-3: every line of the same search as XLSX or CSV, in batches, each read and audited in its own transaction.
  app.post(
    '/api/v1/audit-search/export',
    {
      config: { permission: 'audit.search' },
      schema: { tags: ['audit'], summary: 'The same search, every line, as XLSX or CSV (R-SEC-2, R-EXC-3)', body: AuditSearchExportRequest, produces: [XLSX_TYPE, 'text/csv'] },
    },
    (req, reply) => {
      const ctx = ctxOf(req);
      return sendExport(reply, {
        format: req.body.format,
        fileStem: 'logboek',
        today: deps.clock.today(),
        sheetName: 'Logboek',
        columns: auditLineColumns,
        next: pagedSource(EXPORT_BATCH, (page, size) => exportAuditBatch(deps, ctx, req.body.criteria, page, size)),
      });
    },
  );
};
