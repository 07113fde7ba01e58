// Issue #17 (R-SEC-2): the audit log as the municipality's privacy officer searches it. Every query is
// bounded to the lines whose data subject the municipality controls (audit_event.municipality_id, set from
// the data subject on every line, denied attempts by other organisations included: audit-denied.ts).
import { SqlParams } from '../../platform/access.js';
import type { Crypto } from '../../platform/crypto.js';
import type { Queryable } from '../../platform/db.js';

export interface AuditSearchFilter {
  municipalityId: string;
  /** The keyed hash of the participant id (audit_event.data_subject_ref), when searched by participant. */
  subjectRef?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
  operation?: string;
  status?: 'ok' | 'error';
}

export interface AuditSearchRow {
  id: string;
  startedAt: Date;
  operation: string;
  status: 'ok' | 'error';
  actorName: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  organisationName: string | null;
  subjectEncrypted: string | null;
  objectType: string | null;
  traceId: string;
  processingActivity: string;
}

function where(f: AuditSearchFilter, p: SqlParams): string {
  const parts = [`a.municipality_id = ${p.add(f.municipalityId)}`];
  if (f.subjectRef !== undefined) parts.push(`a.data_subject_ref = ${p.add(f.subjectRef)}`);
  if (f.actorUserId !== undefined) parts.push(`a.actor_user_id = ${p.add(f.actorUserId)}`);
  // Whole days in the Netherlands: a line at 00:30 on 1 March in Hoorn belongs to 1 March.
  if (f.from !== undefined) parts.push(`a.started_at >= (${p.add(f.from)}::date)::timestamp AT TIME ZONE 'Europe/Amsterdam'`);
  if (f.to !== undefined) parts.push(`a.started_at < (${p.add(f.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam'`);
  if (f.operation !== undefined) parts.push(`a.name = ${p.add(f.operation)}`);
  if (f.status !== undefined) parts.push(`a.status = ${p.add(f.status)}`);
  return parts.join(' AND ');
}

export async function searchAuditLines(q: Queryable, f: AuditSearchFilter, window: { limit: number; offset: number }): Promise<AuditSearchRow[]> {
  const p = new SqlParams();
  const condition = where(f, p);
  return q.query<AuditSearchRow>(
    `SELECT a.id::text AS id, a.started_at AS "startedAt", a.name AS operation, a.status, u.name AS "actorName", u.email AS "actorEmail", a.actor_role AS "actorRole",
            COALESCE(m.name, pr.name, r.name) AS "organisationName", a.data_subject_id_encrypted AS "subjectEncrypted", a.object_type AS "objectType",
            a.trace_id AS "traceId", a.processing_activity_id AS "processingActivity"
       FROM audit_event a
       LEFT JOIN app_user u ON u.id = a.actor_user_id
       LEFT JOIN municipality m ON m.id = a.organisation_id LEFT JOIN provider pr ON pr.id = a.organisation_id LEFT JOIN region r ON r.id = a.organisation_id
      WHERE ${condition}
      ORDER BY a.started_at DESC, a.id DESC
      LIMIT ${p.add(window.limit)} OFFSET ${p.add(window.offset)}`,
    p.values,
  );
}

export async function countAuditLines(q: Queryable, f: AuditSearchFilter): Promise<number> {
  const p = new SqlParams();
  const rows = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event a WHERE ${where(f, p)}`, p.values);
  return rows[0]?.n ?? 0;
}

/** The client numbers of the lines' data subjects, decrypted here and looked up in the municipality only. */
export async function clientNumbersOf(q: Queryable, crypto: Crypto, municipalityId: string, rows: readonly AuditSearchRow[]): Promise<Map<string, string | null>> {
  const idOf = new Map<string, string>();
  for (const r of rows) if (r.subjectEncrypted !== null && !idOf.has(r.subjectEncrypted)) idOf.set(r.subjectEncrypted, crypto.decrypt(r.subjectEncrypted));
  const ids = [...new Set(idOf.values())];
  const found = ids.length === 0 ? [] : await q.query<{ id: string; clientNumber: string | null }>(`SELECT id, client_number AS "clientNumber" FROM participant WHERE id = ANY($1::uuid[]) AND municipality_id = $2`, [ids, municipalityId]);
  const numberOf = new Map(found.map((f) => [f.id, f.clientNumber]));
  const out = new Map<string, string | null>();
  for (const [encrypted, id] of idOf) out.set(encrypted, numberOf.get(id) ?? null);
  return out;
}

export interface FoundParticipant {
  id: string;
  municipalityId: string;
  clientNumber: string | null;
  name: string;
}

/** The participant a search is about, in the officer's municipality only (by BSN hash or client number). */
export async function findSubject(q: Queryable, municipalityId: string, by: { bsnHash: string } | { clientNumber: string }): Promise<FoundParticipant | undefined> {
  const column = 'bsnHash' in by ? 'bsn_hash' : 'client_number';
  const value = 'bsnHash' in by ? by.bsnHash : by.clientNumber;
  const rows = await q.query<FoundParticipant>(
    `SELECT id, municipality_id AS "municipalityId", client_number AS "clientNumber", given_name || ' ' || family_name AS name
       FROM participant WHERE municipality_id = $1 AND ${column} = $2 ORDER BY created_at LIMIT 1`,
    [municipalityId, value],
  );
  return rows[0];
}

export async function findUserIdByEmail(q: Queryable, email: string): Promise<string | undefined> {
  const rows = await q.query<{ id: string }>('SELECT id FROM app_user WHERE lower(email) = $1', [email]);
  return rows[0]?.id;
}
