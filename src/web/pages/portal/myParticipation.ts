// The participant's activities as the web app reads them (GET /participants/{id}/my-participation,
// R-PRT-2), and the pure pieces of the page: how a number of minutes is said in plain words.
import { useQuery } from '@tanstack/react-query';
import { koers, ok } from '../../api/client';
import type { Answer, ItemOf } from '../../api/wire';

export type MyParticipation = Answer<'/api/v1/participants/{id}/my-participation', 'get'>;
export type MyActivity = ItemOf<MyParticipation['activities']>;

export function useMyParticipation(participantId: string) {
  return useQuery({
    queryKey: ['participant', participantId, 'my-participation'],
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/participants/{id}/my-participation', { params: { path: { id: participantId } }, signal })),
  });
}

/** The text key and values of a duration: "3 uur", "45 minuten" or "1 uur en 30 minuten" (never "1,5 uur": A2 readers count in whole units). */
export function durationText(totalMinutes: number): { key: 'duration.hours' | 'duration.minutes' | 'duration.hoursMinutes'; hours: number; minutes: number } {
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (minutes === 0) return { key: 'duration.hours', hours, minutes };
  return { key: hours === 0 ? 'duration.minutes' : 'duration.hoursMinutes', hours, minutes };
}
