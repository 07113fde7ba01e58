// API keys for providers' own systems (R-EXC-1): the coordinator makes a key (shown once), lists its
// provider's keys and revokes one. A key acts as a technical user of role providerSystem that may only
// push attendance and hours (src/platform/access.ts), so each push is audited under the key's name.
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { sha256 } from '../../platform/crypto.js';
import { notFound, unprocessable } from '../../platform/errors.js';
import { ctxOf } from '../../platform/http/access-hook.js';
import { queryInt, str } from '../../platform/http/input.js';
import { EXPORT_BATCH, ExportFormat, pagedSource, sendExport, XLSX_TYPE } from '../../platform/http/export.js';
import type { AppDeps, RouteRegistrar } from '../../platform/http/server.js';
import { IdParam } from '../participants/schemas.js';
import { apiKeyColumns } from './export.js';
import { API_KEY_SELECT, ApiKeySorts, countApiKeys, listApiKeys, type ApiKeyRow } from './store.js';

const ApiKey = z.object({
  id: z.uuid(),
  name: z.string(),
  hint: z.string().describe('The last four characters of the key'),
  createdAt: z.string(),
  createdByName: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
const ApiKeyCreated = ApiKey.extend({ key: z.string().describe('The secret, shown only now: send it as "Authorization: Bearer <key>"') });
const ApiKeyCreate = z.object({ name: str('Geef de koppeling een naam.').trim().min(1, 'Geef de koppeling een naam.').max(100, 'De naam is hoogstens 100 tekens.') });

function providerOf(ctx: RequestContext): string {
  if (ctx.scope.kind !== 'provider') throw notFound();
  return ctx.scope.providerId;
}

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
const toApiKey = (r: ApiKeyRow) => ({ ...r, createdAt: new Date(r.createdAt).toISOString(), lastUsedAt: iso(r.lastUsedAt), revokedAt: iso(r.revokedAt) });

/** The list's search and order; the export takes the same (and no page). */
const ApiKeyFilterQuery = z.object({
  q: str().trim().max(100).optional().describe("Part of the key's name or its last four characters"),
  sort: z.enum(ApiKeySorts).default('status').describe('status: active keys first, newest on top'),
});
const ApiKeyListQuery = ApiKeyFilterQuery.extend({ page: queryInt().min(1).default(1), pageSize: queryInt().min(1).max(1000).default(1000) });
const ApiKeyExportQuery = ApiKeyFilterQuery.extend({ format: ExportFormat });

async function createKey(deps: Pick<AppDeps, 'db' | 'crypto'>, ctx: RequestContext, name: string) {
  const providerId = providerOf(ctx);
  // 32 random bytes, base64url: 43 characters after the prefix that tells a leaked key for what it is.
  const key = `koers_${randomBytes(32).toString('base64url')}`;
  const id = randomUUID();
  const userId = randomUUID();
  return deps.db.transaction(async (tx) => {
    const taken = await tx.query(`SELECT 1 FROM api_key WHERE provider_id = $1 AND name = $2 AND revoked_at IS NULL`, [providerId, name]);
    if (taken.length > 0) throw unprocessable('name', 'taken', 'Er is al een actieve koppeling met deze naam.');
    await tx.query(`INSERT INTO app_user (id, email, name, password_hash, role, provider_id) VALUES ($1, $2, $3, '!', 'providerSystem', $4)`, [userId, `system+${userId}@koers.invalid`, `Koppeling: ${name}`, providerId]);
    await tx.query(`INSERT INTO api_key (id, provider_id, user_id, name, key_hash, key_hint, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, now())`, [
      id,
      providerId,
      userId,
      name,
      sha256(key),
      key.slice(-4),
      ctx.actor.userId,
    ]);
    const row = (await tx.query<ApiKeyRow>(`${API_KEY_SELECT} WHERE k.id = $1`, [id]))[0];
    if (row === undefined) throw notFound();
    // Issue #9: who made which key is in the processing log, in the transaction that made it.
    await recordAudit(tx, deps.crypto, ctx, { name: 'apiKey.create', status: 'ok', subjects: [], objectType: 'apiKey', objectId: id });
    return { ...toApiKey(row), key };
  });
}

export const registerApiKeyRoutes: RouteRegistrar = (app, deps) => {
  const tags = ['api-keys'];
  app.get(
    '/api/v1/api-keys',
    {
      config: { permission: 'apiKey.manage' },
      schema: {
        tags,
        summary: 'The provider\'s API keys for its own systems (no secrets): search, sort, page',
        querystring: ApiKeyListQuery,
        response: { 200: z.object({ items: z.array(ApiKey), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }) },
      },
    },
    async (req) => {
      const providerId = providerOf(ctxOf(req));
      const { page, pageSize } = req.query;
      const { rows, total } = await deps.db.transaction(async (tx) => ({
        rows: await listApiKeys(tx, providerId, req.query, { limit: pageSize, offset: (page - 1) * pageSize }),
        total: await countApiKeys(tx, providerId, req.query),
      }));
      return { items: rows.map(toApiKey), total, page, pageSize };
    },
  );
  // R-EXC-3: the filtered list of GET /api-keys (same permission, provider, search and order), streamed.
  // Name, hint, dates and status only: the key itself is never stored and its hash never leaves the
  // database. Not audited, as the list is not: it names no participant.
  app.get(
    '/api/v1/api-keys/export',
    {
      config: { permission: 'apiKey.manage' },
      schema: { tags, summary: 'The filtered API key list as XLSX or CSV, without secrets (R-EXC-3)', querystring: ApiKeyExportQuery, produces: [XLSX_TYPE, 'text/csv'] },
    },
    (req, reply) => {
      const providerId = providerOf(ctxOf(req));
      return sendExport(reply, {
        format: req.query.format,
        fileStem: 'koppelingen',
        today: deps.clock.today(),
        sheetName: 'Koppelingen',
        columns: apiKeyColumns,
        next: pagedSource(EXPORT_BATCH, (page, size) => listApiKeys(deps.db, providerId, req.query, { limit: size, offset: (page - 1) * size })),
      });
    },
  );
  app.post(
    '/api/v1/api-keys',
    { config: { permission: 'apiKey.manage' }, schema: { tags, summary: 'Make an API key for pushing attendance and hours (R-EXC-1); the key is in this answer only', body: ApiKeyCreate, response: { 201: ApiKeyCreated } } },
    async (req, reply) => reply.status(201).send(await createKey(deps, ctxOf(req), req.body.name)),
  );
  app.delete(
    '/api/v1/api-keys/:id',
    { config: { permission: 'apiKey.manage' }, schema: { tags, summary: 'Revoke a key: from now on it is refused (401)', params: IdParam, response: { 200: ApiKey } } },
    async (req) => {
      const ctx = ctxOf(req);
      const providerId = providerOf(ctx);
      const row = await deps.db.transaction(async (tx) => {
        const rows = await tx.query<{ id: string }>(`UPDATE api_key SET revoked_at = COALESCE(revoked_at, now()), revoked_by = COALESCE(revoked_by, $3) WHERE id = $1 AND provider_id = $2 RETURNING id`, [
          req.params.id,
          providerId,
          ctx.actor.userId,
        ]);
        if (rows.length === 0) return undefined;
        await recordAudit(tx, deps.crypto, ctx, { name: 'apiKey.revoke', status: 'ok', subjects: [], objectType: 'apiKey', objectId: req.params.id });
        return (await tx.query<ApiKeyRow>(`${API_KEY_SELECT} WHERE k.id = $1`, [req.params.id]))[0];
      });
      if (row === undefined) throw notFound();
      return toApiKey(row);
    },
  );
};
