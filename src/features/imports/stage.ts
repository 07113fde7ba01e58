// Staging of an import or push, row by row, inside the one transaction that also applies it (R-EXC-2:
// all or nothing). Memory stays flat however long the file: rows go to a temporary table in batches,
// lessons and memberships are cached per lesson and group (not per row), duplicates are found by the
// staging table's key, and only the first MAX_ERRORS errors are kept (the rest are counted).
import type { Scope } from '../../platform/access.js';
import type { Tx } from '../../platform/db.js';
import type { InvalidParam } from '../../platform/errors.js';
import { findLesson, type LessonRow } from '../groups/store.js';
import type { RowInput } from './rows.js';
import { groupMemberships, type Membership } from './store.js';

export const MAX_ERRORS = 100;
const BATCH = 1000;

interface Staged {
  rowNo: number;
  lessonId: string;
  participantId: string;
  municipalityId: string;
  present: boolean;
  minutesAttended: number;
  reason: string | null;
  calledIn: boolean;
}

export class Stager {
  readonly errors: InvalidParam[] = [];
  errorCount = 0;
  rows = 0;
  private batch: Staged[] = [];
  /** Row number → its name in errors ("row 12" or "items[3]"), for duplicates found at flush time. */
  private names = new Map<number, string>();
  private lessons = new Map<string, LessonRow | null>();
  private members = new Map<string, Map<string, Membership[]>>();

  private constructor(
    private readonly tx: Tx,
    private readonly scope: Scope,
    private readonly today: string,
  ) {}

  static async open(tx: Tx, scope: Scope, today: string): Promise<Stager> {
    // Temporary and dropped with the transaction: a rollback or a killed process leaves nothing.
    await tx.query(`CREATE TEMP TABLE import_stage (
      row_no integer NOT NULL, lesson_id uuid NOT NULL, participant_id uuid NOT NULL, municipality_id uuid NOT NULL,
      present boolean NOT NULL, minutes_attended integer NOT NULL, reason text, called_in boolean NOT NULL,
      PRIMARY KEY (lesson_id, participant_id)) ON COMMIT DROP`);
    return new Stager(tx, scope, today);
  }

  problem(p: InvalidParam): void {
    this.errorCount += 1;
    if (this.errors.length < MAX_ERRORS) this.errors.push(p);
  }

  private async lesson(id: string): Promise<LessonRow | null> {
    let l = this.lessons.get(id);
    if (l === undefined) {
      // Locked as it is first seen: a concurrent PUT of the same lesson waits for this import.
      l = (await findLesson(this.tx, this.scope, id, true)) ?? null;
      this.lessons.set(id, l);
    }
    return l;
  }

  private async membership(groupId: string, participantId: string, on: string): Promise<Membership | undefined> {
    let g = this.members.get(groupId);
    if (g === undefined) {
      g = new Map();
      for (const m of await groupMemberships(this.tx, this.scope, groupId)) g.set(m.participantId, [...(g.get(m.participantId) ?? []), m]);
      this.members.set(groupId, g);
    }
    // member_to is exclusive (0006_groups.sql).
    return g.get(participantId)?.find((m) => m.memberFrom <= on && (m.memberTo === null || m.memberTo > on));
  }

  /** Checks one row against its lesson and the group's members; stages it when valid. */
  async add(rowNo: number, name: string, r: RowInput): Promise<void> {
    this.rows += 1;
    const bad = (f: string, code: string, reason: string) => this.problem({ name: `${name}.${f}`, code, reason });
    const lesson = await this.lesson(r.lessonId);
    if (lesson === null) return bad('lessonId', 'unknownLesson', 'Deze les bestaat niet of is niet van uw organisatie.');
    if (lesson.cancelledByProvider) return bad('lessonId', 'lessonCancelled', 'Deze les is door de aanbieder afgelast.');
    if (lesson.date > this.today) return bad('lessonId', 'lessonInFuture', 'Deze les heeft nog niet plaatsgevonden.');
    const member = await this.membership(lesson.groupId, r.participantId, lesson.date);
    if (member === undefined) return bad('participantId', 'notAMember', 'Deze inburgeraar zat op de lesdatum niet in de groep.');
    if (!r.present && (r.minutesAttended ?? 0) > 0) return bad('minutesAttended', 'absentWithMinutes', 'Afwezig heeft geen aanwezige minuten.');
    if ((r.minutesAttended ?? 0) > lesson.minutes) return bad('minutesAttended', 'tooManyMinutes', `De les duurt ${lesson.minutes} minuten.`);
    this.names.set(rowNo, name);
    this.batch.push({
      rowNo,
      lessonId: r.lessonId,
      participantId: r.participantId,
      municipalityId: member.municipalityId,
      present: r.present,
      // Same defaults as the lesson page (R-ATT-1): present means the whole lesson.
      minutesAttended: r.minutesAttended ?? (r.present ? lesson.minutes : 0),
      reason: r.reason,
      calledIn: r.calledIn,
    });
    if (this.batch.length >= BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    const b = this.batch;
    if (b.length === 0) return;
    this.batch = [];
    // One statement per batch; the key finds a lesson + participant named twice, also across batches.
    const kept = await this.tx.query<{ row_no: number }>(
      `INSERT INTO import_stage SELECT * FROM unnest($1::int[], $2::uuid[], $3::uuid[], $4::uuid[], $5::bool[], $6::int[], $7::text[], $8::bool[])
       ON CONFLICT (lesson_id, participant_id) DO NOTHING RETURNING row_no`,
      [b.map((s) => s.rowNo), b.map((s) => s.lessonId), b.map((s) => s.participantId), b.map((s) => s.municipalityId), b.map((s) => s.present), b.map((s) => s.minutesAttended), b.map((s) => s.reason), b.map((s) => s.calledIn)],
    );
    const inserted = new Set(kept.map((k) => k.row_no));
    for (const s of b) {
      if (!inserted.has(s.rowNo)) this.problem({ name: `${this.names.get(s.rowNo) ?? ''}.participantId`, code: 'duplicate', reason: 'Deze inburgeraar staat voor deze les al eerder in het bestand.' });
    }
    this.names.clear();
  }
}
