// Issue #9 hole 7: one slow upload must not stop everyone. The attendance import used to stream the
// request into its staging table inside the transaction, so on PGlite (one connection) a stalled upload
// held the database until it resumed, and on PostgreSQL it held a connection and the lessons' locks. Now
// the upload is read, parsed and checked first (spooled to a temporary file) and only then staged and
// applied in one transaction. No timing: the upload resumes only once the other requests have answered,
// so on the old code this test hangs until its timeout.
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser, Client, DB_KIND, PASSWORD, startTestKoers, type TestKoers } from './support/koers.js';
import { STALE_AFTER_MS } from '../src/features/imports/spool.js';
import { aWorld, csvOf, HEADER, rowsOf, sessionCookie, type World } from './support/import-fixtures.js';

const TODAY = '2026-12-31';
const ROWS = 12_000;

describe(`a stalled attendance upload on ${DB_KIND}`, () => {
  let t: TestKoers;
  let w: World;
  let cookie: string;
  let upload: http.ClientRequest | undefined;

  beforeAll(async () => {
    t = await startTestKoers({ today: TODAY });
    const user = await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland');
    w = await aWorld(t, { size: 20, lessonCount: ROWS / 20, from: '2026-01-05', coordinator: await Client.loggedIn(t, user) });
    cookie = await sessionCookie(t.url, user.email, PASSWORD);
  });
  afterAll(async () => {
    upload?.destroy();
    await t?.stop();
  });

  const lines = (from: number, to: number) => {
    const out: string[] = [];
    for (let i = from; i < to; i++) {
      const lesson = w.lessons[Math.floor(i / w.members.length)];
      out.push(`${lesson?.id ?? ''};${lesson?.date ?? ''};;${w.members[i % w.members.length] ?? ''};;;ja;;;nee`);
    }
    return `${out.join('\n')}\n`;
  };

  /** Resolves once the server has read `bytes` of the request body: the import is under way. */
  function serverHasRead(bytes: number): Promise<void> {
    return new Promise((resolve) => {
      t.koers.server.server.once('request', (req: http.IncomingMessage) => {
        const check = () => (req.socket.bytesRead >= bytes ? resolve() : setTimeout(check, 20));
        check();
      });
    });
  }

  it('other requests that need the database answer while the upload waits; the finished upload is applied once', async () => {
    const half = `${HEADER}\n${lines(0, ROWS / 2)}`;
    const reading = serverHasRead(Buffer.byteLength(half) / 2);
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      upload = http.request(`${t.url}/api/v1/imports/attendance`, { method: 'POST', headers: { 'content-type': 'text/csv', cookie } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      upload.on('error', reject);
    });
    // On the old code the test times out and afterAll cuts the upload off: no unhandled rejection then.
    answer.catch(() => undefined);
    upload?.write(half);
    // The server's import reads past the socket buffers only when it is consuming the body.
    await reading;

    // Meanwhile: the readiness check and a logged-in request, both of which query the database.
    const other = new Client(t.url);
    const [ready, current] = await Promise.all([other.get('/api/ready'), fetch(`${t.url}/api/v1/sessions/current`, { headers: { cookie } })]);
    expect(ready.status).toBe(200);
    expect(current.status).toBe(200);
    if (t.databaseUrl !== undefined) {
      // On PostgreSQL the stalled upload holds no transaction either (no connection, no lesson locks).
      const admin = new pg.Client({ connectionString: t.databaseUrl });
      await admin.connect();
      const open = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND xact_start IS NOT NULL AND pid <> pg_backend_pid()`);
      await admin.end();
      expect(open.rows[0]?.n).toBe(0);
    }

    // Only now does the rest of the file arrive.
    upload?.end(lines(ROWS / 2, ROWS));
    const res = await answer;
    expect(res.status, res.body).toBe(201);
    expect(JSON.parse(res.body)).toMatchObject({ rows: ROWS, created: ROWS });
    const n = async (sql: string, params: unknown[] = []) => (await t.koers.db.query<{ n: number }>(sql, params))[0]?.n;
    expect(await n('SELECT count(*)::int AS n FROM attendance a JOIN lesson l ON l.id = a.lesson_id WHERE l.group_id = $1', [w.groupId])).toBe(ROWS);
    expect(await n('SELECT count(*)::int AS n FROM attendance_import')).toBe(1);
  });

  it('a spool left by a killed process is removed by a later import once it is a day old; a recent one is left', async () => {
    const left = (ageMs: number) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'koers-import-'));
      writeFileSync(path.join(dir, 'rows.ndjson'), 'unreadable without its key');
      const at = new Date(Date.now() - ageMs);
      utimesSync(dir, at, at);
      return dir;
    };
    const stale = left(STALE_AFTER_MS + 60_000);
    const recent = left(60_000);
    try {
      const res = await fetch(`${t.url}/api/v1/imports/attendance`, { method: 'POST', headers: { 'content-type': 'text/csv', cookie }, body: new Uint8Array(csvOf(rowsOf(w, 1, (r) => ({ ...r, present: 'misschien' })))) });
      expect(res.status).toBe(422);
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(recent)).toBe(true);
    } finally {
      rmSync(recent, { recursive: true, force: true });
    }
  });
});
