// The participant's timetable as the web app reads it (GET /participants/{id}/timetable, R-PRT-2), and
// the pure split into this week and next.
import { useQuery } from '@tanstack/react-query';
import { koers, ok } from '../../api/client';
import type { Answer, ItemOf } from '../../api/wire';
import { addDays } from '../../lib/dates';

export type Timetable = Answer<'/api/v1/participants/{id}/timetable', 'get'>;
export type TimetableLesson = ItemOf<Timetable['lessons']>;

export function useTimetable(participantId: string) {
  return useQuery({
    queryKey: ['participant', participantId, 'timetable'],
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/participants/{id}/timetable', { params: { path: { id: participantId } }, signal })),
  });
}

/** The lessons of the first week (from `from`, a Monday, seven days) and of the week after. */
export function splitWeeks(from: string, lessons: readonly TimetableLesson[]): [TimetableLesson[], TimetableLesson[]] {
  const nextMonday = addDays(from, 7);
  return [lessons.filter((l) => l.date < nextMonday), lessons.filter((l) => l.date >= nextMonday)];
}

/** 0 = Monday … 6 = Sunday, from an ISO date (UTC: no time zone can shift the day). */
export function weekdayIndex(iso: string): number {
  return (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7;
}
