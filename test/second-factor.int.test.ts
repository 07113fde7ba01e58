// Issue #9 hole 9: a second factor for professionals (TOTP, RFC 6238, with recovery codes), required
// per role by KOERS_MFA_ROLES, and the idle timeout of a session (ASVS 7.3.1).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FACTOR_ATTEMPTS_PER_LOGIN } from '../src/domain/login-throttle.js';
import { aUser, Client, DB_KIND, PASSWORD, startTestKoers, type TestKoers, type TestUser } from './support/koers.js';
import { awayFromStepEdge, enrol, totpAt } from './support/second-factor.js';

async function passwordStep(t: TestKoers, user: TestUser): Promise<{ c: Client; status: number; body: any }> {
  const c = new Client(t.url);
  const res = await c.post('/api/v1/sessions', { email: user.email, password: PASSWORD });
  return { c, status: res.status, body: res.body };
}

describe(`second factor on ${DB_KIND}`, () => {
  let t: TestKoers;
  beforeAll(async () => {
    // Consultants need a second factor here; teachers do not (a role left out of KOERS_MFA_ROLES).
    t = await startTestKoers({ config: { mfaRoles: ['consultant', 'admin'] } });
  });
  afterAll(async () => {
    await t?.stop();
  });
  beforeEach(awayFromStepEdge);

  it('a required role without a factor must enrol first: the pending login opens nothing else, and the confirmed factor gives the session', async () => {
    const user = await aUser(t, 'consultant', 'hoorn');
    const { c, status, body } = await passwordStep(t, user);
    expect(status).toBe(202);
    expect(body).toEqual({ secondFactorRequired: false, enrolmentRequired: true });
    expect((await c.get('/api/v1/sessions/current')).status).toBe(401);
    expect((await c.get('/api/v1/participants')).status).toBe(401);
    const started = await c.post('/api/v1/sessions/second-factor/enrolment');
    expect(started.status).toBe(201);
    expect(started.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Koers:.+\?secret=[A-Z2-7]+&issuer=Koers$/);
    expect(started.body.qrSvg).toMatch(/^<svg /);
    // The secret is stored encrypted, never in clear.
    const stored = await t.koers.db.query<{ secret_encrypted: string }>('SELECT secret_encrypted FROM second_factor_enrolment WHERE user_id = $1', [user.id]);
    expect(stored[0]?.secret_encrypted).not.toContain(started.body.secret);
    const wrong = await c.post('/api/v1/sessions/second-factor/enrolment/confirm', { code: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.invalidParams[0]).toMatchObject({ name: 'code', code: 'wrongCode' });
    const confirmed = await c.post('/api/v1/sessions/second-factor/enrolment/confirm', { code: await totpAt(started.body.secret) });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    expect((await c.get('/api/v1/sessions/current')).status).toBe(200);
    const status2 = await c.get('/api/v1/sessions/current/second-factor');
    expect(status2.body).toEqual({ enrolled: true, required: true, recoveryCodesLeft: 10 });
    // Recovery codes are stored as keyed hashes only.
    const codes = await t.koers.db.query<{ code_hash: string }>('SELECT code_hash FROM recovery_code WHERE user_id = $1', [user.id]);
    expect(codes.map((r) => r.code_hash)).not.toContain(confirmed.body.recoveryCodes[0]);
  });

  it('logs in with password + TOTP; the pending token is replaced; a code used once is refused in its window (replay)', async () => {
    const user = await aUser(t, 'consultant', 'hoorn');
    const { secret } = await enrol((await passwordStep(t, user)).c);
    const first = await passwordStep(t, user);
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ secondFactorRequired: true, enrolmentRequired: false });
    const code = await totpAt(secret);
    const done = await first.c.post('/api/v1/sessions/second-factor', { code });
    expect(done.status).toBe(201);
    expect(done.body.user.id).toBe(user.id);
    expect((await first.c.get('/api/v1/sessions/current')).status).toBe(200);
    // A second login with the same code: refused, although the code is still inside its 30 seconds.
    const again = await passwordStep(t, user);
    const replay = await again.c.post('/api/v1/sessions/second-factor', { code });
    expect(replay.status).toBe(401);
    expect(replay.body.detail).toBe('De code klopt niet.');
    // The next step's code works (one step of clock drift is allowed).
    expect((await again.c.post('/api/v1/sessions/second-factor', { code: await totpAt(secret, 1) })).status).toBe(201);
    const lines = await t.koers.db.query<{ name: string }>(`SELECT name FROM audit_event WHERE object_id = $1 AND name LIKE 'secondFactor.%' ORDER BY id`, [user.id]);
    expect(lines.map((l) => l.name)).toEqual(['secondFactor.enrolled', 'secondFactor.verified', 'secondFactor.failed', 'secondFactor.verified']);
  });

  it('a recovery code works once', async () => {
    const user = await aUser(t, 'consultant', 'hoorn');
    const { recoveryCodes } = await enrol((await passwordStep(t, user)).c);
    const code = recoveryCodes[3] ?? '';
    const first = await passwordStep(t, user);
    expect((await first.c.post('/api/v1/sessions/second-factor', { code: code.toUpperCase() })).status).toBe(201);
    const second = await passwordStep(t, user);
    expect((await second.c.post('/api/v1/sessions/second-factor', { code })).status).toBe(401);
    expect((await first.c.get('/api/v1/sessions/current/second-factor')).body.recoveryCodesLeft).toBe(9);
  });

  it(`${FACTOR_ATTEMPTS_PER_LOGIN} wrong codes end the pending login; the password is needed again`, async () => {
    const user = await aUser(t, 'consultant', 'hoorn');
    const { secret } = await enrol((await passwordStep(t, user)).c);
    const { c } = await passwordStep(t, user);
    for (let i = 0; i < FACTOR_ATTEMPTS_PER_LOGIN - 1; i++) expect((await c.post('/api/v1/sessions/second-factor', { code: '000000' })).body.detail).toBe('De code klopt niet.');
    const last = await c.post('/api/v1/sessions/second-factor', { code: '000000' });
    expect(last.status).toBe(401);
    expect(last.body.detail).toMatch(/Log opnieuw in/);
    expect((await c.post('/api/v1/sessions/second-factor', { code: await totpAt(secret) })).status).toBe(401);
  });

  it('a role outside KOERS_MFA_ROLES logs in with the password alone; participants cannot enrol', async () => {
    const teacher = await aUser(t, 'teacher');
    expect((await passwordStep(t, teacher)).status).toBe(201);
    const participantId = (await t.koers.db.query<{ id: string }>('SELECT id FROM participant LIMIT 1'))[0]?.id;
    if (participantId !== undefined) {
      const self = await Client.loggedIn(t, await aUser(t, 'participant', undefined, participantId));
      expect((await self.post('/api/v1/sessions/second-factor/enrolment')).status).toBe(404);
    }
  });
});

describe(`idle timeout on ${DB_KIND}`, () => {
  let t: TestKoers;
  beforeAll(async () => {
    t = await startTestKoers({ config: { sessionIdleMinutes: 30 } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('a session unused for 30 minutes has expired; use within that keeps it alive, written at most once a minute', async () => {
    const user = await aUser(t, 'consultant', 'hoorn');
    const c = await Client.loggedIn(t, user);
    const seen = async () => (await t.koers.db.query<{ s: Date }>('SELECT last_seen_at AS s FROM app_session WHERE user_id = $1', [user.id]))[0]?.s;
    const first = await seen();
    expect((await c.get('/api/v1/sessions/current')).status).toBe(200);
    expect(await seen()).toEqual(first); // within the minute: no write
    await t.koers.db.query(`UPDATE app_session SET last_seen_at = now() - interval '29 minutes' WHERE user_id = $1`, [user.id]);
    expect((await c.get('/api/v1/sessions/current')).status).toBe(200);
    expect((await seen())!.getTime()).toBeGreaterThan(Date.now() - 60_000); // touched
    await t.koers.db.query(`UPDATE app_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [user.id]);
    expect((await c.get('/api/v1/sessions/current')).status).toBe(401);
    // The session row says how long it may idle (KOERS_SESSION_IDLE_MINUTES at login).
    const row = await t.koers.db.query<{ idle: number }>('SELECT idle_timeout_seconds AS idle FROM app_session WHERE id_hash IS NOT NULL AND user_id = $1', [user.id]);
    expect(row[0]?.idle).toBe(1800);
  });
});
