// Issue #14 (R-ESC-1) as the web app reads it: the participant-level ladder — the cases in one's room, one
// case with its steps and check-ins, opening a case, the next step, a check-in held, the closure and the
// contract manager's judgement. Shapes
// from the generated types (src/features/participant-escalation/schemas.ts); every change answers with the
// whole case, which replaces the cache, and the list is read again.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { koers, ok } from './client';
import type { Answer, Body, ItemOf, Query } from './wire';

export type EscalationCase = Answer<'/api/v1/participant-escalations/{id}', 'get'>;
export type EscalationItem = ItemOf<Answer<'/api/v1/participant-escalations', 'get'>['items']>;
export type LadderStep = EscalationCase['steps'][number]['step'];
export type EscalationQuery = Query<'/api/v1/participant-escalations', 'get'>;
export type OpenBody = Body<'/api/v1/participant-escalations', 'post'>;
export type StepBody = Body<'/api/v1/participant-escalations/{id}/steps', 'post'>;
export type CheckInBody = Body<'/api/v1/participant-escalations/{id}/check-ins', 'post'>;
export type CloseBody = Body<'/api/v1/participant-escalations/{id}/closure', 'post'>;
export type JudgementBody = Body<'/api/v1/participant-escalations/{id}/judgement', 'post'>;

const listKey = ['participant-escalations'] as const;
const caseKey = (id: string) => ['participant-escalation', id] as const;

/** One page of the list, searched and sorted by the server (the shared list features; the export takes the same filters). */
export function useEscalations(query: EscalationQuery) {
  return useQuery({ queryKey: [...listKey, query], queryFn: ({ signal }) => ok(koers.GET('/api/v1/participant-escalations', { params: { query }, signal })), placeholderData: keepPreviousData });
}

export function useEscalation(id: string) {
  return useQuery({ queryKey: caseKey(id), queryFn: ({ signal }) => ok(koers.GET('/api/v1/participant-escalations/{id}', { params: { path: { id } }, signal })) });
}

function useChange<V>(call: (body: V) => Promise<EscalationCase>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async (escalation) => {
      queryClient.setQueryData(caseKey(escalation.id), escalation);
      await queryClient.invalidateQueries({ queryKey: listKey });
    },
  });
}

const path = (id: string) => ({ params: { path: { id } } });
export const useOpenEscalation = () => useChange((body: OpenBody) => ok(koers.POST('/api/v1/participant-escalations', { body })));
export const useTakeStep = (id: string) => useChange((body: StepBody) => ok(koers.POST('/api/v1/participant-escalations/{id}/steps', { ...path(id), body })));
export const useHoldCheckIn = (id: string) => useChange((body: CheckInBody) => ok(koers.POST('/api/v1/participant-escalations/{id}/check-ins', { ...path(id), body })));
export const useCloseEscalation = (id: string) => useChange((body: CloseBody) => ok(koers.POST('/api/v1/participant-escalations/{id}/closure', { ...path(id), body })));
/** 000 §5: the contract manager's judgement at the last step. */
export const useJudgeEscalation = (id: string) => useChange((body: JudgementBody) => ok(koers.POST('/api/v1/participant-escalations/{id}/judgement', { ...path(id), body })));
