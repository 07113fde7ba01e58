// Issue #9 hole 3: with SameSite=Lax alone, a page on another port of the same host acknowledged a
// signal and a referral with a text/plain form POST. Real HTTP, the real session cookie, as a browser
// would send it from the attacker's page (src/platform/http/csrf.ts). The browser itself: e2e/csrf.e2e.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, PASSWORD, snapshot, startTestKoers, type TestKoers, type TestUser } from './support/koers.js';
import { rawRequest } from './support/raw-http.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');

async function sessionCookie(t: TestKoers, user: TestUser): Promise<string> {
  const res = await fetch(`${t.url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: PASSWORD }) });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 201 || cookie === undefined) throw new Error(`login failed: ${res.status}`);
  return cookie;
}

describe(`CSRF on ${DB_KIND}`, () => {
  let t: TestKoers;
  let consultantCookie: string;
  let coordinatorCookie: string;
  let signalId: string;
  let referralId: string;
  let evil: string;

  beforeAll(async () => {
    t = await startTestKoers();
    const consultant = await aUser(t, 'consultant');
    const coordinator = await aUser(t, 'providerCoordinator');
    const owner = await Client.loggedIn(t, consultant);
    const res = await owner.post('/api/v1/participants', aParticipantInput({ referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
    referralId = res.body.referrals[0].id;
    const [signal] = await t.koers.db.query<{ id: string }>('SELECT id FROM signal WHERE subject_id = $1', [referralId]);
    signalId = signal?.id ?? '';
    consultantCookie = await sessionCookie(t, consultant);
    coordinatorCookie = await sessionCookie(t, coordinator);
    // The attacker's page: the same host, another port (same-site, cross-origin).
    const port = Number(new URL(t.url).port);
    evil = `http://127.0.0.1:${port === 65535 ? port - 1 : port + 1}`;
  }, 60_000);
  afterAll(async () => {
    await t.stop();
  });

  it('a text/plain form POST with the session cookie acknowledging a signal is refused and changes nothing (it answered 200)', async () => {
    const before = await snapshot(t);
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=----x']) {
      // A form's own submission carries no Origin from old browsers and none from non-browser replays.
      const res = await rawRequest(t.url, 'POST', `/api/v1/signals/${signalId}/acknowledgement`, { headers: { cookie: consultantCookie, 'content-type': contentType }, body: 'x=1' });
      expect(res.status, contentType).toBe(415);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json.invalidParams[0].name).toBe('Content-Type');
    }
    expect(await snapshot(t)).toEqual(before);
  });

  it('a request from http://127.0.0.1:<other port> is refused, JSON or body-less, and changes nothing (it acknowledged a referral)', async () => {
    const before = await snapshot(t);
    const fromEvil = { origin: evil, 'sec-fetch-site': 'same-site' };
    const ack = await rawRequest(t.url, 'POST', `/api/v1/referrals/${referralId}/acknowledgement`, { headers: { cookie: coordinatorCookie, ...fromEvil } });
    expect(ack.status).toBe(403);
    expect(ack.headers['content-type']).toContain('application/problem+json');
    const json = await rawRequest(t.url, 'POST', `/api/v1/signals/${signalId}/acknowledgement`, { headers: { cookie: consultantCookie, 'content-type': 'application/json', origin: evil }, body: '{}' });
    expect(json.status).toBe(403);
    const site = await rawRequest(t.url, 'POST', `/api/v1/signals/${signalId}/acknowledgement`, { headers: { cookie: consultantCookie, 'sec-fetch-site': 'cross-site' } });
    expect(site.status).toBe(403);
    const logout = await rawRequest(t.url, 'DELETE', '/api/v1/sessions/current', { headers: { cookie: consultantCookie, ...fromEvil } });
    expect(logout.status).toBe(403);
    expect(await snapshot(t)).toEqual(before);
    expect((await rawRequest(t.url, 'GET', '/api/v1/sessions/current', { headers: { cookie: consultantCookie } })).status).toBe(200);
  });

  it('a login form posted from another origin is refused (login CSRF)', async () => {
    const res = await rawRequest(t.url, 'POST', '/api/v1/sessions', { headers: { 'content-type': 'text/plain' }, body: '{"email":"a@b.c","password":"x"}' });
    expect(res.status).toBe(415);
    const other = await rawRequest(t.url, 'POST', '/api/v1/sessions', { headers: { 'content-type': 'application/json', origin: evil }, body: '{"email":"a@b.c","password":"x"}' });
    expect(other.status).toBe(403);
  });

  it('the own web app still works: same origin, JSON or no body', async () => {
    const own = { origin: t.url, 'sec-fetch-site': 'same-origin' };
    const ack = await rawRequest(t.url, 'POST', `/api/v1/referrals/${referralId}/acknowledgement`, { headers: { cookie: coordinatorCookie, ...own } });
    expect(ack.status).toBe(200);
    const seen = await rawRequest(t.url, 'POST', `/api/v1/signals/${signalId}/acknowledgement`, { headers: { cookie: consultantCookie, 'content-type': 'application/json', ...own }, body: '{}' });
    expect(seen.status).toBe(200);
  });
});
