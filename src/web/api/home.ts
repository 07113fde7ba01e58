// The read calls behind each role's home (issue #10 item 5): the lessons of a period, the pending steps
// counted per kind, the aggregate figures and the outbox count. Shapes are the generated wire types
// (schema.gen.ts), read through the typed client like every other call.
import { useQuery } from '@tanstack/react-query';
import { koers, ok } from './client';
import type { Answer, ItemOf } from './wire';

export type LessonOverview = ItemOf<Answer<'/api/v1/lessons', 'get'>['items']>;
export type SignalCount = ItemOf<Answer<'/api/v1/signal-counts', 'get'>['items']>;
export type Figures = Answer<'/api/v1/figures', 'get'>;
export type MunicipalityFigures = ItemOf<Figures['municipalities']>;

export const homeKeys = {
  lessons: (from: string, to: string) => ['home', 'lessons', from, to] as const,
  signalCounts: ['signals', 'counts'] as const,
  figures: ['home', 'figures'] as const,
  outbox: (status: string) => ['home', 'outbox', status] as const,
};

/** The lessons of the groups in the user's room from `from` to `to` (a teacher: the groups it teaches). */
export function useLessonsBetween(from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: homeKeys.lessons(from ?? '', to ?? ''),
    queryFn: async ({ signal }) => (await ok(koers.GET('/api/v1/lessons', { params: { query: { from: from ?? '', to: to ?? '' } }, signal }))).items,
    enabled: from !== undefined && to !== undefined,
  });
}

export function useSignalCounts() {
  return useQuery({ queryKey: homeKeys.signalCounts, queryFn: ({ signal }) => ok(koers.GET('/api/v1/signal-counts', { signal })) });
}

export function useFigures() {
  return useQuery({ queryKey: homeKeys.figures, queryFn: ({ signal }) => ok(koers.GET('/api/v1/figures', { signal })) });
}

/** How many mails have a status (the admin's home); one row is asked, the total is what counts. */
export function useOutboxCount(status: 'pending' | 'failed' | 'sent') {
  return useQuery({
    queryKey: homeKeys.outbox(status),
    queryFn: async ({ signal }) => (await ok(koers.GET('/api/v1/outbox', { params: { query: { status, page: 1, pageSize: 1 } }, signal }))).total,
  });
}

/**
 * How many participants with participation or MAP the room has, optionally only those whose portfolio
 * is not yet complete (the participation provider's home, issue #12); one row is asked, the total counts.
 */
export function useParticipationCount(portfolio?: 'incomplete') {
  return useQuery({
    queryKey: ['participation', 'count', portfolio ?? 'all'] as const,
    queryFn: async ({ signal }) =>
      (await ok(koers.GET('/api/v1/participation/participants', { params: { query: { page: 1, pageSize: 1, ...(portfolio ? { portfolio } : {}) } }, signal }))).total,
  });
}
