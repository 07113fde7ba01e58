// Issue #14 (R-CM-3) as the web app reads it: the complaints register — the list, one complaint with its
// history, registering and handling. Shapes follow src/features/complaints/schemas.ts; a change answers
// with the whole complaint, which replaces the cache, and the list is read again.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { koers, ok } from './client';
import type { Answer, ItemOf, Query } from './wire';

export type ComplaintQuery = Query<'/api/v1/complaints', 'get'>;
export type ComplaintSort = NonNullable<ComplaintQuery['sort']>;
export type ComplaintItem = ItemOf<Answer<'/api/v1/complaints', 'get'>['items']>;
export type ComplaintDetail = Answer<'/api/v1/complaints/{id}', 'get'>;
export type ComplaintOutcome = NonNullable<ComplaintDetail['outcome']>;

export function useComplaints(query: ComplaintQuery) {
  return useQuery({
    queryKey: ['complaints', query] as const,
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/complaints', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

const detailKey = (id: string) => ['complaint', id] as const;

export function useComplaint(id: string) {
  return useQuery({ queryKey: detailKey(id), queryFn: ({ signal }) => ok(koers.GET('/api/v1/complaints/{id}', { params: { path: { id } }, signal })) });
}

export interface RegisterBody {
  receivedOn: string;
  from: { kind: 'participant'; referralId: string } | { kind: 'organisation'; name: string };
  contractId?: string;
  subject: string;
  handledBy: string | null;
  measures: string;
}
export interface HandlingBody {
  version: number;
  handledBy: string | null;
  measures: string;
  closedOn: string | null;
  outcome: ComplaintOutcome | null;
  outcomeNote: string | null;
}

function useChange<V>(call: (body: V) => Promise<ComplaintDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async (complaint) => {
      queryClient.setQueryData(detailKey(complaint.id), complaint);
      await queryClient.invalidateQueries({ queryKey: ['complaints'] });
    },
  });
}

export const useRegisterComplaint = () => useChange((body: RegisterBody) => ok(koers.POST('/api/v1/complaints', { body })));
export const useHandleComplaint = (id: string) => useChange((body: HandlingBody) => ok(koers.POST('/api/v1/complaints/{id}/handling', { params: { path: { id } }, body })));

// The contract manager's counts per contract, provider and quarter of receipt (002 eis 37): no complainant, no subject.
export type ComplaintTotalsRow = ItemOf<Answer<'/api/v1/complaints/totals', 'get'>['items']>;
export function useComplaintTotals() {
  return useQuery({ queryKey: ['complaint-totals'] as const, queryFn: ({ signal }) => ok(koers.GET('/api/v1/complaints/totals', { signal })) });
}
