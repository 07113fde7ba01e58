// Issue #17: the administrator changes a provider's KvK number and a municipality's OIN in Koers, on
// PGlite and PostgreSQL; the contract data every rule reads has them at once and again after a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { municipalityOin } from '../src/features/duo/deliveries.js';
import { applyStoredIdentifiers } from '../src/features/organisation-admin/service.js';
import { loadContracts, registryOf } from '../src/platform/contracts.js';
import { aUser, Client, DB_KIND, snapshot, startTestKoers, testConfig, type TestKoers } from './support/koers.js';

describe(`organisations on ${DB_KIND}`, () => {
  let t: TestKoers;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestKoers();
    admin = await Client.loggedIn(t, await aUser(t, 'admin'));
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('lists every region, municipality and provider with its identifiers and contracts', async () => {
    const res = await admin.get('/api/v1/organisations');
    expect(res.status).toBe(200);
    const hoorn = res.body.items.find((o: { kind: string; code: string }) => o.kind === 'municipality' && o.code === 'hoorn');
    expect(hoorn).toMatchObject({ name: 'Hoorn', oin: municipalityOin(t.koers.contracts, 'hoorn') ?? null, changedInKoers: false });
    expect(res.body.items.some((o: { kind: string }) => o.kind === 'region')).toBe(true);
  });

  it("a provider's KvK number and a municipality's OIN reach the contract data, the provider table and the next start", async () => {
    const kvk = await admin.request('PATCH', '/api/v1/organisations/providers/taalpunt-westfriesland', { kvkNumber: '87654321' });
    expect(kvk.status, JSON.stringify(kvk.body)).toBe(200);
    expect(kvk.body).toMatchObject({ kind: 'provider', code: 'taalpunt-westfriesland', kvkNumber: '87654321', changedInKoers: true });
    for (const c of t.koers.contracts.contracts) {
      const p = c.providers.find((x) => x.code === 'taalpunt-westfriesland');
      if (p === undefined) continue;
      expect(p.kvkNumber).toBe('87654321');
      if (p.invoicing !== undefined) expect(p.invoicing.kvkNumber).toBe('87654321'); // the e-invoice's seller id
    }
    expect((await t.koers.db.query<{ kvk: string }>(`SELECT kvk_number AS kvk FROM provider WHERE code = 'taalpunt-westfriesland'`))[0]?.kvk).toBe('87654321');

    const oin = await admin.request('PATCH', '/api/v1/organisations/municipalities/hoorn', { oin: '00000009999999999999' });
    expect(oin.status, JSON.stringify(oin.body)).toBe(200);
    expect(municipalityOin(t.koers.contracts, 'hoorn')).toBe('00000009999999999999'); // DUO's source OIN

    const fresh = registryOf(loadContracts(testConfig().contractsDir).contracts);
    expect(await applyStoredIdentifiers(t.koers.db, fresh)).toBe(2);
    expect(municipalityOin(fresh, 'hoorn')).toBe('00000009999999999999');
    const lines = await t.koers.db.query<{ summary: string }>(`SELECT summary FROM audit_event WHERE name = 'organisation.record' ORDER BY id`);
    expect(lines.map((l) => l.summary)).toEqual(['kvkNumber changed', 'oin changed']);
  });

  it('a malformed number is refused on its field, an unknown organisation is 404, and nothing changes', async () => {
    const before = await snapshot(t);
    const bad = await admin.request('PATCH', '/api/v1/organisations/municipalities/hoorn', { oin: '123' });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams[0]).toMatchObject({ name: 'oin', reason: 'Een OIN heeft 20 cijfers.' });
    expect((await admin.request('PATCH', '/api/v1/organisations/providers/taalpunt-westfriesland', { kvkNumber: '1234' })).body.invalidParams[0].name).toBe('kvkNumber');
    expect((await admin.request('PATCH', '/api/v1/organisations/providers/bestaat-niet', { kvkNumber: '12345678' })).status).toBe(404);
    expect(await snapshot(t)).toEqual(before);
  });

  it('only the administrator manages organisations', async () => {
    for (const [role, org] of [['consultant', 'hoorn'], ['contractManager', 'westfriesland'], ['providerCoordinator', 'taalpunt-westfriesland']] as const) {
      const c = await Client.loggedIn(t, await aUser(t, role, org));
      expect((await c.get('/api/v1/organisations')).status, role).toBe(404);
      expect((await c.request('PATCH', '/api/v1/organisations/providers/taalpunt-westfriesland', { kvkNumber: '11111111' })).status, role).toBe(404);
    }
  });
});
