// Issue #16, a design decision: an import's absence and hours rules (R-ATT-4, R-HRS-2, R-HRS-3) run right
// after its commit, from the rows the import committed into import_rules_pending
// (src/features/imports/pending-rules.ts). A process that dies between the commit and the rules loses no
// signal and raises none twice: the next start raises exactly what the per-participant raisers compute
// from all facts, and a second run raises nothing more.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createKoers, type Koers } from '../src/app.js';
import { absenceFactsOf } from '../src/features/groups/placement.js';
import { hoursFactsOf } from '../src/features/hours/store.js';
import { runPendingImportRules } from '../src/features/imports/pending-rules.js';
import { raiseAbsenceSignals } from '../src/features/signals/raisers/absence.js';
import { raiseHoursSignals } from '../src/features/signals/raisers/hours.js';
import { SettableClock } from '../src/platform/clock.js';
import type { Db, Queryable } from '../src/platform/db.js';
import { aWorld, csvOf, rowsOf, sessionCookie, startServerProcess, type World } from './support/import-fixtures.js';
import { aUser, Client, DB_KIND, freshPostgresDatabase, PASSWORD, portOf, startTestKoers, testConfig, type TestKoers, type TestUser } from './support/koers.js';

const TODAY = '2026-12-15';
const SIGNALS = `SELECT cause, subject_type, subject_id, period, participant_id, status, due_date::text, raised_on::text, resolved_on::text FROM signal ORDER BY cause, subject_type, subject_id, period`;

/** Every fourth row a no-show (absent, not called in, no reason), every seventh excused: absence signals are due. */
function rowsWithAbsences(w: World) {
  return rowsOf(w, w.members.length * 90, (r, i) => (i % 4 === 1 ? { ...r, present: 'nee', calledIn: 'nee' } : i % 7 === 3 ? { ...r, present: 'nee', reason: 'ziek', calledIn: 'ja' } : r));
}

/** What the per-participant raisers compute from all facts (the full run), in a transaction rolled back. */
async function reference(db: Db, koers: Koers): Promise<unknown[]> {
  let out: unknown[] = [];
  await db
    .transaction(async (tx) => {
      await fullRun(tx, koers);
      out = await tx.query(SIGNALS);
      throw new Error('rollback');
    })
    .catch((err: unknown) => {
      if (!(err instanceof Error && err.message === 'rollback')) throw err;
    });
  return out;
}

async function fullRun(tx: Queryable, koers: Koers): Promise<void> {
  for (const { id } of await tx.query<{ id: string }>(`SELECT id FROM participant ORDER BY id`)) {
    await raiseAbsenceSignals(tx, await absenceFactsOf(tx, koers.contracts, id), TODAY);
    await raiseHoursSignals(tx, await hoursFactsOf(tx, koers.contracts, id), TODAY);
  }
}

const count = async (db: Queryable, sql: string) => (await db.query<{ n: number }>(sql))[0]?.n;

/** A Koers on the test database (a PGlite directory or a PostgreSQL database), as a restart would open it. */
async function open(where: { dataDir: string } | { databaseUrl: string }, secret: string, importRulesAfterCommit: boolean): Promise<TestKoers> {
  const clock = new SettableClock(TODAY);
  const koers = await createKoers(testConfig({ ...where, secret }), { clock, logger: false, importRulesAfterCommit });
  await koers.server.listen({ port: 0, host: '127.0.0.1' });
  return { koers, clock, url: `http://127.0.0.1:${portOf(koers.server)}`, databaseUrl: 'databaseUrl' in where ? where.databaseUrl : undefined, stop: () => koers.stop() };
}

describe(`an import's rules after its commit on ${DB_KIND}`, () => {
  const secret = randomBytes(32).toString('hex');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'koers-rules-'));
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stopped between the commit and the rules, the next start raises what a full run computes, once', async () => {
    const pgdb = DB_KIND === 'postgres' ? await freshPostgresDatabase() : undefined;
    if (pgdb !== undefined) cleanup.push(() => pgdb.drop());
    const where = pgdb !== undefined ? { databaseUrl: pgdb.url } : { dataDir: dir };
    // The first process commits the import and stops before its rules run (as a kill there would).
    let t = await open(where, secret, false);
    try {
      const coordinator = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
      const w = await aWorld(t, { size: 4, lessonCount: 90, from: '2026-09-01', coordinator });
      const before = await t.koers.db.query(SIGNALS);
      const res = await coordinator.upload('/api/v1/imports/attendance', csvOf(rowsWithAbsences(w)), 'text/csv');
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      await t.koers.importRules.drain();
      // The facts are in; the rules wait, one row per participant of the import.
      expect(await count(t.koers.db, `SELECT count(*)::int AS n FROM import_rules_pending`)).toBe(w.members.length);
      expect(await t.koers.db.query(SIGNALS)).toEqual(before);
    } finally {
      await t.stop();
    }
    t = await open(where, secret, true);
    try {
      const expected = await reference(t.koers.db, t.koers);
      // The case proves something only when the import calls for absence signals.
      expect((expected as { cause: string }[]).filter((s) => s.cause.startsWith('absence.')).length).toBeGreaterThan(0);
      // The start took the pending rows (src/app.ts): the signals are those of the full run.
      await t.koers.importRules.drain();
      expect(await count(t.koers.db, `SELECT count(*)::int AS n FROM import_rules_pending`)).toBe(0);
      expect(await t.koers.db.query(SIGNALS)).toEqual(expected);
      // Run again, nothing is left and nothing is raised twice.
      expect(await runPendingImportRules(t.koers.db, t.koers.contracts, TODAY)).toBe(0);
      expect(await t.koers.db.query(SIGNALS)).toEqual(expected);
    } finally {
      await t.stop();
    }
  }, 180_000);

  // PostgreSQL only: the test holds the child's rules at a lock on the signal table, after the import has
  // committed, and kills the process exactly there (PGlite is owned by its one process).
  it.runIf(DB_KIND === 'postgres')('killed with -9 while its rules run, the rules roll back, stay pending and run at the next start', async () => {
    const t = await startTestKoers({ today: TODAY });
    cleanup.push(() => t.stop());
    const user: TestUser = await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland');
    const w = await aWorld(t, { size: 4, lessonCount: 90, from: '2026-09-01', coordinator: await Client.loggedIn(t, user) });
    const env = { KOERS_SECRET: secret, KOERS_TODAY: TODAY, DATABASE_URL: t.databaseUrl ?? '' };
    let child = await startServerProcess(env);
    const admin = new pg.Client({ connectionString: t.databaseUrl });
    await admin.connect();
    try {
      // The child's own scheduled run starts with it and writes signals too: let it end before the lock.
      await scheduledRunEnded(child.url);
      const before = await t.koers.db.query(SIGNALS);
      const cookie = await sessionCookie(child.url, user.email, PASSWORD);
      await admin.query('BEGIN');
      await admin.query('LOCK TABLE signal IN EXCLUSIVE MODE');
      const body = csvOf(rowsWithAbsences(w));
      const res = await fetch(`${child.url}/api/v1/imports/attendance`, { method: 'POST', headers: { 'content-type': 'text/csv', cookie }, body: new Uint8Array(body) });
      // The import does not wait for its rules: it has committed and answered.
      expect(res.status, await res.clone().text()).toBe(201);
      const watcher = new pg.Client({ connectionString: t.databaseUrl });
      await watcher.connect();
      try {
        await waitFor(watcher, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ~ '(INSERT INTO|UPDATE) signal'`, 1);
      } finally {
        await watcher.end();
      }
      child.process.kill('SIGKILL');
      await child.exited;
      await admin.query('COMMIT');
      expect(await count(t.koers.db, `SELECT count(*)::int AS n FROM attendance a JOIN lesson l ON l.id = a.lesson_id WHERE l.group_id = '${w.groupId}'`)).toBe(w.members.length * 90);
      expect(await count(t.koers.db, `SELECT count(*)::int AS n FROM import_rules_pending`)).toBe(w.members.length);
      expect(await t.koers.db.query(SIGNALS)).toEqual(before);
      const expected = await reference(t.koers.db, t.koers);
      expect((expected as { cause: string }[]).filter((s) => s.cause.startsWith('absence.')).length).toBeGreaterThan(0);
      // Restarted, the process takes the pending rows at its start.
      child = await startServerProcess(env);
      await waitFor(admin, `SELECT count(*)::int AS n FROM import_rules_pending`, 0);
      await scheduledRunEnded(child.url);
      expect(await t.koers.db.query(SIGNALS)).toEqual(expected);
    } finally {
      // A failed wait must not leave the lock: the child's stop waits for its rules.
      await admin.query('ROLLBACK').catch(() => undefined);
      child.process.kill('SIGKILL');
      await child.exited;
      await admin.end();
    }
  }, 300_000);
});

/** Waits for the first scheduled run of a server to end (GET /api/ready, issue #17). */
async function scheduledRunEnded(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const health = (await (await fetch(`${url}/api/ready`)).json()) as { jobs?: { scheduledRun?: { running: boolean; lastEndedAt: string | null } } };
    const run = health.jobs?.scheduledRun;
    if (run !== undefined && !run.running && run.lastEndedAt !== null) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the scheduled run did not end');
}

/** Polls `sql` (a count `n`) until it is `want`, for at most a minute. */
async function waitFor(client: pg.Client, sql: string, want: number): Promise<void> {
  let n = -1;
  for (let i = 0; i < 300; i++) {
    n = (await client.query<{ n: number }>(sql)).rows[0]?.n ?? -1;
    if (n === want) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  const activity = await client.query(`SELECT state, wait_event_type, left(query, 200) AS q FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
  throw new Error(`${sql}: ${n}, waited for ${want}; sessions: ${JSON.stringify(activity.rows)}`);
}

