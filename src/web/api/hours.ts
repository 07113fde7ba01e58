// A participant's hours (R-HRS-1, R-HRS-2) as the web app reads them. Shapes follow
// src/features/hours/schemas.ts (ParticipantHours).
import { useQuery } from '@tanstack/react-query';
import type { HourKind } from '../lib/attendanceLabels';
import { api } from './client';

export interface Milestone {
  hours: number;
  /** The day the milestone was crossed; null while not reached. */
  reachedOn: string | null;
}

export interface ParticipantHours {
  totalMinutes: number;
  lessonMinutes: number;
  registeredMinutes: number;
  nt2LessonMinutes: number;
  byKind: Record<HourKind, number>;
  milestones: Milestone[];
  /** `week` is the Monday of the ISO week; weeks without hours are left out. */
  byWeek: { week: string; minutes: number }[];
}

export const hoursKey = (participantId: string) => ['participant', participantId, 'hours'] as const;

export function useParticipantHours(participantId: string, enabled = true) {
  return useQuery({
    queryKey: hoursKey(participantId),
    queryFn: ({ signal }) => api<ParticipantHours>(`/participants/${encodeURIComponent(participantId)}/hours`, { signal }),
    enabled,
  });
}
