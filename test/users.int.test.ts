// Issue #17: staff accounts managed in Koers, on PGlite and PostgreSQL. The administrator makes a
// consultant, who chooses a password through the mailed link and logs in; ending the account refuses the
// open session on its next request and revokes the API keys the account made. A coordinator manages its
// own provider's teachers and nothing else. Bad input changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { aUser, Client, DB_KIND, snapshot, startTestKoers, type TestKoers } from './support/koers.js';

const NEW_PASSWORD = 'een-lang-wachtwoord-voor-koers-2026';

describe(`staff accounts on ${DB_KIND}`, () => {
  let t: TestKoers;
  let admin: Client;
  let coordinator: Client;
  const HOORN = organisationId('municipality', 'hoorn');
  const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
  const LEERHUIS = organisationId('provider', 'leerhuis-noord');

  beforeAll(async () => {
    t = await startTestKoers();
    admin = await Client.loggedIn(t, await aUser(t, 'admin'));
    coordinator = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** The single-use link of the welcome mail, as its recipient would click it. */
  async function welcomeToken(email: string): Promise<string> {
    const rows = await t.koers.db.query<{ body: string }>(`SELECT body FROM outbox WHERE recipient = $1 AND subject = 'Koers: uw account'`, [email]);
    expect(rows).toHaveLength(1);
    const token = /wachtwoord-herstellen#([A-Za-z0-9_-]+)/.exec(rows[0]?.body ?? '')?.[1];
    expect(token).toBeDefined();
    return token ?? '';
  }

  it('the administrator makes a consultant, who sets a password by the link and logs in; ending the account refuses its session at once', async () => {
    const email = `nieuw.${Date.now()}@hoorn.example`;
    const made = await admin.post('/api/v1/users', { email, name: 'Nieuwe Consulent', role: 'consultant', organisationId: HOORN });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ email, role: 'consultant', organisation: { kind: 'municipality', id: HOORN, name: 'Hoorn' }, secondFactor: false, lastLoginAt: null, endedAt: null });
    // Nobody knows a password yet: the login fails until the link is used.
    expect((await new Client(t.url).post('/api/v1/sessions', { email, password: NEW_PASSWORD })).status).toBe(401);
    const token = await welcomeToken(email);
    expect((await new Client(t.url).post('/api/v1/password-resets/confirm', { token, password: NEW_PASSWORD })).status).toBe(204);
    const consultant = new Client(t.url);
    expect((await consultant.post('/api/v1/sessions', { email, password: NEW_PASSWORD })).status).toBe(201);
    expect((await consultant.get('/api/v1/participants')).status).toBe(200);
    const listed = await admin.get(`/api/v1/users?q=${encodeURIComponent(email)}`);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0].lastLoginAt).not.toBeNull();

    const ended = await admin.post(`/api/v1/users/${String(made.body.id)}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body.endedAt).not.toBeNull();
    expect((await consultant.get('/api/v1/participants')).status).toBe(401);
    expect((await new Client(t.url).post('/api/v1/sessions', { email, password: NEW_PASSWORD })).status).toBe(401);
    const lines = await t.koers.db.query<{ summary: string }>(`SELECT summary FROM audit_event WHERE name = 'user.record' AND object_id = $1 ORDER BY id`, [made.body.id]);
    expect(lines.map((l) => l.summary)).toEqual(['created consultant', 'ended; 1 sessions, 0 API keys']);
    // Ending twice changes nothing more.
    expect((await admin.post(`/api/v1/users/${String(made.body.id)}/end`)).body.endedAt).toBe(ended.body.endedAt);
  });

  it('ending a coordinator revokes the API keys it made', async () => {
    const user = await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland');
    const c = await Client.loggedIn(t, user);
    const key = String((await c.post('/api/v1/api-keys', { name: 'Rooster' })).body.key);
    const push = () => fetch(`${t.url}/api/v1/hours-batches`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': `k-${Math.random()}` }, body: JSON.stringify({ items: [] }) });
    expect((await push()).status).toBe(400); // the key is accepted; the empty batch is not
    const ended = await admin.post(`/api/v1/users/${user.id}/end`);
    expect(ended.status).toBe(200);
    expect((await push()).status).toBe(401);
  });

  it('bad input is refused on its field and changes nothing', async () => {
    const before = await snapshot(t);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ email: 'geen-adres', name: 'X', role: 'consultant', organisationId: HOORN }, 400, 'email'],
      [{ email: 'a@b.nl', name: '', role: 'consultant', organisationId: HOORN }, 400, 'name'],
      [{ email: 'a@b.nl', name: 'X', role: 'participant', organisationId: HOORN }, 400, 'role'],
      [{ email: 'a@b.nl', name: 'X', role: 'consultant' }, 400, 'organisationId'],
      [{ email: 'a@b.nl', name: 'X', role: 'consultant', organisationId: TAALPUNT }, 400, 'organisationId'],
      [{ email: 'a@b.nl', name: 'X', role: 'admin', organisationId: HOORN }, 400, 'organisationId'],
      [{ email: 'consultant.hoorn@koers.demo'.replace('koers.demo', 'x.nl'), name: 'X', role: 'consultant', organisationId: '00000000-0000-4000-8000-000000000000' }, 400, 'organisationId'],
    ];
    for (const [body, status, field] of cases) {
      const res = await admin.post('/api/v1/users', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.invalidParams.map((p: { name: string }) => p.name), JSON.stringify(body)).toContain(field);
    }
    const existing = await aUser(t, 'teacher', 'taalpunt-westfriesland');
    const after = await snapshot(t);
    const taken = await admin.post('/api/v1/users', { email: existing.email.toUpperCase(), name: 'X', role: 'consultant', organisationId: HOORN });
    expect(taken.status).toBe(409);
    expect(taken.body.invalidParams).toEqual([{ name: 'email', code: 'taken', reason: 'Er is al een account met dit e-mailadres.' }]);
    expect(await snapshot(t)).toEqual(after);
    expect(after).not.toEqual(before); // the teacher made above, as a check that the snapshot sees accounts
  });

  it("a coordinator manages its own provider's teachers and sees nothing of another provider's", async () => {
    const own = await aUser(t, 'teacher', 'taalpunt-westfriesland');
    const other = await aUser(t, 'teacher', 'leerhuis-noord');
    const colleague = await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland');
    const list = await coordinator.get('/api/v1/users?pageSize=100');
    expect(list.status).toBe(200);
    const ids = list.body.items.map((u: { id: string }) => u.id);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(other.id);
    expect(list.body.items.every((u: { organisation: { id: string } | null }) => u.organisation?.id === TAALPUNT)).toBe(true);
    // A teacher, at its own provider whatever organisation is sent.
    const made = await coordinator.post('/api/v1/users', { email: `docent.${Date.now()}@taalpunt.example`, name: 'Nieuwe Docent', role: 'teacher', organisationId: LEERHUIS });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.organisation.id).toBe(TAALPUNT);
    expect((await coordinator.post('/api/v1/users', { email: 'c@x.nl', name: 'X', role: 'consultant', organisationId: HOORN })).body.invalidParams[0].name).toBe('role');
    for (const id of [other.id, colleague.id]) {
      expect((await coordinator.post(`/api/v1/users/${id}/end`)).status).toBe(404);
      expect((await coordinator.request('PATCH', `/api/v1/users/${id}`, { name: 'Overgenomen' })).status).toBe(404);
      expect((await coordinator.post(`/api/v1/users/${id}/reset-second-factor`)).status).toBe(404);
    }
    const renamed = await coordinator.request('PATCH', `/api/v1/users/${own.id}`, { name: 'Docent Hernoemd' });
    expect(renamed.body.name).toBe('Docent Hernoemd');
    expect((await coordinator.get('/api/v1/users/choices')).body).toMatchObject({ roles: ['teacher'], items: [{ kind: 'provider', id: TAALPUNT }] });
  });

  it('an identity provider subject is kept with the account, once per installation, and can be untied', async () => {
    const sub = `sub-${Date.now()}`;
    const made = await admin.post('/api/v1/users', { email: `sub.${Date.now()}@hoorn.example`, name: 'Met Inlog-id', role: 'consultant', organisationId: HOORN, idpSubject: sub });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.idpSubject).toBe(sub);
    const again = await admin.post('/api/v1/users', { email: `sub2.${Date.now()}@hoorn.example`, name: 'Tweede', role: 'consultant', organisationId: HOORN, idpSubject: sub });
    expect(again.status).toBe(409);
    expect(again.body.invalidParams).toEqual([{ name: 'idpSubject', code: 'taken', reason: 'Een ander account heeft dit inlog-id al.' }]);
    const untied = await admin.request('PATCH', `/api/v1/users/${String(made.body.id)}`, { idpSubject: null });
    expect(untied.body.idpSubject).toBeNull();
  });

  it('resetting the second factor removes it and ends the sessions', async () => {
    const user = await aUser(t, 'consultant', 'hoorn');
    const c = await Client.loggedIn(t, user);
    await t.koers.db.query(`INSERT INTO second_factor (user_id, secret_encrypted, confirmed_at) VALUES ($1, $2, now())`, [user.id, t.koers.crypto.encrypt('JBSWY3DPEHPK3PXP')]);
    expect((await admin.get(`/api/v1/users?q=${encodeURIComponent(user.email)}`)).body.items[0].secondFactor).toBe(true);
    const reset = await admin.post(`/api/v1/users/${user.id}/reset-second-factor`);
    expect(reset.status).toBe(200);
    expect(reset.body.secondFactor).toBe(false);
    expect((await c.get('/api/v1/participants')).status).toBe(401);
  });

  it('the export holds the filtered accounts; other roles get 404', async () => {
    const res = await fetch(`${t.url}/api/v1/users/export?format=csv&role=admin`, { headers: { cookie: (admin as unknown as { cookie: string }).cookie } });
    expect(res.status).toBe(200);
    const rows = (await res.text()).trim().split('\n');
    expect(rows[0]).toContain('E-mailadres');
    const listed = await admin.get('/api/v1/users?role=admin&pageSize=100');
    expect(rows.length - 1).toBe(listed.body.total);
    for (const role of ['consultant', 'teacher', 'contractManager', 'privacyOfficer'] as const) {
      const c = await Client.loggedIn(t, await aUser(t, role, role === 'teacher' ? 'taalpunt-westfriesland' : role === 'contractManager' ? 'westfriesland' : 'hoorn'));
      expect((await c.get('/api/v1/users')).status, role).toBe(404);
    }
  });
});
