// Issue #12 (R-PRT-2, "my timetable"): a participant's lessons this week and next, from the groups they
// are a member of on each lesson's date (R-GRP-1, R-GRP-2). The participant reads their own; the
// municipality its resident's; a provider or teacher only the lessons of its own or taught groups.
// One transaction with its audit line (R-SEC-2); outside one's room a logged denial and 404.
import { addCalendarDays, dayOfWeek } from '../../domain/calendar.js';
import { groupInScope, SqlParams, type RequestContext, type Scope } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { auditDenied } from '../../platform/audit-denied.js';
import type { Queryable } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { z } from 'zod';
import { LessonKind } from '../groups/schemas.js';
import { findParticipantRef } from '../participants/store.js';

export const Timetable = z.object({
  from: z.string().describe('Monday of this week'),
  to: z.string().describe('Sunday of next week'),
  lessons: z.array(
    z.object({
      id: z.uuid(),
      date: z.string(),
      startTime: z.string(),
      minutes: z.number().int(),
      kind: LessonKind,
      cancelled: z.boolean().describe('000 §4.1 3j: cancelled by the provider'),
      groupName: z.string(),
      location: z.string(),
    }),
  ),
});
export type Timetable = z.infer<typeof Timetable>;

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'clock'>;

/** Monday of this week up to and including Sunday of next week (ISO weeks). */
export function timetableWeeks(today: string): { from: string; to: string } {
  const from = addCalendarDays(today, 1 - dayOfWeek(today));
  return { from, to: addCalendarDays(from, 13) };
}

function groupCondition(scope: Scope, p: SqlParams): string {
  // The participant's own lessons are all theirs; the municipality reads its resident's (checked by
  // findParticipantRef); a provider or teacher only its own groups' lessons.
  if (scope.kind === 'self' || scope.kind === 'municipality') return 'true';
  return groupInScope(scope, p, 'g');
}

async function lessonsOf(q: Queryable, scope: Scope, participantId: string, from: string, to: string): Promise<Timetable['lessons']> {
  const p = new SqlParams();
  return q.query<Timetable['lessons'][number]>(
    `SELECT l.id, l.date::text AS date, l.start_time AS "startTime", l.minutes, l.kind, l.cancelled_by_provider AS cancelled, g.name AS "groupName", g.location
     FROM lesson l
     JOIN class_group g ON g.id = l.group_id
     JOIN group_member gm ON gm.group_id = l.group_id AND gm.participant_id = ${p.add(participantId)}
       AND l.date >= gm.member_from AND (gm.member_to IS NULL OR l.date < gm.member_to)
     WHERE l.date BETWEEN ${p.add(from)} AND ${p.add(to)} AND ${groupCondition(scope, p)}
     ORDER BY l.date, l.start_time, l.id`,
    p.values,
  );
}

export async function getTimetable(deps: Deps, ctx: RequestContext, participantId: string): Promise<Timetable> {
  const { from, to } = timetableWeeks(deps.clock.today());
  const out = await deps.db.transaction(async (tx) => {
    const participant = await findParticipantRef(tx, ctx.scope, participantId);
    if (participant === undefined) {
      await auditDenied(tx, deps.crypto, ctx, 'lesson.read', 'participant', participantId);
      return undefined;
    }
    const lessons = await lessonsOf(tx, ctx.scope, participantId, from, to);
    await recordAudit(tx, deps.crypto, ctx, { name: 'lesson.read', status: 'ok', subjects: [{ participantId, municipalityId: participant.municipalityId }], objectType: 'timetable', objectId: participantId });
    return lessons;
  });
  if (out === undefined) throw notFound();
  return { from, to, lessons: out };
}
