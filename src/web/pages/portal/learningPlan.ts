// The participant's approved learning plan as the web app reads it (R-PRT-2), typed from the contract.
import { useQuery } from '@tanstack/react-query';
import { koers, ok } from '../../api/client';
import type { Answer } from '../../api/wire';

export type MyLearningPlan = Answer<'/api/v1/participants/{id}/learning-plan', 'get'>;

export function useMyLearningPlan(participantId: string) {
  return useQuery({
    queryKey: ['participant', participantId, 'learning-plan'],
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/participants/{id}/learning-plan', { params: { path: { id: participantId } }, signal })),
  });
}

export const signedPlanHref = (participantId: string) => `/api/v1/participants/${participantId}/learning-plan/signed.pdf`;
