// Issue #13 acceptance: "the read-model figures equal the figures computed from the raw facts for random
// fact sets, also after corrections and imports". Random lessons (minutes, kind, cancelled), placements
// (one or two per participant and group, moved between referrals), attendance (minutes above the lesson
// to test the cap, absences classified or not, make-up lessons), then random corrections straight in SQL
// as any writer would make them — lesson minutes changed, lesson cancelled, moved to another day or
// group, its kind or start (evening or not) changed, a placement ended, moved or deleted, attendance changed or deleted, and an
// import (one multi-row INSERT ... ON CONFLICT DO UPDATE, the statement of src/features/imports/apply.ts).
// After the facts and after every correction: the maintained model equals a rebuild from the raw rows,
// and the readers on the model (unsafeQuarterlyMiFacts, contentAttendanceFromModel, listAttendanceRates) give the figures of the old
// SQL over the raw tables (test/support/read-model-oracle.ts), for whole-month and ragged windows.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentAttendanceFromModel } from '../src/features/attendance-month/content.js';
import { listAttendanceRates } from '../src/features/attendance-rates/store.js';
import { organisationId } from '../src/features/organisations/store.js';
import { unsafeQuarterlyMiFacts } from '../src/features/reports/facts.js';
import type { Scope } from '../src/platform/access.js';
import type { Db } from '../src/platform/db.js';
import { aUser, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';
import { modelAgainstRebuild, oracleContentQuarters, oracleParticipants, oracleReferralQuarters } from './support/read-model-oracle.js';
import { aReportReferral, type BuiltReferral, type ReportRegion } from './support/report-builders.js';
import { CORRECTION, FACTS, dayOf, type Correction, type Facts } from './support/read-model-arbitraries.js';

const CG = 'centraal-gelderland';
const PROVIDERS = ['newbees', 'sagenn'];
const WINDOWS: [string, string][] = [
  ['2026-01-01', '2026-03-31'], // whole months only
  ['2026-01-15', '2026-04-20'], // ragged at both ends
  ['2026-02-01', '2026-02-28'],
  ['2026-03-03', '2026-03-20'], // days only
];
const MUNICIPALITIES = ['arnhem', 'arnhem', 'duiven'];
const SCOPES: Scope[] = [
  { kind: 'municipality', municipalityId: organisationId('municipality', 'arnhem') },
  { kind: 'municipality', municipalityId: organisationId('municipality', 'duiven') },
  { kind: 'provider', providerId: organisationId('provider', 'newbees') },
  { kind: 'provider', providerId: organisationId('provider', 'sagenn') },
];
const NORMS = { byVersion: [], fallback: 80 };

describe(`the attendance read model against the raw facts on ${DB_KIND}`, () => {
  let t: TestKoers;
  let r: ReportRegion;

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-06-01' });
    r = { db: t.koers.db, userId: (await aUser(t, 'consultant', 'arnhem')).id, contractId: CG };
  });
  afterAll(async () => t?.stop());

  /** Every window and scope when `full`; else one ragged window, the aggregate and two rooms (time). */
  async function agree(db: Db, step: string, full: boolean): Promise<void> {
    const m = await modelAgainstRebuild(db);
    expect(m.maintained, `${step}: the model as maintained equals a rebuild`).toEqual(m.rebuilt);
    const aggregate = { kind: 'aggregate' as const, municipalityIds: [organisationId('municipality', 'arnhem'), organisationId('municipality', 'duiven')] };
    for (const [from, to] of full ? WINDOWS : WINDOWS.slice(1, 2)) {
      for (const scope of full ? [aggregate, ...SCOPES] : [aggregate]) {
        const facts = await unsafeQuarterlyMiFacts(db, scope, { contractId: CG, from, to });
        expect(facts.attendance, `${step}: referral quarters ${scope.kind} ${from}..${to}`).toEqual(await oracleReferralQuarters(db, scope, CG, from, to));
        expect(await contentAttendanceFromModel(db, scope, { contractId: CG, from, to }), `${step}: content quarters ${scope.kind} ${from}..${to}`).toEqual(await oracleContentQuarters(db, scope, CG, from, to));
      }
      for (const scope of full ? SCOPES : [SCOPES[0]!, SCOPES[3]!]) {
        const listed = await listAttendanceRates(db, scope, { from, to, norms: NORMS, belowNorm: undefined, sort: 'name', page: 1, pageSize: 1000 });
        const byId = new Map(listed.rows.map((x) => [x.participantId, x]));
        for (const o of await oracleParticipants(db, scope, from, to)) {
          const x = byId.get(o.participantId);
          expect(x && { participantId: x.participantId, offeredMinutes: Number(x.offeredMinutes), attendedMinutes: Number(x.attendedMinutes), authorised: x.authorised, unauthorised: x.unauthorised, unclassified: x.unclassified }, `${step}: rates ${scope.kind} ${from}..${to}`).toEqual(o);
        }
      }
    }
  }

  it('equal figures for random facts, after random corrections and imports', async () => {
    const db = t.koers.db;
    await fc.assert(
      fc.asyncProperty(FACTS, fc.array(CORRECTION, { minLength: 1, maxLength: 6 }), async (facts: Facts, corrections: Correction[]) => {
        const built = await build(r, facts);
        try {
          await agree(db, 'built', true);
          for (const [i, c] of corrections.entries()) {
            await correct(db, built, c);
            await agree(db, `after correction ${i} ${c.op}`, i === corrections.length - 1);
          }
        } finally {
          await tearDown(db, built);
        }
        expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM attendance_month`))[0]?.n, 'the model is empty again').toBe(0);
      }),
      { numRuns: DB_KIND === 'postgres' ? 10 : 6, seed: Number(process.env.KOERS_PROPERTY_SEED ?? Date.now() % 1_000_000), endOnFailure: true },
    );
  }, 120_000);
});

interface Built {
  participants: BuiltReferral[][]; // per participant: its two referrals
  groups: string[];
  lessons: string[];
  placements: { id: string; participant: number; group: number }[];
  attendance: { lesson: number; participant: number }[];
  userId: string;
}

async function build(r: ReportRegion, f: Facts): Promise<Built> {
  const groups: string[] = [];
  for (const provider of PROVIDERS) {
    const id = randomUUID();
    await r.db.query(
      `INSERT INTO class_group (id, provider_id, name, level_band, literacy, location, size_limit, active_from, created_by) VALUES ($1, $2, $3, 'a1a2', 'literate', 'Arnhem', 15, '2026-01-01', $4)`,
      [id, organisationId('provider', provider), `Eigenschap ${id.slice(0, 6)}`, r.userId],
    );
    groups.push(id);
  }
  const participants: BuiltReferral[][] = [];
  for (const municipality of MUNICIPALITIES) {
    const first = await aReportReferral(r, municipality, 'newbees', 'b1_language', { referredOn: '2025-12-01' });
    const second = await aReportReferral(r, municipality, 'sagenn', 'z_language', { referredOn: '2025-12-15' }, first.participantId);
    participants.push([first, second]);
  }
  const placements: Built['placements'] = [];
  for (const pl of f.placements) {
    const ref = participants[pl.participant]![pl.referral]!;
    const id = randomUUID();
    await r.db.query(
      `INSERT INTO group_member (id, group_id, participant_id, referral_id, municipality_id, literacy, member_from, member_to) VALUES ($1, $2, $3, $4, $5, 'literate', $6, $7)`,
      [id, groups[pl.group], ref.participantId, ref.referralId, ref.municipalityId, dayOf(pl.from), pl.to === null ? null : dayOf(pl.to)],
    );
    placements.push({ id, participant: pl.participant, group: pl.group });
  }
  const lessons: string[] = [];
  for (const l of f.lessons) {
    const id = randomUUID();
    await r.db.query(`INSERT INTO lesson (id, group_id, date, start_time, minutes, kind, cancelled_by_provider) VALUES ($1, $2, $3, $7, $4, $5, $6)`, [
      id, groups[l.group], dayOf(l.day), l.minutes, l.kind, l.cancelled, l.evening ? '19:00' : '09:00',
    ]);
    lessons.push(id);
  }
  const built: Built = { participants, groups, lessons, placements, attendance: [], userId: r.userId };
  await upsertAttendance(r.db, built, r.userId, f.attendance);
  return built;
}

/** Attendance rows in one statement, as the import writes them (new rows and changed ones at once). */
async function upsertAttendance(db: Db, b: Built, userId: string, rows: Facts['attendance']): Promise<void> {
  const values: unknown[] = [];
  const tuples = rows.map((a) => {
    const ref = b.participants[a.participant]![0]!;
    values.push(b.lessons[a.lesson % b.lessons.length], ref.participantId, ref.municipalityId, a.minutes > 0, a.minutes, a.minutes > 0 ? null : a.classification, userId);
    const n = values.length;
    if (!b.attendance.some((x) => x.lesson === a.lesson % b.lessons.length && x.participant === a.participant)) b.attendance.push({ lesson: a.lesson % b.lessons.length, participant: a.participant });
    return `($${n - 6}::uuid, $${n - 5}::uuid, $${n - 4}::uuid, $${n - 3}::boolean, $${n - 2}::int, true, $${n - 1}::text, 1, $${n}::uuid, now())`;
  });
  if (tuples.length === 0) return;
  // One row per key in a statement (ON CONFLICT cannot touch a row twice): one of the values wins.
  await db.query(
    `INSERT INTO attendance (lesson_id, participant_id, municipality_id, present, minutes_attended, called_in, classification, version, recorded_by, recorded_at)
     SELECT DISTINCT ON (v.lesson_id, v.participant_id) v.* FROM (VALUES ${tuples.join(', ')}) AS v(lesson_id, participant_id, municipality_id, present, minutes_attended, called_in, classification, version, recorded_by, recorded_at)
     ON CONFLICT (lesson_id, participant_id) DO UPDATE SET present = EXCLUDED.present, minutes_attended = EXCLUDED.minutes_attended, classification = EXCLUDED.classification, version = attendance.version + 1`,
    values,
  );
}

async function correct(db: Db, b: Built, c: Correction): Promise<void> {
  const lesson = b.lessons[c.index % b.lessons.length];
  const placement = b.placements.length === 0 ? undefined : b.placements[c.index % b.placements.length];
  const att = b.attendance.length === 0 ? undefined : b.attendance[c.index % b.attendance.length];
  switch (c.op) {
    case 'lessonMinutes':
      return void (await db.query(`UPDATE lesson SET minutes = $2 WHERE id = $1`, [lesson, c.value]));
    case 'lessonCancelled':
      return void (await db.query(`UPDATE lesson SET cancelled_by_provider = NOT cancelled_by_provider WHERE id = $1`, [lesson]));
    case 'lessonMoved':
      return void (await db.query(`UPDATE lesson SET date = $2 WHERE id = $1`, [lesson, dayOf(c.value)]));
    case 'lessonKind':
      return void (await db.query(`UPDATE lesson SET kind = CASE WHEN kind = 'makeUp' THEN 'language' ELSE 'makeUp' END WHERE id = $1`, [lesson]));
    case 'lessonGroup':
      return void (await db.query(`UPDATE lesson SET group_id = $2 WHERE id = $1`, [lesson, b.groups[c.value % b.groups.length]]));
    case 'lessonStart':
      return void (await db.query(`UPDATE lesson SET start_time = CASE WHEN start_time >= '18:00' THEN '09:00' ELSE '19:30' END WHERE id = $1`, [lesson]));
    case 'placementEnded':
      // Ended earlier, never later: a placement does not grow into the next one (no two on one day).
      if (placement) await db.query(`UPDATE group_member SET member_to = greatest(member_from, least(COALESCE(member_to, $2::date), $2::date)) WHERE id = $1`, [placement.id, dayOf(c.value)]);
      return;
    case 'placementMoved':
      // Moved to the participant's other referral: the minutes change referral, not participant.
      if (placement) await db.query(`UPDATE group_member gm SET referral_id = r.id FROM referral r WHERE gm.id = $1 AND r.participant_id = gm.participant_id AND r.id <> gm.referral_id`, [placement.id]);
      return;
    case 'placementDeleted':
      if (placement) {
        await db.query(`DELETE FROM group_member WHERE id = $1`, [placement.id]);
        b.placements.splice(b.placements.indexOf(placement), 1);
      }
      return;
    case 'attendanceChanged':
      if (att) await db.query(`UPDATE attendance SET minutes_attended = $3, present = $3 > 0, classification = CASE WHEN $3 > 0 THEN NULL ELSE 'authorised' END WHERE lesson_id = $1 AND participant_id = $2`, [b.lessons[att.lesson], b.participants[att.participant]![0]!.participantId, c.value]);
      return;
    case 'attendanceDeleted':
      if (att) {
        await db.query(`DELETE FROM attendance WHERE lesson_id = $1 AND participant_id = $2`, [b.lessons[att.lesson], b.participants[att.participant]![0]!.participantId]);
        b.attendance.splice(b.attendance.indexOf(att), 1);
      }
      return;
    case 'import':
      return upsertAttendance(db, b, b.userId, c.rows);
  }
}

async function tearDown(db: Db, b: Built): Promise<void> {
  await db.query(`DELETE FROM attendance WHERE lesson_id = ANY($1::uuid[])`, [b.lessons]);
  await db.query(`DELETE FROM lesson WHERE id = ANY($1::uuid[])`, [b.lessons]);
  await db.query(`DELETE FROM group_member WHERE group_id = ANY($1::uuid[])`, [b.groups]);
  await db.query(`DELETE FROM class_group WHERE id = ANY($1::uuid[])`, [b.groups]);
  const referrals = b.participants.flat().map((x) => x.referralId);
  await db.query(`DELETE FROM referral WHERE id = ANY($1::uuid[])`, [referrals]);
  await db.query(`DELETE FROM participant WHERE id = ANY($1::uuid[])`, [b.participants.map((x) => x[0]!.participantId)]);
}
