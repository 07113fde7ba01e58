// Issue #9: OpenID Connect login against a real OpenID provider in this process (oidc-provider on
// 127.0.0.1; no mocked HTTP), following the NL GOV Assurance profile: code flow with PKCE S256,
// private_key_jwt, state, nonce and an acr check. A professional is found by the e-mail claim; a
// participant by the BSN claim through the keyed hash (R-PAR-2: the BSN is not stored, logged or audited).
import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aBsn, aParticipantInput, aUser, Client, DB_KIND, PASSWORD, startTestKoers, type TestKoers } from './support/koers.js';
import { ACR, BSN_CLAIM, followAtIdp, startTestIdp, type TestIdp } from './support/oidc-provider.js';

/** A browser as far as Koers and the provider can tell: a cookie jar, redirects followed by hand. */
class Browser {
  readonly cookies = new Map<string, string>();
  async get(url: string | URL): Promise<{ status: number; location: string | null; setCookies: string[] }> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { redirect: 'manual', headers: cookie === '' ? {} : { cookie } });
    const setCookies = res.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const [name, value] = [pair!.slice(0, eq), pair!.slice(eq + 1)];
      if (value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    await res.arrayBuffer();
    return { status: res.status, location: res.headers.get('location'), setCookies };
  }
}

let t: TestKoers;
let staffIdp: TestIdp;
let digidIdp: TestIdp;
let consultant: Client;

beforeAll(async () => {
  staffIdp = await startTestIdp();
  digidIdp = await startTestIdp();
  const { privateKey } = await generateKeyPair('PS256', { extractable: true });
  const clientKey = JSON.stringify({ ...(await exportJWK(privateKey)), alg: 'PS256' });
  t = await startTestKoers({
    config: {
      // A second factor is required for every professional: the issuer's acr is that factor (issue #9).
      mfaRoles: ['consultant', 'policyOfficer', 'providerCoordinator', 'teacher', 'contractManager', 'admin'],
      oidc: {
        privateKey: clientKey,
        staff: { issuer: staffIdp.issuer, clientId: 'koers-staff', scope: 'openid email', claim: 'email', minAcr: undefined },
        digid: { issuer: digidIdp.issuer, clientId: 'koers-digid', scope: 'openid bsn', claim: BSN_CLAIM, minAcr: ACR.midden },
      },
    },
  });
  // The provider learns Koers' public key from the published JWKS, as an operator would register it.
  const jwks = (await (await fetch(`${t.url}/api/v1/oidc/jwks.json`)).json()) as { keys: JWK[] };
  await staffIdp.register({ clientId: 'koers-staff', redirectUri: `${t.url}/api/v1/oidc/staff/callback`, jwks });
  await digidIdp.register({ clientId: 'koers-digid', redirectUri: `${t.url}/api/v1/oidc/digid/callback`, jwks });
  consultant = await oidcClient(await aUser(t, 'consultant', 'hoorn'));
});
afterAll(async () => {
  await t?.stop();
  await staffIdp?.stop();
  await digidIdp?.stop();
});

/** A logged-in API client for a professional, through the staff login (its password would need TOTP here). */
async function oidcClient(user: { email: string }): Promise<Client> {
  staffIdp.loginAs({ sub: staffSub(), acr: ACR.midden, claims: { email: user.email, email_verified: true } });
  const res = await logIn('staff');
  if (res.location !== '/') throw new Error(`OIDC login failed: ${res.location}`);
  const client = new Client(t.url);
  (client as unknown as { cookie: string }).cookie = `koers_session=${res.browser.cookies.get('koers_session')}`;
  return client;
}

/** Starts a login at Koers; returns the browser and the authorization URL Koers redirected to. */
async function start(provider: 'staff' | 'digid'): Promise<{ browser: Browser; authorizationUrl: URL }> {
  const browser = new Browser();
  const res = await browser.get(`${t.url}/api/v1/oidc/${provider}/login`);
  expect(res.status).toBe(302);
  return { browser, authorizationUrl: new URL(res.location!) };
}

/** The whole round trip; `tamper` may change the authorization URL or the callback on the way. */
async function logIn(
  provider: 'staff' | 'digid',
  tamper: { authorization?: (u: URL) => void; callback?: (u: URL) => void } = {},
): Promise<{ browser: Browser; callbackUrl: URL; status: number; location: string | null }> {
  const { browser, authorizationUrl } = await start(provider);
  tamper.authorization?.(authorizationUrl);
  const callbackUrl = await followAtIdp(provider === 'staff' ? staffIdp : digidIdp, authorizationUrl.href);
  expect(callbackUrl.href.startsWith(`${t.url}/api/v1/oidc/${provider}/callback?`)).toBe(true);
  tamper.callback?.(callbackUrl);
  const res = await browser.get(callbackUrl);
  return { browser, callbackUrl, status: res.status, location: res.location };
}

async function currentUser(browser: Browser): Promise<{ status: number; body: any }> {
  const res = await fetch(`${t.url}/api/v1/sessions/current`, { headers: { cookie: `koers_session=${browser.cookies.get('koers_session') ?? ''}` } });
  return { status: res.status, body: await res.json() };
}

async function oidcAudit(): Promise<{ status: string; summary: string; actorUserId: string | null; objectId: string; subject: string | null; all: string }[]> {
  const rows = await t.koers.db.query<Record<string, unknown>>(`SELECT * FROM audit_event WHERE name = 'session.oidcLogin' ORDER BY started_at, operation_id`);
  return rows.map((r) => ({
    status: String(r.status),
    summary: String(r.summary),
    actorUserId: (r.actor_user_id as string | null) ?? null,
    objectId: String(r.object_id),
    subject: (r.data_subject_id_encrypted as string | null) ?? null,
    all: JSON.stringify(r),
  }));
}

const lastAudit = async () => (await oidcAudit()).at(-1)!;
const staffSub = () => `medewerker-${randomBytes(4).toString('hex')}`;

describe(`OpenID Connect login (${DB_KIND})`, () => {
  it('lists the configured logins for the login page and publishes only the public key', async () => {
    const providers = await new Client(t.url).get('/api/v1/oidc/providers');
    expect(providers.body.items).toEqual([
      { id: 'staff', loginUrl: '/api/v1/oidc/staff/login' },
      { id: 'digid', loginUrl: '/api/v1/oidc/digid/login' },
    ]);
    const jwks = await new Client(t.url).get('/api/v1/oidc/jwks.json');
    expect(jwks.body.keys).toHaveLength(1);
    expect(jwks.body.keys[0]).toMatchObject({ kty: 'RSA', alg: 'PS256', use: 'sig' });
    for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(jwks.body.keys[0]).not.toHaveProperty(secret);
  });

  it('sends the authorization code flow with PKCE S256, state, nonce and acr_values; keeps the secrets in an HttpOnly cookie’s transaction', async () => {
    const browser = new Browser();
    const res = await browser.get(`${t.url}/api/v1/oidc/staff/login`);
    const url = new URL(res.location!);
    expect(url.origin).toBe(staffIdp.issuer);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(url.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(url.searchParams.get('acr_values')).toBe(ACR.midden);
    expect(url.searchParams.get('redirect_uri')).toBe(`${t.url}/api/v1/oidc/staff/callback`);
    expect(url.searchParams.has('code_verifier')).toBe(false);
    const cookie = res.setCookies.find((c) => c.startsWith('koers_oidc='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/api\/v1\/oidc\//);
    // The transaction holds no readable state, nonce or verifier.
    const rows = await t.koers.db.query<{ secrets_encrypted: string }>('SELECT secrets_encrypted FROM oidc_login');
    expect(rows.some((r) => r.secrets_encrypted.includes(url.searchParams.get('state')!))).toBe(false);
  });

  it('logs a consultant in by the e-mail claim, with private_key_jwt, and lands on the work list', async () => {
    const user = await aUser(t, 'consultant', 'hoorn');
    staffIdp.loginAs({ sub: staffSub(), acr: ACR.midden, claims: { email: user.email.toUpperCase(), email_verified: true } });
    const res = await logIn('staff');
    expect(res.status).toBe(303);
    expect(res.location).toBe('/');
    const me = await currentUser(res.browser);
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: user.id, role: 'consultant' });
    expect(staffIdp.tokenRequests.at(-1)).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    expect(await lastAudit()).toMatchObject({ status: 'ok', actorUserId: user.id, summary: `acr ${ACR.midden}` });
    // The transaction was used up.
    expect(res.browser.cookies.has('koers_oidc')).toBe(false);
  });

  it('issue #17: an account tied to its identity provider subject logs in by that subject only, not by an e-mail claim', async () => {
    const user = await aUser(t, 'consultant', 'hoorn');
    const sub = staffSub();
    await t.koers.db.query('UPDATE app_user SET idp_subject = $2 WHERE id = $1', [user.id, sub]);
    // The subject opens the account even under another address (the person's address changed at the IdP).
    staffIdp.loginAs({ sub, acr: ACR.midden, claims: { email: 'nieuw.adres@hoorn.example', email_verified: true } });
    const bySubject = await logIn('staff');
    expect(bySubject.location).toBe('/');
    expect((await currentUser(bySubject.browser)).body.user).toMatchObject({ id: user.id });
    // The account's own address under another subject (the address given to someone else) opens nothing.
    staffIdp.loginAs({ sub: staffSub(), acr: ACR.midden, claims: { email: user.email, email_verified: true } });
    const byEmail = await logIn('staff');
    expect(byEmail.location).not.toBe('/');
    expect((await currentUser(byEmail.browser)).status).toBe(401);
  });

  it('counts the issuer’s acr as the second factor: a full session without TOTP, where the password login would ask to set one up', async () => {
    const user = await aUser(t, 'consultant', 'hoorn');
    const byPassword = await new Client(t.url).post('/api/v1/sessions', { email: user.email, password: PASSWORD });
    expect(byPassword.status).toBe(202);
    expect(byPassword.body).toMatchObject({ enrolmentRequired: true });
    const client = await oidcClient(user);
    expect((await client.get('/api/v1/participants')).status).toBe(200);
  });

  it('logs a participant in by the BSN claim through the keyed hash, makes its account once, and lands on its own page', async () => {
    const bsn = aBsn();
    const created = await consultant.post('/api/v1/participants', aParticipantInput({ bsn }));
    expect(created.status).toBe(201);
    const participantId = created.body.id as string;
    const other = await consultant.post('/api/v1/participants', aParticipantInput());
    const sub = `pseudoniem-${randomBytes(4).toString('hex')}`;

    for (const round of [1, 2]) {
      digidIdp.loginAs({ sub, acr: ACR.substantieel, claims: { [BSN_CLAIM]: bsn } });
      const res = await logIn('digid');
      expect(res.status, `round ${round}`).toBe(303);
      expect(res.location).toBe('/mijn-voortgang');
      const me = await currentUser(res.browser);
      expect(me.body.user).toMatchObject({ role: 'participant', organisation: { kind: 'participant', id: participantId } });
      // The session is the participant's own scope: its own file, nobody else's.
      const cookie = { cookie: `koers_session=${res.browser.cookies.get('koers_session')}` };
      expect((await fetch(`${t.url}/api/v1/participants/${participantId}`, { headers: cookie })).status).toBe(200);
      expect((await fetch(`${t.url}/api/v1/participants/${other.body.id}`, { headers: cookie })).status).toBe(404);
      const audit = await lastAudit();
      expect(audit.status).toBe('ok');
      expect(audit.subject).not.toBeNull();
      expect(audit.summary).toBe(round === 1 ? `acr ${ACR.substantieel}, participant account made` : `acr ${ACR.substantieel}`);
    }
    const users = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM app_user WHERE participant_id = $1 AND role = 'participant'`, [participantId]);
    expect(users[0]?.n).toBe(1);
    // R-PAR-2: the BSN appears in no audit line, no account and no login transaction.
    for (const line of await oidcAudit()) expect(line.all).not.toContain(bsn);
    const accounts = await t.koers.db.query<Record<string, unknown>>('SELECT * FROM app_user WHERE participant_id = $1', [participantId]);
    expect(JSON.stringify(accounts)).not.toContain(bsn);
    expect(JSON.stringify(await t.koers.db.query('SELECT * FROM oidc_login'))).not.toContain(bsn);
  });

  it('refuses a participant whose BSN is not registered, without making anything', async () => {
    const bsn = aBsn();
    const before = await t.koers.db.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user');
    digidIdp.loginAs({ sub: `pseudoniem-${randomBytes(4).toString('hex')}`, acr: ACR.substantieel, claims: { [BSN_CLAIM]: bsn } });
    const res = await logIn('digid');
    expect(res.location).toBe('/inloggen?oidc-fout=unknownParticipant');
    expect(res.browser.cookies.has('koers_session')).toBe(false);
    expect(await t.koers.db.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user')).toEqual(before);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ status: 'error', actorUserId: null, subject: null });
    expect(audit.all).not.toContain(bsn);
  });

  it('refuses an acr below the minimum (DigiD Basis where Midden is required)', async () => {
    const user = await aUser(t, 'consultant', 'hoorn');
    staffIdp.loginAs({ sub: staffSub(), acr: ACR.basis, claims: { email: user.email, email_verified: true } });
    const res = await logIn('staff');
    expect(res.status).toBe(303);
    expect(res.location).toBe('/inloggen?oidc-fout=acrTooLow');
    expect(res.browser.cookies.has('koers_session')).toBe(false);
    expect((await lastAudit()).summary).toBe(`refused: acrTooLow (acr ${ACR.basis}, required ${ACR.midden})`);
  });

  it('refuses a professional without a Koers account: no account is made', async () => {
    const email = `onbekend.${randomBytes(4).toString('hex')}@test.koers`;
    staffIdp.loginAs({ sub: staffSub(), acr: ACR.hoog, claims: { email, email_verified: true } });
    const res = await logIn('staff');
    expect(res.location).toBe('/inloggen?oidc-fout=unknownUser');
    expect(res.browser.cookies.has('koers_session')).toBe(false);
    expect(await t.koers.db.query('SELECT 1 FROM app_user WHERE lower(email) = lower($1)', [email])).toEqual([]);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ status: 'error', actorUserId: null });
    expect(audit.all).not.toContain(email);
  });

  it('refuses an e-mail address the provider says is not verified', async () => {
    const user = await aUser(t, 'consultant', 'hoorn');
    staffIdp.loginAs({ sub: staffSub(), acr: ACR.hoog, claims: { email: user.email, email_verified: false } });
    expect((await logIn('staff')).location).toBe('/inloggen?oidc-fout=unknownUser');
  });

  it('refuses a callback whose state is not the one this browser was sent with', async () => {
    const user = await aUser(t, 'consultant', 'hoorn');
    staffIdp.loginAs({ sub: staffSub(), acr: ACR.midden, claims: { email: user.email, email_verified: true } });
    const res = await logIn('staff', { callback: (u) => u.searchParams.set('state', 'aanvaller-state-aaaaaaaaaaaaaaaa') });
    expect(res.location).toBe('/inloggen?oidc-fout=invalidResponse');
    expect(res.browser.cookies.has('koers_session')).toBe(false);
    expect((await lastAudit()).summary).toMatch(/^refused: invalidResponse \(OAUTH_INVALID_RESPONSE state\)$/);
  });

  it('refuses a callback without the browser’s login transaction (login CSRF)', async () => {
    const user = await aUser(t, 'consultant', 'hoorn');
    staffIdp.loginAs({ sub: staffSub(), acr: ACR.midden, claims: { email: user.email, email_verified: true } });
    const { authorizationUrl } = await start('staff');
    const callbackUrl = await followAtIdp(staffIdp, authorizationUrl.href);
    // Another browser (the victim's) opens the attacker's callback link.
    const victim = new Browser();
    const res = await victim.get(callbackUrl);
    expect(res.location).toBe('/inloggen?oidc-fout=noTransaction');
    expect(victim.cookies.has('koers_session')).toBe(false);
  });

  it('refuses a replayed callback, with the old transaction cookie or with a new one', async () => {
    const user = await aUser(t, 'consultant', 'hoorn');
    staffIdp.loginAs({ sub: staffSub(), acr: ACR.midden, claims: { email: user.email, email_verified: true } });
    const { browser, authorizationUrl } = await start('staff');
    const transactionCookie = browser.cookies.get('koers_oidc')!;
    const callbackUrl = await followAtIdp(staffIdp, authorizationUrl.href);
    expect((await browser.get(callbackUrl)).location).toBe('/');

    const replay = new Browser();
    replay.cookies.set('koers_oidc', transactionCookie);
    const again = await replay.get(callbackUrl);
    expect(again.location).toBe('/inloggen?oidc-fout=noTransaction');
    expect(replay.cookies.has('koers_session')).toBe(false);

    const fresh = new Browser();
    await fresh.get(`${t.url}/api/v1/oidc/staff/login`);
    const withNew = await fresh.get(callbackUrl);
    expect(withNew.location).toBe('/inloggen?oidc-fout=invalidResponse');
    expect(fresh.cookies.has('koers_session')).toBe(false);
  });

  it('refuses an ID token whose nonce is not the one Koers sent (an authorization request changed on the way)', async () => {
    const user = await aUser(t, 'consultant', 'hoorn');
    staffIdp.loginAs({ sub: staffSub(), acr: ACR.midden, claims: { email: user.email, email_verified: true } });
    const res = await logIn('staff', { authorization: (u) => u.searchParams.set('nonce', 'ingeschoven-nonce-bbbbbbbbbbbbbbbb') });
    expect(res.location).toBe('/inloggen?oidc-fout=invalidResponse');
    expect(res.browser.cookies.has('koers_session')).toBe(false);
    expect((await lastAudit()).summary).toBe('refused: invalidResponse (OAUTH_JWT_CLAIM_COMPARISON_FAILED nonce)');
  });

  it('refuses when the user cancels at the provider', async () => {
    // No login queued: the provider answers access_denied.
    const res = await logIn('staff');
    expect(res.location).toBe('/inloggen?oidc-fout=cancelled');
    expect((await lastAudit()).summary).toBe('refused: cancelled (access_denied)');
  });

  it('answers 404 for a login that does not exist', async () => {
    const res = await new Client(t.url).get('/api/v1/oidc/eherkenning/login');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe(`OpenID Connect login with the identity provider down (${DB_KIND})`, () => {
  it('sends the browser back to the login page with "unavailable", each time, and keeps no login transaction', async () => {
    // A port that was just free: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const down = await startTestKoers({
      config: { oidc: { privateKey: JSON.stringify(await exportJWK(privateKey)), staff: { issuer: `http://127.0.0.1:${port}`, clientId: 'koers', scope: 'openid email', claim: 'email', minAcr: undefined } } },
    });
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const res = await new Browser().get(`${down.url}/api/v1/oidc/staff/login`);
        expect(res.status).toBe(303);
        expect(res.location).toBe('/inloggen?oidc-fout=unavailable');
        expect(res.setCookies.some((c) => c.startsWith('koers_oidc='))).toBe(false);
      }
      expect(await down.koers.db.query('SELECT 1 FROM oidc_login')).toEqual([]);
    } finally {
      await down.stop();
    }
  });
});
