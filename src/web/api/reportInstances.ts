// Issue #13 (R-CON-8, R-MI-6) as the web app reads it: the report instances, one instance with its frozen
// submission and the difference, the provider's draft and submission. Shapes follow
// src/features/reports/submission-schemas.ts.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { koers, ok } from './client';
import type { Answer, Body, ItemOf, Query } from './wire';

export type InstanceQuery = Query<'/api/v1/reports/instances', 'get'>;
export type InstanceSort = NonNullable<InstanceQuery['sort']>;
export type InstanceStatus = NonNullable<InstanceQuery['status']>;
export type ReportInstance = ItemOf<Answer<'/api/v1/reports/instances', 'get'>['items']>;
export type InstanceDetail = Answer<'/api/v1/reports/instances/{id}', 'get'>;
export type ReportDoc = NonNullable<InstanceDetail['submitted']>;
export type Difference = ItemOf<NonNullable<InstanceDetail['differences']>['cells']>;
export type DraftInput = Body<'/api/v1/reports/instances/{id}/draft', 'put'>;
export type SubmitInput = Body<'/api/v1/reports/instances/{id}/submissions', 'post'>;

const instanceKey = (id: string) => ['report-instance', id] as const;

export function useReportInstances(query: InstanceQuery) {
  return useQuery({
    queryKey: ['report-instances', query] as const,
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/reports/instances', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useReportInstance(id: string) {
  return useQuery({
    queryKey: instanceKey(id),
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/reports/instances/{id}', { params: { path: { id } }, signal })),
  });
}

export function useSaveDraft(id: string) {
  return useMutation({ mutationFn: (body: DraftInput) => ok(koers.PUT('/api/v1/reports/instances/{id}/draft', { params: { path: { id } }, body })) });
}

export function useSubmitInstance(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitInput) => ok(koers.POST('/api/v1/reports/instances/{id}/submissions', { params: { path: { id } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: instanceKey(id) });
      await queryClient.invalidateQueries({ queryKey: ['report-instances'] });
    },
  });
}

export const instanceExportHref = (id: string, format: 'xlsx' | 'pdf') => `/api/v1/reports/instances/${encodeURIComponent(id)}/export?format=${format}`;
