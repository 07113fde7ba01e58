// Issue #17 (BIO2 8.13): a consistent backup of a running installation and its restore into an EMPTY
// database. PostgreSQL: pg_dump's custom format (one snapshot, online) and pg_restore. PGlite: the data
// directory as a gzipped tar, taken by the process that owns it (Db.dump(), between transactions), and
// loaded into a new data directory. docs/backup.md.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { openPglite, openPostgres, type Db } from '../../platform/db.js';
import { migrate } from '../../platform/migrate.js';

/** What the operator did wrong (a non-empty target, a file of the other kind): printed plainly, nothing changed. */
export class BackupRefused extends Error {}

export type BackupKind = 'pglite' | 'postgres';

/** pg_dump's custom format starts with "PGDMP", a gzipped tar with 1f 8b. */
export function kindOfBackup(bytes: Uint8Array): BackupKind | undefined {
  if (bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === 'PGDMP') return 'postgres';
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return 'pglite';
  return undefined;
}

/** The PostgreSQL client programs: KOERS_PG_BIN, else Debian's PostgreSQL 15, else the PATH. */
function pgProgram(name: 'pg_dump' | 'pg_restore'): string {
  const dir = process.env.KOERS_PG_BIN ?? '/usr/lib/postgresql/15/bin';
  const full = path.join(dir, name);
  return existsSync(full) ? full : name;
}

/** The connection as libpq variables, so the password is in no process list. */
function libpqEnv(connectionString: string): NodeJS.ProcessEnv {
  const u = new URL(connectionString);
  const env: NodeJS.ProcessEnv = { ...process.env, PGHOST: decodeURIComponent(u.hostname), PGPORT: u.port || '5432', PGDATABASE: decodeURIComponent(u.pathname.slice(1)) };
  if (u.username !== '') env.PGUSER = decodeURIComponent(u.username);
  if (u.password !== '') env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode !== null) env.PGSSLMODE = sslmode;
  return env;
}

function run(program: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(program)} stopped with code ${code}: ${stderr.trim()}`))));
  });
}

/** PostgreSQL: pg_dump in its custom format into `file` — one consistent snapshot while Koers runs. */
export async function backupPostgres(connectionString: string, file: string): Promise<void> {
  await run(pgProgram('pg_dump'), ['--format=custom', '--no-owner', '--no-acl', `--file=${file}`], libpqEnv(connectionString));
}

/** The tables in the public schema: a database that has any is not empty. */
async function tableCount(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
  return row?.n ?? 0;
}

/**
 * PostgreSQL: pg_restore into an empty database (refused otherwise, nothing touched), in one transaction;
 * then the migrations the backup predates and the app role's grants, as at every start.
 */
export async function restorePostgres(connectionString: string, file: string): Promise<void> {
  const owner = openPostgres(connectionString, { max: 1 });
  try {
    const tables = await tableCount(owner);
    if (tables > 0) throw new BackupRefused(`De database is niet leeg (${tables} tabellen): een back-up wordt alleen in een lege database teruggezet. Maak een nieuwe database aan.`);
    await run(pgProgram('pg_restore'), ['--no-owner', '--no-acl', '--exit-on-error', '--single-transaction', `--dbname=${new URL(connectionString).pathname.slice(1)}`, file], libpqEnv(connectionString));
    await migrate(owner);
  } finally {
    await owner.close();
  }
}

/** PGlite: the data directory's database lives in <dataDir>/pglite. */
export function pgliteDir(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}

/** PGlite, with no process on the data directory (the caller holds its lock): the same dump the running server makes. */
export async function backupPgliteOffline(dataDir: string): Promise<Uint8Array> {
  const dir = pgliteDir(dataDir);
  if (!existsSync(dir)) throw new BackupRefused(`Er is geen database in ${dataDir}.`);
  const db = await openPglite(dir);
  try {
    return await dumpOf(db);
  } finally {
    await db.close();
  }
}

export async function dumpOf(db: Db): Promise<Uint8Array> {
  if (db.dump === undefined) throw new BackupRefused('Deze database maakt geen eigen back-up: gebruik pg_dump (npm run backup met DATABASE_URL).');
  return new Uint8Array(await (await db.dump()).arrayBuffer());
}

/** PGlite: loads the dump into a new, empty data directory (refused when it holds a database). */
export async function restorePglite(dataDir: string, bytes: Uint8Array): Promise<void> {
  const dir = pgliteDir(dataDir);
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new BackupRefused(`${dir} is niet leeg: een back-up wordt alleen in een lege datamap teruggezet. Kies een nieuwe KOERS_DATA_DIR.`);
  const db = await openPglite(dir, new Blob([new Uint8Array(bytes)]));
  try {
    if ((await tableCount(db)) === 0) throw new Error('the restored database has no tables');
    await migrate(db);
  } finally {
    await db.close();
  }
}

/** Refuses a file of the other database's kind before anything is touched. */
export function assertKind(bytes: Uint8Array, target: BackupKind): void {
  const kind = kindOfBackup(bytes);
  if (kind === undefined) throw new BackupRefused('Dit bestand is geen back-up van Koers (geen pg_dump-bestand en geen PGlite-datamap).');
  if (kind !== target)
    throw new BackupRefused(
      kind === 'postgres' ? 'Dit is een PostgreSQL-back-up (pg_dump): zet DATABASE_URL om hem in een lege PostgreSQL-database terug te zetten.' : 'Dit is een PGlite-back-up: zet hem terug zonder DATABASE_URL, in een lege KOERS_DATA_DIR.',
    );
}
