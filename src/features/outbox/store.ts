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

export interface OutboxQuery {
  status?: OutboxStatus | undefined;
  page: number;
  pageSize: number;
}

/** One page of the outbox, newest first, with the total for the pager. */
export async function listOutbox(q: Queryable, query: OutboxQuery): Promise<{ rows: OutboxRow[]; total: number }> {
  const p = new SqlParams();
  const where = query.status === undefined ? 'true' : `o.status = ${p.add(query.status)}`;
  const counted = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox o WHERE ${where}`, p.values);
  const limit = p.add(query.pageSize);
  const offset = p.add((query.page - 1) * query.pageSize);
  const rows = await q.query<OutboxRow & Record<string, unknown>>(
    `SELECT o.id, o.recipient, o.subject, o.body, o.status, o.attempts, o.created_at AS "createdAt", o.sent_at AS "sentAt", o.last_error AS "lastError"
     FROM outbox o WHERE ${where}
     ORDER BY o.created_at DESC, o.id DESC
     LIMIT ${limit} OFFSET ${offset}`,
    p.values,
  );
  return { rows, total: counted[0]?.n ?? 0 };
}
