// Queries of imports and pushes. Every read carries its scope in SQL (STYLE 1, 5): an import belongs
// to the provider that made it; memberships are read through the participant scope.
import { lessonInScope, participantInScope, SqlParams, type Scope } from '../../platform/access.js';
import type { Queryable } from '../../platform/db.js';

export interface Membership {
  participantId: string;
  municipalityId: string;
  memberFrom: string;
  memberTo: string | null;
}

/** What a row check needs of its lesson. */
export interface StageLesson {
  id: string;
  groupId: string;
  date: string;
  minutes: number;
  cancelledByProvider: boolean;
}

/**
 * The lessons among these ids that lie in the actor's scope, in one statement (issue #16: not one per
 * lesson), locked in id order so a concurrent PUT of one of them waits for the import.
 */
export async function lessonsForImport(q: Queryable, scope: Scope, ids: readonly string[]): Promise<StageLesson[]> {
  const p = new SqlParams();
  return q.query<StageLesson>(
    `SELECT l.id, l.group_id AS "groupId", l.date, l.minutes, l.cancelled_by_provider AS "cancelledByProvider"
     FROM lesson l WHERE l.id = ANY(${p.add(ids)}::uuid[]) AND ${lessonInScope(scope, p)} ORDER BY l.id FOR UPDATE OF l`,
    p.values,
  );
}

/** Every membership (past and present) of these groups, in one statement, with the group it is of. */
export async function membershipsOfGroups(q: Queryable, scope: Scope, groupIds: readonly string[]): Promise<(Membership & { groupId: string })[]> {
  const p = new SqlParams();
  return q.query<Membership & { groupId: string }>(
    `SELECT gm.group_id AS "groupId", gm.participant_id AS "participantId", gm.municipality_id AS "municipalityId", gm.member_from AS "memberFrom", gm.member_to AS "memberTo"
     FROM group_member gm JOIN participant pp ON pp.id = gm.participant_id
     WHERE gm.group_id = ANY(${p.add(groupIds)}::uuid[]) AND ${participantInScope(scope, p, 'pp')}`,
    p.values,
  );
}

/** SQL condition: import row `i` was made by the actor's provider. Nobody else sees an import. */
export function importInScope(scope: Scope, p: SqlParams, alias = 'i'): string {
  return scope.kind === 'provider' ? `${alias}.provider_id = ${p.add(scope.providerId)}` : 'false';
}

export interface ImportRow {
  id: string;
  source: 'csv' | 'xlsx' | 'push';
  sha256: string;
  rows: number;
  created: number;
  changed: number;
  unchanged: number;
  response: Record<string, unknown>;
  createdAt: Date;
}

const COLUMNS = `i.id, i.source, i.sha256, i.rows, i.created, i.changed, i.unchanged, i.response, i.created_at AS "createdAt"`;

export async function findImport(q: Queryable, scope: Scope, id: string): Promise<ImportRow | undefined> {
  const p = new SqlParams();
  const rows = await q.query<ImportRow>(`SELECT ${COLUMNS} FROM attendance_import i WHERE i.id = ${p.add(id)} AND ${importInScope(scope, p)}`, p.values);
  return rows[0];
}

/** The applied file with this content from the actor's provider (R-EXC-2: the same file twice). */
export async function findFileImport(q: Queryable, scope: Scope, sha256: string): Promise<ImportRow | undefined> {
  const p = new SqlParams();
  const rows = await q.query<ImportRow>(`SELECT ${COLUMNS} FROM attendance_import i WHERE i.source <> 'push' AND i.sha256 = ${p.add(sha256)} AND ${importInScope(scope, p)}`, p.values);
  return rows[0];
}

export async function findPush(q: Queryable, scope: Scope, key: string): Promise<ImportRow | undefined> {
  const p = new SqlParams();
  const rows = await q.query<ImportRow>(`SELECT ${COLUMNS} FROM attendance_import i WHERE i.idempotency_key = ${p.add(key)} AND ${importInScope(scope, p)}`, p.values);
  return rows[0];
}
