// Staging of an import or push, row by row, inside the one transaction that also applies it (R-EXC-2:
// all or nothing). Memory stays flat however long the file: rows are checked and go to a temporary table
// in batches; each batch looks up its new lessons and their groups' memberships in one statement each
// (issue #16: not one statement per lesson), duplicates are found by the staging table's key, and only
// the first MAX_ERRORS errors are kept (the rest are counted). Errors keep file order: a sheet's own
// problems wait in the batch with the rows around them.
import type { Scope } from '../../platform/access.js';
import type { Tx } from '../../platform/db.js';
import type { InvalidParam } from '../../platform/errors.js';
import type { RowInput } from './rows.js';
import { lessonsForImport, membershipsOfGroups, type Membership, type StageLesson } from './store.js';

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
  lessonDate: string;
}

type Pending = { rowNo: number; name: string; row: RowInput } | { problems: readonly InvalidParam[] };

export class Stager {
  readonly errors: InvalidParam[] = [];
  errorCount = 0;
  rows = 0;
  private pending: Pending[] = [];
  private batch: Staged[] = [];
  /** Row number → its name in errors ("row 12" or "items[3]"), for duplicates found at flush time. */
  private names = new Map<number, string>();
  private lessons = new Map<string, StageLesson | null>();
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
      present boolean NOT NULL, minutes_attended integer NOT NULL, reason text, called_in boolean NOT NULL, lesson_date date NOT NULL,
      PRIMARY KEY (lesson_id, participant_id)) ON COMMIT DROP`);
    return new Stager(tx, scope, today);
  }

  private problem(p: InvalidParam): void {
    this.errorCount += 1;
    if (this.errors.length < MAX_ERRORS) this.errors.push(p);
  }

  /** A row the sheet itself refused: its problems are counted in file order, with the rows around it. */
  async refused(problems: readonly InvalidParam[]): Promise<void> {
    this.rows += 1;
    this.pending.push({ problems });
    if (this.pending.length >= BATCH) await this.check();
  }

  /** A row to check against its lesson and the group's members; staged when valid. */
  async add(rowNo: number, name: string, row: RowInput): Promise<void> {
    this.rows += 1;
    this.pending.push({ rowNo, name, row });
    if (this.pending.length >= BATCH) await this.check();
  }

  /** The lessons and memberships the pending rows need and this import has not read yet, one statement each. */
  private async load(): Promise<void> {
    const ids = [...new Set(this.pending.flatMap((e) => ('row' in e && !this.lessons.has(e.row.lessonId) ? [e.row.lessonId] : [])))];
    if (ids.length === 0) return;
    for (const id of ids) this.lessons.set(id, null);
    const found = await lessonsForImport(this.tx, this.scope, ids);
    for (const l of found) this.lessons.set(l.id, l);
    const groups = [...new Set(found.map((l) => l.groupId))].filter((g) => !this.members.has(g));
    if (groups.length === 0) return;
    for (const g of groups) this.members.set(g, new Map());
    for (const m of await membershipsOfGroups(this.tx, this.scope, groups)) {
      const g = this.members.get(m.groupId) as Map<string, Membership[]>;
      g.set(m.participantId, [...(g.get(m.participantId) ?? []), m]);
    }
  }

  private membership(groupId: string, participantId: string, on: string): Membership | undefined {
    // member_to is exclusive (0006_groups.sql).
    return this.members.get(groupId)?.get(participantId)?.find((m) => m.memberFrom <= on && (m.memberTo === null || m.memberTo > on));
  }

  /** Checks the pending rows in file order; the valid ones go to the batch. */
  private async check(): Promise<void> {
    await this.load();
    const pending = this.pending;
    this.pending = [];
    for (const e of pending) {
      if ('problems' in e) {
        for (const p of e.problems) this.problem(p);
      } else {
        this.checkRow(e.rowNo, e.name, e.row);
      }
    }
    if (this.batch.length >= BATCH) await this.insert();
  }

  private checkRow(rowNo: number, name: string, r: RowInput): void {
    const bad = (f: string, code: string, reason: string) => this.problem({ name: `${name}.${f}`, code, reason });
    const lesson = this.lessons.get(r.lessonId) ?? null;
    if (lesson === null) return bad('lessonId', 'unknownLesson', 'Deze les bestaat niet of is niet van uw organisatie.');
    if (lesson.cancelledByProvider) return bad('lessonId', 'lessonCancelled', 'Deze les is door de aanbieder afgelast.');
    if (lesson.date > this.today) return bad('lessonId', 'lessonInFuture', 'Deze les heeft nog niet plaatsgevonden.');
    const member = this.membership(lesson.groupId, r.participantId, lesson.date);
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
      lessonDate: lesson.date,
    });
  }

  /** Checks and stages what is pending; then the planner gets the stage's statistics (issue #16). */
  async flush(): Promise<void> {
    await this.check();
    await this.insert();
    // A temporary table has no statistics until analysed: without them every join of the apply scanned attendance whole.
    await this.tx.query('ANALYZE import_stage');
  }

  private async insert(): Promise<void> {
    const b = this.batch;
    if (b.length === 0) return;
    this.batch = [];
    // One statement per batch; the key finds a lesson + participant named twice, also across batches.
    const kept = await this.tx.query<{ row_no: number }>(
      `INSERT INTO import_stage SELECT * FROM unnest($1::int[], $2::uuid[], $3::uuid[], $4::uuid[], $5::bool[], $6::int[], $7::text[], $8::bool[], $9::date[])
       ON CONFLICT (lesson_id, participant_id) DO NOTHING RETURNING row_no`,
      [b.map((s) => s.rowNo), b.map((s) => s.lessonId), b.map((s) => s.participantId), b.map((s) => s.municipalityId), b.map((s) => s.present), b.map((s) => s.minutesAttended), b.map((s) => s.reason), b.map((s) => s.calledIn), b.map((s) => s.lessonDate)],
    );
    const inserted = new Set(kept.map((k) => k.row_no));
    for (const s of b) {
      if (!inserted.has(s.rowNo)) this.problem({ name: `${this.names.get(s.rowNo) ?? ''}.participantId`, code: 'duplicate', reason: 'Deze inburgeraar staat voor deze les al eerder in het bestand.' });
    }
    this.names.clear();
  }
}
