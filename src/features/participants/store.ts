// Participant queries. Every read filters in SQL by the actor's scope (STYLE 1, 5); the one
// unscoped helper carries `unsafe` in its name and returns nothing personal.
import type { ReferralStatus } from '../../domain/lifecycle.js';
import { participantInScope, SqlParams, type Scope } from '../../platform/access.js';
import type { Queryable } from '../../platform/db.js';
import { segmentWhere } from '../../platform/http/segment.js';
import type { ParticipantListQuery, ParticipantSort } from './schemas.js';

export interface ParticipantRow {
  id: string;
  municipalityId: string;
  municipalityCode: string;
  municipalityName: string;
  bsnLastFour: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  gender: 'female' | 'male' | 'other' | 'unknown';
  email: string | null;
  phone: string | null;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
  countryOfBirth: string | null;
  motherTongue: string | null;
  inNetherlandsSince: string | null;
  route: 'b1' | 'z' | 'education_mbo' | 'education_hbo_wo' | 'b1_entree';
  clientNumber: string | null;
  dutyStartDate: string | null;
  dutyEndDate: string | null;
  pipSignedOn: string | null;
  impedingHealth: boolean;
  impedingJustice: boolean;
  impedingFinances: boolean;
  createdAt: Date;
  latestReferralStatus: ReferralStatus | null;
}

const COLUMNS = `p.id, p.municipality_id AS "municipalityId", m.code AS "municipalityCode", m.name AS "municipalityName",
  p.bsn_last_four AS "bsnLastFour", p.given_name AS "givenName", p.family_name AS "familyName",
  p.date_of_birth AS "dateOfBirth", p.gender, p.email, p.phone, p.street, p.house_number AS "houseNumber",
  p.postcode, p.city, p.country_of_birth AS "countryOfBirth", p.mother_tongue AS "motherTongue",
  p.in_netherlands_since AS "inNetherlandsSince", p.route, p.client_number AS "clientNumber",
  p.duty_start_date AS "dutyStartDate", p.duty_end_date AS "dutyEndDate", p.pip_signed_on AS "pipSignedOn", p.impeding_health AS "impedingHealth",
  p.impeding_justice AS "impedingJustice", p.impeding_finances AS "impedingFinances", p.created_at AS "createdAt",
  (SELECT lr.status FROM referral lr WHERE lr.participant_id = p.id ORDER BY lr.referred_at DESC LIMIT 1) AS "latestReferralStatus"`;

const ORDER: Record<ParticipantSort, string> = {
  name: 'p.family_name ASC, p.given_name ASC, p.id ASC',
  '-name': 'p.family_name DESC, p.given_name DESC, p.id DESC',
  createdAt: 'p.created_at ASC, p.id ASC',
  '-createdAt': 'p.created_at DESC, p.id DESC',
};

/** `query.referenceDate` is the date of the youth segment (R-PAR-4); the service fills in today. */
export async function listParticipants(q: Queryable, scope: Scope, query: Omit<ParticipantListQuery, 'referenceDate'> & { referenceDate: string }): Promise<{ rows: ParticipantRow[]; total: number }> {
  const p = new SqlParams();
  const where = [participantInScope(scope, p), ...segmentWhere(p, 'p.date_of_birth', query.segment, query.referenceDate)];
  if (query.q !== undefined && query.q !== '') {
    const like = p.add(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(p.given_name || ' ' || p.family_name ILIKE ${like} OR p.client_number ILIKE ${like})`);
  }
  const whereSql = where.join(' AND ');
  const limit = p.add(query.pageSize);
  const offset = p.add((query.page - 1) * query.pageSize);
  // Issue #16: the page and its total in one prepared statement. The total is a window over the filtered
  // rows in the inner query, which picks the page's ids; the columns (the latest referral's status a
  // subquery each) are read for the page's rows only.
  const rows = await q.query<ParticipantRow & { total: number } & Record<string, unknown>>(
    `SELECT ${COLUMNS}, pg.total FROM (
       SELECT p.id, count(*) OVER ()::int AS total FROM participant p WHERE ${whereSql} ORDER BY ${ORDER[query.sort]} LIMIT ${limit} OFFSET ${offset}
     ) pg JOIN participant p ON p.id = pg.id JOIN municipality m ON m.id = p.municipality_id
     ORDER BY ${ORDER[query.sort]}`,
    p.values,
    { prepare: true },
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.page > 1) {
    // Past the last page: the window had no row to ride on.
    const countRows = await q.query<{ total: number }>(`SELECT count(*)::int AS total FROM participant p WHERE ${whereSql}`, p.values.slice(0, -2));
    total = countRows[0]?.total ?? 0;
  }
  return { rows: rows.map(({ total: _t, ...r }) => r), total };
}

export async function findParticipant(q: Queryable, scope: Scope, id: string): Promise<ParticipantRow | undefined> {
  const p = new SqlParams();
  const rows = await q.query<ParticipantRow & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM participant p JOIN municipality m ON m.id = p.municipality_id
     WHERE p.id = ${p.add(id)} AND ${participantInScope(scope, p)}`,
    p.values,
  );
  return rows[0];
}

export async function findParticipantByBsnHash(q: Queryable, scope: Scope, bsnHash: string): Promise<ParticipantRow | undefined> {
  const p = new SqlParams();
  const rows = await q.query<ParticipantRow & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM participant p JOIN municipality m ON m.id = p.municipality_id
     WHERE p.bsn_hash = ${p.add(bsnHash)} AND ${participantInScope(scope, p)}`,
    p.values,
  );
  return rows[0];
}

/** The participant in the actor's scope, with its municipality (the audit line's controller): what the
 * groups and hours features need before they answer about a participant. */
export async function findParticipantRef(q: Queryable, scope: Scope, id: string): Promise<{ id: string; municipalityId: string } | undefined> {
  const p = new SqlParams();
  const rows = await q.query<{ id: string; municipalityId: string }>(
    `SELECT p.id, p.municipality_id AS "municipalityId" FROM participant p WHERE p.id = ${p.add(id)} AND ${participantInScope(scope, p)}`,
    p.values,
  );
  return rows[0];
}

/** Uniqueness of the BSN across all municipalities (R-PAR-2). Returns only a yes/no. */
export async function unsafeIsBsnRegistered(q: Queryable, bsnHash: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM participant WHERE bsn_hash = $1', [bsnHash]);
  return rows.length > 0;
}

export interface NewParticipant {
  id: string;
  municipalityId: string;
  bsnEncrypted: string;
  bsnHash: string;
  bsnLastFour: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  gender: string;
  email?: string | undefined;
  phone?: string | undefined;
  street?: string | undefined;
  houseNumber?: string | undefined;
  postcode?: string | undefined;
  city?: string | undefined;
  countryOfBirth?: string | undefined;
  motherTongue?: string | undefined;
  inNetherlandsSince?: string | undefined;
  route: string;
  clientNumber?: string | undefined;
  dutyStartDate?: string | undefined;
  dutyEndDate?: string | undefined;
  pipSignedOn?: string | undefined;
  impedingHealth: boolean;
  impedingJustice: boolean;
  impedingFinances: boolean;
  createdAt: Date;
  createdBy: string;
}

const INSERT_COLUMNS: [keyof NewParticipant, string][] = [
  ['id', 'id'],
  ['municipalityId', 'municipality_id'],
  ['bsnEncrypted', 'bsn_encrypted'],
  ['bsnHash', 'bsn_hash'],
  ['bsnLastFour', 'bsn_last_four'],
  ['givenName', 'given_name'],
  ['familyName', 'family_name'],
  ['dateOfBirth', 'date_of_birth'],
  ['gender', 'gender'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['street', 'street'],
  ['houseNumber', 'house_number'],
  ['postcode', 'postcode'],
  ['city', 'city'],
  ['countryOfBirth', 'country_of_birth'],
  ['motherTongue', 'mother_tongue'],
  ['inNetherlandsSince', 'in_netherlands_since'],
  ['route', 'route'],
  ['clientNumber', 'client_number'],
  ['dutyStartDate', 'duty_start_date'],
  ['dutyEndDate', 'duty_end_date'],
  ['pipSignedOn', 'pip_signed_on'],
  ['impedingHealth', 'impeding_health'],
  ['impedingJustice', 'impeding_justice'],
  ['impedingFinances', 'impeding_finances'],
  ['createdAt', 'created_at'],
  ['createdBy', 'created_by'],
];

export async function insertParticipant(q: Queryable, row: NewParticipant): Promise<void> {
  const values = INSERT_COLUMNS.map(([k]) => row[k] ?? null);
  const placeholders = values.map((_, i) => `$${i + 1}`).join(', ');
  await q.query(`INSERT INTO participant (${INSERT_COLUMNS.map(([, c]) => c).join(', ')}) VALUES (${placeholders})`, values);
}
