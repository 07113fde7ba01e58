// Attendance rates per participant for the municipality and the provider's coordinator (issue #4 item 7).
import { ctxOf } from '../../platform/http/access-hook.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { sendExport, XLSX_TYPE } from '../../platform/http/export.js';
import { rateColumns } from './export.js';
import { RateExportQuery, RateListQuery, RatePage, RateSummary, RateSummaryQuery } from './schemas.js';
import { listAttendanceRates, rateExportSource, summarize } from './service.js';

export const registerAttendanceRateRoutes: RouteRegistrar = (app, deps) => {
  app.get(
    '/api/v1/attendance-rates',
    {
      config: { permission: 'attendance.read' },
      schema: {
        tags: ['attendance'],
        summary: 'Attendance rate per participant in the actor\'s room over a window: offered and attended minutes, below the norm of the participant\'s contract (R-CON-7), absences by classification; filtered, sorted (lowest first), paged (R-ATT-3, R-ATT-5)',
        querystring: RateListQuery,
        response: { 200: RatePage },
      },
    },
    (req) => listAttendanceRates(deps, ctxOf(req), req.query),
  );
  // R-EXC-3: the whole filtered list of GET /attendance-rates (same permission, window, filter, order), streamed.
  app.get(
    '/api/v1/attendance-rates/export',
    {
      config: { permission: 'attendance.read' },
      schema: { tags: ['attendance'], summary: 'The filtered attendance-rate list as XLSX or CSV, every row (R-EXC-3)', querystring: RateExportQuery, produces: [XLSX_TYPE, 'text/csv'] },
    },
    (req, reply) =>
      sendExport(reply, {
        format: req.query.format,
        fileStem: 'aanwezigheid',
        today: deps.clock.today(),
        sheetName: 'Aanwezigheid',
        columns: rateColumns,
        next: rateExportSource(deps, ctxOf(req), req.query),
      }),
  );
  app.get(
    '/api/v1/attendance-rates/summary',
    {
      config: { permission: 'attendance.read' },
      schema: {
        tags: ['attendance'],
        summary: 'Counts only: participants in the room with lessons, below the norm, without lessons, and per band of ten percentage points (for a chart; no names, so no audit line)',
        querystring: RateSummaryQuery,
        response: { 200: RateSummary },
      },
    },
    (req) => summarize(deps, ctxOf(req), req.query),
  );
};
