// Issue #15 (R-EXC-4): the DUO block of a participant's file, its refresh, the demo's exam button, and the
// administrator's delivery queue.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { koers, ok } from './client';
import type { Answer, Body, Query } from './wire';

export type DuoFile = Answer<'/api/v1/participants/{id}/duo', 'get'>;
export type DuoQueuePage = Answer<'/api/v1/duo/deliveries', 'get'>;
export type DuoQueueQuery = Query<'/api/v1/duo/deliveries', 'get'>;
export type DuoUnknownPage = Answer<'/api/v1/duo/notifications/unknown', 'get'>;
export type DuoDeliveryStatus = DuoFile['deliveries'][number]['status'];
export type DemoExamInput = Body<'/api/v1/participants/{id}/duo/demo-exam', 'post'>;

const key = (id: string) => ['duo', 'file', id] as const;

export const useDuoFile = (id: string) => useQuery({ queryKey: key(id), queryFn: ({ signal }) => ok(koers.GET('/api/v1/participants/{id}/duo', { params: { path: { id } }, signal })) });

/** Asks DUO now; the answer replaces the block. */
export function useRefreshDuo(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => ok(koers.POST('/api/v1/participants/{id}/duo/refresh', { params: { path: { id } } })),
    onSuccess: (file) => queryClient.setQueryData(key(id), file),
  });
}

export function useDemoExam(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DemoExamInput) => ok(koers.POST('/api/v1/participants/{id}/duo/demo-exam', { params: { path: { id } }, body })),
    onSuccess: (file) => queryClient.setQueryData(key(id), file),
  });
}

export const useDuoQueue = (query: DuoQueueQuery) =>
  useQuery({ queryKey: ['duo', 'queue', query] as const, queryFn: ({ signal }) => ok(koers.GET('/api/v1/duo/deliveries', { params: { query }, signal })), placeholderData: keepPreviousData });

/** DUO's notifications about a person Koers does not know (administrator). */
export const useDuoUnknown = (page: number) =>
  useQuery({ queryKey: ['duo', 'unknown', page] as const, queryFn: ({ signal }) => ok(koers.GET('/api/v1/duo/notifications/unknown', { params: { query: { page, pageSize: 25 } }, signal })), placeholderData: keepPreviousData });

export const DELIVERY_STATUS: Record<DuoDeliveryStatus, string> = {
  pending: 'Wacht op verzending',
  sending: 'Wordt verzonden',
  received: 'Ontvangen door DUO',
  refused: 'Geweigerd door DUO',
  invalid: 'Niet verzonden: voldoet niet aan de regels van DUO',
  failed: 'Mislukt na herhaalde pogingen',
};
