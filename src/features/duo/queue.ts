// R-EXC-4 (issue #15): the delivery queue of the functional administrator — every delivery to DUO with its
// status (waiting, sent, refused), times, attempts and DUO's reasons; searched by status, paged in SQL, and
// exported whole (R-EXC-3) through the same query. No BSN, no name: the municipality and the message id.
import type { Queryable } from '../../platform/db.js';
import { amsterdamDateTime, type ExportColumn } from '../../platform/http/export.js';
import { DELIVERY_NL, type DeliveryKind } from './melding.js';

export const DeliveryStatuses = ['pending', 'sending', 'received', 'refused', 'invalid', 'failed'] as const;
export type DeliveryStatus = (typeof DeliveryStatuses)[number];

export interface QueueRow {
  id: string;
  municipality: string;
  api: DeliveryKind;
  /** The provider whose data the delivery carries (002 eis 26), else null. */
  provider: string | null;
  berichtId: string;
  status: DeliveryStatus;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
  lastStatus: number | null;
  reasons: string[];
}

export interface QueueFilter {
  status?: DeliveryStatus | undefined;
}

function where(f: QueueFilter): { sql: string; values: unknown[] } {
  return f.status ? { sql: 'WHERE d.status = $1', values: [f.status] } : { sql: '', values: [] };
}

export async function listQueueRows(q: Queryable, f: QueueFilter, page: { limit: number; offset: number }): Promise<QueueRow[]> {
  const w = where(f);
  return q.query<QueueRow & Record<string, unknown>>(
    `SELECT d.id, m.name AS municipality, d.api, pr.name AS provider, d.bericht_id::text AS "berichtId", d.status, d.attempts, d.created_at AS "createdAt", d.sent_at AS "sentAt",
       d.last_status AS "lastStatus", d.reasons
     FROM duo_delivery d JOIN municipality m ON m.id = d.municipality_id LEFT JOIN provider pr ON pr.id = d.provider_id ${w.sql}
     ORDER BY d.created_at DESC, d.id LIMIT ${Math.floor(page.limit)} OFFSET ${Math.floor(page.offset)}`,
    w.values,
  );
}

export async function countQueue(q: Queryable, f: QueueFilter): Promise<number> {
  const w = where(f);
  const [row] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM duo_delivery d ${w.sql}`, w.values);
  return row?.n ?? 0;
}

export const STATUS_NL: Record<DeliveryStatus, string> = {
  pending: 'Wacht op verzending',
  sending: 'Wordt verzonden',
  received: 'Ontvangen door DUO',
  refused: 'Geweigerd door DUO',
  invalid: 'Niet verzonden: voldoet niet aan de regels van DUO',
  failed: 'Mislukt na herhaalde pogingen',
};

export const queueColumns: readonly ExportColumn<QueueRow>[] = [
  { header: 'Aangemaakt', value: (r) => amsterdamDateTime(r.createdAt), width: 18 },
  { header: 'Gemeente', value: (r) => r.municipality, width: 24 },
  { header: 'Bericht', value: (r) => DELIVERY_NL[r.api], width: 30 },
  { header: 'Namens aanbieder', value: (r) => r.provider, width: 24 },
  { header: 'Status', value: (r) => STATUS_NL[r.status], width: 30 },
  { header: 'Pogingen', value: (r) => r.attempts, type: 'number' },
  { header: 'Verzonden', value: (r) => amsterdamDateTime(r.sentAt), width: 18 },
  { header: 'Reden', value: (r) => r.reasons.join(' '), width: 60 },
  { header: 'Bericht-id', value: (r) => r.berichtId, width: 38 },
];
