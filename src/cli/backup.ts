// `koers backup <file>` and `koers restore <file>` (issue #17, BIO2 8.13; docs/backup.md).
import { readFileSync, writeFileSync } from 'node:fs';
import { assertKind, BackupRefused, backupPgliteOffline, backupPostgres, restorePglite, restorePostgres } from '../features/backup/backup.js';
import type { Config } from '../platform/config.js';
import { lockDataDir } from '../platform/lockfile.js';

function fileArg(file: string | undefined, command: string): string {
  if (file === undefined || file === '') throw new BackupRefused(`Gebruik: npm run ${command} -- <bestand>`);
  return file;
}

/** Holds the data directory's lock, or explains that a running Koers has it. */
function lockOrExplain(dataDir: string, running: string): () => void {
  try {
    return lockDataDir(dataDir);
  } catch (err) {
    if (err instanceof Error && err.message.startsWith('Another Koers process')) throw new BackupRefused(`${err.message}\n${running}`);
    throw err;
  }
}

export async function backupCommand(config: Config, file: string | undefined): Promise<string> {
  const to = fileArg(file, 'backup');
  if (config.databaseUrl !== undefined) {
    await backupPostgres(config.databaseUrl, to);
    return `Back-up (pg_dump) geschreven naar ${to}`;
  }
  const release = lockOrExplain(config.dataDir, 'Koers draait: een beheerder haalt de back-up van de draaiende server op met GET /api/v1/system/backup (docs/backup.md).');
  try {
    writeFileSync(to, await backupPgliteOffline(config.dataDir), { mode: 0o600 });
  } finally {
    release();
  }
  return `Back-up (PGlite) van ${config.dataDir} geschreven naar ${to}`;
}

export async function restoreCommand(config: Config, file: string | undefined): Promise<string> {
  const from = fileArg(file, 'restore');
  const bytes = readFileSync(from);
  assertKind(bytes, config.databaseUrl !== undefined ? 'postgres' : 'pglite');
  if (config.databaseUrl !== undefined) {
    await restorePostgres(config.databaseUrl, from);
    return `Back-up ${from} teruggezet in de lege PostgreSQL-database`;
  }
  const release = lockOrExplain(config.dataDir, 'Stop Koers eerst, of kies een andere, lege KOERS_DATA_DIR.');
  try {
    await restorePglite(config.dataDir, bytes);
  } finally {
    release();
  }
  return `Back-up ${from} teruggezet in ${config.dataDir}`;
}
