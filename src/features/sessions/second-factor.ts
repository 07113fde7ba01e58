// The second factor (issue #9 hole 9, ASVS 5.0 V6.5 / 4.0 V2.8): TOTP after RFC 6238 (otplib v13:
// SHA-1, 6 digits, 30 s, one step of clock drift either way) and ten single-use recovery codes.
// The secret is stored encrypted; a code's time step is remembered, so a code seen once is refused
// in the rest of its window (replay). Wrong codes are throttled per pending login and per account.
import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import QRCode from 'qrcode';
import { FACTOR_ATTEMPTS_PER_LOGIN, FACTOR_MAX_FAILURES, WINDOW_SECONDS } from '../../domain/login-throttle.js';
import type { TraceInfo, VerifiedUser } from '../../platform/access.js';
import type { Queryable } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { countFactorAttempt, createSession, deleteSession, findPendingSession, findSessionUser, findUserById, type SessionStage } from '../../platform/session-store.js';
import type { SessionUser } from './schemas.js';
import { auditAuth, contextOf, factorRequired, type SessionDeps, toSessionUser } from './service.js';
import { giveBack, takeBudget } from './throttle.js';

const ISSUER = 'Koers';
const RECOVERY_CODES = 10;
const ENROLMENT_TTL_MS = 15 * 60 * 1000;

const wrongCode = () => new AppError('unauthenticated', 'De code klopt niet.');
const loginAgain = () => new AppError('unauthenticated', 'Uw inlogpoging is verlopen. Log opnieuw in.');

/** "abcd-efgh-jk": 10 characters of a 32-letter alphabet (50 bits), grouped for reading aloud. */
function newRecoveryCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

function recoveryHash(deps: Pick<SessionDeps, 'crypto'>, code: string): string {
  return deps.crypto.keyedHash('login', `recovery:${code.toLowerCase().replace(/[^a-z0-9]/g, '')}`);
}

/** The time step of a valid code for the secret, newer than `after`; undefined when not valid. */
async function validStep(secret: string, code: string, after: number | null): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  const result = await verifyTotp({ secret, token: code, epochTolerance: 30, ...(after !== null ? { afterTimeStep: after } : {}) });
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}

/** Uses a TOTP code or a recovery code of the user; true when it was good and is now spent. */
async function spendCode(deps: SessionDeps, q: Queryable, userId: string, code: string): Promise<boolean> {
  const factor = (await q.query<{ secret: string; lastStep: number | null }>('SELECT secret_encrypted AS secret, last_time_step AS "lastStep" FROM second_factor WHERE user_id = $1', [userId]))[0];
  if (factor === undefined) return false;
  const step = await validStep(deps.crypto.decrypt(factor.secret), code.replace(/\s/g, ''), factor.lastStep);
  if (step !== undefined) {
    // Atomic: of two requests with the same code at once, one moves the step and the other finds it moved.
    const moved = await q.query('UPDATE second_factor SET last_time_step = $2 WHERE user_id = $1 AND (last_time_step IS NULL OR last_time_step < $2) RETURNING user_id', [userId, step]);
    return moved.length > 0;
  }
  const used = await q.query('UPDATE recovery_code SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING user_id', [userId, recoveryHash(deps, code)]);
  return used.length > 0;
}

const factorKey = (deps: SessionDeps, userId: string) => deps.crypto.keyedHash('login', `factor:${userId}`);

/** The second step of a login: a TOTP or recovery code on the pending session turns it into a session. */
export async function completeSecondFactor(deps: SessionDeps, input: { pendingToken: string; code: string; now: Date; trace: TraceInfo }): Promise<{ token: string; expiresAt: Date; user: SessionUser }> {
  const pending = await findPendingSession(deps.db, input.pendingToken, input.now);
  if (pending?.stage !== 'secondFactor') throw loginAgain();
  const user = await findUserById(deps.db, pending.userId);
  if (user === undefined) throw loginAgain();
  const ctx = contextOf(user, input.trace);
  await takeBudget(deps.db, factorKey(deps, user.id), input.now, WINDOW_SECONDS, FACTOR_MAX_FAILURES, 'factor');
  const ok = await spendCode(deps, deps.db, user.id, input.code);
  if (!ok) {
    const more = await countFactorAttempt(deps.db, input.pendingToken, FACTOR_ATTEMPTS_PER_LOGIN);
    await auditAuth(deps.db, deps.crypto, input.trace, { name: 'secondFactor.failed', status: 'error', userId: user.id, summary: more ? 'wrong code' : 'wrong code; pending login ended' });
    throw more ? wrongCode() : loginAgain();
  }
  await giveBack(deps.db, factorKey(deps, user.id));
  return deps.db.transaction(async (tx) => {
    await deleteSession(tx, input.pendingToken);
    const session = await createSession(tx, user.id, input.now, { idleMinutes: deps.sessionIdleMinutes });
    await auditAuth(tx, deps.crypto, input.trace, { name: 'secondFactor.verified', status: 'ok', userId: user.id, actor: ctx });
    return { ...session, user: toSessionUser(ctx) };
  });
}

export interface Enroller {
  user: VerifiedUser;
  stage: SessionStage;
}

/** Who may set up a second factor: a working session, or a login that must enrol before it gets one. */
export async function findEnroller(deps: SessionDeps, token: string | undefined, now: Date): Promise<Enroller> {
  if (token === undefined || token === '') throw new AppError('unauthenticated', 'Log in om verder te gaan.');
  const full = await findSessionUser(deps.db, token, now);
  if (full !== undefined) return { user: full, stage: 'full' };
  const pending = await findPendingSession(deps.db, token, now);
  const user = pending?.stage === 'enrol' ? await findUserById(deps.db, pending.userId) : undefined;
  if (user === undefined) throw new AppError('unauthenticated', 'Log in om verder te gaan.');
  return { user, stage: 'enrol' };
}

function assertStaff(user: VerifiedUser): void {
  // Participants log in with DigiD (OpenID Connect); a TOTP of their own is not offered.
  if (user.role === 'participant' || user.role === 'providerSystem') throw new AppError('notFound', 'Dit bestaat niet of u heeft er geen toegang toe.');
}

export async function startEnrolment(deps: SessionDeps, enroller: Enroller, now: Date): Promise<{ secret: string; otpauthUri: string; qrSvg: string }> {
  assertStaff(enroller.user);
  const secret = generateSecret();
  await deps.db.query(
    `INSERT INTO second_factor_enrolment (user_id, secret_encrypted, started_at) VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE SET secret_encrypted = EXCLUDED.secret_encrypted, started_at = EXCLUDED.started_at`,
    [enroller.user.id, deps.crypto.encrypt(secret), now],
  );
  const otpauthUri = generateURI({ issuer: ISSUER, label: enroller.user.email, secret });
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, otpauthUri, qrSvg };
}

/**
 * A first good code confirms the new secret: it replaces any earlier factor, ten new recovery codes
 * replace the old ones, and a login that had to enrol becomes a session (with a new token).
 */
export async function confirmEnrolment(
  deps: SessionDeps,
  enroller: Enroller,
  input: { token: string; code: string; now: Date; trace: TraceInfo },
): Promise<{ recoveryCodes: string[]; user: SessionUser; session?: { token: string; expiresAt: Date } }> {
  assertStaff(enroller.user);
  const userId = enroller.user.id;
  const ctx = contextOf(enroller.user, input.trace);
  await takeBudget(deps.db, factorKey(deps, userId), input.now, WINDOW_SECONDS, FACTOR_MAX_FAILURES, 'factor');
  const started = (await deps.db.query<{ secret: string; startedAt: Date }>('SELECT secret_encrypted AS secret, started_at AS "startedAt" FROM second_factor_enrolment WHERE user_id = $1', [userId]))[0];
  if (started === undefined || input.now.getTime() - new Date(started.startedAt).getTime() > ENROLMENT_TTL_MS) {
    throw new AppError('invalidInput', 'Begin opnieuw met het instellen van de tweede factor.', [{ name: 'code', code: 'noEnrolment', reason: 'Begin opnieuw met het instellen van de tweede factor.' }]);
  }
  const step = await validStep(deps.crypto.decrypt(started.secret), input.code.replace(/\s/g, ''), null);
  if (step === undefined) {
    await auditAuth(deps.db, deps.crypto, input.trace, { name: 'secondFactor.failed', status: 'error', userId, actor: ctx, summary: 'wrong code at enrolment' });
    throw new AppError('invalidInput', 'De code klopt niet. Controleer de tijd op uw telefoon en probeer het opnieuw.', [{ name: 'code', code: 'wrongCode', reason: 'De code klopt niet.' }]);
  }
  await giveBack(deps.db, factorKey(deps, userId));
  const recoveryCodes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  return deps.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO second_factor (user_id, secret_encrypted, last_time_step, confirmed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id) DO UPDATE SET secret_encrypted = EXCLUDED.secret_encrypted, last_time_step = EXCLUDED.last_time_step, confirmed_at = EXCLUDED.confirmed_at`,
      [userId, started.secret, step, input.now],
    );
    await tx.query('DELETE FROM second_factor_enrolment WHERE user_id = $1', [userId]);
    await tx.query('DELETE FROM recovery_code WHERE user_id = $1', [userId]);
    const values = recoveryCodes.flatMap((c) => [userId, recoveryHash(deps, c)]);
    await tx.query(`INSERT INTO recovery_code (user_id, code_hash) VALUES ${recoveryCodes.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(', ')}`, values);
    await auditAuth(tx, deps.crypto, input.trace, { name: 'secondFactor.enrolled', status: 'ok', userId, actor: ctx, summary: 'totp and 10 recovery codes' });
    if (enroller.stage !== 'enrol') return { recoveryCodes, user: toSessionUser(ctx) };
    await deleteSession(tx, input.token);
    const session = await createSession(tx, userId, input.now, { idleMinutes: deps.sessionIdleMinutes });
    return { recoveryCodes, user: toSessionUser(ctx), session };
  });
}

export async function secondFactorStatus(deps: SessionDeps, user: { id: string; role: VerifiedUser['role'] }): Promise<{ enrolled: boolean; required: boolean; recoveryCodesLeft: number }> {
  const rows = await deps.db.query<{ enrolled: boolean; left: number }>(
    `SELECT EXISTS (SELECT 1 FROM second_factor WHERE user_id = $1) AS enrolled,
            (SELECT count(*)::int FROM recovery_code WHERE user_id = $1 AND used_at IS NULL) AS left`,
    [user.id],
  );
  return { enrolled: rows[0]?.enrolled ?? false, required: factorRequired(deps, user.role), recoveryCodesLeft: rows[0]?.left ?? 0 };
}
