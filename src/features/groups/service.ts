// Group and lesson use cases (R-GRP-1, R-GRP-2): create a group, place and move members with dates,
// generate lessons from the schedule and edit them. Each runs in one transaction with its audit line.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { attendanceRate } from '../../domain/attendance.js';
import { addCalendarDays, dayOfWeek } from '../../domain/calendar.js';
import { referralInScope, SqlParams, type RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { auditDenied } from '../../platform/audit-denied.js';
import type { Tx } from '../../platform/db.js';
import { AppError, notFound, unprocessable } from '../../platform/errors.js';
import { EXPORT_BATCH, pagedSource } from '../../platform/http/export.js';
import type { AppDeps } from '../../platform/http/server.js';
import { normPercentOf } from './placement.js';
import { DEFAULT_GROUP_SIZE, SMALL_GROUP_LIMIT, type Group, type GroupCreate, type GroupExportQuery, type GroupListQuery, type LessonRange, type LessonPatch, type MemberAdd, type MemberMove } from './schemas.js';
import { countGroups, findGroup, findLesson, listGroups as listGroupRows, listLessons, listMembers, seatsTaken, unsafeAttendanceFacts, type GroupRow, type LessonRow } from './store.js';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'clock' | 'contracts'>;

const toGroup = (g: GroupRow): Group => ({ ...g });
const toLesson = ({ providerId: _provider, ...l }: LessonRow) => l;

export async function createGroup(deps: Deps, ctx: RequestContext, input: GroupCreate): Promise<Group> {
  if (ctx.scope.kind !== 'provider') throw notFound();
  const providerId = ctx.scope.providerId;
  // R-GRP-1 / 001 §1.3: Alfa and Z groups hold at most 15.
  const small = input.levelBand === 'fastAlfa' || input.levelBand === 'z';
  const sizeLimit = input.sizeLimit ?? DEFAULT_GROUP_SIZE;
  if (small && sizeLimit > SMALL_GROUP_LIMIT) throw unprocessable('sizeLimit', 'tooLarge', `Een Alfa- of Z-groep heeft hoogstens ${SMALL_GROUP_LIMIT} deelnemers.`);
  if (input.activeTo != null && input.activeTo < input.activeFrom) throw unprocessable('activeTo', 'beforeStart', 'De einddatum ligt voor de begindatum.');
  return deps.db.transaction(async (tx) => {
    if (input.teacherUserId != null) {
      const t = await tx.query(`SELECT 1 FROM app_user WHERE id = $1 AND role = 'teacher' AND provider_id = $2`, [input.teacherUserId, providerId]);
      if (t.length === 0) throw unprocessable('teacherUserId', 'unknownTeacher', 'Deze docent werkt niet bij uw organisatie.');
    }
    const id = randomUUID();
    await tx.query(
      `INSERT INTO class_group (id, provider_id, name, level_band, literacy, location, size_limit, teacher_user_id, schedule, active_from, active_to, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12)`,
      [id, providerId, input.name, input.levelBand, input.literacy, input.location, sizeLimit, input.teacherUserId ?? null, JSON.stringify(input.schedule), input.activeFrom, input.activeTo ?? null, ctx.actor.userId],
    );
    const g = await findGroup(tx, ctx.scope, id);
    if (g === undefined) throw notFound();
    return toGroup(g);
  });
}

export async function listGroups(deps: Deps, ctx: RequestContext, query: GroupListQuery) {
  // Group rows hold no participant's data (name, band, schedule, count, the teacher): nothing to audit.
  const filter = { q: query.q, sort: query.sort };
  const { rows, total } = await deps.db.transaction(async (tx) => ({
    rows: await listGroupRows(tx, ctx.scope, filter, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    total: await countGroups(tx, ctx.scope, filter),
  }));
  return { items: rows.map(toGroup), total, page: query.page, pageSize: query.pageSize };
}

/**
 * R-EXC-3: the whole filtered group list for the export: the list's store function, scope, search and
 * order, in batches. Not audited, as the list is not: a group row names no participant.
 */
export function groupExportSource(deps: Deps, ctx: RequestContext, query: GroupExportQuery): () => Promise<readonly Group[]> {
  return pagedSource(EXPORT_BATCH, async (page, size) => (await listGroupRows(deps.db, ctx.scope, { q: query.q, sort: query.sort }, { limit: size, offset: (page - 1) * size })).map(toGroup));
}

const monthStart = (d: string) => `${d.slice(0, 7)}-01`;

export async function getGroup(deps: Deps, ctx: RequestContext, id: string) {
  const today = deps.clock.today();
  const out = await deps.db.transaction(async (tx) => {
    const g = await findGroup(tx, ctx.scope, id);
    if (g === undefined) {
      await auditDenied(tx, deps.crypto, ctx, 'group.read', 'group', id);
      return undefined;
    }
    const members = await listMembers(tx, ctx.scope, id);
    const withRate = [];
    for (const m of members) {
      // R-ATT-3: this month's attendance in this group's lessons.
      const facts = (await unsafeAttendanceFacts(tx, m.participantId)).filter((f) => f.groupId === id);
      const { municipalityId: _m, ...rest } = m;
      // The norm the signals judge this member by (R-ATT-3, the contract's absenceProtocol.normPercent), so
      // the page marks what the signals mark.
      withRate.push({ ...rest, attendanceThisMonth: attendanceRate(facts, monthStart(today), today).percentage, normPercent: await normPercentOf(tx, deps.contracts, m.participantId) });
    }
    await recordAudit(tx, deps.crypto, ctx, { name: 'group.read', status: 'ok', subjects: members.map((m) => ({ participantId: m.participantId, municipalityId: m.municipalityId })), objectType: 'group', objectId: id });
    return { ...toGroup(g), members: withRate };
  });
  if (out === undefined) throw notFound();
  return out;
}

async function lockGroup(tx: Tx, ctx: RequestContext, id: string): Promise<GroupRow> {
  const g = await findGroup(tx, ctx.scope, id, true);
  if (g === undefined) throw notFound();
  return g;
}

/** R-GRP-1: the group has room on that date, and literacy does not mix (003 art. 9.9). */
async function checkPlacement(tx: Tx, g: GroupRow, literacy: string, from: string, field: string): Promise<void> {
  if (g.literacy !== literacy) throw unprocessable(`${field}literacy`, 'literacyMixed', 'Alfabete en anderstalige analfabete deelnemers komen niet in één groep.');
  if (g.activeTo !== null && from >= g.activeTo) throw unprocessable(`${field}from`, 'groupEnded', 'De groep loopt dan niet meer.');
  if ((await seatsTaken(tx, g.id, from)) >= g.sizeLimit) throw unprocessable(`${field}groupId`, 'groupFull', `De groep is vol (${g.sizeLimit} deelnemers).`);
}

export async function addMember(deps: Deps, ctx: RequestContext, groupId: string, input: z.infer<typeof MemberAdd>) {
  return deps.db.transaction(async (tx) => {
    const g = await lockGroup(tx, ctx, groupId);
    const p = new SqlParams();
    const ref = await tx.query<{ municipalityId: string }>(
      `SELECT r.municipality_id AS "municipalityId" FROM referral r
       WHERE r.id = ${p.add(input.referralId)} AND r.participant_id = ${p.add(input.participantId)} AND r.provider_id = ${p.add(g.providerId)} AND ${referralInScope(ctx.scope, p)}`,
      p.values,
    );
    const referral = ref[0];
    // A referral to another provider (or none) is not this provider's to place: 404, nothing told.
    if (referral === undefined) throw notFound();
    const open = await tx.query(`SELECT 1 FROM group_member WHERE group_id = $1 AND participant_id = $2 AND member_to IS NULL`, [groupId, input.participantId]);
    if (open.length > 0) throw new AppError('conflict', 'Deze inburgeraar zit al in deze groep.');
    await checkPlacement(tx, g, input.literacy, input.from, '');
    await tx.query(
      `INSERT INTO group_member (id, group_id, participant_id, referral_id, municipality_id, literacy, member_from) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [randomUUID(), groupId, input.participantId, input.referralId, referral.municipalityId, input.literacy, input.from],
    );
    await recordAudit(tx, deps.crypto, ctx, { name: 'group.member', status: 'ok', subjects: [{ participantId: input.participantId, municipalityId: referral.municipalityId }], objectType: 'group', objectId: groupId, summary: 'placed' });
    return { groupId, participantId: input.participantId, memberFrom: input.from, memberTo: null };
  });
}

export async function moveMember(deps: Deps, ctx: RequestContext, groupId: string, participantId: string, input: z.infer<typeof MemberMove>) {
  return deps.db.transaction(async (tx) => {
    const from = await lockGroup(tx, ctx, groupId);
    const rows = await tx.query<{ id: string; referralId: string; municipalityId: string; literacy: string; memberFrom: string }>(
      `SELECT id, referral_id AS "referralId", municipality_id AS "municipalityId", literacy, member_from AS "memberFrom"
       FROM group_member WHERE group_id = $1 AND participant_id = $2 AND member_to IS NULL FOR UPDATE`,
      [from.id, participantId],
    );
    const m = rows[0];
    if (m === undefined) throw notFound();
    if (input.toGroupId === groupId) throw unprocessable('toGroupId', 'sameGroup', 'Kies een andere groep.');
    const to = await findGroup(tx, ctx.scope, input.toGroupId, true);
    if (to === undefined) throw notFound();
    if (input.on < m.memberFrom) throw unprocessable('on', 'beforeMembership', 'De overstap ligt voor het begin in deze groep.');
    await checkPlacement(tx, to, m.literacy, input.on, '');
    // Closed and opened on the same date: member_to is exclusive, so no day belongs to both groups.
    await tx.query(`UPDATE group_member SET member_to = $2 WHERE id = $1`, [m.id, input.on]);
    await tx.query(
      `INSERT INTO group_member (id, group_id, participant_id, referral_id, municipality_id, literacy, member_from) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [randomUUID(), to.id, participantId, m.referralId, m.municipalityId, m.literacy, input.on],
    );
    await recordAudit(tx, deps.crypto, ctx, { name: 'group.member', status: 'ok', subjects: [{ participantId, municipalityId: m.municipalityId }], objectType: 'group', objectId: to.id, summary: `moved from ${from.id}` });
    return { groupId: to.id, participantId, memberFrom: input.on, memberTo: null };
  });
}

const MAX_RANGE_DAYS = 366;

/** R-GRP-2: lessons from the weekly schedule; a slot already generated is skipped (idempotent). */
export async function generateLessons(deps: Deps, ctx: RequestContext, groupId: string, range: z.infer<typeof LessonRange>) {
  if (range.to < range.from) throw unprocessable('to', 'beforeStart', 'De einddatum ligt voor de begindatum.');
  if (addCalendarDays(range.from, MAX_RANGE_DAYS) <= range.to) throw unprocessable('to', 'rangeTooLong', 'Maak lessen voor hoogstens een jaar tegelijk.');
  return deps.db.transaction(async (tx) => {
    const g = await lockGroup(tx, ctx, groupId);
    let created = 0;
    for (let d = range.from; d <= range.to; d = addCalendarDays(d, 1)) {
      if (d < g.activeFrom || (g.activeTo !== null && d > g.activeTo)) continue;
      for (const slot of g.schedule.filter((s) => s.weekday === dayOfWeek(d))) {
        const hit = await tx.query(
          `INSERT INTO lesson (id, group_id, date, start_time, minutes, kind, scheduled_on, scheduled_start) VALUES ($1, $2, $3, $4, $5, $6, $3, $4)
           ON CONFLICT (group_id, scheduled_on, scheduled_start) DO NOTHING RETURNING id`,
          [randomUUID(), g.id, d, slot.startTime, slot.minutes, slot.kind],
        );
        created += hit.length;
      }
    }
    return { created, lessons: (await listLessons(tx, g.id, range.from, range.to)).map(toLesson) };
  });
}

/** The lessons of a group in a period (the week view); the group must be in the actor's room. */
export async function listGroupLessons(deps: Deps, ctx: RequestContext, groupId: string, range: z.infer<typeof LessonRange>) {
  if (range.to < range.from) throw unprocessable('to', 'beforeStart', 'De einddatum ligt voor de begindatum.');
  if (addCalendarDays(range.from, MAX_RANGE_DAYS) <= range.to) throw unprocessable('to', 'rangeTooLong', 'Vraag hoogstens een jaar tegelijk op.');
  const rows = await deps.db.transaction(async (tx) => {
    const g = await findGroup(tx, ctx.scope, groupId);
    if (g === undefined) throw notFound();
    return listLessons(tx, g.id, range.from, range.to);
  });
  return { items: rows.map(toLesson) };
}

/** The teachers of the coordinator's own provider, to assign to a group. Names only; no personal data of participants. */
export async function listTeachers(deps: Deps, ctx: RequestContext) {
  if (ctx.scope.kind !== 'provider') return { items: [] };
  const rows = await deps.db.query<{ id: string; name: string }>(`SELECT id, name FROM app_user WHERE role = 'teacher' AND provider_id = $1 ORDER BY name, id`, [ctx.scope.providerId]);
  return { items: rows };
}

export async function changeLesson(deps: Deps, ctx: RequestContext, id: string, patch: z.infer<typeof LessonPatch>) {
  return deps.db.transaction(async (tx) => {
    const l = await findLesson(tx, ctx.scope, id, true);
    if (l === undefined) throw notFound();
    const next = { ...l, ...patch };
    // Recorded attendance must fit the lesson (R-ATT-3 counts attended against offered minutes): a
    // shorter lesson than someone already attended is refused rather than leaving minutes > offered.
    const longest = (await tx.query<{ m: number | null }>(`SELECT max(minutes_attended) AS m FROM attendance WHERE lesson_id = $1`, [id]))[0]?.m ?? 0;
    if (next.minutes < longest) {
      throw unprocessable('minutes', 'belowRecorded', `Er is al aanwezigheid van ${longest} minuten vastgelegd. Corrigeer eerst de aanwezigheid, of kies minstens ${longest} minuten.`);
    }
    await tx.query(`UPDATE lesson SET date = $2, start_time = $3, minutes = $4, kind = $5, cancelled_by_provider = $6 WHERE id = $1`, [
      id, next.date, next.startTime, next.minutes, next.kind, next.cancelledByProvider,
    ]);
    const after = await findLesson(tx, ctx.scope, id);
    if (after === undefined) throw notFound();
    return toLesson(after);
  });
}
