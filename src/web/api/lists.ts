// Paged, sorted lists read by the shared table (issue #10 item 5): the referral list and the work list.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { koers, ok } from './client';
import type { Query } from './wire';

export type ReferralListQuery = Query<'/api/v1/referrals', 'get'>;
export type WorkListQuery = Query<'/api/v1/signals', 'get'>;

export function useReferralPage(query: ReferralListQuery) {
  return useQuery({
    queryKey: ['referrals', 'page', query] as const,
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/referrals', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** The work list: one page, the count per bucket and the filter options. */
export function useWorkList(query: WorkListQuery) {
  return useQuery({
    // Under the signals key, so "Gezien" (which invalidates it) refreshes the list.
    queryKey: ['signals', 'page', query] as const,
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/signals', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}
