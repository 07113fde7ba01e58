// SQL of the API keys (R-EXC-1). Every read carries the provider in SQL; no query here returns the key's
// hash (only its last four characters, the hint the coordinator recognises it by).
import type { Queryable } from '../../platform/db.js';
import { SqlParams } from '../../platform/access.js';

export interface ApiKeyRow {
  id: string;
  name: string;
  hint: string;
  createdAt: Date;
  createdByName: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export const API_KEY_SELECT = `SELECT k.id, k.name, k.key_hint AS hint, k.created_at AS "createdAt", u.name AS "createdByName", k.last_used_at AS "lastUsedAt", k.revoked_at AS "revokedAt"
  FROM api_key k JOIN app_user u ON u.id = k.created_by`;

export const ApiKeySorts = ['status', '-status', 'name', '-name', 'createdAt', '-createdAt', 'lastUsedAt', '-lastUsedAt'] as const;
export type ApiKeySort = (typeof ApiKeySorts)[number];

const ORDER: Record<ApiKeySort, string> = {
  // Active keys first, newest on top: the ones that still open the door.
  status: 'k.revoked_at IS NOT NULL, k.created_at DESC, k.id DESC',
  '-status': 'k.revoked_at IS NULL, k.revoked_at DESC, k.created_at DESC, k.id DESC',
  name: 'k.name ASC, k.created_at DESC, k.id DESC',
  '-name': 'k.name DESC, k.created_at DESC, k.id DESC',
  createdAt: 'k.created_at ASC, k.id ASC',
  '-createdAt': 'k.created_at DESC, k.id DESC',
  // Never used last either way.
  lastUsedAt: 'k.last_used_at ASC NULLS LAST, k.created_at DESC, k.id DESC',
  '-lastUsedAt': 'k.last_used_at DESC NULLS LAST, k.created_at DESC, k.id DESC',
};

export interface ApiKeyFilter {
  /** Part of the key's name or its last four characters. */
  q?: string | undefined;
  sort?: ApiKeySort | undefined;
}

/** The WHERE of the list, shared by the page, the count and the export (one provider, one search). */
function keyWhere(p: SqlParams, providerId: string, filter: ApiKeyFilter): string {
  const where = [`k.provider_id = ${p.add(providerId)}`];
  if (filter.q !== undefined && filter.q !== '') {
    const like = p.add(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(k.name ILIKE ${like} OR k.key_hint ILIKE ${like})`);
  }
  return where.join(' AND ');
}

/** The provider's keys, searched, sorted and paged in SQL: the one query behind the list and its export (R-EXC-3). */
export async function listApiKeys(q: Queryable, providerId: string, filter: ApiKeyFilter, page: { limit?: number; offset?: number } = {}): Promise<ApiKeyRow[]> {
  const p = new SqlParams();
  const where = keyWhere(p, providerId, filter);
  const limit = p.add(page.limit ?? 1000);
  const offset = p.add(page.offset ?? 0);
  return q.query<ApiKeyRow & Record<string, unknown>>(`${API_KEY_SELECT} WHERE ${where} ORDER BY ${ORDER[filter.sort ?? 'status']} LIMIT ${limit} OFFSET ${offset}`, p.values);
}

export async function countApiKeys(q: Queryable, providerId: string, filter: ApiKeyFilter): Promise<number> {
  const p = new SqlParams();
  const rows = await q.query<{ total: number }>(`SELECT count(*)::int AS total FROM api_key k WHERE ${keyWhere(p, providerId, filter)}`, p.values);
  return rows[0]?.total ?? 0;
}
