// Issue #9 hole 4: in demo mode every role, participant included, could move the system date, and
// `0000-01-01` was taken (answering "1-01-01"). Now the administrator alone, within 1900–2199.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Roles, type Role } from '../src/platform/access.js';
import { aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

describe(`the demo clock on ${DB_KIND}`, () => {
  let t: TestKoers;
  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-12-23', config: { demo: true, demoSize: 5 } });
  }, 120_000);
  afterAll(async () => {
    await t.stop();
  });

  const people = Roles.filter((r): r is Exclude<Role, 'admin' | 'providerSystem'> => r !== 'admin' && r !== 'providerSystem');
  for (const role of people) {
    it(`a ${role} cannot move the system date (404; it answered 200)`, async () => {
      // A participant's login belongs to a participant: take one of the demo region's.
      const [p] = role === 'participant' ? await t.koers.db.query<{ id: string }>('SELECT id FROM participant LIMIT 1') : [];
      const c = await Client.loggedIn(t, await aUser(t, role, undefined, p?.id));
      const res = await c.request('PUT', '/api/v1/demo/today', { today: '2027-03-01' });
      expect(res.status).toBe(404);
      expect(t.koers.clock.today()).toBe('2026-12-23');
    });
  }

  it('the administrator is refused year 0000 with a Dutch invalidParams entry (it answered "1-01-01")', async () => {
    const c = await Client.loggedIn(t, await aUser(t, 'admin'));
    for (const today of ['0000-01-01', '1899-12-31', '2200-01-01', '9999-12-31']) {
      const res = await c.request('PUT', '/api/v1/demo/today', { today });
      expect(res.status, today).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.invalidParams[0].name).toBe('today');
    }
    expect(t.koers.clock.today()).toBe('2026-12-23');
  });

  it('the administrator moves the date', async () => {
    const c = await Client.loggedIn(t, await aUser(t, 'admin'));
    const res = await c.request('PUT', '/api/v1/demo/today', { today: '2027-01-05' });
    expect(res.status).toBe(200);
    expect(res.body.today).toBe('2027-01-05');
    expect(t.koers.clock.today()).toBe('2027-01-05');
  });
});
