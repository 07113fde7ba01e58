// Issue #16: makes the migrated PGlite template (src/cli/pglite-seed.ts) in the directory given as the
// only argument: initdb, every migration and the app role's grants, then a clean stop. Run as a child
// process by the start, so initdb's memory never stays in the server.
import { openPglite } from '../platform/db.js';
import { migrate } from '../platform/migrate.js';

const dir = process.argv[2];
if (dir === undefined) {
  console.error('usage: pglite-template-build <directory>');
  process.exit(2);
}
const db = await openPglite(dir);
try {
  await migrate(db);
} finally {
  await db.close();
}
