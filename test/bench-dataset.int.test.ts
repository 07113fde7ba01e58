// Issue #16: the benchmark dataset's attendance outcomes (bench/support/attendance-outcomes.ts) are drawn
// per row. Before the fix one draw served a whole monthly INSERT, so a month was all present or all
// absent (0% or 100% here). The statement runs over made-up rows shaped like the dataset's — 40 members
// of a group with its lessons of 2026, in ONE statement so that a per-statement draw would show — on a
// bare database of either kind (it reads no table). With 1,400–1,800 regular rows a month the share present
// (90% expected) lies within 85–95% by more than six standard deviations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceOutcomes } from '../bench/support/attendance-outcomes.js';
import { openPglite, openPostgres, type Db } from '../src/platform/db.js';
import { DB_KIND } from './support/koers.js';

// A lesson every weekday morning (language) and afternoon (a make-up class on Friday), as the dataset's
// schedule holds them; 40 members each.
// A make-up class's lesson id starts with f, every other with 0: the outcome's kind without a join.
const ROWS = `(SELECT overlay(md5(d::text || k.kind) placing CASE WHEN k.kind = 'makeUp' THEN 'f' ELSE '0' END from 1)::uuid AS lesson_id, d::date AS date, k.minutes, k.kind,
    md5('p' || m::text)::uuid AS participant_id, md5('hoorn')::uuid AS municipality_id
  FROM generate_series(date '2026-01-01', date '2026-12-31', interval '1 day') d
  CROSS JOIN (VALUES ('morning', 180), ('afternoon', 120)) AS k0(slot, minutes)
  CROSS JOIN LATERAL (SELECT CASE WHEN k0.slot = 'afternoon' AND extract(isodow FROM d) = 5 THEN 'makeUp' WHEN k0.slot = 'afternoon' THEN 'participation' ELSE 'language' END AS kind, k0.minutes) k
  CROSS JOIN generate_series(1, 40) m
  WHERE extract(isodow FROM d) BETWEEN 1 AND 5)`;

describe(`the benchmark dataset's attendance outcomes on ${DB_KIND}`, () => {
  let db: Db;
  beforeAll(async () => {
    db = DB_KIND === 'postgres' ? openPostgres(process.env.KOERS_TEST_PG_URL as string, { max: 1 }) : await openPglite(undefined);
  });
  afterAll(async () => db.close());

  it('draws each row its own outcome: every month 85–95% present at regular lessons, make-up classes about three in ten', async () => {
    const rows = await db.query<{ month: string; kind: string; rows: number; present: number; distinct: number; minutes: number }>(
      `SELECT to_char(o.recorded_at, 'YYYY-MM') AS month, CASE WHEN left(o.lesson_id::text, 1) = 'f' THEN 'makeUp' ELSE 'regular' END AS kind,
         count(*)::int AS rows, count(*) FILTER (WHERE o.present)::int AS present,
         count(DISTINCT o.minutes_attended)::int AS distinct, sum(o.minutes_attended)::int AS minutes
       FROM (${attendanceOutcomes(ROWS, "md5('coordinator')::uuid")}) o
       GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const regular = rows.filter((r) => r.kind === 'regular');
    expect(regular.map((r) => r.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    for (const r of regular) {
      expect(r.rows, r.month).toBeGreaterThanOrEqual(1_400);
      const share = r.present / r.rows;
      expect(share, `${r.month}: ${r.present} of ${r.rows} present`).toBeGreaterThan(0.85);
      expect(share, `${r.month}: ${r.present} of ${r.rows} present`).toBeLessThan(0.95);
      // Absent (0), late (half) and on time (whole) all occur within a month.
      expect(r.distinct, r.month).toBeGreaterThanOrEqual(5);
    }
    const makeUp = rows.filter((r) => r.kind === 'makeUp');
    const made = makeUp.reduce((s, r) => s + r.present, 0) / makeUp.reduce((s, r) => s + r.rows, 0);
    expect(made).toBeGreaterThan(0.2);
    expect(made).toBeLessThan(0.4);
  });
});
