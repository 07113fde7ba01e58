// The work list (R-SIG-1), the demo clock and the admin's mail outbox.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { OutboxPage } from './lifecycleTypes';
import { keys } from './queries';
import type { ItemList, Signal } from './types';

/**
 * What is still to be done: open signals and those marked "Gezien" (acknowledged), which stay on the
 * list until the step is taken. Filters are applied in the page, so their options stay complete.
 */
export function useSignals() {
  return useQuery({
    queryKey: [...keys.signals, 'pending'] as const,
    queryFn: async ({ signal }) => {
      const [open, seen] = await Promise.all(
        (['open', 'acknowledged'] as const).map((status) =>
          api<ItemList<Signal>>(`/signals?status=${status}`, { signal }),
        ),
      );
      return [...(open?.items ?? []), ...(seen?.items ?? [])];
    },
  });
}

export function useAcknowledgeSignal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<Signal>(`/signals/${encodeURIComponent(id)}/acknowledgement`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.signals }),
  });
}

/** Demo mode only: move the system date; every deadline and list depends on it, so all is fetched again. */
export function useSetToday() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (today: string) => api<{ today: string }>('/demo/today', { method: 'PUT', body: { today } }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export interface OutboxParams {
  status: string;
  page: number;
  pageSize: number;
}

export function useOutbox(params: OutboxParams) {
  return useQuery({
    queryKey: keys.outbox(params),
    queryFn: ({ signal }) => {
      const search = new URLSearchParams({ page: String(params.page), pageSize: String(params.pageSize) });
      if (params.status) search.set('status', params.status);
      return api<OutboxPage>(`/outbox?${search.toString()}`, { signal });
    },
    placeholderData: keepPreviousData,
  });
}
