// Issue #2 items 1, 2, 10: start-up on both databases — migrations, contracts, demo region, lock file.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, describe, expect, it } from 'vitest';
import { createKoers } from '../src/app.js';
import { SHARED_BUFFERS, seedPgliteDataDir, templateKey } from '../src/cli/pglite-seed.js';
import { openPglite, openPostgres } from '../src/platform/db.js';
import { APP_ROLE, migrate } from '../src/platform/migrate.js';
import { DEMO_INVOICING_ROUTES } from '../src/features/demo/invoicing.js';
import { DEMO_PARTICIPATION } from '../src/features/demo/participation.js';
import { DEMO_TWENTE_PARTICIPANTS } from '../src/features/demo/twente-consultant.js';
import { HISTORY_SIZE } from '../src/features/demo/history-plan.js';
import { DB_KIND, freshPostgresDatabase, testConfig, Client, startTestKoers, portOf } from './support/koers.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'koers-test-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe(`start-up on ${DB_KIND}`, () => {
  it('a broken contract file stops the start with a message naming the file and the field', () => {
    const contracts = tempDir();
    cpSync(path.join(ROOT, 'contracts'), contracts, { recursive: true });
    const file = path.join(contracts, 'westfriesland.yaml');
    // Break the acknowledgement deadline's amount (first occurrence of "amount:" under deadlines).
    const broken = readFileSync(file, 'utf8').replace(/(acknowledgement:\s*\n\s*amount:)\s*\d+/, '$1 vijf');
    expect(broken).not.toBe(readFileSync(file, 'utf8'));
    writeFileSync(file, broken);
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'check-contracts'], {
      cwd: ROOT,
      env: { ...process.env, KOERS_CONTRACTS_DIR: contracts, KOERS_DATA_DIR: tempDir() },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('westfriesland.yaml');
    expect(r.stderr).toMatch(/versions\[0\]\.deadlines\.acknowledgement\.amount/);
  });

  it('migrates, loads the demo region once (idempotent) and serves health, readiness and a valid OpenAPI 3.1 document', async () => {
    const dataDir = tempDir();
    const pgdb = DB_KIND === 'postgres' ? await freshPostgresDatabase() : undefined;
    const config = testConfig({ dataDir, databaseUrl: pgdb?.url, demo: true, demoSize: 60 });
    try {
      const first = await createKoers(config);
      // The generator's 60, and the invoicing and participation demos' own participants when the (real) today leaves room for their history;
      const size = first.demo?.participants ?? 0;
      expect(first.demo?.loaded).toBe(true);
      // Issue #13: plus the demo year's routes (up to HISTORY_SIZE, as many as the real today leaves room for).
      // Issue #14: plus Enschede's consultant's participants (twente-consultant.ts), whatever the today.
      const bases = [60, 60 + DEMO_INVOICING_ROUTES.length, 60 + DEMO_INVOICING_ROUTES.length + DEMO_PARTICIPATION.length].map((b) => b + DEMO_TWENTE_PARTICIPANTS.length);
      expect(bases.some((b) => size >= b && size - b <= HISTORY_SIZE), `${size} participants`).toBe(true);
      const count = async (k: typeof first) => (await k.db.query<{ n: number }>('SELECT count(*)::int AS n FROM participant'))[0]?.n;
      expect(await count(first)).toBe(size);
      await first.stop();
      const second = await createKoers(config);
      expect(second.demo?.loaded).toBe(false);
      expect(await count(second)).toBe(size);
      await second.server.listen({ port: 0, host: '127.0.0.1' });
      const c = new Client(`http://127.0.0.1:${portOf(second.server)}`);
      expect((await c.get('/api/health')).body).toEqual({ status: 'ok' });
      expect((await c.get('/api/ready')).body).toMatchObject({ status: 'ready', database: DB_KIND, jobs: { scheduledRun: { running: false } }, outbox: { failed: 0 } });
      const spec = await c.get('/api/v1/openapi.json');
      expect(spec.body.openapi).toBe('3.1.0');
      const result = await new Validator().validate(spec.body);
      expect(result.errors ?? []).toEqual([]);
      expect(result.valid).toBe(true);
      const demo = await c.get('/api/v1/demo-accounts');
      expect(demo.body.items.length).toBeGreaterThanOrEqual(7);
      // Regression: demo referrals' timelines once carried ids that were no RFC 4122 UUIDs (500 on read).
      const consultant = new Client(`http://127.0.0.1:${portOf(second.server)}`);
      await consultant.post('/api/v1/sessions', { email: 'consultant.hoorn@koers.demo', password: 'koers-demo' });
      const referrals = (await consultant.get('/api/v1/referrals')).body.items as { id: string }[];
      expect(referrals.length).toBeGreaterThan(0);
      for (const r of referrals) expect((await consultant.get(`/api/v1/referrals/${r.id}`)).status).toBe(200);
      // Issue #4 item 8: the demo teacher has a group with months of attendance, and absence signals exist.
      const teacher = new Client(`http://127.0.0.1:${portOf(second.server)}`);
      await teacher.post('/api/v1/sessions', { email: 'docent.taalpunt@koers.demo', password: 'koers-demo' });
      const groups = (await teacher.get('/api/v1/groups')).body.items as { id: string; name: string }[];
      // The attendance demo's group, and (issue #13) the demo year's groups it teaches when the real today leaves room for them.
      expect(groups.map((g) => g.name)).toContain('B1 ochtend');
      expect(groups.map((g) => g.name).filter((n) => !['B1 ochtend', 'Jaargroep B1', 'Jaargroep Z'].includes(n))).toEqual([]);
      const group = await teacher.get(`/api/v1/groups/${groups[0]?.id}`);
      expect(group.status).toBe(200);
      const absence = await second.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM signal WHERE subject_type = 'participant'`);
      expect(absence[0]?.n).toBeGreaterThan(0);
      await second.stop();
    } finally {
      await pgdb?.drop();
    }
  });

  it.runIf(DB_KIND === 'pglite')('refuses a second process on the same PGlite data directory', async () => {
    const dataDir = tempDir();
    const config = testConfig({ dataDir });
    const first = await createKoers(config);
    try {
      await expect(createKoers(config)).rejects.toThrow(/Another Koers process/);
    } finally {
      await first.stop();
    }
    const again = await createKoers(config); // the lock is released on stop
    await again.stop();
  });

  // Issue #16: an empty data directory gets a copy of a migrated template instead of initdb and every migration.
  it.runIf(DB_KIND === 'pglite')('seeds an empty PGlite data directory from a migrated template, built once, and never touches a directory that exists', async () => {
    const root = path.join(tempDir(), 'templates');
    const a = tempDir();
    expect(await seedPgliteDataDir(a, { root })).toBe('built');
    expect(readdirSync(root)).toEqual([templateKey()]);
    const b = tempDir();
    expect(await seedPgliteDataDir(b, { root })).toBe('copied');
    expect(await seedPgliteDataDir(b, { root })).toBe('exists');
    // What a start finds there: every migration applied (nothing left for migrate to do) and the app role's grants.
    const db = await openPglite(path.join(b, 'pglite'));
    try {
      expect(await migrate(db)).toEqual([]);
      const files = readdirSync(path.join(ROOT, 'db', 'migrations')).filter((f) => f.endsWith('.sql'));
      expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migration'))[0]?.n).toBe(files.length);
      // initdb's 128 MB of shared buffers, all touched at start, made ~95 MB of the server's RSS.
      expect((await db.query<{ shared_buffers: string }>('SHOW shared_buffers'))[0]?.shared_buffers).toBe(SHARED_BUFFERS);
    } finally {
      await db.close();
    }
    // A start on it loads the demo as on a database PGlite made itself.
    const koers = await createKoers(testConfig({ dataDir: b, demo: true, demoSize: 20 }));
    try {
      expect(koers.demo?.loaded).toBe(true);
    } finally {
      await koers.stop();
    }
    // A directory that holds anything under pglite/ is left as it is (here: not a database at all).
    const c = tempDir();
    mkdirSync(path.join(c, 'pglite'));
    writeFileSync(path.join(c, 'pglite', 'keep'), 'x');
    expect(await seedPgliteDataDir(c, { root })).toBe('exists');
    expect(readdirSync(path.join(c, 'pglite'))).toEqual(['keep']);
  }, 180_000);

  it('migrate finds everything applied with one query, and grants again what a start that died before its grants left without', async () => {
    const t = await startTestKoers();
    const owner = DB_KIND === 'postgres' ? openPostgres(t.databaseUrl ?? '', { max: 1 }) : t.koers.db;
    try {
      if (DB_KIND === 'pglite') await owner.exec('RESET ROLE');
      expect(await migrate(owner)).toEqual([]);
      // A table the grants have not seen (as a migration applied by a start that stopped before grantAppRole).
      await owner.exec('CREATE TABLE startup_test_late (x int)');
      const granted = async () => (await owner.query<{ ok: boolean }>(`SELECT has_table_privilege('${APP_ROLE}', 'startup_test_late', 'SELECT') AS ok`))[0]?.ok;
      expect(await granted()).toBe(false);
      expect(await migrate(owner)).toEqual([]);
      expect(await granted()).toBe(true);
      await owner.exec('DROP TABLE startup_test_late');
    } finally {
      if (DB_KIND === 'pglite') await owner.exec(`SET ROLE ${APP_ROLE}`);
      else await owner.close();
      await t.stop();
    }
  });

  it('a route without a declared permission stops the server from starting', async () => {
    const t = await startTestKoers();
    try {
      const { buildServer } = await import('../src/platform/http/server.js');
      const deps = { db: t.koers.db, crypto: t.koers.crypto, clock: t.koers.clock, contracts: t.koers.contracts, demo: false, production: false };
      await expect(buildServer(deps, [(app) => app.get('/api/v1/undeclared', () => 'x')])).rejects.toThrow(/declares no permission/);
    } finally {
      await t.stop();
    }
  });
});
