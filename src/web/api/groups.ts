// Groups, lessons and attendance (issue #4: R-GRP-1, R-GRP-2, R-ATT-1, R-ATT-2, R-ATT-3), as the web app
// reads them. Shapes follow src/features/groups/schemas.ts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { ItemList } from './types';

export type LevelBand = 'fastAlfa' | 'a0a1' | 'a1a2' | 'a2b1' | 'z' | 'exam' | 'map';
export type Literacy = 'literate' | 'illiterate';
export type LessonKind = 'language' | 'knm' | 'participation' | 'mapPractice' | 'makeUp' | 'deficiencySubject' | 'examTraining';
export type Classification = 'authorised' | 'unauthorised';

export interface ScheduleSlot {
  weekday: number;
  startTime: string;
  minutes: number;
  kind: LessonKind;
}

export interface Group {
  id: string;
  providerId: string;
  name: string;
  levelBand: LevelBand;
  literacy: Literacy;
  location: string;
  sizeLimit: number;
  teacherUserId: string | null;
  schedule: ScheduleSlot[];
  activeFrom: string;
  activeTo: string | null;
  memberCount: number;
}

export interface GroupMember {
  participantId: string;
  givenName: string;
  familyName: string;
  referralId: string;
  literacy: Literacy;
  memberFrom: string;
  memberTo: string | null;
  /** Attended / offered minutes this month in percent; null when nothing was offered. */
  attendanceThisMonth: number | null;
  /** R-ATT-3: the attendance norm of this member's contract version, from the server. */
  normPercent: number;
}

export interface GroupDetail extends Group {
  members: GroupMember[];
}

export interface NewGroup {
  name: string;
  levelBand: LevelBand;
  literacy: Literacy;
  location: string;
  sizeLimit?: number;
  teacherUserId?: string | null;
  schedule: ScheduleSlot[];
  activeFrom: string;
  activeTo?: string | null;
}

export interface Lesson {
  id: string;
  groupId: string;
  groupName: string;
  date: string;
  startTime: string;
  minutes: number;
  kind: LessonKind;
  cancelledByProvider: boolean;
}

export interface RosterRow {
  participantId: string;
  givenName: string;
  familyName: string;
  recorded: boolean;
  present: boolean;
  minutesAttended: number;
  reason: string | null;
  calledIn: boolean;
  classification: Classification | null;
  version: number;
}

export interface LessonPage {
  lesson: Lesson;
  roster: RosterRow[];
  changed?: number;
}

export interface AttendanceEntry {
  participantId: string;
  present: boolean;
  minutesAttended?: number;
  reason?: string | null;
  calledIn: boolean;
}

export interface Absence {
  lessonId: string;
  date: string;
  kind: LessonKind;
  reason: string | null;
  calledIn: boolean;
  classification: Classification | null;
}

export interface ParticipantAttendance {
  from: string;
  to: string;
  rate: { offeredMinutes: number; attendedMinutes: number; percentage: number | null };
  belowNorm: boolean;
  /** R-ATT-3: the attendance norm of the participant's contract version, from the server. */
  normPercent: number;
  absences: Absence[];
  byMonth: { month: string; percentage: number | null }[];
}

export const groupKeys = {
  groups: ['groups'] as const,
  group: (id: string) => ['group', id] as const,
  groupLessons: (id: string, from: string, to: string) => ['group', id, 'lessons', from, to] as const,
  lesson: (id: string) => ['lesson', id] as const,
  attendance: (participantId: string) => ['participant', participantId, 'attendance'] as const,
};

const enc = encodeURIComponent;

export function useGroups() {
  return useQuery({
    queryKey: groupKeys.groups,
    queryFn: async ({ signal }) => (await api<ItemList<Group>>('/groups', { signal })).items,
  });
}

export function useGroup(id: string) {
  return useQuery({
    queryKey: groupKeys.group(id),
    queryFn: ({ signal }) => api<GroupDetail>(`/groups/${enc(id)}`, { signal }),
  });
}

/**
 * The lessons of one group in a period. API gap: the server has no such list yet (issue #4 item 2);
 * this asks `GET /groups/:id/lessons?from&to` and the week view falls back to the schedule when it fails.
 */
export function useGroupLessons(id: string, from: string, to: string) {
  return useQuery({
    queryKey: groupKeys.groupLessons(id, from, to),
    queryFn: async ({ signal }) =>
      (await api<ItemList<Lesson>>(`/groups/${enc(id)}/lessons?from=${from}&to=${to}`, { signal })).items,
    retry: false,
  });
}

/** Lessons returned by "lessen maken", kept for the week view while the list endpoint is missing. */
export const generatedLessonsKey = (groupId: string) => ['group', groupId, 'generated'] as const;

export function useCreateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (group: NewGroup) => api<Group>('/groups', { method: 'POST', body: group }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupKeys.groups }),
  });
}

export function useGenerateLessons() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ groupId, from, to }: { groupId: string; from: string; to: string }) =>
      api<{ created: number; lessons: Lesson[] }>(`/groups/${enc(groupId)}/lessons/generate`, {
        method: 'POST',
        body: { from, to },
      }),
    onSuccess: (result, { groupId }) => {
      const before = queryClient.getQueryData<Lesson[]>(generatedLessonsKey(groupId)) ?? [];
      const ids = new Set(result.lessons.map((l) => l.id));
      queryClient.setQueryData(generatedLessonsKey(groupId), [...before.filter((l) => !ids.has(l.id)), ...result.lessons]);
      return queryClient.invalidateQueries({ queryKey: ['group', groupId] });
    },
  });
}

export function useLesson(id: string) {
  return useQuery({
    queryKey: groupKeys.lesson(id),
    queryFn: ({ signal }) => api<LessonPage>(`/lessons/${enc(id)}`, { signal }),
    // The form is filled from this once; a refetch in the background must not reset what is typed.
    refetchOnWindowFocus: false,
  });
}

/** R-ATT-1: the whole class in one request; a correction is the same call again. */
export function useSaveAttendance(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entries: AttendanceEntry[]) =>
      api<LessonPage>(`/lessons/${enc(lessonId)}/attendance`, { method: 'PUT', body: entries }),
    onSuccess: (page) => {
      queryClient.setQueryData(groupKeys.lesson(lessonId), page);
      void queryClient.invalidateQueries({ queryKey: groupKeys.group(page.lesson.groupId) });
      void queryClient.invalidateQueries({ queryKey: ['participant'] });
    },
  });
}

export function useParticipantAttendance(participantId: string, enabled: boolean) {
  return useQuery({
    queryKey: groupKeys.attendance(participantId),
    queryFn: ({ signal }) => api<ParticipantAttendance>(`/participants/${enc(participantId)}/attendance`, { signal }),
    enabled,
  });
}

/** R-ATT-2: the municipality classifies an absence. */
export function useClassifyAbsence(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ lessonId, classification }: { lessonId: string; classification: Classification }) =>
      api<{ classification: Classification }>(`/attendance/${enc(lessonId)}/${enc(participantId)}/classification`, {
        method: 'POST',
        body: { classification },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupKeys.attendance(participantId) }),
  });
}

export interface Membership {
  groupId: string;
  participantId: string;
  memberFrom: string;
  memberTo: string | null;
}

/** Move a current member to another group of the provider on a date (R-GRP-1: refused when full or literacy would mix). */
export function useMoveMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ groupId, participantId, toGroupId, on }: { groupId: string; participantId: string; toGroupId: string; on: string }) =>
      api<Membership>(`/groups/${enc(groupId)}/members/${enc(participantId)}/move`, { method: 'POST', body: { toGroupId, on } }),
    onSuccess: (_result, { groupId, toGroupId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: groupKeys.group(groupId) }),
        queryClient.invalidateQueries({ queryKey: groupKeys.group(toGroupId) }),
        queryClient.invalidateQueries({ queryKey: groupKeys.groups }),
      ]),
  });
}

export type LessonChange = Partial<Pick<Lesson, 'date' | 'startTime' | 'minutes' | 'kind' | 'cancelledByProvider'>>;

/** R-GRP-2: change a lesson, or mark it cancelled by the provider (and undo that). */
export function useChangeLesson(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: LessonChange) => api<Lesson>(`/lessons/${enc(lessonId)}`, { method: 'PATCH', body: change }),
    onSuccess: (lesson) => {
      queryClient.setQueryData<LessonPage>(groupKeys.lesson(lessonId), (page) => (page ? { ...page, lesson } : page));
      // A new date can change who is on the roster; the week view and rates change too.
      void queryClient.invalidateQueries({ queryKey: groupKeys.lesson(lessonId) });
      void queryClient.invalidateQueries({ queryKey: ['group', lesson.groupId] });
      void queryClient.invalidateQueries({ queryKey: ['participant'] });
    },
  });
}

export interface NewMember {
  participantId: string;
  referralId: string;
  from: string;
  literacy: Literacy;
}

/** R-GRP-1: place a participant referred to this provider in the group. */
export function useAddMember(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (member: NewMember) => api<Membership>(`/groups/${enc(groupId)}/members`, { method: 'POST', body: member }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: groupKeys.group(groupId) }),
        queryClient.invalidateQueries({ queryKey: groupKeys.groups }),
      ]),
  });
}
