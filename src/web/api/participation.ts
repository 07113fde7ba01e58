// The participation provider's day (issue #12): the list, and per participant its activities, hours,
// MAP themes and ladder, with the writes that register them (R-MAP-1, R-MAP-2, R-MAP-4, R-HRS-1).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { koers, ok } from './client';
import type { Answer, Body, ItemOf, Query } from './wire';

export type ParticipationListQuery = Query<'/api/v1/participation/participants', 'get'>;
export type ParticipationRow = ItemOf<Answer<'/api/v1/participation/participants', 'get'>['items']>;
export type Activity = ItemOf<Answer<'/api/v1/participants/{id}/participation-activities', 'get'>['items']>;
export type ActivityInput = Body<'/api/v1/participants/{id}/participation-activities', 'post'>;
export type LadderInput = Body<'/api/v1/participants/{id}/participation-ladder', 'post'>;
export type MapTheme = ItemOf<Answer<'/api/v1/participants/{id}/map-themes', 'get'>['themes']>;

const key = (participantId: string) => ['participation', participantId] as const;
const onParticipant = (id: string) => ({ path: { id } });

export function useParticipationPage(query: ParticipationListQuery) {
  return useQuery({
    queryKey: ['participation', 'page', query] as const,
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/participation/participants', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** The one row of a participant in the list: its referral, product and provider. */
export function useParticipationRow(participantId: string) {
  return useQuery({
    queryKey: [...key(participantId), 'row'] as const,
    queryFn: async ({ signal }) => {
      const page = await ok(koers.GET('/api/v1/participation/participants', { params: { query: { participantId } }, signal }));
      return page.items[0] ?? null;
    },
  });
}

export const useActivities = (id: string) =>
  useQuery({ queryKey: [...key(id), 'activities'] as const, queryFn: ({ signal }) => ok(koers.GET('/api/v1/participants/{id}/participation-activities', { params: onParticipant(id), signal })) });
export const useParticipationSummary = (id: string) =>
  useQuery({ queryKey: [...key(id), 'summary'] as const, queryFn: ({ signal }) => ok(koers.GET('/api/v1/participants/{id}/participation-summary', { params: onParticipant(id), signal })) });
export const useLadder = (id: string) =>
  useQuery({ queryKey: [...key(id), 'ladder'] as const, queryFn: ({ signal }) => ok(koers.GET('/api/v1/participants/{id}/participation-ladder', { params: onParticipant(id), signal })) });
export const useMapThemes = (id: string) =>
  useQuery({ queryKey: [...key(id), 'map'] as const, queryFn: ({ signal }) => ok(koers.GET('/api/v1/participants/{id}/map-themes', { params: onParticipant(id), signal })) });

/** A write about one participant: afterwards every participation read of it (and the list) is fetched again. */
function useParticipationCommand<I>(participantId: string, run: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['participation'] }),
  });
}

export const useRegisterActivity = (participantId: string) =>
  useParticipationCommand(participantId, (body: ActivityInput) => ok(koers.POST('/api/v1/participants/{id}/participation-activities', { params: onParticipant(participantId), body })));
export const useCorrectActivity = (participantId: string) =>
  useParticipationCommand(participantId, ({ id, ...body }: Body<'/api/v1/participation-activities/{id}', 'put'> & { id: string }) =>
    ok(koers.PUT('/api/v1/participation-activities/{id}', { params: { path: { id } }, body })),
  );
export const useRecordLadderStep = (participantId: string) =>
  useParticipationCommand(participantId, (body: LadderInput) => ok(koers.POST('/api/v1/participants/{id}/participation-ladder', { params: onParticipant(participantId), body })));
export const useSetMapTheme = (participantId: string) =>
  useParticipationCommand(participantId, ({ theme, ...body }: Body<'/api/v1/participants/{id}/map-themes/{theme}', 'put'> & { theme: MapTheme['theme'] }) =>
    ok(koers.PUT('/api/v1/participants/{id}/map-themes/{theme}', { params: { path: { id: participantId, theme } }, body })),
  );
