// Issue #17 (R-CON-10): a contract version loaded in Koers, on PGlite and PostgreSQL. A version with an
// error is refused with the path of each error and changes nothing; a valid one shows its diff; once
// active from a date, a referral from that date gets its deadline and one before it keeps the old; the
// activation is applied again at the next start.
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyStoredVersions } from '../src/features/contract-versions/registry.js';
import { organisationId } from '../src/features/organisations/store.js';
import { loadContracts, registryOf } from '../src/platform/contracts.js';
import { aParticipantInput, aUser, Client, DB_KIND, snapshot, startTestKoers, testConfig, type TestKoers } from './support/koers.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');

describe(`contract versions on ${DB_KIND}`, () => {
  let t: TestKoers;
  let admin: Client;
  let consultant: Client;
  /** Westfriesland's version in force, without its number and dates: what an administrator would edit. */
  let body: Record<string, any>;

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-12-23' });
    admin = await Client.loggedIn(t, await aUser(t, 'admin'));
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    const { version: _v, validFrom: _f, validTo: _t, ...rest } = t.koers.contracts.byId('westfriesland')?.versions[0] ?? ({} as never);
    body = structuredClone(rest) as Record<string, any>;
  });
  afterAll(async () => {
    await t?.stop();
  });

  const upload = (document: string, format: 'yaml' | 'json', validFrom = '2027-01-11') => ({ contractId: 'westfriesland', format, document, validFrom });
  const referredDue = async () => {
    const res = await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.referrals[0] as { referredOn: string; acknowledgementDueDate: string; contractVersion?: number };
  };

  it('a version with errors is refused with the path of each, and nothing changes', async () => {
    const before = await snapshot(t);
    const broken = structuredClone(body);
    delete broken.deadlines.intakeInvitation;
    broken.contracted[0].provider = 'onbekende-aanbieder';
    broken.deadlnes = {};
    const unknownField = await admin.post('/api/v1/contract-versions/check', upload(stringify(broken), 'yaml'));
    expect(unknownField.status).toBe(422);
    expect(unknownField.body.invalidParams).toEqual([{ name: 'document.deadlnes', code: 'unknownField', reason: 'Onbekend veld "deadlnes".' }]);
    delete broken.deadlnes;
    const res = await admin.post('/api/v1/contract-versions', upload(stringify(broken), 'yaml'));
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['document.deadlines.intakeInvitation']);
    // With the deadline back, the cross-checks of a contract file run: the unknown provider by its place.
    broken.deadlines.intakeInvitation = body.deadlines.intakeInvitation;
    const provider = await admin.post('/api/v1/contract-versions', upload(stringify(broken), 'yaml'));
    expect(provider.body.invalidParams).toEqual([{ name: 'document.contracted[0].provider', code: 'invalid', reason: 'unknown provider "onbekende-aanbieder"' }]);
    expect((await admin.post('/api/v1/contract-versions/check', upload('deadlines: [unclosed', 'yaml'))).body.invalidParams[0].name).toBe('document');
    expect((await admin.post('/api/v1/contract-versions/check', upload(JSON.stringify(body), 'json', '2026-12-01'))).body.invalidParams[0]).toMatchObject({ name: 'validFrom', code: 'past' });
    expect((await admin.post('/api/v1/contract-versions/check', upload(JSON.stringify(body), 'json', '2026-01-01'))).status).toBe(400);
    expect(await snapshot(t)).toEqual(before);
    expect(t.koers.contracts.byId('westfriesland')?.versions).toHaveLength(1);
  });

  it('a valid version shows what it changes; the check stores nothing', async () => {
    const next = structuredClone(body);
    next.deadlines.acknowledgement.amount = 2;
    const res = await admin.post('/api/v1/contract-versions/check', upload(JSON.stringify(next), 'json'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ version: 2, validFrom: '2027-01-11', previous: { version: 1, validFrom: '2026-01-01', validTo: '2027-01-10' } });
    expect(res.body.diff).toEqual([{ path: 'deadlines.acknowledgement.amount', kind: 'changed', before: '5', after: '2' }]);
    expect((await t.koers.db.query<{ n: number }>('SELECT count(*)::int AS n FROM contract_version_activation'))[0]?.n).toBe(0);
  });

  it('active from a date: a referral from that date gets the new deadline, one before it keeps the old, also after a restart', async () => {
    const next = structuredClone(body);
    next.deadlines.acknowledgement.amount = 2;
    const activated = await admin.post('/api/v1/contract-versions', upload(stringify(next), 'yaml'));
    expect(activated.status, JSON.stringify(activated.body)).toBe(201);
    // A further change is a further version; it cannot start where the last one starts.
    expect((await admin.post('/api/v1/contract-versions', upload(stringify(next), 'yaml'))).body.invalidParams[0].name).toBe('validFrom');
    next.deadlines.acknowledgement.amount = 3;
    expect((await admin.post('/api/v1/contract-versions', upload(stringify(next), 'yaml', '2027-03-01'))).body.version).toBe(3);

    // 2026-12-23: version 1, 5 working days over Christmas.
    expect(await referredDue()).toMatchObject({ referredOn: '2026-12-23', acknowledgementDueDate: '2026-12-31' });
    // Friday 2027-01-08, the last working day of version 1: still 5 working days.
    t.clock.setToday('2027-01-08');
    expect(await referredDue()).toMatchObject({ referredOn: '2027-01-08', acknowledgementDueDate: '2027-01-15' });
    // Monday 2027-01-11, the first day of version 2: 2 working days.
    t.clock.setToday('2027-01-11');
    expect(await referredDue()).toMatchObject({ referredOn: '2027-01-11', acknowledgementDueDate: '2027-01-13' });
    t.clock.setToday('2026-12-23');

    const list = await admin.get('/api/v1/contract-versions');
    const wf = list.body.items.find((c: { id: string }) => c.id === 'westfriesland');
    expect(wf.versions.map((v: { version: number; source: string; validTo: string | null }) => [v.version, v.source])).toEqual([[1, 'file'], [2, 'koers'], [3, 'koers']]);
    // At the next start the files are read again and the activations applied on top, in order.
    const fresh = registryOf(loadContracts(testConfig().contractsDir).contracts);
    expect(await applyStoredVersions(t.koers.db, fresh)).toBe(2);
    expect(fresh.byId('westfriesland')?.versions.map((v) => [v.version, v.validFrom, v.validTo])).toEqual([
      [1, '2026-01-01', '2027-01-10'],
      [2, '2027-01-11', '2027-02-28'],
      [3, '2027-03-01', '2029-12-31'],
    ]);
    // The hourly run of every instance applies them to its live registry: the activating one has them already.
    await applyStoredVersions(t.koers.db, t.koers.contracts);
    expect(t.koers.contracts.byId('westfriesland')?.versions.map((v) => v.version)).toEqual([1, 2, 3]);
    const lines = await t.koers.db.query<{ summary: string }>(`SELECT summary FROM audit_event WHERE name = 'contract.record' ORDER BY id`);
    expect(lines.map((l) => l.summary)).toEqual(['version 2 from 2027-01-11', 'version 3 from 2027-03-01']);
  });

  it('only the administrator may load versions', async () => {
    for (const c of [consultant, await Client.loggedIn(t, await aUser(t, 'contractManager', 'westfriesland'))]) {
      expect((await c.get('/api/v1/contract-versions')).status).toBe(404);
      expect((await c.post('/api/v1/contract-versions/check', upload(JSON.stringify(body), 'json'))).status).toBe(404);
    }
  });
});
