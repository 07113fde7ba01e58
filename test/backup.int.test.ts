// Issue #17 (BIO2 8.13): the backup of a running installation restores into a fresh, empty database —
// every table's row count equal, participants readable through the normal service, their BSN found and
// decrypted with the same key — and a restore into a database that is not empty is refused. On PGlite the
// running server makes the dump (GET /api/v1/system/backup); on PostgreSQL `npm run backup` runs pg_dump.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKoers, type Koers } from '../src/app.js';
import { backupCommand, restoreCommand } from '../src/cli/backup.js';
import { assertKind, BackupRefused, kindOfBackup } from '../src/features/backup/backup.js';
import { SettableClock } from '../src/platform/clock.js';
import { openPglite, type Db } from '../src/platform/db.js';
import { aParticipantInput, aUser, Client, DB_KIND, freshPostgresDatabase, portOf, startTestKoers, testConfig, type TestKoers, type TestUser } from './support/koers.js';

const SECRET = 'backup-round-trip-secret-0123456789abcdef0123456789abcdef';

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = await db.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const counts: Record<string, number> = {};
  for (const { t } of tables) counts[t] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`))[0]!.n;
  return counts;
}

describe(`backup and restore (${DB_KIND})`, () => {
  let t: TestKoers;
  let consultant: TestUser;
  const dir = mkdtempSync(path.join(tmpdir(), 'koers-backup-'));
  const made: { id: string; bsn: string }[] = [];
  let restored: Koers | undefined;
  let target: { config: ReturnType<typeof testConfig>; drop: () => Promise<void> };

  beforeAll(async () => {
    t = await startTestKoers({ config: { secret: SECRET } });
    consultant = await aUser(t, 'consultant', 'hoorn');
    const c = await Client.loggedIn(t, consultant);
    for (let i = 0; i < 4; i++) {
      const input = aParticipantInput();
      const res = await c.post('/api/v1/participants', input);
      expect(res.status).toBe(201);
      made.push({ id: res.body.id, bsn: String(input.bsn) });
    }
    const pg = DB_KIND === 'postgres' ? await freshPostgresDatabase() : undefined;
    target = pg !== undefined ? { config: testConfig({ secret: SECRET, databaseUrl: pg.url }), drop: pg.drop } : { config: testConfig({ secret: SECRET, dataDir: path.join(dir, 'restored') }), drop: () => Promise.resolve() };
  });

  afterAll(async () => {
    await restored?.stop();
    await t?.stop();
    await target?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores into a fresh database with every row, readable with the same key; a non-empty target is refused', async () => {
    const file = path.join(dir, 'koers.backup');
    if (DB_KIND === 'pglite') {
      // A consultant may not take one (before the backup, so its lines are in it).
      expect((await (await Client.loggedIn(t, consultant)).get('/api/v1/system/backup')).status).toBe(404);
      const admin = await Client.loggedIn(t, await aUser(t, 'admin'));
      const res = await admin.bytes('/api/v1/system/backup');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/gzip');
      const bytes = res.bytes;
      writeFileSync(file, bytes);
      expect(kindOfBackup(bytes)).toBe('pglite');
    } else {
      await backupCommand(testConfig({ databaseUrl: t.databaseUrl }), file);
    }
    const before = await rowCounts(t.koers.db);
    expect(before.participant).toBe(4);

    await restoreCommand(target.config, file);
    await expect(restoreCommand(target.config, file)).rejects.toThrow(BackupRefused);
    await expect(restoreCommand(target.config, file)).rejects.toThrow(/niet leeg/);

    restored = await createKoers(target.config, { clock: new SettableClock('2026-12-23'), logger: false });
    expect(await rowCounts(restored.db)).toEqual(before);
    await restored.server.listen({ port: 0, host: '127.0.0.1' });
    const c = await Client.loggedIn({ url: `http://127.0.0.1:${portOf(restored.server)}` } as TestKoers, consultant);
    for (const p of made.slice(0, 2)) {
      const detail = await c.get(`/api/v1/participants/${p.id}`);
      expect(detail.status).toBe(200);
      expect(detail.body.bsnMasked.endsWith(p.bsn.slice(-4))).toBe(true);
      const found = await c.post('/api/v1/participants/search', { bsn: p.bsn });
      expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([p.id]);
      const [row] = await restored.db.query<{ enc: string }>('SELECT bsn_encrypted AS enc FROM participant WHERE id = $1', [p.id]);
      expect(restored.crypto.decrypt(row!.enc)).toBe(p.bsn);
    }
    if (DB_KIND === 'pglite') {
      // A dump holds the database for its length: a second within the minute is refused, as problem+json.
      const again = await (await Client.loggedIn(t, await aUser(t, 'admin'))).get('/api/v1/system/backup');
      expect(again.status).toBe(429);
      expect(again.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it.runIf(DB_KIND === 'pglite')('npm run backup refuses a data directory a Koers runs on, and backs up a stopped one', async () => {
    const file = path.join(dir, 'offline.tar.gz');
    await expect(backupCommand(target.config, file)).rejects.toThrow(/GET \/api\/v1\/system\/backup/);
    const counts = await rowCounts(restored!.db);
    await restored!.stop();
    restored = undefined;
    await backupCommand(target.config, file);
    const again = testConfig({ secret: SECRET, dataDir: path.join(dir, 'again') });
    await restoreCommand(again, file);
    const copy = await openPglite(path.join(again.dataDir, 'pglite'));
    try {
      expect(await rowCounts(copy)).toEqual(counts);
    } finally {
      await copy.close();
    }
  });
});

describe('a backup of the other kind', () => {
  it('is refused before anything is touched', () => {
    expect(() => assertKind(Buffer.from('PGDMP\x01\x0e'), 'pglite')).toThrow(/PostgreSQL-back-up/);
    expect(() => assertKind(Buffer.from([0x1f, 0x8b, 8, 0]), 'postgres')).toThrow(/PGlite-back-up/);
    expect(() => assertKind(Buffer.from('hello'), 'postgres')).toThrow(BackupRefused);
  });
});
