// Issue #17: the administrator's organisations — every region, municipality and provider with its
// identifiers (municipality code, OIN, KvK number) and the contracts it is in; a municipality's OIN and a
// provider's KvK number are changed here. The change goes into the contract data (src/domain/
// organisation-identifiers.ts), where invoices and DUO read it, is stored so every start applies it again,
// and is audited.
import { randomUUID } from 'node:crypto';
import { applyIdentifier, type IdentifierChange } from '../../domain/organisation-identifiers.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { ContractFileError, type ContractRegistry } from '../../platform/contracts.js';
import type { Crypto } from '../../platform/crypto.js';
import type { Db, Queryable } from '../../platform/db.js';
import { invalid, notFound } from '../../platform/errors.js';

interface Deps {
  db: Db;
  crypto: Crypto;
  contracts: ContractRegistry;
}

export interface OrganisationItem {
  kind: 'region' | 'municipality' | 'provider';
  code: string;
  name: string;
  oin: string | null;
  kvkNumber: string | null;
  contracts: string[];
  /** Whether the administrator changed an identifier in Koers (else: as in the contract files). */
  changedInKoers: boolean;
}

function changesOf(rows: readonly { kind: string; code: string }[]): Set<string> {
  return new Set(rows.map((r) => `${r.kind}:${r.code}`));
}

export async function listOrganisations(deps: Deps): Promise<{ items: OrganisationItem[] }> {
  const changed = changesOf(await deps.db.query<{ kind: string; code: string }>('SELECT DISTINCT kind, code FROM organisation_identifier_change'));
  const byKey = new Map<string, OrganisationItem>();
  const add = (item: Omit<OrganisationItem, 'contracts' | 'changedInKoers'>, contract: string) => {
    const key = `${item.kind}:${item.code}`;
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, { ...item, contracts: [contract], changedInKoers: changed.has(key) });
    else if (!seen.contracts.includes(contract)) seen.contracts.push(contract);
  };
  for (const c of deps.contracts.contracts) {
    add({ kind: 'region', code: c.region.code, name: c.region.name, oin: null, kvkNumber: null }, c.name);
    for (const m of c.municipalities) add({ kind: 'municipality', code: m.code, name: m.name, oin: m.invoicing?.oin ?? null, kvkNumber: null }, c.name);
    for (const p of c.providers) add({ kind: 'provider', code: p.code, name: p.name, oin: null, kvkNumber: p.kvkNumber ?? p.invoicing?.kvkNumber ?? null }, c.name);
  }
  const order = { region: 0, municipality: 1, provider: 2 } as const;
  return { items: [...byKey.values()].sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name, 'nl')) };
}

function apply(registry: ContractRegistry, change: IdentifierChange) {
  const result = applyIdentifier(registry.contracts, change);
  if (result.ok) for (const c of result.contracts) registry.replace(c);
  return result;
}

export async function changeIdentifier(deps: Deps, ctx: RequestContext, change: IdentifierChange, now: Date): Promise<OrganisationItem> {
  const result = applyIdentifier(deps.contracts.contracts, change);
  if (!result.ok) {
    if (result.code === 'notNamed') throw notFound();
    throw invalid(result.field, 'refused', result.reason);
  }
  const field = change.kind === 'municipality' ? 'oin' : 'kvkNumber';
  const value = change.kind === 'municipality' ? change.oin : change.kvkNumber;
  await deps.db.transaction(async (tx) => {
    await tx.query('INSERT INTO organisation_identifier_change (id, kind, code, field, value, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [randomUUID(), change.kind, change.code, field, value, ctx.actor.userId, now]);
    // The provider table's copy, which lists and the quality register read (src/features/organisations/store.ts).
    if (change.kind === 'provider') await tx.query('UPDATE provider SET kvk_number = $2 WHERE code = $1', [change.code, value]);
    await recordAudit(tx, deps.crypto, ctx, { name: 'organisation.record', status: 'ok', subjects: [], objectType: change.kind, objectId: change.code, summary: `${field} changed` });
  });
  for (const c of result.contracts) deps.contracts.replace(c);
  const item = (await listOrganisations(deps)).items.find((o) => o.kind === change.kind && o.code === change.code);
  if (item === undefined) throw notFound();
  return item;
}

/** At every start and every hourly run: the latest change per organisation and field, on the contract data. */
export async function applyStoredIdentifiers(q: Queryable, registry: ContractRegistry): Promise<number> {
  const rows = await q.query<{ kind: 'municipality' | 'provider'; code: string; field: 'oin' | 'kvkNumber'; value: string }>(
    `SELECT DISTINCT ON (kind, code, field) kind, code, field, value FROM organisation_identifier_change ORDER BY kind, code, field, changed_at DESC, id`,
  );
  for (const r of rows) {
    const change: IdentifierChange = r.kind === 'municipality' ? { kind: 'municipality', code: r.code, oin: r.value } : { kind: 'provider', code: r.code, kvkNumber: r.value };
    const result = apply(registry, change);
    if (!result.ok && result.code !== 'notNamed') throw new ContractFileError(`The ${r.field} of ${r.kind} "${r.code}", changed in Koers, no longer fits its contracts: ${result.reason}`);
  }
  return rows.length;
}
