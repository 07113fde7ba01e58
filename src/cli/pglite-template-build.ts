// Issue #16: makes the migrated PGlite template (src/cli/pglite-seed.ts) in the directory given as the
// only argument: initdb, every migration and the app role's grants, then a clean stop. Run as a child
// process by the start, so initdb's memory never stays in the server.
import { openPglite } from '../platform/db.js';
import { migrate } from '../platform/migrate.js';
import { SHARED_BUFFERS } from './pglite-seed.js';

const dir = process.argv[2];
if (dir === undefined) {
  console.error('usage: pglite-template-build <directory>');
  process.exit(2);
}
const db = await openPglite(dir);
try {
  await migrate(db);
  // initdb's 128 MB of shared buffers are all touched when PostgreSQL starts (~95 MB of RSS more than 32 MB);
  // the demo region's database is ~40 MB, and a page outside the buffers is one read from the OS's cache.
  await db.exec(`ALTER SYSTEM SET shared_buffers = '${SHARED_BUFFERS}'`);
} finally {
  await db.close();
}
