// A participant's hours (R-HRS-1, R-HRS-2) as the web app reads them, typed from the generated contract.
import { useQuery } from '@tanstack/react-query';
import { koers, ok } from './client';
import type { Answer, ItemOf } from './wire';

export type ParticipantHours = Answer<'/api/v1/participants/{id}/hours', 'get'>;
export type Milestone = ItemOf<ParticipantHours['milestones']>;

export const hoursKey = (participantId: string) => ['participant', participantId, 'hours'] as const;

export function useParticipantHours(participantId: string, enabled = true) {
  return useQuery({
    queryKey: hoursKey(participantId),
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/participants/{id}/hours', { params: { path: { id: participantId } }, signal })),
    enabled,
  });
}
