// The work list (R-SIG-1): every pending step in the actor's room, with who must act and by when,
// bucketed overdue / this week / later, filterable by municipality, provider and product.
import { recordAudit, recordReadAudit, uniqueSubjects } from '../../platform/audit.js';
import { notFound } from '../../platform/errors.js';
import { ctxOf } from '../../platform/http/access-hook.js';
import { EXPORT_BATCH, pagedSource, sendExport, XLSX_TYPE } from '../../platform/http/export.js';
import { IdParam } from '../../platform/http/input.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { productName } from '../organisations/store.js';
import {
  findSignalInScope,
  SignalItem,
  toSignalItem,
  workListColumns,
  WorkListExportQuery,
  workListCounts,
  workListOptions,
  WorkListPage,
  workListPage,
  WorkListQuery,
  type SignalRow,
} from './work-list.js';
import { acknowledgeSignal } from './store.js';

export { SignalItem };

export const registerSignalRoutes: RouteRegistrar = (app, deps) => {
  const productNameOf = (code: string) => productName(deps.contracts, code);
  const toItem = (r: SignalRow, today: string, on = today) => toSignalItem(r, today, productNameOf, on);
  const subjectsOf = (rows: readonly SignalRow[]) =>
    uniqueSubjects(rows.flatMap((r) => (r.participantId === null ? [] : [{ participantId: r.participantId, municipalityId: r.municipalityId }])));

  app.get(
    '/api/v1/signals',
    {
      config: { permission: 'signal.list' },
      schema: {
        tags: ['signals'],
        summary: "Work list: the pending steps in the actor's room, filtered, sorted and paged, with the count per urgency bucket (R-SIG-1)",
        querystring: WorkListQuery,
        response: { 200: WorkListPage },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const q = req.query;
      const today = deps.clock.today();
      const found = await deps.db.transaction(async (tx) => {
        const page = await workListPage(tx, ctx.scope, q, today, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
        const counts = await workListCounts(tx, ctx.scope, q, today);
        const options = await workListOptions(tx, ctx.scope, q, productNameOf);
        // The last statement: COMMIT goes with it (issue #16).
        await recordReadAudit(tx, deps.crypto, ctx, { name: 'signal.list', status: 'ok', subjects: subjectsOf(page.rows), objectType: 'signal' });
        return { ...page, counts, options };
        // Issue #16: a read from the session cache checks its session with the first statement.
      }, { check: ctx.check });
      return { items: found.rows.map((r) => toItem(r, today, q.referenceDate ?? today)), total: found.total, page: q.page, pageSize: q.pageSize, counts: found.counts, options: found.options };
    },
  );

  // R-EXC-3: the whole filtered work list (same permission, scope, filter and order), streamed.
  app.get(
    '/api/v1/signals/export',
    {
      config: { permission: 'signal.list' },
      schema: { tags: ['signals'], summary: 'The filtered work list as XLSX or CSV, every row (R-EXC-3)', querystring: WorkListExportQuery, produces: [XLSX_TYPE, 'text/csv'] },
    },
    (req, reply) => {
      const ctx = ctxOf(req);
      const q = req.query;
      const today = deps.clock.today();
      return sendExport(reply, {
        format: q.format,
        fileStem: 'werklijst',
        today,
        sheetName: 'Werklijst',
        columns: workListColumns,
        next: pagedSource(EXPORT_BATCH, (page, size) =>
          deps.db.transaction(async (tx) => {
            const { rows } = await workListPage(tx, ctx.scope, q, today, { limit: size, offset: (page - 1) * size });
            if (page === 1 || rows.length > 0) {
              await recordAudit(tx, deps.crypto, ctx, { name: 'signal.list', status: 'ok', subjects: subjectsOf(rows), objectType: 'signal', summary: `export ${q.format} batch ${page}: ${rows.length} rows` });
            }
            return rows.map((r) => toItem(r, today, q.referenceDate ?? today));
          }),
        ),
      });
    },
  );

  // R-SIG-1: open → acknowledged ("gezien"); resolution comes from the awaited step itself.
  app.post(
    '/api/v1/signals/:id/acknowledgement',
    { config: { permission: 'signal.acknowledge' }, schema: { tags: ['signals'], summary: 'Mark a signal as seen', params: IdParam, response: { 200: SignalItem } } },
    async (req) => {
      const ctx = ctxOf(req);
      const row = await deps.db.transaction(async (tx) => {
        const r = await findSignalInScope(tx, ctx.scope, req.params.id, true);
        if (r === undefined) {
          await recordAudit(tx, deps.crypto, ctx, { name: 'signal.acknowledge', status: 'error', subjects: [], objectType: 'signal', objectId: req.params.id });
          return undefined;
        }
        if (r.status === 'open') {
          await acknowledgeSignal(tx, r.id, ctx.actor.userId, deps.clock.today());
          r.status = 'acknowledged';
        }
        await recordAudit(tx, deps.crypto, ctx, {
          name: 'signal.acknowledge',
          status: 'ok',
          subjects: r.participantId === null ? [] : [{ participantId: r.participantId, municipalityId: r.municipalityId }],
          objectType: 'signal',
          objectId: r.id,
        });
        return r;
      });
      if (row === undefined) throw notFound();
      return toItem(row, deps.clock.today());
    },
  );
};
