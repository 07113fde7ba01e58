// Issue #17 (BIO2 8.13): the administrator takes an online backup of the embedded database. PGlite is one
// process, so no other program can read it while Koers runs: the running server makes the dump
// (a GET, so a link downloads it; `npm run backup` does the same with the server stopped). On PostgreSQL pg_dump does it (404 here).
import { recordAudit } from '../../platform/audit.js';
import { realNow } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/errors.js';
import { ctxOf } from '../../platform/http/access-hook.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { dumpOf } from './backup.js';

/** A dump holds PGlite's query lock for its whole length (a second or more), so one a minute at most. */
const MIN_INTERVAL_MS = 60_000;

export const registerBackupRoutes: RouteRegistrar = (app, deps) => {
  let lastStartedAt = Number.NEGATIVE_INFINITY;
  app.get(
    '/api/v1/system/backup',
    {
      config: { permission: 'system.backup' },
      schema: { tags: ['system'], summary: 'An online backup of the embedded PGlite database as a gzipped tar (admin; one a minute, else 429; 404 on PostgreSQL: use pg_dump)', produces: ['application/gzip'] },
    },
    async (req, reply) => {
      if (deps.db.dump === undefined) throw notFound();
      const now = realNow().getTime();
      if (now - lastStartedAt < MIN_INTERVAL_MS) throw new AppError('tooManyRequests', 'Er is net een back-up gemaakt of er wordt er een gemaakt. Probeer het over een minuut opnieuw.');
      lastStartedAt = now;
      // Audited before the dump, in its own committed transaction, so the backup holds its own line.
      await deps.db.transaction((tx) => recordAudit(tx, deps.crypto, ctxOf(req), { name: 'system.backup', status: 'ok', subjects: [], objectType: 'database', summary: 'online backup (PGlite)' }));
      const bytes = await dumpOf(deps.db);
      const stamp = deps.clock.now().toISOString().slice(0, 19).replace(/[:T]/g, '-');
      return reply
        .header('Content-Type', 'application/gzip')
        .header('Content-Disposition', `attachment; filename="koers-backup-${stamp}.tar.gz"`)
        .header('Cache-Control', 'no-store')
        .send(Buffer.from(bytes));
    },
  );
};
