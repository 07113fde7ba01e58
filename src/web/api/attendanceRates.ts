// The attendance-rate list (issue #4 item 7) as the web app reads it. Shapes follow
// src/features/attendance-rates/schemas.ts (RateListQuery, RatePage).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';

export type RateSort = 'rate' | '-rate' | 'name' | '-name';

export interface ParticipantRate {
  participantId: string;
  givenName: string;
  familyName: string;
  municipalityId: string;
  offeredMinutes: number;
  attendedMinutes: number;
  /** attended / offered in percent, unrounded; null when nothing was offered. */
  rate: number | null;
  /** Decided by the server on the exact fraction: 79.9% is below, 80.0% is not. */
  belowNorm: boolean;
  absences: { authorised: number; unauthorised: number; unclassified: number };
}

export interface RatePage {
  from: string;
  to: string;
  normPercent: number;
  items: ParticipantRate[];
  total: number;
  page: number;
  pageSize: number;
}

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
  const search = new URLSearchParams({
    from: params.from,
    to: params.to,
    sort: params.sort,
    page: String(params.page),
    pageSize: String(params.pageSize),
  });
  if (params.belowNorm !== undefined) search.set('belowNorm', String(params.belowNorm));
  return api<RatePage>(`/attendance-rates?${search.toString()}`, signal ? { signal } : {});
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

export interface RateSummary {
  from: string;
  to: string;
  normPercent: number;
  total: number;
  belowNorm: number;
  withoutLessons: number;
  /** Participants per ten percentage points: [0,10) … [90,100]. */
  bands: number[];
}

/** Counts only (no names, so nothing to audit): the headline and the distribution chart. */
export function useRateSummary(from: string, to: string) {
  return useQuery({
    queryKey: rateKeys.distribution(from, to),
    queryFn: ({ signal }) => api<RateSummary>(`/attendance-rates/summary?${new URLSearchParams({ from, to }).toString()}`, { signal }),
  });
}
