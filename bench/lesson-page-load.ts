// Benchmark (issue #4 item 9c): the teacher's lesson page, GET /api/v1/lessons/:id (lesson, roster of the
// class on that date, recorded attendance; one audit line per member), under concurrent load with
// autocannon, against a bare Fastify route on a pg pool that runs the same reads as one hand-written
// query (the lesson in the teacher's groups, its members on that date, their attendance). Both servers
// run in this process; autocannon runs in a worker thread so the load does not share the servers'
// event loop (bench/read-load.ts). Variant and baseline run back-to-back, BENCH_ROUNDS (default 2) times each.
// Run: npx tsx bench/lesson-page-load.ts (BENCH_DURATION seconds per run, default 20; BENCH_CONNECTIONS,
// default 10; BENCH_SCALE / BENCH_KEEP / BENCH_DATABASE_URL as in bench/support/attendance-dataset.ts).
import Fastify from 'fastify';
import pg from 'pg';
import { openAttendanceDataset, TAALPUNT } from './support/attendance-dataset.js';
import { appAgainstBare, clearAuditLines, CONNECTIONS, DURATION, ROUNDS } from './read-load.js';

// The bare route's one statement: the lesson if the teacher teaches its group, with the members on the
// lesson's date (member_to exclusive) and their attendance, as JSON.
const BARE_SQL = `
  SELECT json_build_object('lesson', json_build_object('id', l.id, 'groupId', l.group_id, 'groupName', g.name, 'date', l.date, 'startTime', l.start_time,
      'minutes', l.minutes, 'kind', l.kind, 'cancelledByProvider', l.cancelled_by_provider),
    'roster', COALESCE((SELECT json_agg(json_build_object('participantId', gm.participant_id, 'givenName', p.given_name, 'familyName', p.family_name,
        'recorded', a.lesson_id IS NOT NULL, 'present', COALESCE(a.present, true), 'minutesAttended', COALESCE(a.minutes_attended, l.minutes),
        'reason', a.reason, 'calledIn', COALESCE(a.called_in, false), 'classification', a.classification, 'version', COALESCE(a.version, 0))
        ORDER BY p.family_name, p.given_name, p.id)
      FROM group_member gm JOIN participant p ON p.id = gm.participant_id
      LEFT JOIN attendance a ON a.lesson_id = l.id AND a.participant_id = gm.participant_id
      WHERE gm.group_id = l.group_id AND gm.member_from <= l.date AND (gm.member_to IS NULL OR gm.member_to > l.date)), '[]'::json)) AS page
  FROM lesson l JOIN class_group g ON g.id = l.group_id
  WHERE l.id = $1 AND g.provider_id = $2 AND g.teacher_user_id = $3`;

async function main(): Promise<void> {
  const ds = await openAttendanceDataset();
  const pool = new pg.Pool({ connectionString: ds.databaseUrl, max: 10 });
  const bare = Fastify({ logger: false });
  try {
    const teacher = (await ds.admin.query<{ id: string }>(`SELECT id FROM app_user WHERE email = 'docent.taalpunt@koers.demo'`)).rows[0]?.id ?? '';
    // Lessons the teacher taught in the last quarter, each with its class recorded.
    const ids = (await ds.admin.query<{ id: string }>(
      `SELECT l.id FROM lesson l JOIN class_group g ON g.id = l.group_id
       WHERE g.teacher_user_id = $1 AND l.date BETWEEN '2026-10-01' AND '2026-12-31' AND NOT l.cancelled_by_provider ORDER BY md5(l.id::text) LIMIT 500`,
      [teacher],
    )).rows.map((r) => r.id);
    if (ids.length === 0) throw new Error('the demo teacher has no lessons');
    const login = await fetch(`${ds.url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'docent.taalpunt@koers.demo', password: 'koers-demo' }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    if (login.status !== 201) throw new Error(`login ${login.status}`);
    const check = await fetch(`${ds.url}/api/v1/lessons/${ids[0]}`, { headers: { cookie } });
    const checked = (await check.json()) as { roster?: unknown[] };
    if (checked.roster === undefined) throw new Error(`lesson page ${check.status}: ${JSON.stringify(checked)}`);
    const roster = checked.roster.length;

    bare.get<{ Params: { id: string } }>('/lessons/:id', async (req, reply) => {
      const r = await pool.query<{ page: unknown }>(BARE_SQL, [req.params.id, TAALPUNT, teacher]);
      if (r.rows[0] === undefined) return reply.status(404).send({ status: 404 });
      return r.rows[0].page;
    });
    const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
    const bareCheck = (await (await fetch(`${bareUrl}/lessons/${ids[0]}`)).json()) as { roster: unknown[] };
    if (bareCheck.roster.length !== roster) throw new Error(`bare roster ${bareCheck.roster.length} ≠ ${roster}`);

    console.log(`lesson page under load: ${ids.length} lessons of the teacher's ${roster}-member classes, ${CONNECTIONS} connections, ${DURATION} s per run, ${ROUNDS} rounds back-to-back:`);
    await clearAuditLines(ds.admin);
    await appAgainstBare(
      { label: `application (session + scope + the reads + ${roster} audit lines in one transaction + zod)`, url: ds.url, paths: ids.map((id) => `/api/v1/lessons/${id}`), headers: { cookie } },
      { label: 'bare Fastify + pg, one query', url: bareUrl, paths: ids.map((id) => `/lessons/${id}`) },
    );
  } finally {
    await bare.close();
    await pool.end();
    await ds.close();
  }
}

await main();
