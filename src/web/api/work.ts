// The work list (R-SIG-1), the demo clock and the admin's mail outbox.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { koers, ok } from './client';
import { keys } from './queries';
import type { Query } from './wire';

// The work list itself, paged and sorted by the server: useWorkList in ./lists.ts.

export function useAcknowledgeSignal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ok(koers.POST('/api/v1/signals/{id}/acknowledgement', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.signals }),
  });
}

/** Demo mode only: move the system date; every deadline and list depends on it, so all is fetched again. */
export function useSetToday() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (today: string) => ok(koers.PUT('/api/v1/demo/today', { body: { today } })),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

type OutboxStatus = NonNullable<Query<'/api/v1/outbox', 'get'>['status']>;
const outboxStatuses: readonly string[] = ['pending', 'sending', 'sent', 'failed'] satisfies OutboxStatus[];
const isOutboxStatus = (status: string): status is OutboxStatus => outboxStatuses.includes(status);

export interface OutboxParams {
  /** From the address bar: '' (or an unknown word) shows every status. */
  status: string;
  page: number;
  pageSize: number;
}

export function useOutbox(params: OutboxParams) {
  return useQuery({
    queryKey: keys.outbox(params),
    queryFn: ({ signal }) => {
      const { status, ...paging } = params;
      return ok(koers.GET('/api/v1/outbox', { params: { query: isOutboxStatus(status) ? { ...paging, status } : paging }, signal }));
    },
    placeholderData: keepPreviousData,
  });
}
