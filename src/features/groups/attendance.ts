// Attendance use cases (R-ATT-1, R-ATT-2, R-ATT-3, R-ATT-4): the teacher's lesson page, recording a
// whole class in one request, the participant's attendance with its trend, and the municipality's
// classification. Every change bumps the row's version and appends to attendance_version, with its audit
// line, in the transaction that also runs the absence rules.
import type { z } from 'zod';
import { attendanceRate, belowNorm, isAbsence } from '../../domain/attendance.js';
import { addMonths } from '../../domain/calendar.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit, recordReadAudit } from '../../platform/audit.js';
import { auditDenied } from '../../platform/audit-denied.js';
import type { Tx } from '../../platform/db.js';
import { AppError, notFound, unprocessable } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { findParticipantRef } from '../participants/store.js';
import { hoursFactsOf } from '../hours/store.js';
import { raiseAbsenceSignals } from '../signals/raisers/absence.js';
import { raiseHoursSignals } from '../signals/raisers/hours.js';
import { absenceFactsOf, normPercentOf } from './placement.js';
import type { AttendanceEntry, AttendanceQuery, ClassificationBody, LessonPage } from './schemas.js';
import { attendanceFacts, findAttendance, findLesson, findLessonPage, lessonAttendance, listMembers, type AttendanceRow, type LessonRow, type MemberRow } from './store.js';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'clock' | 'contracts'>;

/** The values a version compares and keeps. */
interface Value {
  present: boolean;
  minutesAttended: number;
  reason: string | null;
  calledIn: boolean;
  classification: 'authorised' | 'unauthorised' | null;
}
const valueOf = (a: Value): Value => ({ present: a.present, minutesAttended: a.minutesAttended, reason: a.reason, calledIn: a.calledIn, classification: a.classification });
const same = (a: Value, b: Value) => JSON.stringify(valueOf(a)) === JSON.stringify(valueOf(b));

function page(lesson: LessonRow, members: MemberRow[], rows: AttendanceRow[]): LessonPage {
  const byParticipant = new Map(rows.map((r) => [r.participantId, r]));
  const { providerId: _p, ...l } = lesson;
  return {
    lesson: l,
    roster: members.map((m) => {
      const a = byParticipant.get(m.participantId);
      // Present by default (issue #4): the teacher only marks who is absent.
      return {
        participantId: m.participantId,
        givenName: m.givenName,
        familyName: m.familyName,
        recorded: a !== undefined,
        present: a?.present ?? true,
        minutesAttended: a?.minutesAttended ?? lesson.minutes,
        reason: a?.reason ?? null,
        calledIn: a?.calledIn ?? false,
        classification: a?.classification ?? null,
        version: a?.version ?? 0,
      };
    }),
  };
}

const subjectsOf = (members: readonly Pick<MemberRow, 'participantId' | 'municipalityId'>[]) => members.map((m) => ({ participantId: m.participantId, municipalityId: m.municipalityId }));

/**
 * The teacher's lesson page: one read (findLessonPage) and its audit lines in one transaction (issue #16:
 * it was three reads; each member one line, all in one INSERT).
 */
export async function getLessonPage(deps: Deps, ctx: RequestContext, id: string): Promise<LessonPage> {
  const out = await deps.db.transaction(async (tx) => {
    const found = await findLessonPage(tx, ctx.scope, id);
    if (found === undefined) {
      await auditDenied(tx, deps.crypto, ctx, 'lesson.read', 'lesson', id);
      return undefined;
    }
    const { lesson, members } = found;
    // The last statement: COMMIT goes with it (issue #16).
    await recordReadAudit(tx, deps.crypto, ctx, { name: 'lesson.read', status: 'ok', subjects: subjectsOf(members), objectType: 'lesson', objectId: id });
    const { providerId: _p, ...l } = lesson;
    return {
      lesson: l,
      // Present by default (issue #4): the teacher only marks who is absent.
      roster: members.map((m) => ({
        participantId: m.participantId,
        givenName: m.givenName,
        familyName: m.familyName,
        recorded: m.recorded,
        present: m.present ?? true,
        minutesAttended: m.minutesAttended ?? lesson.minutes,
        reason: m.reason,
        calledIn: m.calledIn ?? false,
        classification: m.classification,
        version: m.version ?? 0,
      })),
    };
    // Issue #16: a read from the session cache checks its session with the first statement.
  }, { check: ctx.check });
  if (out === undefined) throw notFound();
  return out;
}

function validateBody(lesson: LessonRow, members: MemberRow[], body: readonly AttendanceEntry[]): void {
  const roster = new Set(members.map((m) => m.participantId));
  const sent = new Set<string>();
  const problems: { name: string; code: string; reason: string }[] = [];
  body.forEach((e, i) => {
    if (sent.has(e.participantId)) problems.push({ name: `${i}.participantId`, code: 'duplicate', reason: 'Deze inburgeraar staat twee keer in de lijst.' });
    sent.add(e.participantId);
    if (!roster.has(e.participantId)) problems.push({ name: `${i}.participantId`, code: 'notAMember', reason: 'Deze inburgeraar zit op die datum niet in de groep.' });
    if (!e.present && (e.minutesAttended ?? 0) > 0) problems.push({ name: `${i}.minutesAttended`, code: 'absentWithMinutes', reason: 'Afwezig heeft geen aanwezige minuten.' });
    if ((e.minutesAttended ?? 0) > lesson.minutes) problems.push({ name: `${i}.minutesAttended`, code: 'tooManyMinutes', reason: `De les duurt ${lesson.minutes} minuten.` });
  });
  // The whole class in one body: a missing row would silently stay unrecorded (issue #4).
  for (const id of roster) {
    if (!sent.has(id)) problems.push({ name: `participants.${id}`, code: 'missing', reason: 'Deze inburgeraar ontbreekt in de lijst.' });
  }
  if (problems.length > 0) throw new AppError('invalidInput', 'Vul de aanwezigheid van de hele groep in.', problems);
}

async function writeVersion(tx: Tx, ctx: RequestContext, now: Date, key: { lessonId: string; participantId: string; municipalityId: string }, version: number, change: 'record' | 'classify', old: Value | null, next: Value) {
  await tx.query(
    `INSERT INTO attendance_version (lesson_id, participant_id, municipality_id, version, change, old_value, new_value, changed_by, changed_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9)`,
    [key.lessonId, key.participantId, key.municipalityId, version, change, old === null ? null : JSON.stringify(valueOf(old)), JSON.stringify(valueOf(next)), ctx.actor.userId, now],
  );
}

/** R-ATT-1: the whole class of one lesson; unchanged rows stay as they are (no new version). */
export async function recordAttendance(deps: Deps, ctx: RequestContext, lessonId: string, body: readonly AttendanceEntry[]): Promise<LessonPage> {
  const today = deps.clock.today();
  return deps.db.transaction(async (tx) => {
    // The lesson row lock serialises two corrections of the same lesson.
    const lesson = await findLesson(tx, ctx.scope, lessonId, true);
    if (lesson === undefined) throw notFound();
    const members = await listMembers(tx, ctx.scope, lesson.groupId, lesson.date);
    validateBody(lesson, members, body);
    if (lesson.cancelledByProvider) throw unprocessable('lesson', 'lessonCancelled', 'Deze les is door de aanbieder afgelast.');
    if (lesson.date > today) throw unprocessable('lesson', 'lessonInFuture', 'Deze les heeft nog niet plaatsgevonden.');
    const existing = new Map((await lessonAttendance(tx, lessonId, true)).map((r) => [r.participantId, r]));
    const municipalityOf = new Map(members.map((m) => [m.participantId, m.municipalityId]));
    const now = deps.clock.now();
    let changed = 0;
    for (const e of body) {
      const old = existing.get(e.participantId);
      const next: Value = {
        present: e.present,
        minutesAttended: e.minutesAttended ?? (e.present ? lesson.minutes : 0),
        reason: e.reason ?? null,
        calledIn: e.calledIn,
        // Present after all: nothing left for the municipality to classify (R-ATT-2).
        classification: e.present ? null : (old?.classification ?? null),
      };
      if (old !== undefined && same(old, next)) continue;
      const version = (old?.version ?? 0) + 1;
      const municipalityId = municipalityOf.get(e.participantId) ?? '';
      await tx.query(
        `INSERT INTO attendance (lesson_id, participant_id, municipality_id, present, minutes_attended, reason, called_in, classification, version, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (lesson_id, participant_id) DO UPDATE SET present = EXCLUDED.present, minutes_attended = EXCLUDED.minutes_attended,
           reason = EXCLUDED.reason, called_in = EXCLUDED.called_in, classification = EXCLUDED.classification, version = EXCLUDED.version,
           recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
        [lessonId, e.participantId, municipalityId, next.present, next.minutesAttended, next.reason, next.calledIn, next.classification, version, ctx.actor.userId, now],
      );
      await writeVersion(tx, ctx, now, { lessonId, participantId: e.participantId, municipalityId }, version, 'record', old ?? null, next);
      changed += 1;
    }
    await recordAudit(tx, deps.crypto, ctx, { name: 'attendance.record', status: 'ok', subjects: subjectsOf(members), objectType: 'lesson', objectId: lessonId, summary: `${changed} of ${body.length} changed` });
    // R-ATT-4: in the same transaction, for every participant of the class.
    for (const m of members) await raiseAbsenceSignals(tx, await absenceFactsOf(tx, deps.contracts, m.participantId), today);
    for (const m of members) await raiseHoursSignals(tx, await hoursFactsOf(tx, deps.contracts, m.participantId), today);
    return { ...page(lesson, members, await lessonAttendance(tx, lessonId)), changed };
  });
}

const monthsBetween = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let m = `${from.slice(0, 7)}-01`; m <= to; m = addMonths(m, 1)) out.push(m.slice(0, 7));
  return out;
};

const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** R-ATT-3: rate, absences with reason and classification, and a rate per month for the chart. */
export async function getParticipantAttendance(deps: Deps, ctx: RequestContext, participantId: string, query: z.infer<typeof AttendanceQuery>) {
  const to = query.to ?? deps.clock.today();
  const from = query.from ?? `${addMonths(to, -11).slice(0, 7)}-01`;
  if (to < from) throw unprocessable('to', 'beforeStart', 'De einddatum ligt voor de begindatum.');
  if (addMonths(from, 60) < to) throw unprocessable('from', 'rangeTooLong', 'Vraag hoogstens vijf jaar tegelijk op.');
  const out = await deps.db.transaction(async (tx) => {
    const participant = await findParticipantRef(tx, ctx.scope, participantId);
    if (participant === undefined) {
      await auditDenied(tx, deps.crypto, ctx, 'attendance.read', 'participant', participantId);
      return undefined;
    }
    const facts = await attendanceFacts(tx, ctx.scope, participantId, from, to);
    await recordAudit(tx, deps.crypto, ctx, { name: 'attendance.read', status: 'ok', subjects: [{ participantId, municipalityId: participant.municipalityId }], objectType: 'participant', objectId: participantId });
    return { facts, municipalityId: participant.municipalityId, normPercent: await normPercentOf(tx, deps.contracts, participantId) };
  });
  if (out === undefined) throw notFound();
  const rate = attendanceRate(out.facts, from, to);
  return {
    from,
    to,
    rate,
    // R-CON-7: the norm of the contract version of the participant's referral, as the signals use it.
    belowNorm: belowNorm(rate, { normPercent: out.normPercent }),
    normPercent: out.normPercent,
    absences: out.facts.filter(isAbsence).map((f) => ({ lessonId: f.sessionId, date: f.date, kind: f.kind, reason: f.reason, calledIn: f.calledIn, classification: f.classification })),
    byMonth: monthsBetween(from, to).map((month) => {
      const start = `${month}-01` < from ? from : `${month}-01`;
      const end = lastDay(month) > to ? to : lastDay(month);
      return { month, percentage: attendanceRate(out.facts, start, end).percentage };
    }),
  };
}

/** R-ATT-2 / 001 §2.3.6: the municipality classifies an absence; versioned and audited like a correction. */
export async function classifyAbsence(deps: Deps, ctx: RequestContext, lessonId: string, participantId: string, body: z.infer<typeof ClassificationBody>) {
  return deps.db.transaction(async (tx) => {
    const row = await findAttendance(tx, ctx.scope, lessonId, participantId);
    if (row === undefined) throw notFound();
    if (row.present) throw unprocessable('classification', 'notAnAbsence', 'Deze inburgeraar was aanwezig.');
    if (row.classification !== body.classification) {
      const next: Value = { ...valueOf(row), classification: body.classification };
      const version = row.version + 1;
      const now = deps.clock.now();
      await tx.query(`UPDATE attendance SET classification = $3, version = $4 WHERE lesson_id = $1 AND participant_id = $2`, [lessonId, participantId, body.classification, version]);
      await writeVersion(tx, ctx, now, row, version, 'classify', row, next);
      row.version = version;
    }
    await recordAudit(tx, deps.crypto, ctx, { name: 'attendance.classify', status: 'ok', subjects: [{ participantId, municipalityId: row.municipalityId }], objectType: 'lesson', objectId: lessonId, summary: body.classification });
    return { lessonId, participantId, classification: body.classification, version: row.version };
  });
}
