// The attendance-rate list (issue #4 item 7) as the web app reads it. Shapes follow
// src/features/attendance-rates/schemas.ts (RateListQuery, RatePage).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { koers, ok } from './client';
import type { Answer, ItemOf, Query } from './wire';

export type RateSort = NonNullable<Query<'/api/v1/attendance-rates', 'get'>['sort']>;
export type RatePage = Answer<'/api/v1/attendance-rates', 'get'>;
/** `rate`: attended / offered in percent, unrounded, null when nothing was offered; `belowNorm` is decided by the server on the exact fraction. */
export type ParticipantRate = ItemOf<RatePage['items']>;

export interface RateListParams {
  from: string;
  to: string;
  /** true: only below the norm; undefined: everyone. */
  belowNorm?: boolean;
  sort: RateSort;
  page: number;
  pageSize: number;
}

/** The server's largest page: exports and the distribution read the list in pages of this size. */
export const MAX_PAGE_SIZE = 100;

export function fetchRatePage(params: RateListParams, signal?: AbortSignal): Promise<RatePage> {
  const { belowNorm, ...rest } = params;
  // The query string carries the words true/false (the server's schema says so).
  const query = belowNorm === undefined ? rest : { ...rest, belowNorm: belowNorm ? ('true' as const) : ('false' as const) };
  return ok(koers.GET('/api/v1/attendance-rates', { params: { query }, ...(signal ? { signal } : {}) }));
}

/**
 * Every row of a filter, read page after page (pageSize 100), one request at a time so a large
 * municipality does not flood the server. `onProgress(done, pages)` follows each page.
 */
export async function fetchAllRates(
  params: Omit<RateListParams, 'page' | 'pageSize'>,
  onProgress: (done: number, pages: number) => void,
  signal?: AbortSignal,
): Promise<{ items: ParticipantRate[]; total: number }> {
  const first = await fetchRatePage({ ...params, page: 1, pageSize: MAX_PAGE_SIZE }, signal);
  const pages = Math.max(1, Math.ceil(first.total / MAX_PAGE_SIZE));
  const items = [...first.items];
  onProgress(1, pages);
  for (let page = 2; page <= pages; page++) {
    const next = await fetchRatePage({ ...params, page, pageSize: MAX_PAGE_SIZE }, signal);
    items.push(...next.items);
    onProgress(page, pages);
  }
  return { items, total: first.total };
}

export const rateKeys = {
  list: (params: RateListParams) => ['attendance-rates', 'list', params] as const,
  count: (from: string, to: string, belowNorm: boolean | undefined) => ['attendance-rates', 'count', from, to, belowNorm ?? 'all'] as const,
  distribution: (from: string, to: string) => ['attendance-rates', 'distribution', from, to] as const,
};

export function useAttendanceRates(params: RateListParams, enabled = true) {
  return useQuery({
    queryKey: rateKeys.list(params),
    queryFn: ({ signal }) => fetchRatePage(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Counts only; `bands` are participants per ten percentage points: [0,10) … [90,100]. */
export type RateSummary = Answer<'/api/v1/attendance-rates/summary', 'get'>;

/** Counts only (no names, so nothing to audit): the headline and the distribution chart. */
export function useRateSummary(from: string, to: string) {
  return useQuery({
    queryKey: rateKeys.distribution(from, to),
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/attendance-rates/summary', { params: { query: { from, to } }, signal })),
  });
}
