// Reports computed from the registration (issue #13). This step: the quarterly management information.
import { ctxOf } from '../../platform/http/access-hook.js';
import { registerContentReportRoutes } from './content-routes.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { QuarterlyMiQuery, QuarterlyMiResponse } from './schemas.js';
import { quarterlyMi } from './service.js';
import { registerMiExportRoute } from './mi-export-route.js';
import { registerReportContractsRoute } from './contracts-route.js';
import { registerReportSubmissionRoutes } from './submission-routes.js';
import { registerSteeringReportRoutes } from './steering-routes.js';

export const registerReportRoutes: RouteRegistrar = (app, deps) => {
  registerContentReportRoutes(app, deps);
  registerMiExportRoute(app, deps);
  registerReportContractsRoute(app, deps);
  registerReportSubmissionRoutes(app, deps);
  registerSteeringReportRoutes(app, deps);
  app.get(
    '/api/v1/reports/quarterly-mi',
    {
      config: { permission: 'report.read' },
      schema: {
        tags: ['reports'],
        summary: 'R-MI-1: the quarterly management information of 001 Bijlage 5 (items 1–17) per municipality × product, with the three quarters before it; a consultant sees its own municipality, a provider\'s coordinator its own referrals, the contract manager (region) and the policy officer (municipality) suppressed counts (R-MI-6)',
        querystring: QuarterlyMiQuery,
        response: { 200: QuarterlyMiResponse },
      },
    },
    (req) => quarterlyMi(deps, ctxOf(req), req.query),
  );
};
