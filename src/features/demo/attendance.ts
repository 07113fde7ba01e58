// Demo groups and months of attendance (issue #4 item 8): the running demo referrals of each provider
// with a teacher sit in a group with three lessons a week; most attend well, and a few participants
// trigger each absence signal (R-ATT-4): three absences in a month, below 80%, longer than a week,
// a no-show without reason.
import { randomUUID } from 'node:crypto';
import { addCalendarDays, dayOfWeek } from '../../domain/calendar.js';
import type { IsoDate } from '../../domain/contract.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Queryable } from '../../platform/db.js';
import { absenceFactsOf } from '../groups/placement.js';
import { hoursFactsOf } from '../hours/store.js';
import { raiseAbsenceSignals } from '../signals/raisers/absence.js';
import { raiseHoursSignals } from '../signals/raisers/hours.js';

const SCHEDULE = [
  { weekday: 1, startTime: '09:00', minutes: 180, kind: 'language' },
  { weekday: 3, startTime: '09:00', minutes: 180, kind: 'language' },
  { weekday: 4, startTime: '13:00', minutes: 120, kind: 'knm' },
] as const;
const WEEKS = 12;
const REASONS = ['ziek', 'medische afspraak', 'kinderopvang', 'mantelzorg'];
type Pattern = 'good' | 'frequent' | 'low' | 'long' | 'noShow';
// The first members of each group get the patterns that raise signals; the rest attend well.
const PATTERNS: Pattern[] = ['frequent', 'low', 'long', 'noShow'];

interface Member {
  participantId: string;
  referralId: string;
  municipalityId: string;
}

async function insertRows(q: Queryable, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 300) {
    const chunk = rows.slice(i, i + 300);
    const values: unknown[] = [];
    const tuples = chunk.map((r) => `(${r.map((v) => (values.push(v), `$${values.length}`)).join(', ')})`);
    await q.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
  }
}

function attendanceFor(pattern: Pattern, index: number, lessonDate: IsoDate, today: IsoDate, rand: () => number) {
  const daysAgo = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${lessonDate}T00:00:00Z`)) / 86_400_000);
  let absent = rand() < 0.06;
  let calledIn = true;
  let reason: string | null = REASONS[Math.floor(rand() * REASONS.length)] ?? 'ziek';
  switch (pattern) {
    case 'frequent': // three or more absences within the current month
      absent = absent || (daysAgo < 20 && index % 2 === 0);
      break;
    case 'low': // well under 80% throughout
      absent = rand() < 0.35;
      break;
    case 'long': // absent for the last two weeks
      absent = absent || daysAgo <= 14;
      break;
    case 'noShow': // one absence without calling in or a reason, last week
      if (daysAgo >= 5 && daysAgo <= 8 && index % 3 === 0) {
        absent = true;
        calledIn = false;
        reason = null;
      }
      break;
    case 'good':
      break;
  }
  return { present: !absent, calledIn: absent ? calledIn : false, reason: absent ? reason : null };
}

/** Groups, lessons and attendance for every provider that has a teacher among the demo users. */
export async function loadDemoAttendance(tx: Queryable, contracts: ContractRegistry, rand: () => number, today: IsoDate): Promise<void> {
  const teachers = await tx.query<{ id: string; providerId: string; coordinator: string | null }>(
    `SELECT t.id, t.provider_id AS "providerId",
            (SELECT min(c.id::text)::uuid FROM app_user c WHERE c.provider_id = t.provider_id AND c.role = 'providerCoordinator') AS coordinator
     FROM app_user t WHERE t.role = 'teacher'`,
  );
  const from = addCalendarDays(today, -7 * WEEKS);
  for (const teacher of teachers) {
    const members = await tx.query<Member>(
      `SELECT r.participant_id AS "participantId", r.id AS "referralId", r.municipality_id AS "municipalityId"
       FROM referral r WHERE r.provider_id = $1 AND r.status = 'running' ORDER BY r.started_on, r.id LIMIT 15`,
      [teacher.providerId],
    );
    if (members.length === 0) continue;
    const groupId = randomUUID();
    const creator = teacher.coordinator ?? teacher.id;
    await tx.query(
      `INSERT INTO class_group (id, provider_id, name, level_band, literacy, location, size_limit, teacher_user_id, schedule, active_from, created_by)
       VALUES ($1, $2, 'B1 ochtend', 'a1a2', 'literate', 'Hoorn, Grote Noord 1', 15, $3, $4, $5, $6)`,
      [groupId, teacher.providerId, teacher.id, JSON.stringify(SCHEDULE), from, creator],
    );
    await insertRows(
      tx,
      'group_member',
      ['id', 'group_id', 'participant_id', 'referral_id', 'municipality_id', 'literacy', 'member_from'],
      members.map((m) => [randomUUID(), groupId, m.participantId, m.referralId, m.municipalityId, 'literate', from]),
    );
    const lessons: { id: string; date: IsoDate; minutes: number }[] = [];
    for (let d = from; d < today; d = addCalendarDays(d, 1)) {
      for (const slot of SCHEDULE.filter((s) => s.weekday === dayOfWeek(d))) lessons.push({ id: randomUUID(), date: d, minutes: slot.minutes });
    }
    // One lesson cancelled by the provider (counted separately, 000 §4.1 3j).
    const cancelled = lessons[Math.floor(lessons.length / 2)]?.id;
    await insertRows(
      tx,
      'lesson',
      ['id', 'group_id', 'date', 'start_time', 'minutes', 'kind', 'cancelled_by_provider', 'scheduled_on', 'scheduled_start'],
      lessons.map((l) => {
        const slot = SCHEDULE.find((s) => s.weekday === dayOfWeek(l.date)) ?? SCHEDULE[0];
        return [l.id, groupId, l.date, slot.startTime, l.minutes, slot.kind, l.id === cancelled, l.date, slot.startTime];
      }),
    );
    const rows: unknown[][] = [];
    members.forEach((m, i) => {
      const pattern = PATTERNS[i] ?? 'good';
      lessons.forEach((l, j) => {
        if (l.id === cancelled) return;
        const a = attendanceFor(pattern, j, l.date, today, rand);
        rows.push([l.id, m.participantId, m.municipalityId, a.present, a.present ? l.minutes : 0, a.reason, a.calledIn, 1, teacher.id, new Date(`${l.date}T16:00:00Z`)]);
      });
    });
    await insertRows(tx, 'attendance', ['lesson_id', 'participant_id', 'municipality_id', 'present', 'minutes_attended', 'reason', 'called_in', 'version', 'recorded_by', 'recorded_at'], rows);
    for (const m of members) await raiseAbsenceSignals(tx, await absenceFactsOf(tx, contracts, m.participantId), today);
    for (const m of members) await raiseHoursSignals(tx, await hoursFactsOf(tx, contracts, m.participantId), today);
  }
}
