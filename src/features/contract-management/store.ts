// The SQL of contract meetings and the contract-level ladder (migration 0027, issue #14). Every write is
// an insert (a version, an event, a step) except the two once-only marks (an agenda item taken off, a
// case closed), so no fact is lost. The callers decide access (room.ts) before they call; the `unsafe`
// reads take a filter the caller built from the room.
import type { IsoDate } from '../../domain/iso-date.js';
import type { LadderStepName, MeetingType } from '../../domain/contract-management/contract-data.js';
import type { TriggeredPattern } from '../../domain/contract-management/ladder.js';
import type { Queryable } from '../../platform/db.js';

export interface MeetingRow {
  id: string;
  contractId: string;
  type: MeetingType;
  quarter: string;
  heldOn: IsoDate;
  providerCodes: string[];
  municipalityCodes: string[];
  version: number;
}

const MEETING_COLUMNS = `m.id, m.contract_id AS "contractId", m.meeting_type AS type, m.quarter, v.held_on::text AS "heldOn",
  v.provider_codes AS "providerCodes", v.municipality_codes AS "municipalityCodes", v.version`;
const CURRENT_VERSION = `JOIN contract_meeting_version v ON v.meeting_id = m.id
  AND v.version = (SELECT max(version) FROM contract_meeting_version w WHERE w.meeting_id = m.id)`;

export async function insertMeeting(
  tx: Queryable,
  m: { id: string; contractId: string; type: MeetingType; quarter: string; regionId: string; heldOn: IsoDate; providers: string[]; municipalities: string[]; at: Date; by: string },
): Promise<void> {
  await tx.query(`INSERT INTO contract_meeting (id, contract_id, meeting_type, quarter, region_id, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [m.id, m.contractId, m.type, m.quarter, m.regionId, m.at, m.by]);
  await tx.query(`INSERT INTO contract_meeting_version (meeting_id, version, held_on, provider_codes, municipality_codes, recorded_at, recorded_by) VALUES ($1, 1, $2, $3, $4, $5, $6)`, [m.id, m.heldOn, m.providers, m.municipalities, m.at, m.by]);
}

/** The meetings of these contracts; with a provider code only those it is party to. */
export async function unsafeMeetings(q: Queryable, contractIds: readonly string[], providerCode?: string): Promise<MeetingRow[]> {
  if (contractIds.length === 0) return [];
  const params: unknown[] = [[...contractIds]];
  const party = providerCode === undefined ? '' : ` AND $${params.push(providerCode)} = ANY(v.provider_codes)`;
  return q.query<MeetingRow>(`SELECT ${MEETING_COLUMNS} FROM contract_meeting m ${CURRENT_VERSION} WHERE m.contract_id = ANY($1::text[])${party}`, params);
}

export async function unsafeMeetingById(q: Queryable, id: string): Promise<MeetingRow | undefined> {
  const [row] = await q.query<MeetingRow>(`SELECT ${MEETING_COLUMNS} FROM contract_meeting m ${CURRENT_VERSION} WHERE m.id = $1`, [id]);
  return row;
}

export interface AgendaRow {
  id: string;
  position: number;
  source: 'reports' | 'kpi' | 'compliance' | 'ladder' | 'action' | 'own';
  sourceKey: string | null;
  title: string;
  detail: string;
}

export async function agendaOf(q: Queryable, meetingId: string): Promise<AgendaRow[]> {
  return q.query<AgendaRow>(
    `SELECT id, position, source, source_key AS "sourceKey", title, detail FROM contract_meeting_agenda_item WHERE meeting_id = $1 AND removed_at IS NULL ORDER BY position, added_at`,
    [meetingId],
  );
}

/** Adds an item at the end; false when a proposal with this key is on the agenda already. */
export async function insertAgendaItem(tx: Queryable, meetingId: string, item: Omit<AgendaRow, 'position'>, at: Date, by: string): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO contract_meeting_agenda_item (id, meeting_id, position, source, source_key, title, detail, added_at, added_by)
     SELECT $1, $2, coalesce(max(position), 0) + 1, $3, $4, $5, $6, $7, $8 FROM contract_meeting_agenda_item WHERE meeting_id = $2
     ON CONFLICT DO NOTHING RETURNING id`,
    [item.id, meetingId, item.source, item.sourceKey, item.title, item.detail, at, by],
  );
  return rows.length > 0;
}

export async function removeAgendaItem(tx: Queryable, meetingId: string, itemId: string, at: Date, by: string): Promise<boolean> {
  const rows = await tx.query(`UPDATE contract_meeting_agenda_item SET removed_at = $3, removed_by = $4 WHERE id = $2 AND meeting_id = $1 AND removed_at IS NULL RETURNING id`, [meetingId, itemId, at, by]);
  return rows.length > 0;
}

export async function minutesOf(q: Queryable, meetingId: string): Promise<{ text: string; version: number }> {
  const [row] = await q.query<{ text: string; version: number }>(`SELECT text, version FROM contract_meeting_minutes WHERE meeting_id = $1 ORDER BY version DESC LIMIT 1`, [meetingId]);
  return row ?? { text: '', version: 0 };
}

/** Saves the next version; false when `read` is no longer the latest (another save came first). */
export async function insertMinutes(tx: Queryable, meetingId: string, read: number, text: string, at: Date, by: string): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO contract_meeting_minutes (meeting_id, version, text, recorded_at, recorded_by)
     SELECT $1, $2 + 1, $3, $4, $5 WHERE coalesce((SELECT max(version) FROM contract_meeting_minutes WHERE meeting_id = $1), 0) = $2
     ON CONFLICT DO NOTHING RETURNING version`,
    [meetingId, read, text, at, by],
  );
  return rows.length > 0;
}

export interface ActionRow {
  id: string;
  meetingId: string;
  contractId: string;
  meetingType: MeetingType;
  meetingQuarter: string;
  description: string;
  ownerKind: 'contractManager' | 'provider';
  ownerCode: string | null;
  dueOn: IsoDate;
  doneOn: IsoDate | null;
  sequence: number;
}

const ACTION_SELECT = `SELECT a.id, a.meeting_id AS "meetingId", m.contract_id AS "contractId", m.meeting_type AS "meetingType", m.quarter AS "meetingQuarter",
  a.description, a.owner_kind AS "ownerKind", a.owner_code AS "ownerCode", a.due_on::text AS "dueOn",
  CASE WHEN e.kind = 'done' THEN e.on_date::text END AS "doneOn", coalesce(e.sequence, 0) AS sequence
  FROM contract_meeting_action a JOIN contract_meeting m ON m.id = a.meeting_id
  LEFT JOIN LATERAL (SELECT kind, on_date, sequence FROM contract_meeting_action_event x WHERE x.action_id = a.id ORDER BY sequence DESC LIMIT 1) e ON true`;

/** The actions of these meetings, oldest due first. */
export async function actionsOf(q: Queryable, meetingIds: readonly string[]): Promise<ActionRow[]> {
  if (meetingIds.length === 0) return [];
  return q.query<ActionRow>(`${ACTION_SELECT} WHERE a.meeting_id = ANY($1::uuid[]) ORDER BY a.due_on, a.created_at`, [[...meetingIds]]);
}

export async function unsafeActionById(q: Queryable, id: string): Promise<ActionRow | undefined> {
  const [row] = await q.query<ActionRow>(`${ACTION_SELECT} WHERE a.id = $1`, [id]);
  return row;
}

/** Every provider-owned action not done whose due date has passed (the signal engine's input). */
export async function unsafeOverdueProviderActions(q: Queryable, today: IsoDate): Promise<ActionRow[]> {
  return q.query<ActionRow>(`${ACTION_SELECT} WHERE a.owner_kind = 'provider' AND a.due_on < $1 AND (e.kind IS NULL OR e.kind <> 'done')`, [today]);
}

/** Provider-owned actions that are done (their signals are answered). */
export async function unsafeDoneProviderActions(q: Queryable, ids: readonly string[]): Promise<ActionRow[]> {
  if (ids.length === 0) return [];
  return q.query<ActionRow>(`${ACTION_SELECT} WHERE a.id = ANY($1::uuid[]) AND e.kind = 'done'`, [[...ids]]);
}

export async function insertAction(tx: Queryable, a: { id: string; meetingId: string; description: string; ownerKind: string; ownerCode: string | null; dueOn: IsoDate; at: Date; by: string }): Promise<void> {
  await tx.query(
    `INSERT INTO contract_meeting_action (id, meeting_id, description, owner_kind, owner_code, due_on, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [a.id, a.meetingId, a.description, a.ownerKind, a.ownerCode, a.dueOn, a.at, a.by],
  );
}

/** Appends done or reopened after the event read; false when another event came first. */
export async function insertActionEvent(tx: Queryable, actionId: string, read: number, kind: 'done' | 'reopened', on: IsoDate, at: Date, by: string): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO contract_meeting_action_event (action_id, sequence, kind, on_date, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING sequence`,
    [actionId, read + 1, kind, on, at, by],
  );
  return rows.length > 0;
}

export interface CaseRow {
  id: string;
  providerCode: string;
  closedOn: IsoDate | null;
  steps: { position: number; step: LadderStepName; decidedOn: IsoDate; decision: string; grounds: string; termUntil: IsoDate | null; patterns: TriggeredPattern[] }[];
}

/** The latest case per provider of the contract (an open one, else the last closed), with its steps. */
export async function casesOf(q: Queryable, contractId: string): Promise<CaseRow[]> {
  const cases = await q.query<{ id: string; providerCode: string; closedOn: string | null }>(
    `SELECT DISTINCT ON (provider_code) id, provider_code AS "providerCode", closed_on::text AS "closedOn" FROM escalation_case
     WHERE contract_id = $1 ORDER BY provider_code, (closed_on IS NULL) DESC, opened_at DESC`,
    [contractId],
  );
  if (cases.length === 0) return [];
  const steps = await q.query<CaseRow['steps'][number] & { caseId: string }>(
    `SELECT case_id AS "caseId", position, step, decided_on::text AS "decidedOn", decision, grounds, term_until::text AS "termUntil", patterns
     FROM escalation_step WHERE case_id = ANY($1::uuid[]) ORDER BY position`,
    [cases.map((c) => c.id)],
  );
  return cases.map((c) => ({ ...c, steps: steps.filter((s) => s.caseId === c.id).map(({ caseId: _, ...s }) => s) }));
}

export async function insertCase(tx: Queryable, c: { id: string; contractId: string; providerCode: string; regionId: string; at: Date }): Promise<void> {
  await tx.query(`INSERT INTO escalation_case (id, contract_id, provider_code, region_id, opened_at) VALUES ($1, $2, $3, $4, $5)`, [c.id, c.contractId, c.providerCode, c.regionId, c.at]);
}

/** Appends the step at `position`; false when another step took that place first. */
export async function insertStep(
  tx: Queryable,
  s: { caseId: string; position: number; step: LadderStepName; decidedOn: IsoDate; decision: string; grounds: string; termUntil: IsoDate | null; patterns: readonly TriggeredPattern[]; at: Date; by: string },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO escalation_step (case_id, position, step, decided_on, decision, grounds, term_until, patterns, recorded_at, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10) ON CONFLICT DO NOTHING RETURNING position`,
    [s.caseId, s.position, s.step, s.decidedOn, s.decision, s.grounds, s.termUntil, JSON.stringify(s.patterns), s.at, s.by],
  );
  return rows.length > 0;
}

export async function closeCase(tx: Queryable, caseId: string, closedOn: IsoDate, grounds: string, at: Date, by: string): Promise<boolean> {
  const rows = await tx.query(`UPDATE escalation_case SET closed_on = $2, closed_grounds = $3, closed_at = $4, closed_by = $5 WHERE id = $1 AND closed_on IS NULL RETURNING id`, [caseId, closedOn, grounds, at, by]);
  return rows.length > 0;
}

export async function caseById(q: Queryable, id: string): Promise<{ id: string; contractId: string; providerCode: string } | undefined> {
  const [row] = await q.query<{ id: string; contractId: string; providerCode: string }>(`SELECT id, contract_id AS "contractId", provider_code AS "providerCode" FROM escalation_case WHERE id = $1`, [id]);
  return row;
}
