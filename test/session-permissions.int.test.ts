// Issue #10 item 1: GET /sessions/current names the role's permissions, and the web's menus derive from
// them. These tests hold the answer to the one access table (src/platform/access.ts) and show that a
// permission the answer lacks is a route the server refuses with 404 (the old menu offered
// "Inburgeraars" to teachers and policy officers, whose server answered 404).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../src/features/sessions/schemas.js';
import { roleHasPermission, type Role } from '../src/platform/access.js';
import { declaredRoutes } from '../src/platform/http/server.js';
import { aUser, Client, startTestKoers, type TestKoers } from './support/koers.js';

const WEB_ROLES: Role[] = ['consultant', 'policyOfficer', 'providerCoordinator', 'teacher', 'contractManager', 'admin'];

let t: TestKoers;
beforeAll(async () => {
  t = await startTestKoers();
});
afterAll(async () => {
  await t.stop();
});

describe('permissions in the session', () => {
  it.each(WEB_ROLES)('%s: GET /sessions/current lists exactly the permissions of its role', async (role) => {
    const c = await Client.loggedIn(t, await aUser(t, role));
    const res = await c.get('/api/v1/sessions/current');
    expect(res.status).toBe(200);
    const expected = PERMISSIONS.filter((p) => roleHasPermission(role, p));
    expect(res.body.user.permissions).toEqual(expected);
    expect(expected).toContain('session.read');
  });

  it('the login answer carries the same permissions, so the first page already knows them', async () => {
    const user = await aUser(t, 'providerCoordinator');
    const res = await new Client(t.url).post('/api/v1/sessions', { email: user.email, password: 'test-wachtwoord-123' });
    expect(res.status).toBe(201);
    expect(res.body.user.permissions).toContain('group.manage');
    expect(res.body.user.permissions).not.toContain('referral.create');
  });

  it('every permission the web can be told of guards at least one route or is granted to a role', () => {
    // A permission nobody has and no route requires would be a dead word in the contract.
    const declared = new Set(declaredRoutes(t.koers.server).map((r) => r.permission));
    for (const p of PERMISSIONS) expect(declared.has(p), p).toBe(true);
  });

  it.each(WEB_ROLES)('%s: the participant list answers 200 exactly when the session names participant.list', async (role) => {
    const c = await Client.loggedIn(t, await aUser(t, role));
    const me = await c.get('/api/v1/sessions/current');
    const listed = (me.body.user.permissions as string[]).includes('participant.list');
    const route = declaredRoutes(t.koers.server).find((r) => r.method === 'GET' && r.url === '/api/v1/participants');
    expect(route?.permission).toBe('participant.list');
    expect((await c.get('/api/v1/participants')).status).toBe(listed ? 200 : 404);
  });
});
