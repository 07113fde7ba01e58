// API keys for providers' own systems (issue #4 item 6; R-EXC-1): a key pushes attendance and hours and
// nothing else, every push is audited under the key, a revoked key is refused, and keys stay within
// their provider.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

describe(`API keys on ${DB_KIND}`, () => {
  let t: TestKoers;
  let coordinator: Client;
  let participantId: string;
  let referralId: string;

  const withKey = (key: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${t.url}${path}`, { method, headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const hours = (key: string, idem: string) =>
    withKey(key, 'POST', '/api/v1/hours-batches', { items: [{ externalId: idem, participantId, referralId, date: '2027-02-01', kind: 'internship', minutes: 120 }] }, { 'idempotency-key': idem });

  beforeAll(async () => {
    t = await startTestKoers({ today: '2027-01-04' });
    const consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    coordinator = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    const res = await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: organisationId('provider', 'taalpunt-westfriesland'), productCode: 'b1_language' } }));
    participantId = res.body.id;
    referralId = res.body.referrals[0].id;
    t.clock.setToday('2027-03-01');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('a key pushes hours, is audited under its own name, and reads nothing else', async () => {
    const made = await coordinator.post('/api/v1/api-keys', { name: 'Leerlingvolgsysteem' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const key: string = made.body.key;
    expect(key).toMatch(/^koers_[A-Za-z0-9_-]{43}$/);
    expect(made.body.hint).toBe(key.slice(-4));
    const pushed = await hours(key, 'lvs-1');
    expect(pushed.status).toBe(201);
    const lines = await t.koers.db.query<{ actor: string }>(
      `SELECT u.name AS actor FROM audit_event a JOIN app_user u ON u.id = a.actor_user_id WHERE a.name = 'hours.record' ORDER BY a.id DESC LIMIT 1`,
    );
    expect(lines).toEqual([{ actor: 'Koppeling: Leerlingvolgsysteem' }]);
    // Only pushing: no participant file, no work list, no progress.
    for (const path of [`/api/v1/participants/${participantId}`, '/api/v1/participants', '/api/v1/signals', `/api/v1/participants/${participantId}/progress`]) {
      expect((await withKey(key, 'GET', path)).status, path).toBe(404);
    }
    const list = await coordinator.get('/api/v1/api-keys');
    expect(list.body.items[0]).toMatchObject({ name: 'Leerlingvolgsysteem', revokedAt: null });
    expect(list.body.items[0].lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.body)).not.toContain(key);
    // The secret is never stored, only its hash.
    expect(await t.koers.db.query(`SELECT 1 FROM api_key WHERE key_hash = $1 OR key_hint = $1`, [key])).toEqual([]);
  });

  it('a revoked or unknown key is refused with 401; another provider cannot revoke or see the key', async () => {
    const made = await coordinator.post('/api/v1/api-keys', { name: 'Oude koppeling' });
    const other = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'leerhuis-noord'));
    expect((await other.request('DELETE', `/api/v1/api-keys/${made.body.id}`)).status).toBe(404);
    expect((await other.get('/api/v1/api-keys')).body.items).toEqual([]);
    expect((await hours(made.body.key, 'old-1')).status).toBe(201);
    const revoked = await coordinator.request('DELETE', `/api/v1/api-keys/${made.body.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await hours(made.body.key, 'old-2')).status).toBe(401);
    expect((await hours(`koers_${'x'.repeat(43)}`, 'old-3')).status).toBe(401);
    const again = await coordinator.post('/api/v1/api-keys', { name: 'Oude koppeling' });
    expect(again.status).toBe(201);
  });

  it('the technical user behind a key cannot log in with a password', async () => {
    const rows = await t.koers.db.query<{ email: string }>(`SELECT email FROM app_user WHERE role = 'providerSystem' LIMIT 1`);
    const res = await new Client(t.url).post('/api/v1/sessions', { email: rows[0]?.email, password: '!' });
    expect(res.status).toBe(401);
  });
});
