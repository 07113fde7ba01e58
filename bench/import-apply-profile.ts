// Issue #16: where the import's apply statement spends its time at national scale. On a kept dataset
// (BENCH_DATABASE_URL, see bench/support/attendance-dataset.ts) it adds an evening hour of lessons (23:xx) for
// 170 of Taalpunt's bench groups, stages 100,000 rows for them as the import does, and prints
// EXPLAIN (ANALYZE, BUFFERS) of the apply statement of src/features/imports/apply.ts — its text taken from
// that file — with the time of every trigger (the read model's refresh, each foreign key). Everything runs
// in one transaction that is rolled back, so the dataset is unchanged and the run can be repeated.
// EXPLAIN's timing adds its own overhead; compare the parts with each other.
// Run: BENCH_DATABASE_URL=... npx tsx bench/import-apply-profile.ts
import { readFileSync } from 'node:fs';
import pg from 'pg';

const url = process.env.BENCH_DATABASE_URL;
if (url === undefined) throw new Error('BENCH_DATABASE_URL: a kept attendance dataset');

/** The apply statement's text, with apply.ts's constants put in. */
function applySql(): string {
  const src = readFileSync(new URL('../src/features/imports/apply.ts', import.meta.url), 'utf8');
  const next = 'CASE WHEN j.present THEN NULL ELSE j.a_classification END';
  const differs = `(j.a_version IS NULL OR (j.a_present, j.a_minutes_attended, j.a_reason, j.a_called_in, j.a_classification) IS DISTINCT FROM (j.present, j.minutes_attended, j.reason, j.called_in, ${next}))`;
  const value = (t: string, c: string) => `jsonb_build_object('present', ${t}present, 'minutesAttended', ${t}minutes_attended, 'reason', ${t}reason, 'calledIn', ${t}called_in, 'classification', ${c})`;
  const found = /`(WITH j AS MATERIALIZED[\s\S]*?)`,\n\s*\[ctx/.exec(src);
  if (found === null) throw new Error('the apply statement was not found in apply.ts');
  return (found[1] ?? '')
    .replaceAll('${NEXT_CLASSIFICATION}', next)
    .replaceAll('${DIFFERS}', differs)
    .replace(/\$\{value\('([^']*)', '([^']*)'\)\}/g, (_m: string, t: string, c: string) => value(t, c));
}

const c = new pg.Client({ connectionString: url });
await c.connect();
const timed = async (label: string, sql: string, values?: unknown[]) => {
  const s = performance.now();
  const r = await c.query<Record<string, unknown>>(sql, values);
  console.log(`${label}: ${((performance.now() - s) / 1000).toFixed(2)} s`);
  return r;
};
try {
  const provider = (await c.query<{ provider_id: string }>(`SELECT provider_id FROM class_group WHERE name LIKE 'bench %' GROUP BY provider_id ORDER BY count(*) DESC LIMIT 1`)).rows[0]?.provider_id;
  const user = (await c.query<{ id: string }>(`SELECT id FROM app_user WHERE email = 'coordinator.taalpunt@koers.demo'`)).rows[0]?.id;
  await c.query('BEGIN');
  await timed('lessons', `INSERT INTO lesson (id, group_id, date, start_time, minutes, kind, scheduled_on, scheduled_start)
    SELECT gen_random_uuid(), g.id, d::date, '23:' || lpad((s.n * 5)::text, 2, '0'), (s.slot->>'minutes')::int, s.slot->>'kind', d::date, '23:' || lpad((s.n * 5)::text, 2, '0')
    FROM class_group g CROSS JOIN generate_series('2026-12-01'::date, '2026-12-31'::date, interval '1 day') d
    CROSS JOIN LATERAL jsonb_array_elements(g.schedule) WITH ORDINALITY s(slot, n)
    WHERE g.provider_id = $1 AND g.name LIKE 'bench %' AND substring(g.name from 7)::int >= 1000 AND substring(g.name from 7)::int < 1170
      AND (s.slot->>'weekday')::int = extract(isodow FROM d)`, [provider]);
  await c.query(`CREATE TEMP TABLE import_stage (row_no integer NOT NULL, lesson_id uuid NOT NULL, participant_id uuid NOT NULL, municipality_id uuid NOT NULL,
    present boolean NOT NULL, minutes_attended integer NOT NULL, reason text, called_in boolean NOT NULL, lesson_date date NOT NULL, PRIMARY KEY (lesson_id, participant_id)) ON COMMIT DROP`);
  // 90% present, the rest absent with or without a reason, as the import bench's file.
  await timed('stage', `INSERT INTO import_stage SELECT row_number() OVER (), l.id, gm.participant_id, gm.municipality_id, x.r > 0.1, CASE WHEN x.r > 0.1 THEN l.minutes ELSE 0 END,
      CASE WHEN x.r BETWEEN 0.03 AND 0.1 THEN 'ziek' END, x.r BETWEEN 0.02 AND 0.1, l.date
    FROM lesson l JOIN group_member gm ON gm.group_id = l.group_id CROSS JOIN LATERAL (SELECT random() + 0 * length(gm.participant_id::text) AS r) x
    WHERE l.start_time LIKE '23:%' LIMIT 100000`);
  await c.query('ANALYZE import_stage');
  await c.query(`CREATE TEMP TABLE import_changed (participant_id uuid NOT NULL, lesson_id uuid NOT NULL, date date NOT NULL, present boolean NOT NULL, no_show boolean NOT NULL) ON COMMIT DROP`);
  const plan = await timed('apply, under EXPLAIN ANALYZE', `EXPLAIN (ANALYZE, BUFFERS) ${applySql()}`, [user, new Date()]);
  console.log(plan.rows.map((r) => String(r['QUERY PLAN'])).join('\n'));
} finally {
  await c.query('ROLLBACK').catch(() => undefined);
  await c.end();
}
