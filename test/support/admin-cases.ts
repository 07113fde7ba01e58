// Isolation cases of issue #17's administrator routes: the online backup (BIO2 8.13) is the
// administrator's alone, and exists on PGlite only (PostgreSQL: pg_dump, so 404 for everyone).
import { DB_KIND } from './koers.js';
import { everyone, type Case } from './matrix.js';

export function adminCases(): Case[] {
  return [{ name: 'GET /api/v1/system/backup', mutates: false, call: (c) => c.get('/api/v1/system/backup'), expect: { ...everyone(404), admin: DB_KIND === 'pglite' ? 200 : 404 } }];
}
