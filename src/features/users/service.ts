// Issue #17: the administrator makes, changes and ends staff accounts and resets a second factor; a
// provider's coordinator does the same for its own provider's teachers. A new account gets no password
// from anyone: a single-use link (7 days) is mailed through the outbox, so no one but its owner ever knows
// the password. Ending an account ends its sessions and revokes the API keys it made, at once, in one
// transaction with its audit line.
import { randomUUID } from 'node:crypto';
import { userAdminRoom, type RequestContext, type UserAdminRoom } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { randomToken, sha256, type Crypto } from '../../platform/crypto.js';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { enqueueMail } from '../../platform/outbox.js';
import { hashPassword } from '../sessions/service.js';
import { ORGANISATION_KIND, StaffRoles, type NewUser, type StaffRole, type UserItem } from './schemas.js';
import { countUsers, emailTaken, findUser, subjectTaken, listUsers, organisationChoices, organisationKindOf, type UserFilter, type UserRow } from './store.js';

const WELCOME_TTL_MS = 7 * 24 * 3600 * 1000;

interface Deps {
  db: Db;
  crypto: Crypto;
  publicUrl?: string | undefined;
}

function roomOf(ctx: RequestContext): UserAdminRoom {
  const room = userAdminRoom(ctx);
  if (room === undefined) throw notFound();
  return room;
}

/** The roles an actor may give: the administrator every staff role, a coordinator 'teacher' only. */
export function rolesFor(room: UserAdminRoom): StaffRole[] {
  return room.kind === 'all' ? [...StaffRoles] : ['teacher'];
}

export function toItem(r: UserRow): UserItem {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    organisation: r.organisationKind === null || r.organisationId === null ? null : { kind: r.organisationKind, id: r.organisationId, name: r.organisationName ?? '' },
    secondFactor: r.secondFactor,
    idpSubject: r.idpSubject,
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    endedAt: r.endedAt?.toISOString() ?? null,
  };
}

async function audit(tx: Queryable, deps: Deps, ctx: RequestContext, name: 'user.list' | 'user.record', objectId: string | undefined, summary: string) {
  await recordAudit(tx, deps.crypto, ctx, { name, status: 'ok', subjects: [], objectType: 'user', ...(objectId !== undefined ? { objectId } : {}), summary });
}

export async function listUserPage(deps: Deps, ctx: RequestContext, filter: UserFilter, page: number, pageSize: number) {
  const room = roomOf(ctx);
  return deps.db.transaction(async (tx) => {
    const rows = await listUsers(tx, room, filter, { limit: pageSize, offset: (page - 1) * pageSize });
    const total = await countUsers(tx, room, filter);
    await audit(tx, deps, ctx, 'user.list', undefined, `${rows.length} of ${total} accounts`);
    return { items: rows.map(toItem), total, page, pageSize };
  });
}

export async function exportUserBatch(deps: Deps, ctx: RequestContext, filter: UserFilter, page: number, size: number): Promise<UserItem[]> {
  const room = roomOf(ctx);
  return deps.db.transaction(async (tx) => {
    const rows = await listUsers(tx, room, filter, { limit: size, offset: (page - 1) * size });
    if (page === 1 || rows.length > 0) await audit(tx, deps, ctx, 'user.list', undefined, `export batch ${page}: ${rows.length} accounts`);
    return rows.map(toItem);
  });
}

export async function choicesFor(deps: Deps, ctx: RequestContext) {
  const room = roomOf(ctx);
  return { items: await organisationChoices(deps.db, room), roles: rolesFor(room) };
}

/** The organisation the new account belongs to, checked against its role and the actor's room. */
async function organisationFor(tx: Queryable, room: UserAdminRoom, input: NewUser): Promise<{ column: 'municipality_id' | 'provider_id' | 'region_id'; id: string } | undefined> {
  const kind = ORGANISATION_KIND[input.role];
  if (kind === 'none') {
    if (input.organisationId !== undefined) throw invalid('organisationId', 'notForRole', 'Een functioneel beheerder hoort bij geen organisatie.');
    return undefined;
  }
  // A coordinator's teacher belongs to the coordinator's provider, whatever was sent.
  const id = room.kind === 'provider' ? room.providerId : input.organisationId;
  if (id === undefined) throw invalid('organisationId', 'required', 'Kies een organisatie.');
  const found = await organisationKindOf(tx, id);
  if (found === undefined) throw invalid('organisationId', 'unknown', 'Deze organisatie bestaat niet.');
  const wanted = { municipality: 'een gemeente', provider: 'een aanbieder', region: 'een regio' }[kind];
  if (found !== kind) throw invalid('organisationId', 'wrongKind', `Deze rol hoort bij ${wanted}.`);
  return { column: `${kind}_id`, id };
}

export async function createUser(deps: Deps, ctx: RequestContext, input: NewUser, now: Date): Promise<UserItem> {
  const room = roomOf(ctx);
  if (!rolesFor(room).includes(input.role)) throw invalid('role', 'notAllowed', 'U kunt alleen accounts voor docenten van uw eigen organisatie maken.');
  // Hashed outside the transaction (argon2 takes tens of milliseconds): a password nobody knows.
  const placeholder = await hashPassword(randomToken());
  const id = randomUUID();
  const token = randomToken();
  const created = await deps.db.transaction(async (tx) => {
    const org = await organisationFor(tx, room, input);
    if (await emailTaken(tx, input.email)) throw new AppError('conflict', 'Er is al een account met dit e-mailadres.', [{ name: 'email', code: 'taken', reason: 'Er is al een account met dit e-mailadres.' }]);
    if (input.idpSubject !== undefined && (await subjectTaken(tx, input.idpSubject))) throw subjectConflict();
    await tx.query(
      `INSERT INTO app_user (id, email, name, password_hash, role, ${org?.column ?? 'municipality_id'}, created_at, created_by, idp_subject) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, input.email, input.name, placeholder, input.role, org?.id ?? null, now, ctx.actor.userId, input.idpSubject ?? null],
    );
    await tx.query('INSERT INTO password_reset (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [sha256(token), id, now, new Date(now.getTime() + WELCOME_TTL_MS)]);
    // The token after '#': browsers never send the fragment, so it reaches no server or proxy log.
    const link = `${deps.publicUrl ?? ''}/wachtwoord-herstellen#${token}`;
    await enqueueMail(tx, {
      dedupeKey: `account-welcome:${id}`,
      municipalityId: null,
      recipients: [input.email],
      subject: 'Koers: uw account',
      body: `Er is een Koers-account voor u gemaakt.\nKies uw wachtwoord via deze link; hij werkt één keer en 7 dagen lang:\n${link}\nDaarna logt u in met uw e-mailadres en dat wachtwoord.`,
    });
    await audit(tx, deps, ctx, 'user.record', id, `created ${input.role}`);
    return findUser(tx, room, id);
  });
  if (created === undefined) throw new AppError('internal', 'Het account is niet teruggevonden na opslaan.');
  return toItem(created);
}

const subjectConflict = () => new AppError('conflict', 'Een ander account heeft dit inlog-id al.', [{ name: 'idpSubject', code: 'taken', reason: 'Een ander account heeft dit inlog-id al.' }]);

export async function changeUser(deps: Deps, ctx: RequestContext, id: string, change: { name?: string | undefined; email?: string | undefined; idpSubject?: string | null | undefined }): Promise<UserItem> {
  const room = roomOf(ctx);
  const changed = await deps.db.transaction(async (tx) => {
    const user = await findUser(tx, room, id, true);
    if (user === undefined || (room.kind === 'provider' && user.role !== 'teacher')) throw notFound();
    if (user.endedAt !== null) throw invalid('id', 'ended', 'Dit account is beëindigd en kan niet meer worden gewijzigd.');
    if (change.email !== undefined && change.email !== user.email && (await emailTaken(tx, change.email, id))) {
      throw new AppError('conflict', 'Er is al een account met dit e-mailadres.', [{ name: 'email', code: 'taken', reason: 'Er is al een account met dit e-mailadres.' }]);
    }
    if (typeof change.idpSubject === 'string' && (await subjectTaken(tx, change.idpSubject, id))) throw subjectConflict();
    await tx.query('UPDATE app_user SET name = COALESCE($2, name), email = COALESCE($3, email) WHERE id = $1', [id, change.name ?? null, change.email ?? null]);
    // null unties the account from its identity provider subject; absent leaves it.
    if (change.idpSubject !== undefined) await tx.query('UPDATE app_user SET idp_subject = $2 WHERE id = $1', [id, change.idpSubject]);
    // A changed address is a changed login: its sessions end, as after a password change.
    if (change.email !== undefined && change.email !== user.email) await tx.query('DELETE FROM app_session WHERE user_id = $1', [id]);
    await audit(tx, deps, ctx, 'user.record', id, `changed ${[change.name !== undefined ? 'name' : '', change.email !== undefined ? 'email' : '', change.idpSubject !== undefined ? 'idpSubject' : ''].filter(Boolean).join('+')}`);
    return findUser(tx, room, id);
  });
  if (changed === undefined) throw notFound();
  return toItem(changed);
}

/** Ends the account: no login any more, its sessions gone and the API keys it made revoked, at once. */
export async function endUser(deps: Deps, ctx: RequestContext, id: string, now: Date): Promise<UserItem> {
  const room = roomOf(ctx);
  if (id === ctx.actor.userId) throw invalid('id', 'self', 'U kunt uw eigen account niet beëindigen.');
  const ended = await deps.db.transaction(async (tx) => {
    const user = await findUser(tx, room, id, true);
    if (user === undefined || (room.kind === 'provider' && user.role !== 'teacher')) throw notFound();
    if (user.endedAt === null) {
      await tx.query('UPDATE app_user SET ended_at = $2, ended_by = $3 WHERE id = $1', [id, now, ctx.actor.userId]);
      const sessions = await tx.query('DELETE FROM app_session WHERE user_id = $1 RETURNING 1', [id]);
      const keys = await tx.query('UPDATE api_key SET revoked_at = $2, revoked_by = $3 WHERE created_by = $1 AND revoked_at IS NULL RETURNING 1', [id, now, ctx.actor.userId]);
      await tx.query('UPDATE password_reset SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [id, now]);
      await audit(tx, deps, ctx, 'user.record', id, `ended; ${sessions.length} sessions, ${keys.length} API keys`);
    }
    return findUser(tx, room, id);
  });
  if (ended === undefined) throw notFound();
  return toItem(ended);
}

/** A lost authenticator: the factor goes, the user enrols a new one at the next login; its sessions end. */
export async function resetSecondFactor(deps: Deps, ctx: RequestContext, id: string): Promise<UserItem> {
  const room = roomOf(ctx);
  const reset = await deps.db.transaction(async (tx) => {
    const user = await findUser(tx, room, id, true);
    if (user === undefined || (room.kind === 'provider' && user.role !== 'teacher')) throw notFound();
    await tx.query('DELETE FROM second_factor WHERE user_id = $1', [id]);
    await tx.query('DELETE FROM second_factor_enrolment WHERE user_id = $1', [id]);
    await tx.query('DELETE FROM recovery_code WHERE user_id = $1', [id]);
    await tx.query('DELETE FROM app_session WHERE user_id = $1', [id]);
    await audit(tx, deps, ctx, 'user.record', id, 'second factor reset');
    return findUser(tx, room, id);
  });
  if (reset === undefined) throw notFound();
  return toItem(reset);
}
