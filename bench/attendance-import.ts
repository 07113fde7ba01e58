// Benchmark (issue #4 item 9a): import throughput of the application's path — POST /api/v1/imports/attendance
// over HTTP as Taalpunt's coordinator, a generated CSV of BENCH_ROWS rows (default 100,000): streamed
// parse, row checks against lessons and memberships, staging, set-based apply with attendance_version,
// audit lines in one transaction, and after its commit the absence and hours rules for the import's participants (set-based, issue #16;
// timed apart, from the answer until their signals are in) — against a raw
// server-side COPY of the same rows into the same indexed attendance table (in a transaction, rolled
// back). Every round uses a fresh set of lessons (an evening copy of December's schedule for the next
// groups of Taalpunt), COPY first, then the application. Prints rows/s of both and the ratio.
// Run: npx tsx bench/attendance-import.ts (BENCH_ROWS, BENCH_ROUNDS default 2; BENCH_SCALE / BENCH_KEEP /
// BENCH_DATABASE_URL as in bench/support/attendance-dataset.ts).
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from '../test/support/koers.js';
import { GROUP_SIZE, openAttendanceDataset, TAALPUNT, TEACHER_GROUPS } from './support/attendance-dataset.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const MONTH_FROM = '2026-12-01';
const MONTH_TO = '2026-12-31';
const REASONS = ['ziek', 'medische afspraak', 'kinderopvang', 'mantelzorg'];

interface Row {
  lessonId: string;
  participantId: string;
  municipalityId: string;
  minutes: number;
}

/** mulberry32, so every run imports the same values. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main(): Promise<void> {
  const ds = await openAttendanceDataset();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'koers-bench-import-'));
  chmodSync(dir, 0o755);
  try {
    const coordinator = (await ds.admin.query<{ id: string }>(`SELECT id FROM app_user WHERE email = 'coordinator.taalpunt@koers.demo'`)).rows[0]?.id ?? '';
    const client = new Client(ds.url);
    const login = await client.post('/api/v1/sessions', { email: 'coordinator.taalpunt@koers.demo', password: 'koers-demo' });
    if (login.status !== 201) throw new Error(`login ${login.status}`);
    // December has ~44 lessons of the ten-a-week schedule: rows per group ≈ 15 × 44.
    const groupsPerRound = Math.ceil(ROWS / (GROUP_SIZE * 40));
    const app: number[] = [];
    const copy: number[] = [];
    const copyBare: number[] = [];
    const rules: number[] = [];
    const appSeconds: number[] = [];
    // A reused database (BENCH_DATABASE_URL) already holds the evening lessons of earlier runs: go on after them.
    const done = (await ds.admin.query<{ n: number }>(`SELECT count(DISTINCT left(start_time, 2))::int AS n FROM lesson WHERE start_time >= '18:00'`)).rows[0]?.n ?? 0;
    if (done + ROUNDS > 6) throw new Error(`this database has room for ${6 - done} more rounds (evening hours 18-23); build a fresh one`);
    for (let round = 0; round < ROUNDS; round++) {
      // Fresh lessons: December's slots again at an evening hour of this round, for the next groups.
      const slot = done + round;
      const first = TEACHER_GROUPS + slot * groupsPerRound;
      await ds.admin.query(
        `INSERT INTO lesson (id, group_id, date, start_time, minutes, kind, scheduled_on, scheduled_start)
         SELECT gen_random_uuid(), g.id, d::date, t.start, (s.slot->>'minutes')::int, s.slot->>'kind', d::date, t.start
         FROM class_group g CROSS JOIN generate_series($1::date, $2::date, interval '1 day') d
         CROSS JOIN LATERAL jsonb_array_elements(g.schedule) WITH ORDINALITY s(slot, n)
         CROSS JOIN LATERAL (SELECT lpad((18 + $3::int)::text, 2, '0') || ':' || lpad((s.n * 5)::text, 2, '0') AS start) t
         WHERE g.provider_id = $4 AND g.name LIKE 'bench %' AND substring(g.name from 7)::int >= $5 AND substring(g.name from 7)::int < $6
           AND (s.slot->>'weekday')::int = extract(isodow FROM d)`,
        [MONTH_FROM, MONTH_TO, slot, TAALPUNT, first, first + groupsPerRound],
      );
      const rows = (await ds.admin.query<Row>(
        `SELECT l.id AS "lessonId", gm.participant_id AS "participantId", gm.municipality_id AS "municipalityId", l.minutes
         FROM lesson l JOIN class_group g ON g.id = l.group_id JOIN group_member gm ON gm.group_id = g.id
         WHERE g.provider_id = $1 AND g.name LIKE 'bench %' AND substring(g.name from 7)::int >= $2 AND substring(g.name from 7)::int < $3
           AND l.start_time LIKE $4 AND l.date BETWEEN $5 AND $6
         ORDER BY g.name, l.date, l.start_time, gm.participant_id LIMIT $7`,
        [TAALPUNT, first, first + groupsPerRound, `${18 + slot}:%`, MONTH_FROM, MONTH_TO, ROWS],
      )).rows;
      const rand = seeded(round + 1);
      const csv = ['les-id;deelnemer-id;aanwezig;minuten aanwezig;reden afwezigheid;afgemeld'];
      const raw: string[] = [];
      const now = new Date().toISOString();
      for (const r of rows) {
        const x = rand();
        const present = x >= 0.1;
        const minutes = present ? (x < 0.15 ? Math.floor(r.minutes / 2) : r.minutes) : 0;
        const reason = present || x < 0.03 ? '' : (REASONS[Math.floor(rand() * REASONS.length)] ?? 'ziek');
        const calledIn = !present && x >= 0.02;
        csv.push(`${r.lessonId};${r.participantId};${present ? 'ja' : 'nee'};${minutes};${reason};${calledIn ? 'ja' : 'nee'}`);
        raw.push(`${r.lessonId},${r.participantId},${r.municipalityId},${present},${minutes},${reason},${calledIn},,1,${coordinator},${now}`);
      }
      const body = Buffer.from(`${csv.join('\n')}\n`);
      const file = path.join(dir, `round-${round}.csv`);
      writeFileSync(file, `${raw.join('\n')}\n`);
      chmodSync(file, 0o644);
      const participants = new Set(rows.map((r) => r.participantId)).size;

      // Warm-up, untimed and rolled back: the first statement to touch these keys reads the index pages of
      // attendance and the read model from disk, and whichever ran first paid for the others (one COPY with
      // the trigger took 5.7-19.5 s, issue #16). After it all three measurements meet the same cache.
      await ds.admin.query('BEGIN');
      await ds.admin.query(
        `COPY attendance (lesson_id, participant_id, municipality_id, present, minutes_attended, reason, called_in, classification, version, recorded_by, recorded_at) FROM '${file}' WITH (FORMAT csv)`,
      );
      await ds.admin.query('ROLLBACK');
      // Baseline: COPY of the same rows, inside a transaction that is rolled back.
      await ds.admin.query('BEGIN');
      let s = performance.now();
      await ds.admin.query(
        `COPY attendance (lesson_id, participant_id, municipality_id, present, minutes_attended, reason, called_in, classification, version, recorded_by, recorded_at) FROM '${file}' WITH (FORMAT csv)`,
      );
      const c = (performance.now() - s) / 1000;
      await ds.admin.query('ROLLBACK');
      copy.push(rows.length / c);
      // The same COPY without the read model's insert trigger (migration 0024), also rolled back: what a bare
      // table with its keys and indexes costs, the fairer floor when the model's refresh is most of the COPY.
      await ds.admin.query('BEGIN');
      await ds.admin.query('ALTER TABLE attendance DISABLE TRIGGER attendance_month_attendance_insert');
      s = performance.now();
      await ds.admin.query(
        `COPY attendance (lesson_id, participant_id, municipality_id, present, minutes_attended, reason, called_in, classification, version, recorded_by, recorded_at) FROM '${file}' WITH (FORMAT csv)`,
      );
      const bare = (performance.now() - s) / 1000;
      await ds.admin.query('ROLLBACK');
      copyBare.push(rows.length / bare);

      // The application, over HTTP.
      s = performance.now();
      const res = await client.upload('/api/v1/imports/attendance', body, 'text/csv');
      const a = (performance.now() - s) / 1000;
      if (res.status !== 201) throw new Error(`import ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
      app.push(rows.length / a);
      appSeconds.push(a);

      // The absence and hours rules (R-ATT-4, R-HRS-2, R-HRS-3) run right after the commit (issue #16,
      // src/features/imports/pending-rules.ts): the time from the answer until their signals are in.
      s = performance.now();
      await ds.koers.importRules.drain();
      const r = (performance.now() - s) / 1000;
      rules.push(r);
      console.log(
        `round ${round + 1}: ${rows.length} rows (${(body.length / 1e6).toFixed(1)} MB CSV, ${participants} participants): COPY ${c.toFixed(2)} s = ${(rows.length / c).toFixed(0)} rows/s; ` +
          `application ${a.toFixed(2)} s = ${(rows.length / a).toFixed(0)} rows/s (${(res.body as { created: number }).created} created); ratio ${(c === 0 ? 0 : a / c).toFixed(1)}x; ` +
          `COPY without the model's trigger ${bare.toFixed(2)} s, ratio ${(bare === 0 ? 0 : a / bare).toFixed(1)}x; ` +
          `then the absence + hours rules after the commit ${r.toFixed(2)} s (answer to signals in: ${(a + r).toFixed(2)} s)`,
      );
    }
    const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
    console.log(`attendance import, ${ROWS} rows per round, ${ROUNDS} rounds (COPY then application, back-to-back):`);
    console.log(`  application (POST /api/v1/imports/attendance, CSV over HTTP): ${mean(app).toFixed(0)} rows/s`);
    console.log(`  baseline (server-side COPY into the same indexed table):       ${mean(copy).toFixed(0)} rows/s`);
    console.log(`  baseline without the read model's insert trigger:              ${mean(copyBare).toFixed(0)} rows/s (ratio ${(mean(copyBare) / mean(app)).toFixed(1)}x)`);
    console.log(`  ratio COPY / application: ${(mean(copy) / mean(app)).toFixed(1)}x; absence + hours rules after the commit ${mean(rules).toFixed(1)} s per import (until the signals are in: ${(mean(appSeconds) + mean(rules)).toFixed(1)} s)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await ds.close();
  }
}

await main();
