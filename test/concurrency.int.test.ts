// Issue #3: several app processes on one PostgreSQL run the signal engine at the same moment; each
// signal (and each breach mark) exists once. Runs on PostgreSQL only: PGlite is one process.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const ROOT = path.resolve(import.meta.dirname, '..');

function runEngineProcess(databaseUrl: string, today: string, noLock: boolean): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const args = ['--import', 'tsx', 'src/cli/main.ts', 'run-signals', ...(noLock ? ['--no-lock'] : [])];
    const p = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, KOERS_TODAY: today, KOERS_SECRET: 'x'.repeat(40), KOERS_DEMO: '0' } });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    p.on('exit', (code) => resolve({ code, out }));
  });
}

/** Starts a full Koers server process on the database; resolves once it listens (its engine has run by then). */
function startServerProcess(databaseUrl: string, today: string): Promise<{ stop: () => Promise<void>; out: () => string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, KOERS_TODAY: today, KOERS_SECRET: 'x'.repeat(40), KOERS_DEMO: '0', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const stop = () =>
      new Promise<void>((done) => {
        p.once('exit', () => done());
        p.kill('SIGTERM');
      });
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Koers draait op')) {
        clearTimeout(timer);
        resolve({ stop, out: () => out });
      }
    });
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    p.on('exit', (code) => {
      clearTimeout(timer);
      if (!out.includes('Koers draait op')) reject(new Error(`server exited ${String(code)}:\n${out}`));
    });
  });
}

describe.runIf(DB_KIND === 'postgres')('signal engine in two processes on one PostgreSQL', () => {
  let t: TestKoers;
  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-12-23' });
    const consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    for (let i = 0; i < 20; i++) {
      await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: organisationId('provider', 'taalpunt-westfriesland'), productCode: 'b1_language' } }));
    }
  });
  afterAll(async () => {
    await t?.stop();
  });

  // The referrals' signals; the server's scheduled run also raises the report signals of issue #13
  // (periodicReport.*, one per report instance a provider owes), counted apart.
  const counts = async (reports = false) =>
    (await t.koers.db.query<{ signals: number; distinct: number; breached: number }>(
      `SELECT count(*)::int AS signals, count(DISTINCT (cause, subject_id, period))::int AS distinct, count(breached_on)::int AS breached FROM signal
       WHERE (cause LIKE 'periodicReport.%') = $1`,
      [reports],
    ))[0];

  for (const noLock of [false, true]) {
    it(`${noLock ? 'without' : 'with'} the advisory lock: each signal and each breach exactly once`, async () => {
      // Forget what earlier runs made, so the processes below race to create all of it.
      await t.koers.db.query('DELETE FROM signal');
      const url = t.databaseUrl ?? '';
      const today = '2027-01-05';
      const results = await Promise.all([runEngineProcess(url, today, noLock), runEngineProcess(url, today, noLock), runEngineProcess(url, today, noLock)]);
      for (const r of results) expect(r.code, r.out).toBe(0);
      const c = await counts();
      expect(c?.signals).toBe(c?.distinct);
      // 20 referrals, each owes its acknowledgement (due 2026-12-31): overdue on both dates.
      expect(c?.breached).toBe(20);
      expect(c?.signals).toBe(20);
      // The command runs what a server's hourly run does (src/features/scheduled-run.ts): the report
      // signals of issue #13 too, each once (Q4 2026's reports fall due in January 2027).
      const r = await counts(true);
      expect(r?.signals).toBeGreaterThan(0);
      expect(r?.signals).toBe(r?.distinct);
      // Summed over the racing runs, each signal was raised once and each breach marked once (so a
      // breach mail is queued once), whichever run got there first.
      const reports = results.map((p) => JSON.parse(p.out.trim().split('\n').pop() ?? '""') as { raised: number; breached: number } | 'skipped');
      const sum = (k: 'raised' | 'breached') => reports.reduce((n, p) => n + (p === 'skipped' ? 0 : p[k]), 0);
      expect(sum('raised')).toBe(20 + (r?.signals ?? 0));
      expect(sum('breached')).toBe(20 + (r?.breached ?? 0));
    });
  }

  it('two Koers servers started at once on one database: each runs its scheduled engine at start, each signal exists once', async () => {
    await t.koers.db.query('DELETE FROM signal');
    const url = t.databaseUrl ?? '';
    const servers = await Promise.all([startServerProcess(url, '2027-01-05'), startServerProcess(url, '2027-01-05')]);
    try {
      // The start-up run happens before listening, but let a slower one finish its transaction.
      for (let i = 0; i < 50; i++) {
        const n = (await counts())?.signals ?? 0;
        if (n >= 20) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const c = await counts();
      expect(c?.signals).toBe(20);
      expect(c?.distinct).toBe(20);
      expect(c?.breached).toBe(20);
      const r = await counts(true);
      expect(r?.signals).toBeGreaterThan(0);
      expect(r?.signals).toBe(r?.distinct);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  });
});
