// Issue #16: the session cache (src/platform/session-cache.ts) lets a read start from the cached user, and
// its session is checked with the request's first statement (src/platform/request-guard.ts, db.ts). These
// hold that the cache never decides alone: a session ended behind this process's back (straight in the
// database, as another instance would) is refused at the next read, with or without a transaction; a
// changed access is answered 409 once and then seen; a changed name is not a changed access; a write
// never starts from the cache. PGlite keeps no cache (its lookup costs no round trip).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedSession } from '../src/platform/session-cache.js';
import { organisationId } from '../src/features/organisations/store.js';
import { aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

describe(`the session cache is checked on every read (${DB_KIND})`, () => {
  let t: TestKoers;
  beforeAll(async () => {
    t = await startTestKoers();
  });
  afterAll(async () => {
    await t?.stop();
  });

  const tokenOf = (c: Client) => decodeURIComponent((c.cookie ?? '').split('=')[1] ?? '');
  const cached = (c: Client) => cachedSession(tokenOf(c), new Date(), 60_000);

  it('a session deleted in the database is refused at the next read, also one that opens no transaction', async () => {
    const user = await aUser(t, 'consultant', 'hoorn');
    const c = await Client.loggedIn(t, user);
    expect((await c.get('/api/v1/participants?pageSize=5')).status).toBe(200);
    expect(cached(c) !== undefined).toBe(DB_KIND === 'postgres');
    expect((await c.get('/api/v1/participants?pageSize=5')).status).toBe(200);
    await t.koers.db.query('DELETE FROM app_session WHERE user_id = $1', [user.id]);
    expect((await c.get('/api/v1/participants?pageSize=5')).status).toBe(401);

    const d = await Client.loggedIn(t, user);
    expect((await d.get('/api/v1/sessions/current')).status).toBe(200);
    expect((await d.get('/api/v1/sessions/current')).status).toBe(200);
    await t.koers.db.query('DELETE FROM app_session WHERE user_id = $1', [user.id]);
    const res = await d.get('/api/v1/sessions/current');
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).not.toContain(user.email);
  });

  it('an account ended in the database is refused at the next read', async () => {
    const user = await aUser(t, 'consultant', 'hoorn');
    const c = await Client.loggedIn(t, user);
    expect((await c.get('/api/v1/participants?pageSize=5')).status).toBe(200);
    await t.koers.db.query('UPDATE app_user SET ended_at = now() WHERE id = $1', [user.id]);
    expect((await c.get('/api/v1/participants?pageSize=5')).status).toBe(401);
  });

  it.runIf(DB_KIND === 'postgres')('a changed organisation is answered 409 once, then the new one is seen; a changed name is no change of access', async () => {
    const user = await aUser(t, 'consultant', 'hoorn');
    const c = await Client.loggedIn(t, user);
    const names = async () => {
      const res = await c.get('/api/v1/sessions/current');
      return { status: res.status, user: (res.body as { user?: { organisation?: { id: string }; name?: string } }).user };
    };
    const before = await names();
    expect(before.status).toBe(200);
    expect(before.user?.organisation?.id).toBe(organisationId('municipality', 'hoorn'));
    await t.koers.db.query('UPDATE app_user SET name = $2 WHERE id = $1', [user.id, 'Test hernoemd']);
    expect((await names()).status).toBe(200);
    expect((await names()).user?.name).toBe('Test hernoemd');
    await t.koers.db.query('UPDATE app_user SET municipality_id = $2 WHERE id = $1', [user.id, organisationId('municipality', 'enkhuizen')]);
    const changed = await c.get('/api/v1/participants?pageSize=5');
    expect(changed.status).toBe(409);
    const after = await names();
    expect(after.status).toBe(200);
    expect(after.user?.organisation?.id).toBe(organisationId('municipality', 'enkhuizen'));
  });

  it('a write never starts from the cache: it looks the session up first', async () => {
    const user = await aUser(t, 'consultant', 'hoorn');
    const c = await Client.loggedIn(t, user);
    expect((await c.get('/api/v1/participants?pageSize=5')).status).toBe(200);
    await t.koers.db.query('DELETE FROM app_session WHERE user_id = $1', [user.id]);
    expect((await c.post('/api/v1/participants', {})).status).toBe(401);
  });
});
