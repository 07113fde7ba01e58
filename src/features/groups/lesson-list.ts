// The lessons of every group in the actor's room over a period (issue #10 item 5): the teacher's home
// (today's and this week's lessons of the groups it teaches) and the coordinator's (the provider's week).
// The room is lessonInScope (src/platform/access.ts): a teacher sees the lessons of its own groups only,
// a coordinator its provider's. No participant is named: per lesson only counts (members, recorded), so
// no audit line is written — nothing here is personal data.
import { z } from 'zod';
import { addCalendarDays } from '../../domain/calendar.js';
import { lessonInScope, SqlParams, type RequestContext } from '../../platform/access.js';
import type { Queryable } from '../../platform/db.js';
import { unprocessable } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { Lesson, type LessonRange } from './schemas.js';

type Range = z.infer<typeof LessonRange>;

/** A home shows a day or a week; a month is the most any screen asks (the group page's week view has its own list). */
const MAX_DAYS = 62;

export const LessonOverview = Lesson.extend({
  location: z.string(),
  /** Members of the group on the lesson's date (member_to is exclusive). */
  memberCount: z.number().int(),
  /** Members with attendance recorded for this lesson. */
  recordedCount: z.number().int(),
  /** R-ATT-1: attendance is registered once any row is recorded (the whole class is saved in one body). */
  attendanceRecorded: z.boolean(),
});
export type LessonOverview = z.infer<typeof LessonOverview>;

type Row = Omit<LessonOverview, 'attendanceRecorded'>;

async function lessonsInRoom(q: Queryable, ctx: RequestContext, from: string, to: string): Promise<Row[]> {
  const p = new SqlParams();
  return q.query<Row>(
    `SELECT l.id, l.group_id AS "groupId", lg.name AS "groupName", lg.location, l.date, l.start_time AS "startTime", l.minutes, l.kind,
       l.cancelled_by_provider AS "cancelledByProvider",
       (SELECT count(*)::int FROM group_member gm WHERE gm.group_id = l.group_id AND gm.member_from <= l.date AND (gm.member_to IS NULL OR gm.member_to > l.date)) AS "memberCount",
       (SELECT count(*)::int FROM attendance a WHERE a.lesson_id = l.id) AS "recordedCount"
     FROM lesson l JOIN class_group lg ON lg.id = l.group_id
     WHERE l.date BETWEEN ${p.add(from)}::date AND ${p.add(to)}::date AND ${lessonInScope(ctx.scope, p)}
     ORDER BY l.date, l.start_time, lg.name, l.id
     LIMIT 500`,
    p.values,
  );
}

export async function listLessonsInRange(deps: Pick<AppDeps, 'db'>, ctx: RequestContext, range: Range): Promise<{ items: LessonOverview[] }> {
  if (range.to < range.from) throw unprocessable('to', 'beforeStart', 'De einddatum ligt voor de begindatum.');
  if (addCalendarDays(range.from, MAX_DAYS) <= range.to) throw unprocessable('to', 'rangeTooLong', `Vraag hoogstens ${MAX_DAYS} dagen tegelijk op.`);
  const rows = await deps.db.transaction((tx) => lessonsInRoom(tx, ctx, range.from, range.to));
  return { items: rows.map((r) => ({ ...r, attendanceRecorded: r.recordedCount > 0 })) };
}
