// Isolation cases of issue #17's administrator routes: the online backup (BIO2 8.13) is the
// administrator's alone, and exists on PGlite only (PostgreSQL: pg_dump, so 404 for everyone); the
// retention purge's log, dry run and run on demand (R-SEC-4) are the administrator's alone.
import { DB_KIND } from './koers.js';
import { everyone, type Case } from './matrix.js';

const adminOnly = (status: number) => ({ ...everyone(404), admin: status });

export function adminCases(): Case[] {
  return [
    { name: 'GET /api/v1/system/backup', mutates: false, call: (c) => c.get('/api/v1/system/backup'), expect: adminOnly(DB_KIND === 'pglite' ? 200 : 404) },
    { name: 'GET /api/v1/retention/runs', mutates: false, call: (c) => c.get('/api/v1/retention/runs'), expect: adminOnly(200) },
    { name: 'POST /api/v1/retention/dry-run', mutates: false, call: (c) => c.post('/api/v1/retention/dry-run'), expect: adminOnly(200) },
    { name: 'POST /api/v1/retention/runs', mutates: true, call: (c) => c.post('/api/v1/retention/runs'), expect: adminOnly(201) },
  ];
}
