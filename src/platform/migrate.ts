// Forward-only SQL migrations from db/migrations, applied at start, each in its own transaction
// (ARCHITECTURE §2.2). Several app instances may start at once on one PostgreSQL: a transaction-level
// advisory lock makes them take turns, and each re-checks what is applied once it holds the lock.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Db } from './db.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../db/migrations/', import.meta.url));
const MIGRATION_LOCK = 7_260_001;

/** The restricted role the app runs as: everything it needs, and only SELECT/INSERT on the audit log. */
export const APP_ROLE = 'koers_app';

export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  // Issue #16: a restart (or a data directory seeded from a migrated template) has nothing to do. One
  // query tells, without the lock: migrations are never undone, so what it finds applied stays applied,
  // and the grants are checked too (a start that died between its last migration and the grants).
  const [state] = await db.query<{ applied: string[]; granted: boolean }>(UP_TO_DATE, []);
  const done = new Set(state?.applied ?? []);
  if (state?.granted === true && files.every((f) => done.has(f))) return [];
  const applied: string[] = [];
  for (const file of files.filter((f) => !done.has(f))) {
    const sql = await readFile(path.join(dir, file), 'utf8');
    const did = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const done = await tx.query('SELECT 1 FROM schema_migration WHERE name = $1', [file]);
      if (done.length > 0) return false;
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migration (name) VALUES ($1)', [file]);
      return true;
    });
    if (did) applied.push(file);
  }
  await grantAppRole(db);
  return applied;
}

/**
 * What is applied, and whether the app role exists with the grants of the last run: SELECT on every
 * table and sequence of the schema (a table made after the grants has none) and no UPDATE on the audit
 * log (the REVOKE of the same transaction).
 */
const UP_TO_DATE = `
  SELECT coalesce((SELECT array_agg(name) FROM schema_migration), '{}') AS applied,
    CASE WHEN NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') OR to_regclass('public.audit_event') IS NULL THEN false
      ELSE NOT has_table_privilege('${APP_ROLE}', 'public.audit_event', 'UPDATE') AND NOT EXISTS (
        SELECT FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND NOT has_table_privilege('${APP_ROLE}', c.oid, 'SELECT'))
    END AS granted`;

/**
 * R-SEC-2 / STYLE 8: the application's role may only SELECT and INSERT on audit_event. Run after
 * every migration so new tables are granted too. Needs CREATEROLE on first run; when the connecting
 * user cannot create roles, the operator creates koers_app and the grants are still applied.
 */
async function grantAppRole(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} NOLOGIN;
        END IF;
        -- The connecting user must be a member to SET ROLE; a superuser already may.
        BEGIN
          EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
        EXCEPTION WHEN others THEN NULL;
        END;
      END $$;
      GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE};
      REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM ${APP_ROLE};
      REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migration FROM ${APP_ROLE};
    `);
  });
}
