// Benchmark (issue #13, "fast at national scale"): the reports' attendance on the read model
// attendance_month against hand-written SQL over the raw tables, on the national dataset of
// bench/support/attendance-dataset.ts (50,000 participants, 25.8 M attendance rows, all in Westfriesland's
// seven municipalities). Every round, back-to-back:
//  (a) the quarterly management information of 2026-Q4 (with Q1–Q3 beside it: the whole of 2026) for every
//      municipality through the application — GET /api/v1/reports/quarterly-mi as each municipality's
//      consultant (session, room, five statements, the pure report, audit) — against ONE hand-written
//      statement over attendance, lesson, group_member and referral that computes the attendance figure of
//      the report (item 3, participants below the attendance norm) for every municipality × product ×
//      quarter. Both are printed and must be equal, cell by cell.
//  (a') the report's attendance reader alone: unsafeQuarterlyMiFacts().attendance on the model against the
//      old reader's SQL on the raw rows (test/support/read-model-oracle.ts), every municipality, equal rows.
//  (b) the content report's attendance (000 §4.1 3f, 3h): contentAttendanceFromModel against the same
//      aggregate over the raw rows, every municipality, equal rows; and the whole content report of every
//      municipality over HTTP (GET /api/v1/reports/content-report as its consultant) against that raw
//      aggregate (its attendance part, the part that reads the 26 M rows).
// Run: BENCH_DATABASE_URL=... BENCH_ROUNDS=2 npx tsx bench/reports-national.ts (see docs/benchmarks.md).
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { contentAttendanceFromModel } from '../src/features/attendance-month/content.js';
import { unsafeQuarterlyMiFacts } from '../src/features/reports/facts.js';
import { Client } from '../test/support/koers.js';
import { oracleContentQuarters, oracleReferralQuarters } from '../test/support/read-model-oracle.js';
import { openAttendanceDataset } from './support/attendance-dataset.js';
import { ms } from './support/stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONTRACT = 'westfriesland';
const QUARTER = '2026-Q4';
const FROM = '2026-01-01';
const TO = '2026-12-31';
const NORM = 80; // westfriesland.yaml absenceProtocol.normPercent

// Item 3 by hand over the raw tables: a lesson belongs to the referral of the placement covering its day;
// per referral and month offered and effective minutes (make-up within the month); per participant, cell
// (municipality × product) and quarter the sums; below the norm on whole minutes.
const BASELINE = `
  WITH rm AS (
    SELECT gm.referral_id, date_trunc('month', l.date)::date AS month,
      COALESCE(sum(l.minutes) FILTER (WHERE NOT l.cancelled_by_provider AND l.kind <> 'makeUp'), 0) AS offered,
      COALESCE(sum(least(a.minutes_attended, l.minutes)) FILTER (WHERE NOT l.cancelled_by_provider AND l.kind <> 'makeUp'), 0) AS attended,
      COALESCE(sum(a.minutes_attended) FILTER (WHERE NOT l.cancelled_by_provider AND l.kind = 'makeUp'), 0) AS made_up
    FROM attendance a JOIN lesson l ON l.id = a.lesson_id
    JOIN group_member gm ON gm.group_id = l.group_id AND gm.participant_id = a.participant_id
      AND gm.member_from <= l.date AND (gm.member_to IS NULL OR gm.member_to > l.date)
    WHERE l.date BETWEEN $2::date AND $3::date
    GROUP BY gm.referral_id, date_trunc('month', l.date)
  ), pq AS (
    SELECT m.code AS municipality, r.product_code AS product, r.participant_id, extract(year FROM rm.month)::int || '-Q' || extract(quarter FROM rm.month)::int AS quarter,
      sum(rm.offered) AS offered, sum(rm.attended + least(rm.made_up, rm.offered - rm.attended)) AS effective
    FROM rm JOIN referral r ON r.id = rm.referral_id JOIN municipality m ON m.id = r.municipality_id
    WHERE r.contract_id = $1 AND r.referred_on <= $3::date
    GROUP BY 1, 2, 3, 4
  )
  SELECT municipality, product, quarter, count(*) FILTER (WHERE offered > 0 AND effective * 100 < $4 * offered)::int AS below
  FROM pq GROUP BY 1, 2, 3`;

type Cells = Map<string, number>;
const key = (m: string, p: string, q: string) => `${m}/${p}/${q}`;

async function main(): Promise<void> {
  const ds = await openAttendanceDataset();
  try {
    const municipalities = (await ds.admin.query<{ id: string; code: string }>(
      `SELECT m.id, m.code FROM municipality m WHERE EXISTS (SELECT 1 FROM referral r WHERE r.municipality_id = m.id AND r.contract_id = $1) ORDER BY m.code`,
      [CONTRACT],
    )).rows;
    const model = (await ds.admin.query<{ n: string; size: string }>(`SELECT count(*) AS n, pg_size_pretty(pg_total_relation_size('attendance_month')) AS size FROM attendance_month`)).rows[0];
    console.log(`${municipalities.length} municipalities; read model attendance_month: ${model?.n} rows, ${model?.size}`);
    const clients = new Map<string, Client>();
    for (const m of municipalities) {
      const c = new Client(ds.url);
      const login = await c.post('/api/v1/sessions', { email: `consultant.${m.code}@koers.demo`, password: 'koers-demo' });
      if (login.status !== 201) throw new Error(`login ${m.code}: ${login.status}`);
      clients.set(m.code, c);
    }

    // One untimed request of each report first: a running server has compiled its code paths (the JIT);
    // without it the first timed requests paid for that (2026-12-02: the MI 14.8 s in a first round, where a
    // Hoorn request took 1.1–2.0 s after).
    const first = municipalities[0];
    if (first !== undefined) {
      await clients.get(first.code)!.get(`/api/v1/reports/quarterly-mi?contractId=${CONTRACT}&quarter=${QUARTER}`);
      await clients.get(first.code)!.get(`/api/v1/reports/content-report?contractId=${CONTRACT}&quarter=${QUARTER}&scope=${first.code}`);
    }
    const t = { app: [] as number[], sql: [] as number[], reader: [] as number[], raw: [] as number[], content: [] as number[], contentRaw: [] as number[], contentHttp: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      // (a) every municipality through HTTP, then the one hand-written statement.
      let s = performance.now();
      const app: Cells = new Map();
      for (const m of municipalities) {
        const res = await clients.get(m.code)!.get(`/api/v1/reports/quarterly-mi?contractId=${CONTRACT}&quarter=${QUARTER}`);
        if (res.status !== 200) throw new Error(`quarterly-mi ${m.code}: ${res.status} ${JSON.stringify(res.body)}`);
        for (const cell of (res.body as { cells: { municipality: string; product: string; quarters: { quarter: string; belowAttendanceNorm: number }[] }[] }).cells) {
          for (const q of cell.quarters) app.set(key(cell.municipality, cell.product, q.quarter), q.belowAttendanceNorm);
        }
      }
      t.app.push(performance.now() - s);
      s = performance.now();
      const sql: Cells = new Map();
      for (const r of (await ds.admin.query<{ municipality: string; product: string; quarter: string; below: number }>(BASELINE, [CONTRACT, FROM, TO, NORM])).rows) sql.set(key(r.municipality, r.product, r.quarter), r.below);
      t.sql.push(performance.now() - s);
      // The app shows every cell (zeros too); the statement only those with attendance: compare on the app's cells.
      const differ = [...app].filter(([k, v]) => (sql.get(k) ?? 0) !== v);
      const missing = [...sql.keys()].filter((k) => !app.has(k));
      if (differ.length > 0 || missing.length > 0) throw new Error(`(a) figures differ: ${JSON.stringify(differ.slice(0, 5))} missing ${JSON.stringify(missing.slice(0, 5))}`);
      if (round === 0) {
        const shown = [...app].filter(([, v]) => v > 0).sort(([a], [b]) => a.localeCompare(b));
        console.log(`(a) item 3 (below the attendance norm), ${app.size} cells × quarters, equal; the non-zero ones, application = hand-written SQL:`);
        for (const [k, v] of shown) console.log(`    ${k}: ${v} = ${sql.get(k)}`);
      }

      // (b) the content report of every municipality over HTTP (the running year up to 2026-Q4).
      s = performance.now();
      for (const m of municipalities) {
        const res = await clients.get(m.code)!.get(`/api/v1/reports/content-report?contractId=${CONTRACT}&quarter=${QUARTER}&scope=${m.code}`);
        if (res.status !== 200) throw new Error(`content-report ${m.code}: ${res.status} ${JSON.stringify(res.body)}`);
      }
      t.contentHttp.push(performance.now() - s);

      // (a') and (b): the attendance readers alone, per municipality, model against raw; equal rows.
      for (const m of municipalities) {
        const scope = { kind: 'municipality' as const, municipalityId: m.id };
        s = performance.now();
        const onModel = (await unsafeQuarterlyMiFacts(ds.koers.db, scope, { contractId: CONTRACT, from: FROM, to: TO })).attendance;
        t.reader.push(performance.now() - s);
        s = performance.now();
        const onRaw = await oracleReferralQuarters(ds.koers.db, scope, CONTRACT, FROM, TO);
        t.raw.push(performance.now() - s);
        if (!isDeepStrictEqual(onModel, onRaw)) throw new Error(`(a') ${m.code}: the model's ${onModel.length} referral quarters differ from the raw ${onRaw.length}`);
        s = performance.now();
        const content = await contentAttendanceFromModel(ds.koers.db, scope, { contractId: CONTRACT, from: FROM, to: TO });
        t.content.push(performance.now() - s);
        s = performance.now();
        const contentRaw = await oracleContentQuarters(ds.koers.db, scope, CONTRACT, FROM, TO);
        t.contentRaw.push(performance.now() - s);
        if (!isDeepStrictEqual(content, contentRaw)) throw new Error(`(b) ${m.code}: the model's ${content.length} content quarters differ from the raw ${contentRaw.length}`);
        if (round === 0) console.log(`    ${m.code}: ${onModel.length} referral quarters, equal; content quarters equal`);
      }
    }
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const line = (name: string, a: number[], b: number[]) => {
      const [x, y] = [sum(a) / ROUNDS, sum(b) / ROUNDS];
      console.log(`${name}: ${ms(x)} against ${ms(y)} per round (${municipalities.length} municipalities) — ratio ${(x / y).toFixed(3)}x`);
    };
    console.log(`${ROUNDS} rounds, ${QUARTER} with the three quarters before (${FROM}..${TO}), mean per round:`);
    line('(a)  quarterly MI, every municipality over HTTP vs one hand-written statement over the raw tables', t.app, t.sql);
    line("(a') the MI's attendance reader on the model vs the old reader on the raw rows", t.reader, t.raw);
    line('(b)  the content report\'s attendance on the model vs the same aggregate on the raw rows', t.content, t.contentRaw);
    line('(b)  the content report, every municipality over HTTP vs the hand-written aggregate of its attendance on the raw rows', t.contentHttp, t.contentRaw);
    console.log(`rounds (ms): app ${t.app.map((x) => x.toFixed(0)).join(', ')}; hand-written ${t.sql.map((x) => x.toFixed(0)).join(', ')}`);
  } finally {
    await ds.close();
  }
}

await main();
