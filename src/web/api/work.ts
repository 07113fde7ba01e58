// The work list (R-SIG-1) and the demo clock.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { koers, ok } from './client';
import { keys } from './queries';

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

// The admin's outbox list, searched, sorted and paged by the server: useOutboxPage in ./managedLists.ts.
