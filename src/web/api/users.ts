// Issue #17: staff accounts as the web app reads and changes them (src/features/users/routes.ts).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { koers, ok } from './client';
import type { Answer, Body, Query } from './wire';

export type UserListQuery = Query<'/api/v1/users', 'get'>;
export type UserSort = NonNullable<UserListQuery['sort']>;
export type UserRole = NonNullable<UserListQuery['role']>;
export type UserItem = Answer<'/api/v1/users', 'get'>['items'][number];
export type NewUser = Body<'/api/v1/users', 'post'>;
export type OrganisationChoice = Answer<'/api/v1/users/choices', 'get'>['items'][number];

export function useUserList(query: UserListQuery) {
  return useQuery({
    queryKey: ['users', 'list', query] as const,
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/users', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useUserChoices() {
  return useQuery({ queryKey: ['users', 'choices'] as const, queryFn: ({ signal }) => ok(koers.GET('/api/v1/users/choices', { signal })) });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUser) => ok(koers.POST('/api/v1/users', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users', 'list'] }),
  });
}

export function useEndUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ok(koers.POST('/api/v1/users/{id}/end', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users', 'list'] }),
  });
}

export function useResetSecondFactor() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ok(koers.POST('/api/v1/users/{id}/reset-second-factor', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users', 'list'] }),
  });
}
