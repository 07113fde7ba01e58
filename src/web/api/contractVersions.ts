// Issue #17 (R-CON-10): contract versions loaded, checked and activated by the administrator.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { koers, ok } from './client';
import type { Answer, Body } from './wire';

export type ContractVersionList = Answer<'/api/v1/contract-versions', 'get'>;
export type VersionUpload = Body<'/api/v1/contract-versions', 'post'>;
export type CheckedVersion = Answer<'/api/v1/contract-versions/check', 'post'>;

export function useContractVersions() {
  return useQuery({ queryKey: ['contract-versions'] as const, queryFn: ({ signal }) => ok(koers.GET('/api/v1/contract-versions', { signal })) });
}

export function useCheckVersion() {
  return useMutation({ mutationFn: (body: VersionUpload) => ok(koers.POST('/api/v1/contract-versions/check', { body })) });
}

export function useActivateVersion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: VersionUpload) => ok(koers.POST('/api/v1/contract-versions', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['contract-versions'] }),
  });
}
