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

  const counts = async () =>
    (await t.koers.db.query<{ signals: number; distinct: number; breached: number }>(
      `SELECT count(*)::int AS signals, count(DISTINCT (cause, subject_id, period))::int AS distinct, count(breached_on)::int AS breached FROM signal`,
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
      // Summed over the racing runs, each signal was raised once and each breach marked once (so a
      // breach mail is queued once), whichever run got there first.
      const reports = results.map((r) => JSON.parse(r.out.trim().split('\n').pop() ?? '""') as { raised: number; breached: number } | 'skipped');
      const sum = (k: 'raised' | 'breached') => reports.reduce((n, r) => n + (r === 'skipped' ? 0 : r[k]), 0);
      expect(sum('raised')).toBe(20);
      expect(sum('breached')).toBe(20);
    });
  }
});
