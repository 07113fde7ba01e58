// API keys for a provider's own systems (R-EXC-1): GET/POST/DELETE /api/v1/api-keys.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { koers, ok } from './client';
import type { Answer, ItemOf } from './wire';

export type ApiKey = ItemOf<Answer<'/api/v1/api-keys', 'get'>['items']>;
/** The new key with its secret, shown once. */
export type NewApiKey = Answer<'/api/v1/api-keys', 'post', 201>;

const KEY = ['api-keys'] as const;

// The list itself, searched and sorted by the server: useApiKeyList in ./managedLists.ts (under this key).

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => ok(koers.POST('/api/v1/api-keys', { body: { name } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ok(koers.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
