// Issue #9 hole 2 (ASVS V6.3 / V2.2): login throttling that is atomic in the database, that a client
// cannot dodge with X-Forwarded-For, and that a stranger cannot use to lock the owner out.
// Policy: docs/security.md and src/domain/login-throttle.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS_MAX_ATTEMPTS, PAIR_FREE_ATTEMPTS } from '../src/domain/login-throttle.js';
import { aUser, Client, DB_KIND, PASSWORD, startTestKoers, type TestKoers } from './support/koers.js';

const login = (t: TestKoers, email: string, password: string, address?: string) =>
  new Client(t.url).request('POST', '/api/v1/sessions', { email, password }, address === undefined ? {} : { 'x-forwarded-for': address });

async function failedLines(t: TestKoers, userId: string): Promise<number> {
  const rows = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE name = 'login.failed' AND object_id = $1`, [userId]);
  return rows[0]?.n ?? 0;
}

describe(`login throttle without a trusted proxy on ${DB_KIND}`, () => {
  let t: TestKoers;
  beforeAll(async () => {
    t = await startTestKoers();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('40 concurrent wrong passwords on one account check at most the free number of passwords (was 19 against a limit of 5)', async () => {
    const user = await aUser(t, 'consultant', 'hoorn');
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(t, user.email, `wrong-${i}`)));
    const checked = answers.filter((a) => a.status === 401).length;
    // Every 401 is one password checked and refused, and each writes one login.failed line.
    expect(checked).toBe(PAIR_FREE_ATTEMPTS);
    expect(await failedLines(t, user.id)).toBe(checked);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(40 - checked);
    const refused = answers.find((a) => a.status === 429);
    expect(refused?.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('a rotating X-Forwarded-For does not get past the per-address limit (55 tries never tripped it)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < ADDRESS_MAX_ATTEMPTS + 3; i++) {
      // A different account each time, so only the address limit can stop it.
      const res = await login(t, `nobody-${i}@test.koers`, 'wrong-password', `198.51.100.${i + 1}`);
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(ADDRESS_MAX_ATTEMPTS);
    expect(statuses.slice(-3)).toEqual([429, 429, 429]);
  });
});

// Behind a proxy Koers trusts (the loopback here), X-Forwarded-For is the client's address: each test
// below plays clients at addresses of its own.
describe(`login throttle behind a trusted proxy on ${DB_KIND}`, () => {
  let t: TestKoers;
  beforeAll(async () => {
    t = await startTestKoers({ config: { trustedProxies: ['127.0.0.1'] } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('the owner logs in from another address with the right password while a stranger has made 20 attempts (was locked out 15 minutes)', async () => {
    const owner = await aUser(t, 'consultant', 'hoorn');
    const stranger = [];
    for (let i = 0; i < 20; i++) stranger.push((await login(t, owner.email, `guess-${i}`, '203.0.113.66')).status);
    expect(stranger.filter((s) => s === 401)).toHaveLength(PAIR_FREE_ATTEMPTS);
    expect(stranger.filter((s) => s === 429)).toHaveLength(20 - PAIR_FREE_ATTEMPTS);
    // The stranger's own address waits, even with the right password ...
    expect((await login(t, owner.email, PASSWORD, '203.0.113.66')).status).toBe(429);
    // ... the owner elsewhere does not.
    const res = await login(t, owner.email, PASSWORD, '192.0.2.10');
    expect(res.status).toBe(201);
    expect(res.body.user.id).toBe(owner.id);
  });

  it('the delay grows: after the wait, the next wrong password doubles it', async () => {
    const user = await aUser(t, 'consultant', 'hoorn');
    for (let i = 0; i < PAIR_FREE_ATTEMPTS; i++) expect((await login(t, user.email, `x-${i}`, '203.0.113.70')).status).toBe(401);
    const first = await login(t, user.email, 'again', '203.0.113.70');
    expect(first.status).toBe(429);
    expect(Number(first.headers.get('retry-after'))).toBeLessThanOrEqual(15);
    // Pretend the wait has passed (no sleeping in tests): the next wrong password is checked, then 30 s.
    await t.koers.db.query(`UPDATE login_throttle SET next_allowed_at = now() - interval '1 second' WHERE next_allowed_at > now()`);
    expect((await login(t, user.email, 'again', '203.0.113.70')).status).toBe(401);
    const second = await login(t, user.email, 'again', '203.0.113.70');
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(15);
    expect(Number(second.headers.get('retry-after'))).toBeLessThanOrEqual(30);
  });

  it('an account under attack from many addresses still opens for its owner: from a known address, or with the second factor; a new address without one waits', async () => {
    const owner = await aUser(t, 'consultant', 'hoorn');
    // The owner logged in from home before the attack.
    expect((await login(t, owner.email, PASSWORD, '192.0.2.20')).status).toBe(201);
    for (let i = 0; i < 20; i++) expect((await login(t, owner.email, `spray-${i}`, `203.0.113.${100 + i}`)).status).toBe(401);
    expect(await failedLines(t, owner.id)).toBe(20);
    expect((await login(t, owner.email, PASSWORD, '192.0.2.20')).status).toBe(201);
    const elsewhere = await login(t, owner.email, PASSWORD, '192.0.2.21');
    expect(elsewhere.status).toBe(429);
    expect(elsewhere.body.detail).toMatch(/eerder gebruikte/);
    // With a second factor the right password leads to the second step, from any address.
    await t.koers.db.query(`INSERT INTO second_factor (user_id, secret_encrypted, confirmed_at) VALUES ($1, $2, now())`, [owner.id, t.koers.crypto.encrypt('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')]);
    const withFactor = await login(t, owner.email, PASSWORD, '192.0.2.22');
    expect(withFactor.status).toBe(202);
    expect(withFactor.body).toEqual({ secondFactorRequired: true, enrolmentRequired: false });
  });

  it('a good login sweeps counter rows no rule reads any more, and keeps the ones in force', async () => {
    await t.koers.db.query(
      `INSERT INTO login_throttle (key_hash, attempts, window_started_at, next_allowed_at, last_success_at) VALUES
         ('stale', 3, now() - interval '3 days', now() - interval '3 days', NULL),
         ('known', 0, now() - interval '3 days', now() - interval '3 days', now() - interval '10 days')`,
    );
    expect((await login(t, (await aUser(t, 'teacher')).email, PASSWORD, '192.0.2.40')).status).toBe(201);
    const left = await t.koers.db.query<{ key_hash: string }>(`SELECT key_hash FROM login_throttle WHERE key_hash IN ('stale', 'known')`);
    expect(left.map((r) => r.key_hash)).toEqual(['known']);
  });

  it('writes login.succeeded, login.failed and login.throttled lines without a data subject and without the e-mail address', async () => {
    const user = await aUser(t, 'teacher');
    expect((await login(t, user.email, 'wrong', '192.0.2.30')).status).toBe(401);
    expect((await login(t, user.email, PASSWORD, '192.0.2.30')).status).toBe(201);
    const rows = await t.koers.db.query<{ name: string; status: string; actor_user_id: string | null; data_subject_ref: string | null; summary: string | null }>(
      `SELECT name, status, actor_user_id, data_subject_ref, summary FROM audit_event WHERE object_type = 'account' AND object_id = $1 ORDER BY id`,
      [user.id],
    );
    expect(rows.map((r) => [r.name, r.status])).toEqual([
      ['login.failed', 'error'],
      ['login.succeeded', 'ok'],
    ]);
    expect(rows[0]?.actor_user_id).toBeNull(); // whoever typed the wrong password, it is not known to be the owner
    expect(rows[1]?.actor_user_id).toBe(user.id);
    expect(rows.every((r) => r.data_subject_ref === null && !(r.summary ?? '').includes(user.email))).toBe(true);
  });
});
