// The attendance dataset of the issue #4 benchmarks: 50,000 participants (the demo generator), every one
// referred to a language provider and placed in a group of at most 15, ten lessons a week for the whole
// of 2026, and an attendance row per member per lesson held — about 26 million rows. Everything after
// the demo generator is set-based SQL on PostgreSQL (generate_series, INSERT ... SELECT), not rows through
// the application. BENCH_SCALE (default 1) shrinks the number of participants for a quick try.
//
// A built dataset can be kept and reused by the next benchmark: BENCH_KEEP=1 leaves the PostgreSQL server
// and the database running and prints BENCH_DATABASE_URL; with BENCH_DATABASE_URL set, a benchmark opens
// that database instead of building a new one (the build is skipped when the dataset is there).
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createKoers, type Koers } from '../../src/app.js';
import { organisationId } from '../../src/features/organisations/store.js';
import { SettableClock } from '../../src/platform/clock.js';
import { startPostgres } from '../../scripts/pg-server.mjs';
import { freshPostgresDatabase, portOf, testConfig } from '../../test/support/koers.js';
import { attendanceOutcomes } from './attendance-outcomes.js';

/** The business date of the benchmarks: the whole dataset year (2026) lies in the past. */
export const BENCH_TODAY = '2027-01-15';
export const YEAR_FROM = '2026-01-01';
export const YEAR_TO = '2026-12-31';
export const FULL_PARTICIPANTS = 50_000;
export const GROUP_SIZE = 15;
/** The demo teacher of Taalpunt teaches this many groups (the lesson-page benchmark logs in as it). */
export const TEACHER_GROUPS = 20;
export const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
export const HOORN = organisationId('municipality', 'hoorn');
// Fixed so a kept database can be opened again (the BSNs are encrypted with it).
const BENCH_SECRET = 'b'.repeat(64);

// Ten lessons a week: every weekday morning, Monday to Thursday afternoon, and a make-up class on Friday
// afternoon (R-ATT-5).
const SCHEDULE = [
  ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: '09:00', minutes: 180, kind: 'language' })),
  ...[1, 2, 3, 4].map((weekday) => ({ weekday, startTime: '13:00', minutes: 120, kind: weekday === 2 ? 'knm' : 'participation' })),
  { weekday: 5, startTime: '13:00', minutes: 120, kind: 'makeUp' },
];

export interface Dataset {
  koers: Koers;
  url: string;
  databaseUrl: string;
  participants: number;
  counts: { groups: number; lessons: number; attendance: number };
  buildSeconds: number | null;
  /** A direct superuser connection (for baselines and setup). */
  admin: pg.Client;
  close(): Promise<void>;
}

export function scaledParticipants(): number {
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  if (!(scale > 0 && scale <= 1)) throw new Error('BENCH_SCALE must be in (0, 1]');
  return Math.max(GROUP_SIZE * 4, Math.round(FULL_PARTICIPANTS * scale));
}

const log = (msg: string) => console.log(`[dataset] ${msg}`);
const secs = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

/** Starts (or opens) the database, builds the dataset when it is not there, and starts Koers on it. */
export async function openAttendanceDataset(): Promise<Dataset> {
  const reuse = process.env.BENCH_DATABASE_URL;
  const keep = process.env.BENCH_KEEP === '1';
  let server: { url: string; stop(): void } | undefined;
  let databaseUrl: string;
  let drop: (() => Promise<void>) | undefined;
  if (reuse !== undefined) {
    databaseUrl = reuse;
  } else {
    server = await startPostgres();
    process.env.KOERS_TEST_PG_URL = server.url;
    const db = await freshPostgresDatabase();
    databaseUrl = db.url;
    drop = db.drop;
  }
  const participants = scaledParticipants();
  const t0 = performance.now();
  // No DUO simulator: in demo mode its sweep runs every 4 s (production: every 5 minutes) and at this size its
  // Gevolgde Uren aggregate over the whole read model takes 1-2 s each time, load that is not the benchmark's.
  const koers = await createKoers(testConfig({ databaseUrl, demo: true, demoSize: participants, secret: BENCH_SECRET, duoSimulator: false }), { clock: new SettableClock(BENCH_TODAY) });
  await koers.server.listen({ port: 0, host: '127.0.0.1' });
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  let buildSeconds: number | null = null;
  const built = (await admin.query(`SELECT 1 FROM class_group WHERE name LIKE 'bench %' LIMIT 1`)).rowCount === 1;
  if (!built) {
    log(`demo generator: ${participants} participants in ${secs(t0)} s`);
    await buildAttendance(admin);
    buildSeconds = (performance.now() - t0) / 1000;
    log(`dataset built in ${buildSeconds.toFixed(1)} s (demo generator included)`);
  }
  const count = async (sql: string) => Number((await admin.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
  const counts = {
    groups: await count(`SELECT count(*) AS n FROM class_group`),
    lessons: await count(`SELECT count(*) AS n FROM lesson`),
    // The planner's estimate after ANALYZE: a count(*) over 26M rows takes longer than it tells.
    attendance: await count(`SELECT reltuples::bigint AS n FROM pg_class WHERE relname = 'attendance'`),
  };
  const size = (await admin.query<{ s: string }>(`SELECT pg_size_pretty(pg_total_relation_size('attendance')) AS s`)).rows[0]?.s;
  log(`${participants} participants, ${counts.groups} groups, ${counts.lessons} lessons, ~${counts.attendance} attendance rows (attendance with indexes: ${size})`);
  const url = `http://127.0.0.1:${portOf(koers.server)}`;
  return {
    koers,
    url,
    databaseUrl,
    participants,
    counts,
    buildSeconds,
    admin,
    close: async () => {
      await admin.end();
      await koers.stop();
      if (keep && server !== undefined) {
        log(`kept: BENCH_DATABASE_URL=${databaseUrl}`);
        return;
      }
      await drop?.();
      server?.stop();
    },
  };
}

async function step(c: pg.Client, name: string, sql: string, params: unknown[] = []): Promise<void> {
  const t0 = performance.now();
  const r = await c.query(sql, params);
  log(`${name}: ${r.rowCount ?? 0} rows in ${secs(t0)} s`);
}

/** Everything after the demo generator, in SQL. */
async function buildAttendance(c: pg.Client): Promise<void> {
  // Superuser only: skip the foreign-key triggers for the bulk load (the data is built consistent).
  await c.query(`SET session_replication_role = replica`);
  await c.query(`SET maintenance_work_mem = '1GB'`);
  await c.query(`SET max_parallel_maintenance_workers = 2`);
  await c.query(`SET work_mem = '256MB'`);
  // Participants the demo left unreferred get a B1 referral too, so every participant of the region is placed:
  // a copy of one demo referral with its own id, participant, municipality and provider.
  await step(
    c,
    'referrals for the unreferred',
    `INSERT INTO referral
     SELECT (jsonb_populate_record(NULL::referral, to_jsonb(t) || jsonb_build_object(
       'id', gen_random_uuid(), 'participant_id', p.id, 'municipality_id', p.municipality_id,
       'provider_id', CASE WHEN hashtext(p.id::text) % 2 = 0 THEN $1::uuid ELSE $2::uuid END))).*
     FROM participant p CROSS JOIN (SELECT * FROM referral WHERE product_code = 'b1_language' ORDER BY id LIMIT 1) t
     WHERE NOT EXISTS (SELECT 1 FROM referral r WHERE r.participant_id = p.id)
       -- only in the copied referral's own region (the demo's Twente participants are not Westfriesland's)
       AND p.municipality_id IN (SELECT municipality_id FROM referral r WHERE r.contract_id = t.contract_id)`,
    [TAALPUNT, organisationId('provider', 'leerhuis-noord')],
  );
  const teacher = (await c.query<{ id: string }>(`SELECT id FROM app_user WHERE email = 'docent.taalpunt@koers.demo'`)).rows[0]?.id ?? null;
  const creator = (await c.query<{ id: string }>(`SELECT id FROM app_user WHERE email = 'coordinator.taalpunt@koers.demo'`)).rows[0]?.id;
  if (creator === undefined) throw new Error('demo coordinator missing');
  // Each participant's first referral decides the provider; groups of 15 per provider, in random order
  // (so groups mix municipalities). Demo participants already in a demo group stay out.
  await c.query(`CREATE TEMP TABLE placement AS
    SELECT x.participant_id, x.referral_id, x.municipality_id, x.provider_id,
      -- A version-4 shaped id (the API's schemas check the version and variant nibbles).
      overlay(overlay(md5(x.provider_id::text || '/' || ((x.rn - 1) / ${GROUP_SIZE})::text) placing '4' from 13) placing 'a' from 17)::uuid AS group_id, (x.rn - 1) / ${GROUP_SIZE} AS group_no
    FROM (SELECT r.participant_id, r.id AS referral_id, r.municipality_id, r.provider_id,
            row_number() OVER (PARTITION BY r.provider_id ORDER BY md5(r.participant_id::text)) AS rn
          FROM (SELECT DISTINCT ON (participant_id) * FROM referral ORDER BY participant_id, referred_at, id) r
          WHERE NOT EXISTS (SELECT 1 FROM group_member gm WHERE gm.participant_id = r.participant_id)) x`);
  await step(
    c,
    'groups',
    `INSERT INTO class_group (id, provider_id, name, level_band, literacy, location, size_limit, teacher_user_id, schedule, active_from, created_by)
     SELECT DISTINCT ON (group_id) group_id, provider_id, 'bench ' || group_no, 'a1a2', 'literate', 'Hoorn', ${GROUP_SIZE},
       CASE WHEN provider_id = $1 AND group_no < ${TEACHER_GROUPS} THEN $2::uuid END, $3::jsonb, $4::date, $5
     FROM placement ORDER BY group_id`,
    [TAALPUNT, teacher, JSON.stringify(SCHEDULE), YEAR_FROM, creator],
  );
  await step(
    c,
    'memberships',
    `INSERT INTO group_member (id, group_id, participant_id, referral_id, municipality_id, literacy, member_from)
     SELECT gen_random_uuid(), group_id, participant_id, referral_id, municipality_id, 'literate', $1::date FROM placement`,
    [YEAR_FROM],
  );
  // The schedule's slots on every date of the year; about one lesson in a hundred cancelled by the provider.
  await step(
    c,
    'lessons',
    `INSERT INTO lesson (id, group_id, date, start_time, minutes, kind, cancelled_by_provider, scheduled_on, scheduled_start)
     SELECT gen_random_uuid(), g.id, d::date, s->>'startTime', (s->>'minutes')::int, s->>'kind', random() < 0.01, d::date, s->>'startTime'
     FROM class_group g CROSS JOIN generate_series($1::date, $2::date, interval '1 day') d
     CROSS JOIN LATERAL jsonb_array_elements(g.schedule) s
     WHERE g.name LIKE 'bench %' AND (s->>'weekday')::int = extract(isodow FROM d)`,
    [YEAR_FROM, YEAR_TO],
  );
  // The attendance table's indexes are dropped for the load and built again afterwards (much faster
  // than maintaining them row by row); their definitions are read from the catalogue, so whatever a
  // migration adds comes back as it was.
  const constraints = (await c.query<{ name: string; def: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'attendance'::regclass AND contype IN ('p', 'u')`,
  )).rows;
  const indexes = (await c.query<{ name: string; def: string }>(
    `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename = 'attendance' AND indexname <> ALL($1::text[])`,
    [constraints.map((k) => k.name)],
  )).rows;
  for (const i of indexes) await c.query(`DROP INDEX ${i.name}`);
  for (const k of constraints) await c.query(`ALTER TABLE attendance DROP CONSTRAINT ${k.name}`);
  // The read model's triggers on attendance (migration 0024) are off for the load: each monthly INSERT
  // would refresh its keys from an unindexed table (107–270 s a month at full scale, 2026-12-02). The
  // model is filled once for the bench groups after the indexes are back, with the migration's own SELECT.
  const modelTriggers = (await c.query<{ name: string }>(
    `SELECT tgname AS name FROM pg_trigger WHERE tgrelid = 'attendance'::regclass AND tgname LIKE 'attendance_month_%'`,
  )).rows;
  for (const t of modelTriggers) await c.query(`ALTER TABLE attendance DISABLE TRIGGER ${t.name}`);
  // A row per member per lesson held, month by month; each row draws its own outcome (attendance-outcomes.ts).
  for (let month = 1; month <= 12; month++) {
    const from = `2026-${String(month).padStart(2, '0')}-01`;
    const rows = `(SELECT l.id AS lesson_id, l.date, l.minutes, l.kind, gm.participant_id, gm.municipality_id
       FROM lesson l JOIN class_group g ON g.id = l.group_id AND g.name LIKE 'bench %' JOIN group_member gm ON gm.group_id = l.group_id
       WHERE l.date >= $1::date AND l.date < $2::date AND NOT l.cancelled_by_provider)`;
    await step(
      c,
      `attendance ${from.slice(0, 7)}`,
      `INSERT INTO attendance (lesson_id, participant_id, municipality_id, present, minutes_attended, reason, called_in, classification, version, recorded_by, recorded_at)
       ${attendanceOutcomes(rows, '$3::uuid')}`,
      [from, month === 12 ? '2027-01-01' : `2026-${String(month + 1).padStart(2, '0')}-01`, creator],
    );
  }
  for (const k of constraints) await step(c, `constraint ${k.name}`, `ALTER TABLE attendance ADD CONSTRAINT ${k.name} ${k.def}`);
  for (const i of indexes) await step(c, `index ${i.name}`, i.def);
  await c.query(`ANALYZE attendance`);
  await c.query(`ANALYZE lesson`);
  await step(
    c,
    'read model for the bench groups',
    `INSERT INTO attendance_month
     SELECT ap.participant_id, ap.group_id, ap.month, ap.municipality_id, ap.referral_id,
       sum(ap.offered), sum(ap.attended), sum(ap.made_up), sum(ap.authorised), sum(ap.unauthorised), sum(ap.unclassified),
       sum(ap.language), min(ap.evening), count(*)
     FROM attendance_part ap JOIN class_group g ON g.id = ap.group_id AND g.name LIKE 'bench %'
     GROUP BY ap.participant_id, ap.group_id, ap.month, ap.municipality_id, ap.referral_id`,
  );
  for (const t of modelTriggers) await c.query(`ALTER TABLE attendance ENABLE ALWAYS TRIGGER ${t.name}`);
  await c.query(`SET session_replication_role = origin`);
  await step(c, 'vacuum analyze', `VACUUM ANALYZE`);
}
