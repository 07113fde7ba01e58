// Attendance import and push (issue #4 items 5-6; R-EXC-1, R-EXC-2, R-ATT-7): all rows or none with
// the bad rows named, the same file twice changes nothing, a push is idempotent by its key, a large
// file streams, and a process killed mid-import leaves nothing behind.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser, Client, DB_KIND, PASSWORD, snapshot, startTestKoers, type TestKoers, type TestUser } from './support/koers.js';
import { aWorld, csvOf, csvStream, postStream, rowsOf, sessionCookie, startOnDisk, startServerProcess, type ServerProcess, type World } from './support/import-fixtures.js';

const TODAY = '2026-12-31';

describe(`attendance import and push on ${DB_KIND}`, () => {
  let t: TestKoers;
  let coordinatorUser: TestUser;
  let coordinator: Client;
  let w: World;
  const count = async (sql: string, params: unknown[] = []) => (await t.koers.db.query<{ n: number }>(sql, params))[0]?.n ?? -1;
  const attendanceRows = () => count('SELECT count(*)::int AS n FROM attendance a JOIN lesson l ON l.id = a.lesson_id WHERE l.group_id = $1', [w.groupId]);
  const upload = (csv: Buffer, type = 'text/csv') => coordinator.upload('/api/v1/imports/attendance', csv, type);

  beforeAll(async () => {
    t = await startTestKoers({ today: TODAY });
    coordinatorUser = await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland');
    coordinator = await Client.loggedIn(t, coordinatorUser);
    // 25 members × 200 lessons from 1 October 2026: 5,000 possible rows.
    w = await aWorld(t, { size: 25, lessonCount: 200, from: '2026-10-01', coordinator });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('one bad row among 1,000 stores nothing and names the row and field (R-EXC-2)', async () => {
    const before = await snapshot(t);
    // Data row i is file row i + 2 (the header is row 1): row 12 is data row 10.
    const res = await upload(csvOf(rowsOf(w, 1000, (r, i) => (i === 10 ? { ...r, present: 'misschien' } : r))));
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.invalidParams).toEqual([{ name: 'row 12.present', code: 'yesNo', reason: "Kolom 'aanwezig': vul ja of nee in." }]);
    expect(await snapshot(t)).toEqual(before);
    expect(await count('SELECT count(*)::int AS n FROM attendance_import')).toBe(0);
  });

  it('checks rows against lessons and members: not a member, minutes while absent, a row twice, many errors capped', async () => {
    const before = await snapshot(t);
    const rows = rowsOf(w, 300, (r, i) => {
      if (i === 0) return { ...r, participantId: '00000000-0000-4000-8000-000000000000' };
      if (i === 1) return { ...r, present: 'nee', minutes: '30' };
      if (i >= 100) return { ...r, minutes: '999' };
      return r;
    });
    const res = await upload(csvOf([...rows, rows[2] as (typeof rows)[number]]));
    expect(res.status).toBe(422);
    expect(res.body.invalidParams).toHaveLength(100);
    expect(res.body.invalidParams.slice(0, 2)).toMatchObject([
      { name: 'row 2.participantId', code: 'notAMember' },
      { name: 'row 3.minutesAttended', code: 'absentWithMinutes' },
    ]);
    expect(res.body.detail).toContain('203 fouten');
    expect(await snapshot(t)).toEqual(before);
  });

  let importId = '';
  it('the same valid file twice: applied once, the second answer says it is a duplicate (R-EXC-2)', async () => {
    const file = csvOf(rowsOf(w, 1000, (r, i) => (i === 5 ? { ...r, present: 'nee', calledIn: 'ja', reason: 'ziek' } : r)));
    const first = await upload(file);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ rows: 1000, created: 1000, changed: 0, unchanged: 0 });
    importId = first.body.importId;
    expect(await attendanceRows()).toBe(1000);
    const versions = await count('SELECT count(*)::int AS n FROM attendance_version');
    const second = await upload(file);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ duplicateOf: importId, created: 0, changed: 0 });
    expect(await attendanceRows()).toBe(1000);
    expect(await count('SELECT count(*)::int AS n FROM attendance_version')).toBe(versions);
    expect(await count('SELECT count(*)::int AS n FROM attendance_import')).toBe(1);
    const detail = await coordinator.get(`/api/v1/imports/${importId}`);
    expect(detail.body).toMatchObject({ importId, source: 'csv', status: 'applied', rows: 1000, created: 1000, errors: 0 });
    // A corrected file: one row changes, a new version of that row only (R-ATT-1).
    const corrected = await upload(csvOf(rowsOf(w, 1000, (r, i) => (i === 5 ? { ...r, present: 'ja' } : r))));
    expect(corrected.body).toMatchObject({ created: 0, changed: 1, unchanged: 999 });
    expect(await count('SELECT count(*)::int AS n FROM attendance_version')).toBe(versions + 1);
  });

  it('template: lessons held in the month × members, Dutch headers, no BSN; the XLSX round-trips', async () => {
    const csv = await coordinator.get(`/api/v1/imports/attendance/template.csv?groupId=${w.groupId}&month=2026-10`);
    expect(csv.status).toBe(200);
    const lines = String(csv.body).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('les-id;lesdatum;begintijd;deelnemer-id;klantnummer;naam;aanwezig;minuten aanwezig;reden afwezigheid;afgemeld');
    // October: 31 days × 3 lessons × 25 members.
    expect(lines).toHaveLength(1 + 93 * 25);
    // Rows name the participant by id and client number, never by BSN (nine digits).
    expect(String(csv.body)).not.toMatch(/\b\d{9}\b/);
    const xlsx = await fetch(`${t.url}/api/v1/imports/attendance/template.xlsx?groupId=${w.groupId}&month=2026-10`, { headers: { cookie: await sessionCookie(t.url, coordinatorUser.email, PASSWORD) } });
    expect(xlsx.status).toBe(200);
    const back = await upload(Buffer.from(await xlsx.arrayBuffer()), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(back.status, JSON.stringify(back.body)).toBe(201);
    // The first 1,000 rows were recorded above, prefilled in the sheet and so unchanged.
    expect(back.body).toMatchObject({ rows: 93 * 25, created: 93 * 25 - 1000, changed: 0, unchanged: 1000 });
    const other = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'leerhuis-noord'));
    expect((await other.get(`/api/v1/imports/attendance/template.csv?groupId=${w.groupId}&month=2026-10`)).status).toBe(404);
    expect((await other.get(`/api/v1/imports/${importId}`)).status).toBe(404);
    // Another provider naming our lessons gets row errors, never our data.
    const theirs = await other.upload('/api/v1/imports/attendance', csvOf(rowsOf(w, 2)), 'text/csv');
    expect(theirs.status).toBe(422);
    expect(theirs.body.invalidParams.map((p: { code: string }) => p.code)).toEqual(['unknownLesson', 'unknownLesson']);
  });

  it('push: Idempotency-Key required; the same key returns the first answer; all items or none (R-EXC-1)', async () => {
    const lesson = w.lessons[150]?.id ?? '';
    const items = w.members.map((participantId, i) => ({ lessonId: lesson, participantId, present: i !== 0, calledIn: false }));
    const push = (key: string | undefined, body: unknown) => coordinator.request('POST', '/api/v1/attendance-batches', body, key === undefined ? {} : { 'idempotency-key': key });
    expect((await push(undefined, { items })).status).toBe(400);
    expect((await push('x'.repeat(101), { items })).status).toBe(400);
    const before = await snapshot(t);
    const bad = await push('batch-1', { items: items.map((it, i) => (i === 3 ? { ...it, present: false, minutesAttended: 10 } : it)) });
    expect(bad.status).toBe(422);
    expect(bad.body.invalidParams).toEqual([{ name: 'items[3].minutesAttended', code: 'absentWithMinutes', reason: 'Afwezig heeft geen aanwezige minuten.' }]);
    expect(await snapshot(t)).toEqual(before);
    const first = await push('batch-1', { items });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ rows: 25, created: 25 });
    const versions = await count('SELECT count(*)::int AS n FROM attendance_version');
    const again = await push('batch-1', { items });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await count('SELECT count(*)::int AS n FROM attendance_version')).toBe(versions);
    const reused = await push('batch-1', { items: items.slice(1) });
    expect(reused.status).toBe(422);
    expect(reused.body.invalidParams[0].code).toBe('keyReused');
  });

  // Issue #4: a 100,000-row file imports without being loaded whole. The streaming is the server's, not the
  // database's: the full size runs on PostgreSQL (21 s), PGlite takes 20,000 rows (its 100,000 took 45 s of the
  // suite's 20-minute budget). bench/attendance-import.ts measures the throughput at full size.
  const bigRows = DB_KIND === 'postgres' ? 100_000 : 20_000;
  it(`a ${bigRows.toLocaleString('en')}-row CSV streams through; memory is printed`, async () => {
    const rows = bigRows;
    const big = await aWorld(t, { size: 30, lessonCount: Math.ceil(rows / 30), from: '2023-12-01', coordinator });
    const cookie = await sessionCookie(t.url, coordinatorUser.email, PASSWORD);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const started = Date.now();
    const res = await postStream(`${t.url}/api/v1/imports/attendance`, cookie, csvStream(big, rows));
    clearInterval(sampler);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ rows, created: rows });
    const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
    console.log(`[import ${DB_KIND}] ${rows} rows in ${Date.now() - started} ms; RSS before ${mb(rssBefore)}, peak ${mb(peak)}, after ${mb(process.memoryUsage().rss)}`);
    expect(await count('SELECT count(*)::int AS n FROM attendance a JOIN lesson l ON l.id = a.lesson_id WHERE l.group_id = $1', [big.groupId])).toBe(rows);
  }, 600_000);
});

describe(`a Koers process killed during an import on ${DB_KIND}`, () => {
  const secret = randomBytes(32).toString('hex');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'koers-kill-'));
  let t: TestKoers | undefined;
  afterAll(async () => {
    await t?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves no attendance row and no import row behind (R-EXC-2, all or nothing)', async () => {
    // Set-up in this process; PGlite on a directory the child takes over once this one has stopped.
    t = DB_KIND === 'postgres' ? await startTestKoers({ today: TODAY }) : await startOnDisk(dir, secret, TODAY);
    const user = await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland');
    const w = await aWorld(t, { size: 30, lessonCount: 2000, from: '2020-01-01', coordinator: await Client.loggedIn(t, user) });
    const env = { KOERS_SECRET: secret, KOERS_TODAY: TODAY, ...(DB_KIND === 'postgres' ? { DATABASE_URL: t.databaseUrl ?? '' } : { KOERS_DATA_DIR: dir }) };
    if (DB_KIND === 'pglite') await t.stop();
    let child: ServerProcess = await startServerProcess(env);
    const cookie = await sessionCookie(child.url, user.email, PASSWORD);
    if (DB_KIND === 'postgres' && t !== undefined) {
      // The child's scheduled run starts with it (on PostgreSQL at once) and is a transaction of its own;
      // on a loaded machine it can outlast the login. The claim below is about the upload: wait for it to end.
      for (let i = 0; i < 300 && (await openTransactions(t)) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    }
    let pulled = 0;
    // 60,000 rows, trickling after the first megabyte: the import is mid-upload when the kill comes.
    const upload = postStream(`${child.url}/api/v1/imports/attendance`, cookie, csvStream(w, 60_000, { pauseAfterBytes: 1_000_000, onPulled: (n) => (pulled = n) })).catch((err: unknown) => err);
    for (let i = 0; i < 600 && pulled < 1_500_000; i++) await new Promise((r) => setTimeout(r, 100));
    expect(pulled).toBeGreaterThan(1_500_000);
    if (DB_KIND === 'postgres' && t !== undefined) {
      // Issue #9 hole 7: the upload is read to its end before the transaction opens, so the waiting
      // child holds none. Asked as the database owner: the app role may not see another session.
      expect(await openTransactions(t), JSON.stringify(await openTransactionQueries(t))).toBe(0);
    }
    child.process.kill('SIGKILL');
    await child.exited;
    expect(await upload).toBeInstanceOf(Error);
    // Restarted, the database has recovered to before the import.
    child = await startServerProcess(env);
    child.process.kill('SIGTERM');
    await child.exited;
    if (DB_KIND === 'pglite') t = await startOnDisk(dir, secret, TODAY);
    const n = async (sql: string) => (await (t as TestKoers).koers.db.query<{ n: number }>(sql))[0]?.n;
    expect(await n('SELECT count(*)::int AS n FROM attendance')).toBe(0);
    expect(await n('SELECT count(*)::int AS n FROM attendance_version')).toBe(0);
    expect(await n('SELECT count(*)::int AS n FROM attendance_import')).toBe(0);
  }, 300_000);

  // PostgreSQL only: the test can hold the child's transaction at a lock, with every row staged and
  // applied but not committed, and kill it exactly there. (PGlite is owned by the child process.)
  it.runIf(DB_KIND === 'postgres')('killed inside the transaction, after the rows were applied and before the commit, it leaves nothing', async () => {
    t ??= await startTestKoers({ today: TODAY });
    const pgt = t;
    const user = await aUser(pgt, 'providerCoordinator', 'taalpunt-westfriesland');
    const w = await aWorld(pgt, { size: 30, lessonCount: 400, from: '2020-01-01', coordinator: await Client.loggedIn(pgt, user) });
    const child = await startServerProcess({ KOERS_SECRET: secret, KOERS_TODAY: TODAY, DATABASE_URL: pgt.databaseUrl ?? '' });
    const cookie = await sessionCookie(child.url, user.email, PASSWORD);
    const before = (await pgt.koers.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attendance'))[0]?.n;
    // The import's last statement records it in attendance_import; the lock makes it wait there.
    const admin = new pg.Client({ connectionString: pgt.databaseUrl });
    await admin.connect();
    await admin.query('BEGIN');
    await admin.query('LOCK TABLE attendance_import IN EXCLUSIVE MODE');
    const upload = postStream(`${child.url}/api/v1/imports/attendance`, cookie, csvStream(w, 12_000)).catch((err: unknown) => err);
    // Asked by another owner session: in the locking transaction pg_stat_activity is a fixed snapshot.
    const watcher = new pg.Client({ connectionString: pgt.databaseUrl });
    await watcher.connect();
    let waiting = 0;
    for (let i = 0; i < 1200 && waiting === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const rows = await watcher.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO attendance_import%'`);
      waiting = rows.rows[0]?.n ?? 0;
    }
    await watcher.end();
    expect(waiting).toBe(1);
    child.process.kill('SIGKILL');
    await child.exited;
    expect(await upload).toBeInstanceOf(Error);
    await admin.query('COMMIT');
    await admin.end();
    const n = async (sql: string) => (await pgt.koers.db.query<{ n: number }>(sql))[0]?.n;
    expect(await n('SELECT count(*)::int AS n FROM attendance')).toBe(before);
    expect(await n('SELECT count(*)::int AS n FROM attendance_import')).toBe(0);
  }, 300_000);
});

/** Transactions open in the test database, other than the asking one's (PostgreSQL). */
/** What the open transactions are running, for the message of a failed check. */
async function openTransactionQueries(t: TestKoers): Promise<string[]> {
  const admin = new pg.Client({ connectionString: t.databaseUrl });
  await admin.connect();
  try {
    const open = await admin.query<{ q: string }>(`SELECT state || ': ' || left(query, 120) AS q FROM pg_stat_activity WHERE datname = current_database() AND xact_start IS NOT NULL AND pid <> pg_backend_pid()`);
    return open.rows.map((r) => r.q);
  } finally {
    await admin.end();
  }
}

async function openTransactions(t: TestKoers): Promise<number> {
  const admin = new pg.Client({ connectionString: t.databaseUrl });
  await admin.connect();
  try {
    const open = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND xact_start IS NOT NULL AND pid <> pg_backend_pid()`);
    return open.rows[0]?.n ?? -1;
  } finally {
    await admin.end();
  }
}
