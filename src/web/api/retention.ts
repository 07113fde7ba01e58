// Issue #17 (R-SEC-4) as the web app reads it: the retention purge's log and its dry run
// (src/features/retention/routes.ts). Counts only, never data.
import { useMutation, useQuery } from '@tanstack/react-query';
import { koers, ok } from './client';
import type { Answer } from './wire';

export type RetentionLog = Answer<'/api/v1/retention/runs', 'get'>;
export type RetentionCounts = RetentionLog['items'][number]['counts'];
export type RetentionTerms = RetentionLog['terms'];

export function useRetentionLog() {
  return useQuery({ queryKey: ['retention-runs'] as const, queryFn: ({ signal }) => ok(koers.GET('/api/v1/retention/runs', { signal })) });
}

/** The dry run: what a purge would remove now; changes nothing. */
export function useRetentionDryRun() {
  return useMutation({ mutationFn: () => ok(koers.POST('/api/v1/retention/dry-run')) });
}
