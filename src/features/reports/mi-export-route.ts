// Issue #13 (R-MI-6): GET /api/v1/reports/quarterly-mi/export?format=xlsx|pdf&contractId=&quarter= — the
// quarterly management information exactly as the JSON route answers the reader (its room, suppressed
// for the contract manager and the policy officer, audited in the same way), as a ReportDocument file.
import { ctxOf } from '../../platform/http/access-hook.js';
import { XLSX_TYPE } from '../../platform/http/export.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { miViewDocument, type MiView } from './mi-view.js';
import { ReportFormat, sendReportDocument } from './render/index.js';
import { QuarterlyMiQuery } from './schemas.js';
import { quarterlyMi } from './service.js';

export const QuarterlyMiExportQuery = QuarterlyMiQuery.extend({ format: ReportFormat });

export const registerMiExportRoute: RouteRegistrar = (app, deps) => {
  app.get(
    '/api/v1/reports/quarterly-mi/export',
    {
      config: { permission: 'report.read' },
      schema: {
        tags: ['reports'],
        summary: 'R-MI-1, R-MI-6: the quarterly management information as XLSX or PDF, the same cells as GET /api/v1/reports/quarterly-mi (suppressed for the contract manager and the policy officer)',
        querystring: QuarterlyMiExportQuery,
        produces: [XLSX_TYPE, 'application/pdf'],
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { format, ...query } = req.query;
      const view: MiView = await quarterlyMi(deps, ctx, query);
      const contract = deps.contracts.byId(query.contractId);
      if (contract === undefined) throw new Error('contract vanished');
      const municipalities = [...new Set(view.cells.map((c) => c.municipality))];
      const only = municipalities.length === 1 ? contract.municipalities.find((m) => m.code === municipalities[0]) : undefined;
      // A provider reads its own referrals: its name says so; otherwise the municipality or the region.
      const place = only !== undefined ? `Gemeente ${only.name}` : `Regio ${contract.region.name}`;
      const scopeName = ctx.scope.kind === 'provider' ? `${ctx.organisation.name} · ${place}` : place;
      return sendReportDocument(reply, miViewDocument(view, contract, scopeName), format, 'kwartaal-mi', deps.clock.today());
    },
  );
};
