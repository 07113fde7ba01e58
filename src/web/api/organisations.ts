// Issue #17: the organisations and their identifiers, for the administrator (src/features/organisation-admin).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { koers, ok } from './client';
import type { Answer } from './wire';

export type OrganisationItem = Answer<'/api/v1/organisations', 'get'>['items'][number];

export function useOrganisations() {
  return useQuery({ queryKey: ['organisations'] as const, queryFn: ({ signal }) => ok(koers.GET('/api/v1/organisations', { signal })) });
}

export function useChangeIdentifier() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (c: { kind: 'municipality'; code: string; oin: string } | { kind: 'provider'; code: string; kvkNumber: string }) =>
      c.kind === 'municipality'
        ? ok(koers.PATCH('/api/v1/organisations/municipalities/{code}', { params: { path: { code: c.code } }, body: { oin: c.oin } }))
        : ok(koers.PATCH('/api/v1/organisations/providers/{code}', { params: { path: { code: c.code } }, body: { kvkNumber: c.kvkNumber } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['organisations'] }),
  });
}
