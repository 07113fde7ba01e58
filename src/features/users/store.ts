// SQL for staff accounts (issue #17). Every query takes the actor's UserAdminRoom (access.ts): the
// administrator's 'all' is every staff account, a coordinator's 'provider' its own provider's accounts.
import { SqlParams, type UserAdminRoom } from '../../platform/access.js';
import type { Queryable } from '../../platform/db.js';
import type { StaffRole, UserSort } from './schemas.js';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  organisationKind: 'municipality' | 'provider' | 'region' | null;
  organisationId: string | null;
  organisationName: string | null;
  secondFactor: boolean;
  idpSubject: string | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  endedAt: Date | null;
}

const ORDER: Record<UserSort, string> = {
  name: 'u.name ASC, u.id',
  '-name': 'u.name DESC, u.id',
  email: 'u.email ASC',
  '-email': 'u.email DESC',
  role: 'u.role ASC, u.name, u.id',
  '-role': 'u.role DESC, u.name, u.id',
  lastLoginAt: 'u.last_login_at ASC NULLS FIRST, u.id',
  '-lastLoginAt': 'u.last_login_at DESC NULLS LAST, u.id',
  createdAt: 'u.created_at ASC, u.id',
  '-createdAt': 'u.created_at DESC, u.id',
};

export interface UserFilter {
  q?: string | undefined;
  role?: StaffRole | undefined;
  status?: 'active' | 'ended' | undefined;
  sort: UserSort;
}

/** The accounts in the room: staff only; a coordinator's room is its own provider. */
function roomWhere(room: UserAdminRoom, p: SqlParams): string {
  const staff = `u.role NOT IN ('participant', 'providerSystem')`;
  return room.kind === 'all' ? staff : `${staff} AND u.provider_id = ${p.add(room.providerId)}`;
}

function where(room: UserAdminRoom, f: UserFilter, p: SqlParams): string {
  const parts = [roomWhere(room, p)];
  if (f.q !== undefined && f.q !== '') {
    const like = p.add(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    parts.push(`(u.name ILIKE ${like} OR u.email ILIKE ${like})`);
  }
  if (f.role !== undefined) parts.push(`u.role = ${p.add(f.role)}`);
  if (f.status === 'active') parts.push('u.ended_at IS NULL');
  if (f.status === 'ended') parts.push('u.ended_at IS NOT NULL');
  return parts.join(' AND ');
}

const SELECT = `SELECT u.id, u.email, u.name, u.role,
    CASE WHEN u.municipality_id IS NOT NULL THEN 'municipality' WHEN u.provider_id IS NOT NULL THEN 'provider' WHEN u.region_id IS NOT NULL THEN 'region' END AS "organisationKind",
    COALESCE(u.municipality_id, u.provider_id, u.region_id) AS "organisationId", COALESCE(m.name, pr.name, rg.name) AS "organisationName",
    EXISTS (SELECT 1 FROM second_factor f WHERE f.user_id = u.id) AS "secondFactor", u.idp_subject AS "idpSubject",
    u.last_login_at AS "lastLoginAt", u.created_at AS "createdAt", u.ended_at AS "endedAt"
  FROM app_user u LEFT JOIN municipality m ON m.id = u.municipality_id LEFT JOIN provider pr ON pr.id = u.provider_id LEFT JOIN region rg ON rg.id = u.region_id`;

export async function listUsers(q: Queryable, room: UserAdminRoom, f: UserFilter, window: { limit: number; offset: number }): Promise<UserRow[]> {
  const p = new SqlParams();
  const w = where(room, f, p);
  return q.query<UserRow>(`${SELECT} WHERE ${w} ORDER BY ${ORDER[f.sort]} LIMIT ${p.add(window.limit)} OFFSET ${p.add(window.offset)}`, p.values);
}

export async function countUsers(q: Queryable, room: UserAdminRoom, f: UserFilter): Promise<number> {
  const p = new SqlParams();
  return (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM app_user u WHERE ${where(room, f, p)}`, p.values))[0]?.n ?? 0;
}

/** One account in the room, or undefined (then the answer is 404: outside one's room nothing exists). */
export async function findUser(q: Queryable, room: UserAdminRoom, id: string, lock = false): Promise<UserRow | undefined> {
  const p = new SqlParams();
  const w = roomWhere(room, p);
  return (await q.query<UserRow>(`${SELECT} WHERE u.id = ${p.add(id)} AND ${w}${lock ? ' FOR UPDATE OF u' : ''}`, p.values))[0];
}

export async function emailTaken(q: Queryable, email: string, exceptId?: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM app_user WHERE lower(email) = lower($1) AND id <> $2', [email, exceptId ?? '00000000-0000-0000-0000-000000000000'])).length > 0;
}

export async function subjectTaken(q: Queryable, subject: string, exceptId?: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM app_user WHERE idp_subject = $1 AND id <> $2', [subject, exceptId ?? '00000000-0000-0000-0000-000000000000'])).length > 0;
}

export async function organisationKindOf(q: Queryable, id: string): Promise<'municipality' | 'provider' | 'region' | undefined> {
  const rows = await q.query<{ kind: 'municipality' | 'provider' | 'region' }>(
    `SELECT 'municipality' AS kind FROM municipality WHERE id = $1 UNION ALL SELECT 'provider' FROM provider WHERE id = $1 UNION ALL SELECT 'region' FROM region WHERE id = $1`,
    [id],
  );
  return rows[0]?.kind;
}

export async function organisationChoices(q: Queryable, room: UserAdminRoom) {
  if (room.kind === 'provider') {
    return q.query<{ kind: 'provider'; id: string; name: string; code: string }>(`SELECT 'provider' AS kind, id, name, code FROM provider WHERE id = $1`, [room.providerId]);
  }
  return q.query<{ kind: 'municipality' | 'provider' | 'region'; id: string; name: string; code: string }>(
    `SELECT 'municipality' AS kind, id, name, code FROM municipality UNION ALL SELECT 'provider', id, name, code FROM provider UNION ALL SELECT 'region', id, name, code FROM region ORDER BY 1, 3`,
  );
}
