// Regions, municipalities and providers come from the contract files (contracts are data); at start
// they are upserted into the database so personal data can reference them. Ids are derived from the
// codes, so every database built from the same contracts gives the same organisation the same id.
import { createHash } from 'node:crypto';
import type { OrganisationContact } from '../../domain/organisation-contact.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Db, Queryable } from '../../platform/db.js';

export function organisationId(kind: 'region' | 'municipality' | 'provider', code: string): string {
  const h = createHash('sha256').update(`koers:${kind}:${code}`).digest('hex');
  // Shape it as an RFC 4122 version-4-style UUID (variant bits set) so uuid columns accept it.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// R-PRT-1 (migration 0021): the contact the participant calls, replaced on every start so a contract
// file that drops a value drops it here too.
const CONTACT_COLUMNS = 'contact_name, contact_phone, contact_email, contact_hours';
const CONTACT_UPDATE = 'contact_name = EXCLUDED.contact_name, contact_phone = EXCLUDED.contact_phone, contact_email = EXCLUDED.contact_email, contact_hours = EXCLUDED.contact_hours';

function contactValues(c: OrganisationContact | undefined): (string | null)[] {
  return [c?.name ?? null, c?.phone ?? null, c?.email ?? null, c?.hours ?? null];
}

/**
 * Issue #16: three statements (regions, municipalities, providers), each upserting all its rows from one
 * JSON parameter, instead of one statement per organisation (~50 statements, 0.15–0.3 s of an embedded
 * start). The rows are those the statements one by one left: a code named by several contracts (a
 * provider serving several regions) keeps the last contract's name, KvK number and contact, and a new
 * municipality the region of the first contract naming it (a later upsert never moved it).
 */
export async function syncOrganisations(db: Db, registry: ContractRegistry): Promise<void> {
  const regions = new Map<string, { id: string; code: string; name: string }>();
  const municipalities = new Map<string, Record<string, string | null>>();
  const providers = new Map<string, Record<string, string | null>>();
  const contact = (c: OrganisationContact | undefined) => {
    const [contact_name = null, contact_phone = null, contact_email = null, contact_hours = null] = contactValues(c);
    return { contact_name, contact_phone, contact_email, contact_hours };
  };
  for (const c of registry.contracts) {
    const regionId = organisationId('region', c.region.code);
    regions.set(c.region.code, { id: regionId, code: c.region.code, name: c.region.name });
    for (const m of c.municipalities) {
      const regionOf = municipalities.get(m.code)?.region_id ?? regionId;
      municipalities.set(m.code, { id: organisationId('municipality', m.code), code: m.code, name: m.name, region_id: regionOf, ...contact(m.contact) });
    }
    for (const p of c.providers) providers.set(p.code, { id: organisationId('provider', p.code), code: p.code, name: p.name, kvk_number: p.kvkNumber ?? null, ...contact(p.contact) });
  }
  const contactTypes = 'contact_name text, contact_phone text, contact_email text, contact_hours text';
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO region (id, code, name) SELECT id, code, name FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, code text, name text)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`,
      [JSON.stringify([...regions.values()])],
    );
    await tx.query(
      `INSERT INTO municipality (id, code, name, region_id, ${CONTACT_COLUMNS})
       SELECT id, code, name, region_id, ${CONTACT_COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, code text, name text, region_id uuid, ${contactTypes})
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, ${CONTACT_UPDATE}`,
      [JSON.stringify([...municipalities.values()])],
    );
    await tx.query(
      `INSERT INTO provider (id, code, name, kvk_number, ${CONTACT_COLUMNS})
       SELECT id, code, name, kvk_number, ${CONTACT_COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, code text, name text, kvk_number text, ${contactTypes})
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kvk_number = EXCLUDED.kvk_number, ${CONTACT_UPDATE}`,
      [JSON.stringify([...providers.values()])],
    );
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

/** R-PRT-1: whom the participant calls at an organisation; every field NULL where the contract gives none. */
export interface ContactRow {
  organisation: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  hours: string | null;
}

export async function findContact(q: Queryable, kind: 'municipality' | 'provider', id: string): Promise<ContactRow | undefined> {
  const table = kind === 'municipality' ? 'municipality' : 'provider';
  const rows = await q.query<ContactRow & Record<string, unknown>>(
    `SELECT name AS organisation, contact_name AS name, contact_phone AS phone, contact_email AS email, contact_hours AS hours FROM ${table} WHERE id = $1`,
    [id],
  );
  return rows[0];
}
