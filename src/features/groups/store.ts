// Group, lesson and attendance queries. Every read carries its scope in SQL (STYLE 1, 5): groups by
// groupInScope, lessons by lessonInScope, members and attendance again by participant/attendance scope.
import type { AttendanceFact } from '../../domain/attendance.js';
import { attendanceInScope, groupInScope, lessonInScope, participantInScope, SqlParams, type Scope } from '../../platform/access.js';
import type { Queryable } from '../../platform/db.js';
import { LevelBands, type GroupSort, type Lesson, type LessonKind, type Literacy, type ScheduleSlot } from './schemas.js';

export interface GroupRow {
  id: string;
  providerId: string;
  name: string;
  levelBand: 'fastAlfa' | 'a0a1' | 'a1a2' | 'a2b1' | 'z' | 'exam' | 'map';
  literacy: Literacy;
  location: string;
  sizeLimit: number;
  teacherUserId: string | null;
  /** The teacher's name (staff, not a participant's data): the list sorts and searches by it. */
  teacherName: string | null;
  schedule: ScheduleSlot[];
  activeFrom: string;
  activeTo: string | null;
  memberCount: number;
}

const TEACHER = '(SELECT t.name FROM app_user t WHERE t.id = g.teacher_user_id)';
const GROUP_COLUMNS = `g.id, g.provider_id AS "providerId", g.name, g.level_band AS "levelBand", g.literacy, g.location,
  g.size_limit AS "sizeLimit", g.teacher_user_id AS "teacherUserId", ${TEACHER} AS "teacherName", g.schedule, g.active_from AS "activeFrom", g.active_to AS "activeTo",
  (SELECT count(*)::int FROM group_member c WHERE c.group_id = g.id AND c.member_to IS NULL) AS "memberCount"`;

// The level bands in the order of the learning route (Alfa first, exam training and MAP last), not by code.
const LEVEL_ORDER = `array_position(ARRAY[${LevelBands.map((b) => `'${b}'`).join(', ')}]::text[], g.level_band::text)`;
const MEMBERS = '(SELECT count(*) FROM group_member c WHERE c.group_id = g.id AND c.member_to IS NULL)';
const GROUP_ORDER: Record<GroupSort, string> = {
  name: 'g.name ASC, g.id ASC',
  '-name': 'g.name DESC, g.id DESC',
  level: `${LEVEL_ORDER} ASC, g.name ASC, g.id ASC`,
  '-level': `${LEVEL_ORDER} DESC, g.name ASC, g.id ASC`,
  location: 'g.location ASC, g.name ASC, g.id ASC',
  '-location': 'g.location DESC, g.name ASC, g.id ASC',
  // A group without a teacher last either way: it is the one still to staff, not a name.
  teacher: `${TEACHER} ASC NULLS LAST, g.name ASC, g.id ASC`,
  '-teacher': `${TEACHER} DESC NULLS LAST, g.name ASC, g.id ASC`,
  members: `${MEMBERS} ASC, g.name ASC, g.id ASC`,
  '-members': `${MEMBERS} DESC, g.name ASC, g.id ASC`,
  activeFrom: 'g.active_from ASC, g.name ASC, g.id ASC',
  '-activeFrom': 'g.active_from DESC, g.name ASC, g.id ASC',
};

export interface GroupFilter {
  /** Part of the group's name, location or teacher's name. */
  q?: string | undefined;
  sort?: GroupSort | undefined;
}

/** The WHERE of the list, shared by the page, the count and the export (one scope, one search). */
function groupWhere(scope: Scope, p: SqlParams, filter: GroupFilter): string {
  const where = [groupInScope(scope, p)];
  if (filter.q !== undefined && filter.q !== '') {
    const like = p.add(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(g.name ILIKE ${like} OR g.location ILIKE ${like} OR ${TEACHER} ILIKE ${like})`);
  }
  return where.join(' AND ');
}

/** The groups in the scope, filtered, sorted and paged in SQL: the one query behind the list and its export (R-EXC-3). */
export async function listGroups(q: Queryable, scope: Scope, filter: GroupFilter = {}, page: { limit?: number; offset?: number } = {}): Promise<GroupRow[]> {
  const p = new SqlParams();
  const where = groupWhere(scope, p, filter);
  const limit = p.add(page.limit ?? 1000);
  const offset = p.add(page.offset ?? 0);
  return q.query<GroupRow>(`SELECT ${GROUP_COLUMNS} FROM class_group g WHERE ${where} ORDER BY ${GROUP_ORDER[filter.sort ?? 'name']} LIMIT ${limit} OFFSET ${offset}`, p.values);
}

export async function countGroups(q: Queryable, scope: Scope, filter: GroupFilter): Promise<number> {
  const p = new SqlParams();
  const rows = await q.query<{ total: number }>(`SELECT count(*)::int AS total FROM class_group g WHERE ${groupWhere(scope, p, filter)}`, p.values);
  return rows[0]?.total ?? 0;
}

export async function findGroup(q: Queryable, scope: Scope, id: string, forUpdate = false): Promise<GroupRow | undefined> {
  const p = new SqlParams();
  const rows = await q.query<GroupRow>(
    `SELECT ${GROUP_COLUMNS} FROM class_group g WHERE g.id = ${p.add(id)} AND ${groupInScope(scope, p)}${forUpdate ? ' FOR UPDATE OF g' : ''}`,
    p.values,
  );
  return rows[0];
}

export interface MemberRow {
  participantId: string;
  givenName: string;
  familyName: string;
  /** Tells two members of the same name apart on the placement list (never the BSN). */
  dateOfBirth: string;
  municipalityId: string;
  referralId: string;
  literacy: Literacy;
  memberFrom: string;
  memberTo: string | null;
}

/** Members of a group: open ones, or those a member on `on` (member_to is exclusive). */
export async function listMembers(q: Queryable, scope: Scope, groupId: string, on?: string): Promise<MemberRow[]> {
  const p = new SqlParams();
  const when = on === undefined ? 'gm.member_to IS NULL' : `gm.member_from <= ${p.add(on)}::date AND (gm.member_to IS NULL OR gm.member_to > ${p.add(on)}::date)`;
  return q.query<MemberRow>(
    `SELECT gm.participant_id AS "participantId", pp.given_name AS "givenName", pp.family_name AS "familyName", pp.date_of_birth AS "dateOfBirth",
       gm.municipality_id AS "municipalityId", gm.referral_id AS "referralId", gm.literacy, gm.member_from AS "memberFrom", gm.member_to AS "memberTo"
     FROM group_member gm JOIN participant pp ON pp.id = gm.participant_id
     WHERE gm.group_id = ${p.add(groupId)} AND ${when} AND ${participantInScope(scope, p, 'pp')}
     ORDER BY pp.family_name, pp.given_name, pp.id`,
    p.values,
  );
}

/** Places still taken on `from` or later: open memberships and those ending after it. */
export async function seatsTaken(q: Queryable, groupId: string, from: string): Promise<number> {
  const rows = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM group_member WHERE group_id = $1 AND (member_to IS NULL OR member_to > $2::date)`, [groupId, from]);
  return rows[0]?.n ?? 0;
}

export interface LessonRow extends Lesson {
  providerId: string;
}

const LESSON_COLUMNS = `l.id, l.group_id AS "groupId", lg.name AS "groupName", lg.provider_id AS "providerId", l.date, l.start_time AS "startTime",
  l.minutes, l.kind, l.cancelled_by_provider AS "cancelledByProvider"`;

export async function findLesson(q: Queryable, scope: Scope, id: string, forUpdate = false): Promise<LessonRow | undefined> {
  const p = new SqlParams();
  const rows = await q.query<LessonRow>(
    `SELECT ${LESSON_COLUMNS} FROM lesson l JOIN class_group lg ON lg.id = l.group_id
     WHERE l.id = ${p.add(id)} AND ${lessonInScope(scope, p)}${forUpdate ? ' FOR UPDATE OF l' : ''}`,
    p.values,
  );
  return rows[0];
}

/** A roster member of the lesson page with its recorded attendance (null fields: not recorded). */
export interface LessonPageMember {
  participantId: string;
  givenName: string;
  familyName: string;
  municipalityId: string;
  recorded: boolean;
  present: boolean | null;
  minutesAttended: number | null;
  reason: string | null;
  calledIn: boolean | null;
  classification: 'authorised' | 'unauthorised' | null;
  version: number | null;
}

/**
 * Issue #16: the teacher's lesson page in one prepared statement — the lesson in the scope, the members
 * on its date in the participant scope (as listMembers) and their attendance (as lessonAttendance, of the
 * members only: the page shows no other row). One row per member, or one row with no member for an empty
 * class; no row when the lesson is outside the scope.
 */
export async function findLessonPage(q: Queryable, scope: Scope, id: string): Promise<{ lesson: LessonRow; members: LessonPageMember[] } | undefined> {
  const p = new SqlParams();
  const lessonId = p.add(id);
  const rows = await q.query<LessonRow & { member: LessonPageMember | null }>(
    `SELECT ${LESSON_COLUMNS},
       CASE WHEN m.participant_id IS NULL THEN NULL ELSE json_build_object('participantId', m.participant_id, 'givenName', m.given_name, 'familyName', m.family_name,
         'municipalityId', m.municipality_id, 'recorded', a.lesson_id IS NOT NULL, 'present', a.present, 'minutesAttended', a.minutes_attended, 'reason', a.reason,
         'calledIn', a.called_in, 'classification', a.classification, 'version', a.version) END AS member
     FROM lesson l JOIN class_group lg ON lg.id = l.group_id
     LEFT JOIN LATERAL (
       SELECT gm.participant_id, pp.given_name, pp.family_name, gm.municipality_id
       FROM group_member gm JOIN participant pp ON pp.id = gm.participant_id
       WHERE gm.group_id = l.group_id AND gm.member_from <= l.date AND (gm.member_to IS NULL OR gm.member_to > l.date) AND ${participantInScope(scope, p, 'pp')}
     ) m ON true
     LEFT JOIN attendance a ON a.lesson_id = l.id AND a.participant_id = m.participant_id
     WHERE l.id = ${lessonId} AND ${lessonInScope(scope, p)}
     ORDER BY m.family_name, m.given_name, m.participant_id`,
    p.values,
    { prepare: true },
  );
  const first = rows[0];
  if (first === undefined) return undefined;
  const { member: _m, ...lesson } = first;
  return { lesson, members: rows.flatMap((r) => (r.member === null ? [] : [r.member])) };
}

export async function listLessons(q: Queryable, groupId: string, from: string, to: string): Promise<LessonRow[]> {
  return q.query<LessonRow>(
    `SELECT ${LESSON_COLUMNS} FROM lesson l JOIN class_group lg ON lg.id = l.group_id
     WHERE l.group_id = $1 AND l.date BETWEEN $2 AND $3 ORDER BY l.date, l.start_time, l.id`,
    [groupId, from, to],
  );
}

export interface AttendanceRow {
  lessonId: string;
  participantId: string;
  municipalityId: string;
  present: boolean;
  minutesAttended: number;
  reason: string | null;
  calledIn: boolean;
  classification: 'authorised' | 'unauthorised' | null;
  version: number;
}

const ATTENDANCE_COLUMNS = `a.lesson_id AS "lessonId", a.participant_id AS "participantId", a.municipality_id AS "municipalityId", a.present,
  a.minutes_attended AS "minutesAttended", a.reason, a.called_in AS "calledIn", a.classification, a.version`;

/** The recorded rows of one lesson (already found in scope), locked for the correction that follows. */
export async function lessonAttendance(q: Queryable, lessonId: string, forUpdate = false): Promise<AttendanceRow[]> {
  return q.query<AttendanceRow>(`SELECT ${ATTENDANCE_COLUMNS} FROM attendance a WHERE a.lesson_id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [lessonId]);
}

export async function findAttendance(q: Queryable, scope: Scope, lessonId: string, participantId: string): Promise<AttendanceRow | undefined> {
  const p = new SqlParams();
  const rows = await q.query<AttendanceRow>(
    `SELECT ${ATTENDANCE_COLUMNS} FROM attendance a JOIN lesson l ON l.id = a.lesson_id
     WHERE a.lesson_id = ${p.add(lessonId)} AND a.participant_id = ${p.add(participantId)} AND ${attendanceInScope(scope, p)} FOR UPDATE OF a`,
    p.values,
  );
  return rows[0];
}

export interface FactRow extends AttendanceFact {
  kind: LessonKind;
  classification: 'authorised' | 'unauthorised' | null;
  groupId: string;
}

const FACT_SELECT = `SELECT a.lesson_id AS "sessionId", l.date, l.minutes AS "scheduledMinutes", a.minutes_attended AS "attendedMinutes",
    a.present, a.called_in AS "calledIn", a.reason, (l.kind = 'makeUp') AS "makeUp", l.cancelled_by_provider AS "cancelledByProvider",
    l.kind, a.classification, l.group_id AS "groupId"
  FROM attendance a JOIN lesson l ON l.id = a.lesson_id`;

/** R-ATT-3 facts of one participant in the actor's scope. */
export async function attendanceFacts(q: Queryable, scope: Scope, participantId: string, from: string, to: string): Promise<FactRow[]> {
  const p = new SqlParams();
  return q.query<FactRow>(
    `${FACT_SELECT} WHERE a.participant_id = ${p.add(participantId)} AND l.date BETWEEN ${p.add(from)} AND ${p.add(to)} AND ${attendanceInScope(scope, p)}
     ORDER BY l.date, l.start_time, l.id`,
    p.values,
  );
}

/**
 * Unscoped on purpose, for the absence rules only (R-ATT-4 counts every lesson the participant
 * missed, at whichever provider): never returned to a caller.
 */
export async function unsafeAttendanceFacts(q: Queryable, participantId: string): Promise<FactRow[]> {
  return q.query<FactRow>(`${FACT_SELECT} WHERE a.participant_id = $1 ORDER BY l.date, l.start_time, l.id`, [participantId]);
}
