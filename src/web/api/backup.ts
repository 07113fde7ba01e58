// Issue #17 (BIO2 8.13) as the web app reads it: which database this Koers runs on (GET /api/ready), for
// the backup page — the embedded PGlite is backed up by the running server, PostgreSQL by pg_dump.
import { useQuery } from '@tanstack/react-query';
import { koers, ok } from './client';

export const BACKUP_URL = '/api/v1/system/backup';

export function useDatabaseKind() {
  return useQuery({ queryKey: ['ready'] as const, queryFn: async ({ signal }) => (await ok(koers.GET('/api/ready', { signal }))).database });
}
