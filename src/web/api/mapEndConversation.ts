// The MAP end conversation (issue #12, R-MAP-3): the provider's preparation per 001 Bijlage 2 and
// proposed date, the consultant's outcome. Every save refreshes the participant's participation reads.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { koers, ok } from './client';
import type { Answer, Body } from './wire';

export type EndConversation = Answer<'/api/v1/participants/{id}/map-end-conversation', 'get'>;
export type PreparationInput = Body<'/api/v1/participants/{id}/map-end-conversation/preparation', 'put'>;
export type PlanningInput = Body<'/api/v1/participants/{id}/map-end-conversation/planning', 'put'>;
export type OutcomeInput = Body<'/api/v1/participants/{id}/map-end-conversation/outcome', 'put'>;

const onParticipant = (id: string) => ({ path: { id } });

export const useEndConversation = (id: string) =>
  useQuery({ queryKey: ['participation', id, 'endConversation'] as const, queryFn: ({ signal }) => ok(koers.GET('/api/v1/participants/{id}/map-end-conversation', { params: onParticipant(id), signal })) });

function useSave<I>(run: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['participation'] }) });
}

export const useSavePreparation = (id: string) => useSave((body: PreparationInput) => ok(koers.PUT('/api/v1/participants/{id}/map-end-conversation/preparation', { params: onParticipant(id), body })));
export const useSavePlanning = (id: string) => useSave((body: PlanningInput) => ok(koers.PUT('/api/v1/participants/{id}/map-end-conversation/planning', { params: onParticipant(id), body })));
export const useSaveOutcome = (id: string) => useSave((body: OutcomeInput) => ok(koers.PUT('/api/v1/participants/{id}/map-end-conversation/outcome', { params: onParticipant(id), body })));
