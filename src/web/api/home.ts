// The read calls behind each role's home (issue #10 item 5): the lessons of a period, the pending steps
// counted per kind, the aggregate figures and the outbox count. Shapes are the generated wire types
// (schema.gen.ts). A small fetch of its own keeps this file independent of how the shared client grows;
// errors and 401s go the same way as every other call (ApiError, the unauthorised handler).
import { useQuery } from '@tanstack/react-query';
import { ApiError, notifyUnauthorized } from './client';
import type { paths } from './schema.gen';

type JsonOf<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': infer J } } } } } ? J : never;

export type LessonOverview = JsonOf<'/api/v1/lessons'>['items'][number];
export type SignalCount = JsonOf<'/api/v1/signal-counts'>['items'][number];
export type Figures = JsonOf<'/api/v1/figures'>;
export type MunicipalityFigures = Figures['municipalities'][number];

async function get<T>(path: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(`/api/v1${path}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal });
  if (!response.ok) {
    if (response.status === 401) notifyUnauthorized();
    let body: { title?: unknown; detail?: unknown } = {};
    try {
      body = (await response.json()) as typeof body;
    } catch {
      // Not JSON: the status says enough.
    }
    const title = typeof body.title === 'string' ? body.title : response.statusText;
    throw new ApiError(response.status, { status: response.status, title, ...(typeof body.detail === 'string' ? { detail: body.detail } : {}) });
  }
  return (await response.json()) as T;
}

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
    queryFn: async ({ signal }) => (await get<JsonOf<'/api/v1/lessons'>>(`/lessons?from=${from ?? ''}&to=${to ?? ''}`, signal)).items,
    enabled: from !== undefined && to !== undefined,
  });
}

export function useSignalCounts() {
  return useQuery({ queryKey: homeKeys.signalCounts, queryFn: ({ signal }) => get<JsonOf<'/api/v1/signal-counts'>>('/signal-counts', signal) });
}

export function useFigures() {
  return useQuery({ queryKey: homeKeys.figures, queryFn: ({ signal }) => get<Figures>('/figures', signal) });
}

/** How many mails have a status (the admin's home); one row is asked, the total is what counts. */
export function useOutboxCount(status: 'pending' | 'failed' | 'sent') {
  return useQuery({
    queryKey: homeKeys.outbox(status),
    queryFn: async ({ signal }) => (await get<JsonOf<'/api/v1/outbox'>>(`/outbox?status=${status}&page=1&pageSize=1`, signal)).total,
  });
}
