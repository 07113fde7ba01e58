// Regions, municipalities and providers come from the contract files (contracts are data); at start
// they are upserted into the database so personal data can reference them. Ids are derived from the
// codes, so every database built from the same contracts gives the same organisation the same id.
import { createHash } from 'node:crypto';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Db, Queryable } from '../../platform/db.js';

export function organisationId(kind: 'region' | 'municipality' | 'provider', code: string): string {
  const h = createHash('sha256').update(`koers:${kind}:${code}`).digest('hex');
  // Shape it as an RFC 4122 version-4-style UUID (variant bits set) so uuid columns accept it.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function syncOrganisations(db: Db, registry: ContractRegistry): Promise<void> {
  await db.transaction(async (tx) => {
    for (const c of registry.contracts) {
      const regionId = organisationId('region', c.region.code);
      await tx.query(
        `INSERT INTO region (id, code, name) VALUES ($1, $2, $3) ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`,
        [regionId, c.region.code, c.region.name],
      );
      for (const m of c.municipalities) {
        await tx.query(
          `INSERT INTO municipality (id, code, name, region_id) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`,
          [organisationId('municipality', m.code), m.code, m.name, regionId],
        );
      }
      for (const p of c.providers) {
        await tx.query(
          `INSERT INTO provider (id, code, name, kvk_number) VALUES ($1, $2, $3, $4)
           ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kvk_number = EXCLUDED.kvk_number`,
          [organisationId('provider', p.code), p.code, p.name, p.kvkNumber ?? null],
        );
      }
    }
  });
}

export interface OrganisationRow {
  id: string;
  code: string;
  name: string;
}

export async function findProvider(q: Queryable, id: string): Promise<OrganisationRow | undefined> {
  return (await q.query<OrganisationRow & Record<string, unknown>>('SELECT id, code, name FROM provider WHERE id = $1', [id]))[0];
}

export async function findMunicipality(q: Queryable, id: string): Promise<OrganisationRow | undefined> {
  return (await q.query<OrganisationRow & Record<string, unknown>>('SELECT id, code, name FROM municipality WHERE id = $1', [id]))[0];
}

/** The display name of a product code, from the contracts (codes are shared across contracts). */
export function productName(registry: ContractRegistry, code: string): string {
  for (const c of registry.contracts) {
    const p = c.products.find((x) => x.code === code);
    if (p !== undefined) return p.name;
  }
  return code;
}
