// Groups, lessons and attendance (issue #4: R-GRP-1, R-GRP-2, R-ATT-1, R-ATT-2, R-ATT-3), as the web app
// reads them. Shapes follow src/features/groups/schemas.ts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { koers, ok } from './client';
import type { Answer, Body, ItemOf } from './wire';

export type Group = ItemOf<Answer<'/api/v1/groups', 'get'>['items']>;
export type GroupDetail = Answer<'/api/v1/groups/{id}', 'get'>;
/** `attendanceThisMonth` is attended / offered minutes in percent (null when nothing was offered); `normPercent` the member's contract norm (R-ATT-3). */
export type GroupMember = ItemOf<GroupDetail['members']>;
export type ScheduleSlot = ItemOf<Group['schedule']>;
export type LevelBand = Group['levelBand'];
export type Literacy = Group['literacy'];
export type NewGroup = Body<'/api/v1/groups', 'post'>;

export type LessonPage = Answer<'/api/v1/lessons/{id}', 'get'>;
export type Lesson = LessonPage['lesson'];
export type LessonKind = Lesson['kind'];
export type RosterRow = ItemOf<LessonPage['roster']>;
export type AttendanceEntry = ItemOf<Body<'/api/v1/lessons/{id}/attendance', 'put'>>;

export type ParticipantAttendance = Answer<'/api/v1/participants/{id}/attendance', 'get'>;
export type Absence = ItemOf<ParticipantAttendance['absences']>;
export type Classification = NonNullable<Absence['classification']>;

export const groupKeys = {
  groups: ['groups'] as const,
  group: (id: string) => ['group', id] as const,
  groupLessons: (id: string, from: string, to: string) => ['group', id, 'lessons', from, to] as const,
  lesson: (id: string) => ['lesson', id] as const,
  attendance: (participantId: string) => ['participant', participantId, 'attendance'] as const,
};

export function useGroups() {
  return useQuery({
    queryKey: groupKeys.groups,
    queryFn: async ({ signal }) => (await ok(koers.GET('/api/v1/groups', { signal }))).items,
  });
}

export function useGroup(id: string) {
  return useQuery({
    queryKey: groupKeys.group(id),
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/groups/{id}', { params: { path: { id } }, signal })),
  });
}

/**
 * The lessons of one group in a period. API gap: the server has no such list yet (issue #4 item 2);
 * this asks `GET /groups/:id/lessons?from&to` and the week view falls back to the schedule when it fails.
 */
export function useGroupLessons(id: string, from: string, to: string) {
  return useQuery({
    queryKey: groupKeys.groupLessons(id, from, to),
    queryFn: async ({ signal }) => (await ok(koers.GET('/api/v1/groups/{id}/lessons', { params: { path: { id }, query: { from, to } }, signal }))).items,
    retry: false,
  });
}

/** Lessons returned by "lessen maken", kept for the week view while the list endpoint is missing. */
export const generatedLessonsKey = (groupId: string) => ['group', groupId, 'generated'] as const;

export function useCreateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (group: NewGroup) => ok(koers.POST('/api/v1/groups', { body: group })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupKeys.groups }),
  });
}

export function useGenerateLessons() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ groupId, from, to }: { groupId: string; from: string; to: string }) =>
      ok(koers.POST('/api/v1/groups/{id}/lessons/generate', { params: { path: { id: groupId } }, body: { from, to } })),
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
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/lessons/{id}', { params: { path: { id } }, signal })),
    // The form is filled from this once; a refetch in the background must not reset what is typed.
    refetchOnWindowFocus: false,
  });
}

/** R-ATT-1: the whole class in one request; a correction is the same call again. */
export function useSaveAttendance(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entries: AttendanceEntry[]) =>
      ok(koers.PUT('/api/v1/lessons/{id}/attendance', { params: { path: { id: lessonId } }, body: entries })),
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
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/participants/{id}/attendance', { params: { path: { id: participantId } }, signal })),
    enabled,
  });
}

/** R-ATT-2: the municipality classifies an absence. */
export function useClassifyAbsence(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ lessonId, classification }: { lessonId: string; classification: Classification }) =>
      ok(koers.POST('/api/v1/attendance/{lessonId}/{participantId}/classification', { params: { path: { lessonId, participantId } }, body: { classification } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupKeys.attendance(participantId) }),
  });
}

export type Membership = Answer<'/api/v1/groups/{id}/members', 'post', 201>;

/** Move a current member to another group of the provider on a date (R-GRP-1: refused when full or literacy would mix). */
export function useMoveMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ groupId, participantId, toGroupId, on }: { groupId: string; participantId: string; toGroupId: string; on: string }) =>
      ok(koers.POST('/api/v1/groups/{id}/members/{participantId}/move', { params: { path: { id: groupId, participantId } }, body: { toGroupId, on } })),
    onSuccess: (_result, { groupId, toGroupId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: groupKeys.group(groupId) }),
        queryClient.invalidateQueries({ queryKey: groupKeys.group(toGroupId) }),
        queryClient.invalidateQueries({ queryKey: groupKeys.groups }),
      ]),
  });
}

export type LessonChange = Body<'/api/v1/lessons/{id}', 'patch'>;

/** R-GRP-2: change a lesson, or mark it cancelled by the provider (and undo that). */
export function useChangeLesson(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: LessonChange) => ok(koers.PATCH('/api/v1/lessons/{id}', { params: { path: { id: lessonId } }, body: change })),
    onSuccess: (lesson) => {
      queryClient.setQueryData<LessonPage>(groupKeys.lesson(lessonId), (page) => (page ? { ...page, lesson } : page));
      // A new date can change who is on the roster; the week view and rates change too.
      void queryClient.invalidateQueries({ queryKey: groupKeys.lesson(lessonId) });
      void queryClient.invalidateQueries({ queryKey: ['group', lesson.groupId] });
      void queryClient.invalidateQueries({ queryKey: ['participant'] });
    },
  });
}

export type NewMember = Body<'/api/v1/groups/{id}/members', 'post'>;

/** R-GRP-1: place a participant referred to this provider in the group. */
export function useAddMember(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (member: NewMember) => ok(koers.POST('/api/v1/groups/{id}/members', { params: { path: { id: groupId } }, body: member })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: groupKeys.group(groupId) }),
        queryClient.invalidateQueries({ queryKey: groupKeys.groups }),
      ]),
  });
}
