// The work list (R-SIG-1), the demo clock and the admin's mail outbox.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { koers, ok } from './client';
import { keys } from './queries';
import type { Query } from './wire';

/**
 * What is still to be done: open signals and those marked "Gezien" (acknowledged), which stay on the
 * list until the step is taken. Filters are applied in the page, so their options stay complete.
 */
export function useSignals() {
  return useQuery({
    queryKey: [...keys.signals, 'pending'] as const,
    queryFn: async ({ signal }) => {
      const [open, seen] = await Promise.all(
        (['open', 'acknowledged'] as const).map((status) => ok(koers.GET('/api/v1/signals', { params: { query: { status } }, signal }))),
      );
      return [...(open?.items ?? []), ...(seen?.items ?? [])];
    },
  });
}

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
