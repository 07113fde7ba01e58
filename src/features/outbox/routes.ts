// The mail outbox for admins (issue #3 item 6): what Koers has sent or will send. Without SMTP_URL no
// mail leaves the system and this list is where the mail can be read.
import { z } from 'zod';
import { queryInt } from '../../platform/http/input.js';
import { recordAudit } from '../../platform/audit.js';
import { ctxOf } from '../../platform/http/access-hook.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { listOutbox } from './store.js';

const OutboxStatus = z.enum(['pending', 'sending', 'sent', 'failed']);

export const OutboxQuery = z.object({
  status: OutboxStatus.optional(),
  page: queryInt().min(1).default(1),
  pageSize: queryInt().min(1).max(100).default(25),
});

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
      schema: { tags: ['outbox'], summary: 'Mail outbox (admin): newest first, optionally by status', querystring: OutboxQuery, response: { 200: OutboxPage } },
    },
    async (req) => {
      // Issue #9: reading the outbox (staff addresses, client numbers) is audited, in the read's transaction.
      const { rows, total } = await deps.db.transaction(async (tx) => {
        const page = await listOutbox(tx, req.query);
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
};
