// The mail outbox for admins (issue #3 item 6): what Koers has sent or will send. Without SMTP_URL no
// mail leaves the system and this list is where the mail can be read. Searched, sorted and paged in
// SQL (the outbox grows with every deadline), and exported whole (R-EXC-3) through the same query.
import { z } from 'zod';
import { EXPORT_BATCH, ExportFormat, pagedSource, sendExport, XLSX_TYPE } from '../../platform/http/export.js';
import { queryInt, str } from '../../platform/http/input.js';
import { recordAudit } from '../../platform/audit.js';
import { ctxOf } from '../../platform/http/access-hook.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { outboxColumns } from './export.js';
import { listOutbox, listOutboxRows, OutboxSorts } from './store.js';

const OutboxStatus = z.enum(['pending', 'sending', 'sent', 'failed']);

/** The list's filter and order; the export takes the same (and no page). */
export const OutboxFilterQuery = z.object({
  status: OutboxStatus.optional(),
  q: str().trim().max(100).optional().describe("Part of the recipient's address or the subject"),
  sort: z.enum(OutboxSorts).default('-createdAt').describe('-createdAt: newest first'),
});
export const OutboxQuery = OutboxFilterQuery.extend({
  page: queryInt().min(1).default(1),
  pageSize: queryInt().min(1).max(100).default(25),
});
export const OutboxExportQuery = OutboxFilterQuery.extend({ format: ExportFormat });

export const OutboxItem = z.object({
  id: z.uuid(),
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  status: OutboxStatus,
  attempts: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
});

export const OutboxPage = z.object({ items: z.array(OutboxItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const registerOutboxRoutes: RouteRegistrar = (app, deps) => {
  app.get(
    '/api/v1/outbox',
    {
      config: { permission: 'outbox.read' },
      schema: { tags: ['outbox'], summary: 'Mail outbox (admin): newest first, by status, searched by recipient or subject, sorted', querystring: OutboxQuery, response: { 200: OutboxPage } },
    },
    async (req) => {
      const filter = { status: req.query.status, q: req.query.q, sort: req.query.sort };
      // Issue #9: reading the outbox (staff addresses, client numbers) is audited, in the read's transaction.
      const { rows, total } = await deps.db.transaction(async (tx) => {
        const page = await listOutbox(tx, { ...filter, page: req.query.page, pageSize: req.query.pageSize });
        await recordAudit(tx, deps.crypto, ctxOf(req), { name: 'outbox.list', status: 'ok', subjects: [], objectType: 'outbox', summary: `${page.rows.length} of ${page.total} mails` });
        return page;
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          recipient: r.recipient,
          subject: r.subject,
          // Issue #9: once a reset mail has gone out, its link is the recipient's alone (docs/security.md).
          body: r.status === 'sent' ? r.body.replace(/(\/wachtwoord-herstellen#)[A-Za-z0-9_-]+/g, '$1…') : r.body,
          status: r.status,
          attempts: r.attempts,
          createdAt: r.createdAt.toISOString(),
          sentAt: r.sentAt === null ? null : r.sentAt.toISOString(),
          lastError: r.lastError,
        })),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  // R-EXC-3: the whole filtered outbox of GET /outbox (same permission, filter and order), streamed;
  // each batch is read and audited as the list read is (outbox.list, marked as an export), in its own
  // transaction.
  app.get(
    '/api/v1/outbox/export',
    {
      config: { permission: 'outbox.read' },
      schema: { tags: ['outbox'], summary: 'The filtered outbox as XLSX or CSV, every row, without the message text (R-EXC-3)', querystring: OutboxExportQuery, produces: [XLSX_TYPE, 'text/csv'] },
    },
    (req, reply) => {
      const ctx = ctxOf(req);
      const filter = { status: req.query.status, q: req.query.q, sort: req.query.sort };
      return sendExport(reply, {
        format: req.query.format,
        fileStem: 'uitgaande-mail',
        today: deps.clock.today(),
        sheetName: 'Uitgaande e-mail',
        columns: outboxColumns,
        next: pagedSource(EXPORT_BATCH, (page, size) =>
          deps.db.transaction(async (tx) => {
            const rows = await listOutboxRows(tx, filter, { limit: size, offset: (page - 1) * size });
            if (page === 1 || rows.length > 0) {
              await recordAudit(tx, deps.crypto, ctx, { name: 'outbox.list', status: 'ok', subjects: [], objectType: 'outbox', summary: `export ${req.query.format} batch ${page}: ${rows.length} mails` });
            }
            return rows;
          }),
        ),
      });
    },
  );
};
