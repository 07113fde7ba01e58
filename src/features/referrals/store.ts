// Referral queries, every one filtered by the actor's scope in SQL (STYLE 1, 5).
import { participantInScope, referralInScope, SqlParams, type Scope } from '../../platform/access.js';
import type { ReferralStatus } from '../../domain/lifecycle.js';
import { isReferralOpen } from '../../domain/referral.js';
import type { Queryable } from '../../platform/db.js';

export interface ReferralRow {
  id: string;
  municipalityId: string;
  participantId: string;
  participantGivenName: string;
  participantFamilyName: string;
  /** What tells two participants of the same name apart in a list (never the BSN). */
  participantDateOfBirth: string;
  participantClientNumber: string | null;
  providerId: string;
  providerName: string;
  productCode: string;
  contractId: string;
  contractVersion: number;
  status: ReferralStatus;
  referredOn: string;
  referredAt: Date;
  acknowledgementDueDate: string;
  acknowledgedAt: Date | null;
}

const COLUMNS = `r.id, r.municipality_id AS "municipalityId", r.participant_id AS "participantId",
  p.given_name AS "participantGivenName", p.family_name AS "participantFamilyName",
  p.date_of_birth AS "participantDateOfBirth", p.client_number AS "participantClientNumber",
  r.provider_id AS "providerId", pr.name AS "providerName", r.product_code AS "productCode",
  r.contract_id AS "contractId", r.contract_version AS "contractVersion", r.status,
  r.referred_on AS "referredOn", r.referred_at AS "referredAt",
  r.acknowledgement_due_date AS "acknowledgementDueDate", r.acknowledged_at AS "acknowledgedAt"`;
const FROM = `FROM referral r JOIN participant p ON p.id = r.participant_id JOIN provider pr ON pr.id = r.provider_id`;

export type ReferralSort = 'waiting' | 'dueDate' | '-dueDate' | 'name' | '-name' | 'referredOn' | '-referredOn' | 'status' | '-status';

const ORDER: Record<ReferralSort, string> = {
  // Still to acknowledge first, earliest deadline on top; then the others, latest referred first.
  waiting: "(r.status = 'referred') DESC, CASE WHEN r.status = 'referred' THEN r.acknowledgement_due_date END ASC, r.referred_at DESC, r.id ASC",
  dueDate: 'r.acknowledgement_due_date ASC, r.referred_at ASC, r.id ASC',
  '-dueDate': 'r.acknowledgement_due_date DESC, r.referred_at DESC, r.id DESC',
  name: 'p.family_name ASC, p.given_name ASC, p.date_of_birth ASC, r.id ASC',
  '-name': 'p.family_name DESC, p.given_name DESC, p.date_of_birth DESC, r.id DESC',
  referredOn: 'r.referred_at ASC, r.id ASC',
  '-referredOn': 'r.referred_at DESC, r.id DESC',
  status: 'r.status ASC, r.acknowledgement_due_date ASC, r.id ASC',
  '-status': 'r.status DESC, r.acknowledgement_due_date ASC, r.id ASC',
};

export interface ReferralFilter {
  status?: string | undefined;
  participantId?: string;
  /** Part of the participant's name, client number or the provider's name. */
  q?: string | undefined;
}

/** The WHERE of the list, shared by the page, the count and the export (one scope, one filter). */
function listWhere(scope: Scope, p: SqlParams, filter: ReferralFilter): string {
  const where = [referralInScope(scope, p)];
  if (filter.status !== undefined) where.push(`r.status = ${p.add(filter.status)}`);
  if (filter.participantId !== undefined) where.push(`r.participant_id = ${p.add(filter.participantId)}`);
  if (filter.q !== undefined && filter.q !== '') {
    const like = p.add(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(p.given_name || ' ' || p.family_name ILIKE ${like} OR p.client_number ILIKE ${like} OR pr.name ILIKE ${like})`);
  }
  return where.join(' AND ');
}

export async function listReferrals(
  q: Queryable,
  scope: Scope,
  filter: ReferralFilter,
  page: { sort?: ReferralSort; limit?: number; offset?: number } = {},
): Promise<ReferralRow[]> {
  const p = new SqlParams();
  const where = listWhere(scope, p, filter);
  const limit = p.add(page.limit ?? 1000);
  const offset = p.add(page.offset ?? 0);
  return q.query<ReferralRow & Record<string, unknown>>(
    `SELECT ${COLUMNS} ${FROM} WHERE ${where} ORDER BY ${ORDER[page.sort ?? 'dueDate']} LIMIT ${limit} OFFSET ${offset}`,
    p.values,
  );
}

export async function countReferrals(q: Queryable, scope: Scope, filter: ReferralFilter): Promise<number> {
  const p = new SqlParams();
  const rows = await q.query<{ total: number }>(`SELECT count(*)::int AS total ${FROM} WHERE ${listWhere(scope, p, filter)}`, p.values);
  return rows[0]?.total ?? 0;
}

export async function findReferral(q: Queryable, scope: Scope, id: string, forUpdate = false): Promise<ReferralRow | undefined> {
  const p = new SqlParams();
  const rows = await q.query<ReferralRow & Record<string, unknown>>(
    `SELECT ${COLUMNS} ${FROM} WHERE r.id = ${p.add(id)} AND ${referralInScope(scope, p)}${forUpdate ? ' FOR UPDATE OF r' : ''}`,
    p.values,
  );
  return rows[0];
}

export interface NewReferral {
  id: string;
  municipalityId: string;
  participantId: string;
  providerId: string;
  productCode: string;
  contractId: string;
  contractVersion: number;
  referredOn: string;
  referredAt: Date;
  referredBy: string;
  acknowledgementDueDate: string;
}

export async function insertReferral(q: Queryable, r: NewReferral): Promise<void> {
  await q.query(
    `INSERT INTO referral (id, municipality_id, participant_id, provider_id, product_code, contract_id, contract_version,
       status, referred_on, referred_at, referred_by, acknowledgement_due_date)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'referred', $8, $9, $10, $11)`,
    [r.id, r.municipalityId, r.participantId, r.providerId, r.productCode, r.contractId, r.contractVersion, r.referredOn, r.referredAt, r.referredBy, r.acknowledgementDueDate],
  );
}

/** An open referral of this participant for this product already exists (no double orders, R-REF-1). */
export async function hasOpenReferral(q: Queryable, participantId: string, productCode: string): Promise<boolean> {
  // Which referral is still open is the domain's rule (isReferralOpen); the store only loads each
  // referral's route events.
  const rows = await q.query<{ types: string[] | null }>(
    `SELECT array_agg(e.type) FILTER (WHERE e.type IS NOT NULL) AS types
     FROM referral r LEFT JOIN route_event e ON e.referral_id = r.id
     WHERE r.participant_id = $1 AND r.product_code = $2 GROUP BY r.id`,
    [participantId, productCode],
  );
  return rows.some((r) => isReferralOpen(r.types ?? []));
}

/** What a referral records of its participant (R-REF-1): who, in which municipality, under whose contracts. */
export interface ParticipantToRefer {
  id: string;
  municipalityId: string;
  municipalityCode: string;
}

/**
 * The participant to refer, in the actor's scope. Read here rather than through the participants
 * feature, which itself refers (referInTx): the two features would import each other otherwise.
 */
export async function findParticipantToRefer(q: Queryable, scope: Scope, id: string): Promise<ParticipantToRefer | undefined> {
  const p = new SqlParams();
  const rows = await q.query<ParticipantToRefer>(
    `SELECT p.id, p.municipality_id AS "municipalityId", m.code AS "municipalityCode" FROM participant p JOIN municipality m ON m.id = p.municipality_id
     WHERE p.id = ${p.add(id)} AND ${participantInScope(scope, p)}`,
    p.values,
  );
  return rows[0];
}
