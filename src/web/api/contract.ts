// Issue #14 (R-CM-1, R-ESC-2) as the web app reads it: contract meetings with their proposed agenda,
// minutes and actions, and the contract-level ladder per provider. Shapes follow
// src/features/contract-management/schemas.ts; no shape here holds a participant.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { koers, ok } from './client';
import type { Answer, Body, ItemOf, Query } from './wire';

export type MeetingQuery = Query<'/api/v1/contract-meetings', 'get'>;
export type MeetingSort = NonNullable<MeetingQuery['sort']>;
export type MeetingSummary = ItemOf<Answer<'/api/v1/contract-meetings', 'get'>['items']>;
export type MeetingDetail = Answer<'/api/v1/contract-meetings/{id}', 'get'>;
export type ActionItem = ItemOf<MeetingDetail['actions']>;
export type ProposedItem = ItemOf<Answer<'/api/v1/contract-meetings/{id}/proposal', 'get'>['items']>;
export type NewAction = Body<'/api/v1/contract-meetings/{id}/actions', 'post'>;
export type NewAgendaItem = Body<'/api/v1/contract-meetings/{id}/agenda-items', 'post'>;
export type Escalations = Answer<'/api/v1/escalations', 'get'>;
export type EscalationProvider = ItemOf<Escalations['providers']>;
export type Pattern = ItemOf<EscalationProvider['steps'][number]['patterns']>;
export type OpenStep = Body<'/api/v1/escalations/steps', 'post'>;
export type CloseCase = Body<'/api/v1/escalations/{id}/close', 'post'>;

const meetingKey = (id: string) => ['contract-meeting', id] as const;

export function useMeetings(query: MeetingQuery) {
  return useQuery({
    queryKey: ['contract-meetings', query] as const,
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/contract-meetings', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: meetingKey(id), queryFn: ({ signal }) => ok(koers.GET('/api/v1/contract-meetings/{id}', { params: { path: { id } }, signal })) });
}

/** Only the contract manager asks (meeting.manage); the provider reads the agenda as adopted. */
export function useProposal(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...meetingKey(id), 'proposal'] as const,
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/contract-meetings/{id}/proposal', { params: { path: { id } }, signal })),
    enabled,
  });
}

/** Every change to a meeting refreshes the meeting, its proposal (what is on the agenda) and the list. */
function useMeetingMutation<V>(id: string, call: (body: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meetingKey(id) });
      await queryClient.invalidateQueries({ queryKey: ['contract-meetings'] });
    },
  });
}

export function useAddAgendaItem(id: string) {
  return useMeetingMutation(id, (body: NewAgendaItem) => ok(koers.POST('/api/v1/contract-meetings/{id}/agenda-items', { params: { path: { id } }, body })));
}

export function useTakeOffAgenda(id: string) {
  return useMeetingMutation(id, (itemId: string) => ok(koers.DELETE('/api/v1/contract-meetings/{id}/agenda-items/{itemId}', { params: { path: { id, itemId } } })));
}

export function useSaveMinutes(id: string) {
  return useMeetingMutation(id, (body: Body<'/api/v1/contract-meetings/{id}/minutes', 'put'>) => ok(koers.PUT('/api/v1/contract-meetings/{id}/minutes', { params: { path: { id } }, body })));
}

export function useAddAction(id: string) {
  return useMeetingMutation(id, (body: NewAction) => ok(koers.POST('/api/v1/contract-meetings/{id}/actions', { params: { path: { id } }, body })));
}

export function useMarkAction(meetingId: string) {
  return useMeetingMutation(meetingId, ({ actionId, done }: { actionId: string; done: boolean }) =>
    ok(koers.PUT('/api/v1/contract-meeting-actions/{id}/done', { params: { path: { id: actionId } }, body: { done } })),
  );
}

/** The ladder per provider; `q` searches the providers on the server (the export takes the same). */
export function useEscalations(contractId: string, quarter: string, q = '') {
  return useQuery({
    queryKey: ['escalations', contractId, quarter, q] as const,
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/escalations', { params: { query: { contractId, quarter, ...(q === '' ? {} : { q }) } }, signal })),
    enabled: contractId !== '' && quarter !== '',
  });
}

function useEscalationMutation<V>(call: (body: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['escalations'] }) });
}

export const useOpenStep = () => useEscalationMutation((body: OpenStep) => ok(koers.POST('/api/v1/escalations/steps', { body })));
export const useCloseCase = () =>
  useEscalationMutation(({ caseId, body }: { caseId: string; body: CloseCase }) => ok(koers.POST('/api/v1/escalations/{id}/close', { params: { path: { id: caseId } }, body })));
