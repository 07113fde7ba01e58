// The quality register's rows (migration 0026, R-QLT-1, R-QLT-2, R-QLT-4): reads per provider and the
// inserts. Append-only: nothing here updates or deletes. The access decision is the service's
// (service.ts roomOf); these functions take a provider the caller may see.
import { randomUUID } from 'node:crypto';
import type { IsoDate } from '../../domain/iso-date.js';
import type { MembershipState } from '../../domain/quality/membership.js';
import type { ScreeningOutcome } from '../../domain/quality/screening.js';
import type { ScreeningItemCode } from '../../domain/quality/contract-data.js';
import type { TeacherQualification } from '../../domain/quality/teachers.js';
import type { Queryable } from '../../platform/db.js';

const by = `(SELECT u.name FROM app_user u WHERE u.id = x.recorded_by)`;
const d = (col: string, as: string) => `to_char(x.${col}, 'YYYY-MM-DD') AS "${as}"`;

export interface KvkRow { kvkNumber: string; tradeName: string; legalForm: string | null; address: string | null; checkedOn: IsoDate; recordedAt: Date; recordedBy: string }
export interface MarkRow { id: string; since: IsoDate; validUntil: IsoDate; withdrawnOn: IsoDate | null; withdrawalReason: string | null; recordedAt: Date }
export interface AuditReportRow { id: string; markId: string; title: string; auditedOn: IsoDate; summary: string | null }
export interface MembershipRow { id: string; sequence: number; state: MembershipState; on: IsoDate; grounds: string; conversationOn: IsoDate | null; letterSentOn: IsoDate | null; recordedAt: Date; recordedBy: string }
export interface ScreeningRow { id: string; startedOn: IsoDate; reason: string; outcome: ScreeningOutcome | null; decisionGrounds: string | null; decidedOn: IsoDate | null }
export interface ItemRow { screeningId: string; item: ScreeningItemCode; receivedOn: IsoDate; note: string | null }
export interface FindingRow { id: string; screeningId: string; text: string; foundOn: IsoDate }
export interface ResponseRow { id: string; findingId: string; text: string; respondedOn: IsoDate; recordedAt: Date; recordedBy: string }
export interface TeacherRow { id: string; registeredOn: IsoDate; version: number; name: string; qualification: TeacherQualification; alfaSpecialised: boolean; vogOn: IsoDate | null; leftOn: IsoDate | null }
export interface SatisfactionRow { id: string; surveyedOn: IsoDate; conductedBy: 'blikOpWerk' | 'municipality'; score: number | null; respondents: number | null; summary: string }
export interface VisitRow { id: string; visitedOn: IsoDate; announced: boolean; findings: string }

export async function kvkOf(q: Queryable, providerId: string): Promise<KvkRow | undefined> {
  const rows = await q.query<KvkRow>(
    `SELECT x.kvk_number AS "kvkNumber", x.trade_name AS "tradeName", x.legal_form AS "legalForm", x.address, ${d('checked_on', 'checkedOn')}, x.recorded_at AS "recordedAt", ${by} AS "recordedBy"
     FROM provider_kvk_record x WHERE x.provider_id = $1 ORDER BY x.recorded_at DESC, x.id LIMIT 1`,
    [providerId],
  );
  return rows[0];
}

export function marksOf(q: Queryable, providerIds: readonly string[]): Promise<(MarkRow & { providerId: string })[]> {
  return q.query(
    `SELECT x.id, x.provider_id AS "providerId", ${d('since', 'since')}, ${d('valid_until', 'validUntil')}, to_char(w.withdrawn_on, 'YYYY-MM-DD') AS "withdrawnOn", w.reason AS "withdrawalReason", x.recorded_at AS "recordedAt"
     FROM quality_mark x LEFT JOIN quality_mark_withdrawal w ON w.mark_id = x.id WHERE x.provider_id = ANY($1::uuid[]) ORDER BY x.since, x.recorded_at`,
    [[...providerIds]],
  );
}

export function auditReportsOf(q: Queryable, providerId: string): Promise<AuditReportRow[]> {
  return q.query(
    `SELECT x.id, x.mark_id AS "markId", x.title, ${d('audited_on', 'auditedOn')}, x.summary FROM quality_audit_report x JOIN quality_mark m ON m.id = x.mark_id
     WHERE m.provider_id = $1 ORDER BY x.audited_on, x.recorded_at`,
    [providerId],
  );
}

export function membershipsOf(q: Queryable, contractIds: readonly string[], providerIds: readonly string[]): Promise<(MembershipRow & { contractId: string; providerId: string })[]> {
  return q.query(
    `SELECT x.id, x.contract_id AS "contractId", x.provider_id AS "providerId", x.sequence, x.state, ${d('effective_on', 'on')}, x.grounds,
       to_char(x.conversation_on, 'YYYY-MM-DD') AS "conversationOn", to_char(x.letter_sent_on, 'YYYY-MM-DD') AS "letterSentOn", x.recorded_at AS "recordedAt", ${by} AS "recordedBy"
     FROM covenant_membership x WHERE x.contract_id = ANY($1::text[]) AND x.provider_id = ANY($2::uuid[]) ORDER BY x.sequence`,
    [[...contractIds], [...providerIds]],
  );
}

export async function screeningsOf(q: Queryable, contractId: string, providerId: string): Promise<{ screenings: ScreeningRow[]; items: ItemRow[]; findings: FindingRow[]; responses: ResponseRow[] }> {
  const screenings = await q.query<ScreeningRow>(
    `SELECT x.id, ${d('started_on', 'startedOn')}, x.reason, sd.outcome, sd.grounds AS "decisionGrounds", to_char(sd.decided_on, 'YYYY-MM-DD') AS "decidedOn"
     FROM screening x LEFT JOIN screening_decision sd ON sd.screening_id = x.id WHERE x.contract_id = $1 AND x.provider_id = $2 ORDER BY x.started_on DESC, x.recorded_at DESC`,
    [contractId, providerId],
  );
  const ids = screenings.map((s) => s.id);
  const items = await q.query<ItemRow>(`SELECT x.screening_id AS "screeningId", x.item, ${d('received_on', 'receivedOn')}, x.note FROM screening_item_receipt x WHERE x.screening_id = ANY($1::uuid[])`, [ids]);
  const findings = await q.query<FindingRow>(`SELECT x.id, x.screening_id AS "screeningId", x.text, ${d('found_on', 'foundOn')} FROM screening_finding x WHERE x.screening_id = ANY($1::uuid[]) ORDER BY x.recorded_at, x.id`, [ids]);
  const responses = await q.query<ResponseRow>(
    `SELECT x.id, x.finding_id AS "findingId", x.text, ${d('responded_on', 'respondedOn')}, x.recorded_at AS "recordedAt", ${by} AS "recordedBy"
     FROM screening_response x WHERE x.finding_id = ANY($1::uuid[]) ORDER BY x.recorded_at, x.id`,
    [findings.map((f) => f.id)],
  );
  return { screenings, items, findings, responses };
}

/** The current version of every teacher of these providers (left ones included: the screen shows them apart). */
export function teachersOf(q: Queryable, providerIds: readonly string[]): Promise<(TeacherRow & { providerId: string })[]> {
  return q.query(
    `SELECT DISTINCT ON (t.id) t.id, t.provider_id AS "providerId", to_char(t.registered_on, 'YYYY-MM-DD') AS "registeredOn", x.version, x.name, x.qualification, x.alfa_specialised AS "alfaSpecialised",
       to_char(x.vog_on, 'YYYY-MM-DD') AS "vogOn", to_char(x.left_on, 'YYYY-MM-DD') AS "leftOn"
     FROM teacher t JOIN teacher_version x ON x.teacher_id = t.id WHERE t.provider_id = ANY($1::uuid[]) ORDER BY t.id, x.version DESC`,
    [[...providerIds]],
  );
}

export function satisfactionOf(q: Queryable, contractId: string, providerId: string): Promise<SatisfactionRow[]> {
  return q.query(
    `SELECT x.id, ${d('surveyed_on', 'surveyedOn')}, x.conducted_by AS "conductedBy", x.score::float8 AS score, x.respondents, x.summary FROM satisfaction_result x
     WHERE x.contract_id = $1 AND x.provider_id = $2 ORDER BY x.surveyed_on DESC, x.recorded_at DESC`,
    [contractId, providerId],
  );
}

export function visitsOf(q: Queryable, contractId: string, providerId: string): Promise<VisitRow[]> {
  return q.query(`SELECT x.id, ${d('visited_on', 'visitedOn')}, x.announced, x.findings FROM class_visit x WHERE x.contract_id = $1 AND x.provider_id = $2 ORDER BY x.visited_on DESC, x.recorded_at DESC`, [
    contractId,
    providerId,
  ]);
}

/** The columns and values of one append-only row; returns its id. Table and columns are this module's constants, never input. */
export type QualityTable =
  | 'provider_kvk_record'
  | 'quality_mark'
  | 'quality_mark_withdrawal'
  | 'quality_audit_report'
  | 'covenant_membership'
  | 'screening'
  | 'screening_item_receipt'
  | 'screening_finding'
  | 'screening_response'
  | 'screening_decision'
  | 'teacher'
  | 'teacher_version'
  | 'satisfaction_result'
  | 'class_visit';

/** Tables whose key is not an `id` column of their own. */
const NO_ID: ReadonlySet<QualityTable> = new Set(['quality_mark_withdrawal', 'screening_decision', 'teacher_version']);

export async function insertRow(q: Queryable, table: QualityTable, values: Record<string, unknown>, who: { userId: string; at: Date }): Promise<string> {
  const id = randomUUID();
  const cols = { ...(NO_ID.has(table) ? {} : { id }), ...values, [table === 'teacher' ? 'created_by' : 'recorded_by']: who.userId, [table === 'teacher' ? 'created_at' : 'recorded_at']: who.at };
  const names = Object.keys(cols);
  await q.query(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(cols));
  return id;
}

/** The next membership sequence (the unique key refuses a concurrent second one with the same number). */
export async function nextMembershipSequence(q: Queryable, contractId: string, providerId: string): Promise<number> {
  const rows = await q.query<{ n: number }>(`SELECT COALESCE(max(sequence), 0)::int + 1 AS n FROM covenant_membership WHERE contract_id = $1 AND provider_id = $2`, [contractId, providerId]);
  return rows[0]?.n ?? 1;
}

/** Unscoped on purpose: the screening's contract and provider, to check it against the room in the path. */
export async function unsafeScreeningOwner(q: Queryable, screeningId: string): Promise<{ contractId: string; providerId: string } | undefined> {
  return (await q.query<{ contractId: string; providerId: string }>(`SELECT contract_id AS "contractId", provider_id AS "providerId" FROM screening WHERE id = $1`, [screeningId]))[0];
}
