// Issue #9 hole 9 (ASVS V6.2 / V2.1, V2.5): password rules on change and reset, the change ending the
// other sessions, and a reset through the outbox that reveals nothing about which addresses exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser, Client, DB_KIND, PASSWORD, startTestKoers, type TestKoers } from './support/koers.js';

const NEW_PASSWORD = 'paard batterij nietje correct';

async function outboxFor(t: TestKoers, email: string) {
  return t.koers.db.query<{ subject: string; body: string }>('SELECT subject, body FROM outbox WHERE recipient = $1 ORDER BY created_at', [email.toLowerCase()]);
}

describe(`passwords on ${DB_KIND}`, () => {
  let t: TestKoers;
  beforeAll(async () => {
    t = await startTestKoers();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('a change needs the current password, follows the rules, and ends the other sessions but not this one', async () => {
    const user = await aUser(t, 'consultant', 'hoorn');
    const here = await Client.loggedIn(t, user);
    const elsewhere = await Client.loggedIn(t, user);
    const put = (body: unknown) => here.request('PUT', '/api/v1/sessions/current/password', body);
    const wrong = await put({ currentPassword: 'not-it', newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(wrong.body.invalidParams).toEqual([{ name: 'currentPassword', code: 'wrong', reason: 'Uw huidige wachtwoord klopt niet.' }]);
    const short = await put({ currentPassword: PASSWORD, newPassword: 'kort' });
    expect(short.status).toBe(400);
    expect(short.headers.get('content-type')).toContain('application/problem+json');
    expect(short.body.invalidParams).toEqual([{ name: 'newPassword', code: 'tooShort', reason: 'Kies een wachtwoord van minstens 12 tekens.' }]);
    const common = await put({ currentPassword: PASSWORD, newPassword: 'qwerty123456' });
    expect(common.body.invalidParams[0]).toMatchObject({ name: 'newPassword', code: 'common' });
    const email = await put({ currentPassword: PASSWORD, newPassword: user.email });
    expect(email.body.invalidParams.map((p: { code: string }) => p.code)).toContain('sameAsEmail');
    // Nothing changed so far: the old password still works.
    expect((await new Client(t.url).post('/api/v1/sessions', { email: user.email, password: PASSWORD })).status).toBe(201);
    expect((await put({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);
    expect((await here.get('/api/v1/sessions/current')).status).toBe(200);
    expect((await elsewhere.get('/api/v1/sessions/current')).status).toBe(401);
    expect((await new Client(t.url).post('/api/v1/sessions', { email: user.email, password: NEW_PASSWORD })).status).toBe(201);
    const lines = await t.koers.db.query<{ status: string }>(`SELECT status FROM audit_event WHERE name = 'password.changed' AND object_id = $1 ORDER BY id`, [user.id]);
    expect(lines.map((l) => l.status)).toEqual(['error', 'ok']);
  });

  it('a reset request answers 202 for known and unknown addresses alike, and mails a single-use link only to the known one', async () => {
    const user = await aUser(t, 'providerCoordinator');
    const anon = new Client(t.url);
    const known = await anon.post('/api/v1/password-resets', { email: user.email });
    const unknown = await anon.post('/api/v1/password-resets', { email: 'niemand@test.koers' });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(known.body).toEqual(unknown.body);
    expect(await outboxFor(t, 'niemand@test.koers')).toHaveLength(0);
    const mails = await outboxFor(t, user.email);
    expect(mails).toHaveLength(1);
    const token = /\/wachtwoord-herstellen#([A-Za-z0-9_-]+)/.exec(mails[0]?.body ?? '')?.[1] ?? '';
    expect(token).not.toBe('');
    // Only the hash is stored.
    expect(await t.koers.db.query('SELECT 1 FROM password_reset WHERE token_hash = $1', [token])).toHaveLength(0);
    const session = await Client.loggedIn(t, user);
    const weak = await anon.post('/api/v1/password-resets/confirm', { token, password: 'welkom' });
    expect(weak.status).toBe(400);
    expect(weak.body.invalidParams[0]).toMatchObject({ name: 'password', code: 'tooShort' });
    expect((await anon.post('/api/v1/password-resets/confirm', { token, password: NEW_PASSWORD })).status).toBe(204);
    // Single use; every session of the user ended; the new password works.
    const reuse = await anon.post('/api/v1/password-resets/confirm', { token, password: `${NEW_PASSWORD}!` });
    expect(reuse.status).toBe(400);
    expect(reuse.body.invalidParams[0]).toMatchObject({ name: 'token', code: 'invalid' });
    expect((await session.get('/api/v1/sessions/current')).status).toBe(401);
    expect((await new Client(t.url).post('/api/v1/sessions', { email: user.email, password: NEW_PASSWORD })).status).toBe(201);
  });

  it('once the reset mail is sent, the admin outbox no longer shows its link', async () => {
    const user = await aUser(t, 'policyOfficer');
    await new Client(t.url).post('/api/v1/password-resets', { email: user.email });
    const admin = await Client.loggedIn(t, await aUser(t, 'admin'));
    const shown = async () => ((await admin.get('/api/v1/outbox?pageSize=100')).body.items as { recipient: string; body: string }[]).find((m) => m.recipient === user.email.toLowerCase())?.body ?? '';
    expect(await shown()).toMatch(/#[A-Za-z0-9_-]{20,}/); // without SMTP the admin delivers it by hand
    await t.koers.db.query(`UPDATE outbox SET status = 'sent', sent_at = now() WHERE recipient = $1`, [user.email.toLowerCase()]);
    expect(await shown()).toContain('/wachtwoord-herstellen#…');
    expect(await shown()).not.toMatch(/#[A-Za-z0-9_-]{20,}/);
  });

  it('a reset link expires after 30 minutes', async () => {
    const user = await aUser(t, 'teacher');
    await new Client(t.url).post('/api/v1/password-resets', { email: user.email });
    const token = /#([A-Za-z0-9_-]+)/.exec((await outboxFor(t, user.email))[0]?.body ?? '')?.[1] ?? '';
    await t.koers.db.query(`UPDATE password_reset SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    expect((await new Client(t.url).post('/api/v1/password-resets/confirm', { token, password: NEW_PASSWORD })).status).toBe(400);
  });

  it('many requests for one address send at most three mails an hour', async () => {
    const user = await aUser(t, 'contractManager');
    for (let i = 0; i < 6; i++) expect((await new Client(t.url).post('/api/v1/password-resets', { email: user.email })).status).toBe(202);
    expect(await outboxFor(t, user.email)).toHaveLength(3);
  });
});
