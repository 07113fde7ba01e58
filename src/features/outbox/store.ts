// SQL for the admin's outbox list. The outbox holds no BSN and no participant names (see
// src/platform/outbox.ts), so the list is not scoped to an organisation: it is functional management
// for the operator, and only the 'outbox.read' permission (admin) reaches it.
import type { Queryable } from '../../platform/db.js';
import { SqlParams } from '../../platform/access.js';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxRow {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  status: OutboxStatus;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
  lastError: string | null;
}

export const OutboxSorts = ['-createdAt', 'createdAt', 'recipient', '-recipient', 'subject', '-subject', 'status', '-status', 'attempts', '-attempts', 'sentAt', '-sentAt'] as const;
export type OutboxSort = (typeof OutboxSorts)[number];

const ORDER: Record<OutboxSort, string> = {
  '-createdAt': 'o.created_at DESC, o.id DESC',
  createdAt: 'o.created_at ASC, o.id ASC',
  recipient: 'o.recipient ASC, o.created_at DESC, o.id DESC',
  '-recipient': 'o.recipient DESC, o.created_at DESC, o.id DESC',
  subject: 'o.subject ASC, o.created_at DESC, o.id DESC',
  '-subject': 'o.subject DESC, o.created_at DESC, o.id DESC',
  status: 'o.status ASC, o.created_at DESC, o.id DESC',
  '-status': 'o.status DESC, o.created_at DESC, o.id DESC',
  attempts: 'o.attempts ASC, o.created_at DESC, o.id DESC',
  '-attempts': 'o.attempts DESC, o.created_at DESC, o.id DESC',
  // Not yet sent last either way: the order is about when mail went out.
  sentAt: 'o.sent_at ASC NULLS LAST, o.id ASC',
  '-sentAt': 'o.sent_at DESC NULLS LAST, o.id DESC',
};

export interface OutboxFilter {
  status?: OutboxStatus | undefined;
  /** Part of the recipient's address or the subject. */
  q?: string | undefined;
  sort?: OutboxSort | undefined;
}

/** The WHERE of the list, shared by the page, the count and the export (one filter). */
function outboxWhere(p: SqlParams, filter: OutboxFilter): string {
  const where = ['true'];
  if (filter.status !== undefined) where.push(`o.status = ${p.add(filter.status)}`);
  if (filter.q !== undefined && filter.q !== '') {
    const like = p.add(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(o.recipient ILIKE ${like} OR o.subject ILIKE ${like})`);
  }
  return where.join(' AND ');
}

/** Rows of the outbox in the filter's order (newest first unless sorted otherwise). */
export async function listOutboxRows(q: Queryable, filter: OutboxFilter, page: { limit: number; offset: number }): Promise<OutboxRow[]> {
  const p = new SqlParams();
  const where = outboxWhere(p, filter);
  const limit = p.add(page.limit);
  const offset = p.add(page.offset);
  return q.query<OutboxRow & Record<string, unknown>>(
    `SELECT o.id, o.recipient, o.subject, o.body, o.status, o.attempts, o.created_at AS "createdAt", o.sent_at AS "sentAt", o.last_error AS "lastError"
     FROM outbox o WHERE ${where}
     ORDER BY ${ORDER[filter.sort ?? '-createdAt']}
     LIMIT ${limit} OFFSET ${offset}`,
    p.values,
  );
}

/** One page of the outbox with the total of the filtered list for the pager. */
export async function listOutbox(q: Queryable, query: OutboxFilter & { page: number; pageSize: number }): Promise<{ rows: OutboxRow[]; total: number }> {
  const p = new SqlParams();
  const counted = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox o WHERE ${outboxWhere(p, query)}`, p.values);
  const rows = await listOutboxRows(q, query, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { rows, total: counted[0]?.n ?? 0 };
}
