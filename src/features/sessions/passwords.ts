// Password change and reset (issue #9 hole 9, ASVS 5.0 V6.2 / 4.0 V2.1.5-6, V2.5.6). A change needs
// the current password and ends the user's other sessions. A reset request always answers the same
// (no account enumeration) and queues a mail through the outbox with a single-use link valid for 30
// minutes; only the token's SHA-256 is stored. A reset does not log in: the second factor is still asked.
import { randomUUID } from 'node:crypto';
import { checkPassword, passwordProblemText } from '../../domain/password-policy.js';
import type { TraceInfo } from '../../platform/access.js';
import { randomToken, sha256 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { enqueueMail } from '../../platform/outbox.js';
import { deleteOtherSessions, findUserByEmail, findUserById } from '../../platform/session-store.js';
import { auditAuth, contextOf, hashPassword, type SessionDeps, verifyPassword } from './service.js';
import { budgetExhausted, takeBudget } from './throttle.js';

const RESET_TTL_MS = 30 * 60 * 1000;
const HOUR = 3600;
/** Reset mails per account per hour (more are silently not sent) and requests per address per hour. */
const RESETS_PER_ACCOUNT = 3;
const RESETS_PER_ADDRESS = 20;
const CHANGES_PER_WINDOW = 5;

function assertAcceptable(field: string, password: string, email: string): void {
  const problems = checkPassword(password, email);
  if (problems.length === 0) return;
  const params = problems.map((p) => ({ name: field, code: p, reason: passwordProblemText[p] }));
  throw new AppError('invalidInput', params.map((p) => p.reason).join(' '), params);
}

export async function changePassword(
  deps: SessionDeps,
  input: { userId: string; currentPassword: string; newPassword: string; sessionToken: string; now: Date; trace: TraceInfo },
): Promise<void> {
  const user = await findUserById(deps.db, input.userId);
  if (user === undefined) throw new AppError('unauthenticated', 'Log in om verder te gaan.');
  // Guessing the current password through this form is throttled like a login.
  await takeBudget(deps.db, deps.crypto.keyedHash('login', `change:${user.id}`), input.now, 15 * 60, CHANGES_PER_WINDOW);
  const ctx = contextOf(user, input.trace);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await auditAuth(deps.db, deps.crypto, input.trace, { name: 'password.changed', status: 'error', userId: user.id, actor: ctx, summary: 'wrong current password' });
    throw new AppError('invalidInput', 'Uw huidige wachtwoord klopt niet.', [{ name: 'currentPassword', code: 'wrong', reason: 'Uw huidige wachtwoord klopt niet.' }]);
  }
  assertAcceptable('newPassword', input.newPassword, user.email);
  if (input.newPassword === input.currentPassword) {
    throw new AppError('invalidInput', 'Kies een ander wachtwoord dan uw huidige.', [{ name: 'newPassword', code: 'unchanged', reason: 'Kies een ander wachtwoord dan uw huidige.' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await tx.query('UPDATE app_user SET password_hash = $2 WHERE id = $1', [user.id, passwordHash]);
    await deleteOtherSessions(tx, user.id, input.sessionToken);
    await tx.query('UPDATE password_reset SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [user.id, input.now]);
    await auditAuth(tx, deps.crypto, input.trace, { name: 'password.changed', status: 'ok', userId: user.id, actor: ctx, summary: 'other sessions ended' });
  });
}

/** Always resolves the same way, whether the address is known or not. */
export async function requestPasswordReset(deps: SessionDeps & { publicUrl?: string | undefined }, input: { email: string; address: string; now: Date; trace: TraceInfo }): Promise<void> {
  await takeBudget(deps.db, deps.crypto.keyedHash('login', `reset-address:${input.address}`), input.now, HOUR, RESETS_PER_ADDRESS);
  const user = await findUserByEmail(deps.db, input.email);
  if (user === undefined) return;
  const accountKey = deps.crypto.keyedHash('login', `reset-account:${user.id}`);
  // A flood of requests for one address must not become a flood of mail to its owner.
  if (await budgetExhausted(deps.db, accountKey, input.now, HOUR, RESETS_PER_ACCOUNT)) return;
  await takeBudget(deps.db, accountKey, input.now, HOUR, RESETS_PER_ACCOUNT);
  const token = randomToken();
  // The token sits after '#': browsers never send the fragment, so it reaches no server or proxy log.
  const link = `${deps.publicUrl ?? ''}/wachtwoord-herstellen#${token}`;
  await deps.db.transaction(async (tx) => {
    await tx.query('INSERT INTO password_reset (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [sha256(token), user.id, input.now, new Date(input.now.getTime() + RESET_TTL_MS)]);
    await enqueueMail(tx, {
      dedupeKey: `password-reset:${randomUUID()}`,
      municipalityId: null,
      recipients: [user.email],
      subject: 'Koers: nieuw wachtwoord instellen',
      body: `U (of iemand anders) vroeg een nieuw wachtwoord aan voor Koers.\nStel een nieuw wachtwoord in via deze link; hij werkt één keer en 30 minuten lang:\n${link}\nVroeg u dit niet aan? Dan hoeft u niets te doen: uw wachtwoord blijft hetzelfde.`,
    });
    await auditAuth(tx, deps.crypto, input.trace, { name: 'password.resetRequested', status: 'ok', userId: user.id, summary: 'mail queued' });
  });
}

const badLink = () => new AppError('invalidInput', 'Deze link is ongeldig, al gebruikt of verlopen. Vraag een nieuwe aan.', [{ name: 'token', code: 'invalid', reason: 'Deze link is ongeldig, al gebruikt of verlopen.' }]);

export async function confirmPasswordReset(deps: SessionDeps, input: { token: string; password: string; now: Date; trace: TraceInfo }): Promise<void> {
  const tokenHash = sha256(input.token);
  const found = (await deps.db.query<{ userId: string }>('SELECT user_id AS "userId" FROM password_reset WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2', [tokenHash, input.now]))[0];
  if (found === undefined) throw badLink();
  const user = await findUserById(deps.db, found.userId);
  if (user === undefined) throw badLink();
  assertAcceptable('password', input.password, user.email);
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction(async (tx) => {
    // Single use, also when two requests bring the same link at once.
    const spent = await tx.query('UPDATE password_reset SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id', [tokenHash, input.now]);
    if (spent.length === 0) throw badLink();
    await tx.query('UPDATE password_reset SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [user.id, input.now]);
    await tx.query('UPDATE app_user SET password_hash = $2 WHERE id = $1', [user.id, passwordHash]);
    await deleteOtherSessions(tx, user.id);
    await auditAuth(tx, deps.crypto, input.trace, { name: 'password.reset', status: 'ok', userId: user.id, summary: 'all sessions ended' });
  });
}
