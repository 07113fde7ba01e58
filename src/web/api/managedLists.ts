// The group, outbox and API key lists as the shared table reads them (issue #10 item 5): searched,
// sorted and paged by the server, so the list on screen and its export (the same query) show the same rows.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { koers, ok } from './client';
import type { Query } from './wire';

export type GroupListQuery = Query<'/api/v1/groups', 'get'>;
export type GroupSort = NonNullable<GroupListQuery['sort']>;
export type OutboxQuery = Query<'/api/v1/outbox', 'get'>;
export type OutboxSort = NonNullable<OutboxQuery['sort']>;
export type OutboxStatus = NonNullable<OutboxQuery['status']>;
export type ApiKeyListQuery = Query<'/api/v1/api-keys', 'get'>;
export type ApiKeySort = NonNullable<ApiKeyListQuery['sort']>;

/** Under the groups key, so making a group (which invalidates ['groups']) refreshes the list. */
export function useGroupList(query: GroupListQuery) {
  return useQuery({
    queryKey: ['groups', 'list', query] as const,
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/groups', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useOutboxPage(query: OutboxQuery) {
  return useQuery({
    queryKey: ['outbox', 'page', query] as const,
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/outbox', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** Under the api-keys key, so making or revoking a key refreshes the list. */
export function useApiKeyList(query: ApiKeyListQuery) {
  return useQuery({
    queryKey: ['api-keys', 'list', query] as const,
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/api-keys', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}
