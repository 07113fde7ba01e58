// Issue #16: the session lookup got cheaper (a prepared statement, and for reads on PostgreSQL a cache whose
// every use is checked with the request's first statement: test/session-cache.int.test.ts), and still a
// logout, an ended account, a password change or a revoked API key ends access at the very next request
// — on every instance. (A and B share this test's process, so they share its cache too: the check is what
// refuses an account ended on A; the logout, forgotten by the process, is refused on B either way.) On PostgreSQL two Koers instances share the database: the session is used on B
// (often enough that its connections hold the prepared lookup), ended on A, and B refuses it at once.
// PGlite is one process: there both sides are the same instance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKoers, type Koers } from '../src/app.js';
import { SettableClock } from '../src/platform/clock.js';
import { aUser, Client, DB_KIND, PASSWORD, portOf, startTestKoers, testConfig, type TestKoers, type TestUser } from './support/koers.js';

async function login(url: string, user: TestUser, password = PASSWORD): Promise<string> {
  const res = await fetch(`${url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password }) });
  expect(res.status).toBe(201);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function status(url: string, path: string, headers: Record<string, string>, method = 'GET'): Promise<number> {
  const res = await fetch(`${url}${path}`, { method, headers });
  await res.arrayBuffer();
  return res.status;
}

describe(`a session ends at once on every instance (${DB_KIND})`, () => {
  let a: TestKoers;
  let b: Koers | undefined;
  let bUrl: string;
  beforeAll(async () => {
    a = await startTestKoers();
    if (a.databaseUrl !== undefined) {
      b = await createKoers(testConfig({ databaseUrl: a.databaseUrl }), { clock: new SettableClock('2026-12-23') });
      await b.server.listen({ port: 0, host: '127.0.0.1' });
      bUrl = `http://127.0.0.1:${portOf(b.server)}`;
    } else {
      bUrl = a.url;
    }
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  // The hot read the session guards: every request asks the session first.
  const use = (cookie: string) => status(bUrl, '/api/v1/participants?pageSize=5', { cookie });

  it('a logout on A: the next request on B is 401', async () => {
    const user = await aUser(a, 'consultant', 'hoorn');
    const cookie = await login(a.url, user);
    for (let i = 0; i < 12; i++) expect(await use(cookie)).toBe(200);
    expect(await status(a.url, '/api/v1/sessions/current', { cookie }, 'DELETE')).toBe(204);
    expect(await use(cookie)).toBe(401);
  });

  it('an account ended by the administrator on A: its sessions are refused on B at once', async () => {
    const user = await aUser(a, 'consultant', 'hoorn');
    const cookie = await login(bUrl, user);
    for (let i = 0; i < 12; i++) expect(await use(cookie)).toBe(200);
    const admin = await Client.loggedIn(a, await aUser(a, 'admin'));
    expect((await admin.post(`/api/v1/users/${user.id}/end`, {})).status).toBe(200);
    expect(await use(cookie)).toBe(401);
  });

  it("a password change on A ends the user's other session on B at once; the changing session goes on", async () => {
    const user = await aUser(a, 'consultant', 'hoorn');
    const other = await login(bUrl, user);
    const changing = await login(a.url, user);
    for (let i = 0; i < 12; i++) expect(await use(other)).toBe(200);
    const res = await fetch(`${a.url}/api/v1/sessions/current/password`, {
      method: 'PUT',
      headers: { cookie: changing, 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: PASSWORD, newPassword: 'een-heel-ander-wachtwoord-42' }),
    });
    expect(res.status, await res.text()).toBeLessThan(300);
    expect(await use(other)).toBe(401);
    expect(await use(changing)).toBe(200);
  });

  it('an API key revoked on A is refused on B at once (401, where it was known and got 404 outside its permission)', async () => {
    const coordinator = await Client.loggedIn(a, await aUser(a, 'providerCoordinator'));
    const made = await coordinator.post('/api/v1/api-keys', { name: 'Koppeling' });
    expect(made.status).toBe(201);
    const bearer = { authorization: `Bearer ${made.body.key as string}` };
    for (let i = 0; i < 12; i++) expect(await status(bUrl, '/api/v1/signals', bearer)).toBe(404);
    expect((await coordinator.request('DELETE', `/api/v1/api-keys/${made.body.id as string}`)).status).toBe(200);
    expect(await status(bUrl, '/api/v1/signals', bearer)).toBe(401);
  });
});
