// Issue #14 (R-QLT-1, R-QLT-2, R-QLT-3, R-QLT-4) as the web app reads it: the provider quality register and
// one provider's record under a contract, with every record the routes offer. Shapes follow
// src/features/quality/schemas.ts; every change answers with the whole record, which replaces the cache.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { koers, ok } from './client';
import type { Answer, ItemOf, Query } from './wire';

export type RegisterQuery = Query<'/api/v1/quality/providers', 'get'>;
export type RegisterSort = NonNullable<RegisterQuery['sort']>;
export type RegisterItem = ItemOf<Answer<'/api/v1/quality/providers', 'get'>['items']>;
export type QualityRecord = Answer<'/api/v1/quality/contracts/{contractId}/providers/{providerCode}', 'get'>;
export type Screening = ItemOf<QualityRecord['screenings']>;
export type Teacher = ItemOf<QualityRecord['teachers']>;
export type Compliance = NonNullable<QualityRecord['compliance']>;
export interface RecordKey {
  contractId: string;
  providerCode: string;
}

export function useRegister(query: RegisterQuery) {
  return useQuery({
    queryKey: ['quality-register', query] as const,
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/quality/providers', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

const recordKey = (key: RecordKey) => ['quality-record', key.contractId, key.providerCode] as const;

export function useQualityRecord(key: RecordKey) {
  return useQuery({
    queryKey: recordKey(key),
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/quality/contracts/{contractId}/providers/{providerCode}', { params: { path: key }, signal })),
  });
}

/** A change answers with the new record: it replaces the cached one, and the register is read again. */
export function useRecordChange<V>(key: RecordKey, call: (path: RecordKey, body: V) => Promise<QualityRecord>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: V) => call(key, body),
    onSuccess: async (record) => {
      queryClient.setQueryData(recordKey(key), record);
      await queryClient.invalidateQueries({ queryKey: ['quality-register'] });
    },
  });
}

const base = '/api/v1/quality/contracts/{contractId}/providers/{providerCode}' as const;
type P = RecordKey;

// One call per route (src/features/quality/routes.ts); the paths stay literal so their types are checked.
export const qualityCalls = {
  kvk: (path: P, body: { kvkNumber: string; tradeName: string; legalForm: string | null; address: string | null; checkedOn: string }) => ok(koers.POST(`${base}/kvk`, { params: { path }, body })),
  mark: (path: P, body: { since: string; validUntil: string }) => ok(koers.POST(`${base}/marks`, { params: { path }, body })),
  withdraw: (path: P, { markId, ...body }: { markId: string; withdrawnOn: string; reason: string }) => ok(koers.POST(`${base}/marks/{markId}/withdrawal`, { params: { path: { ...path, markId } }, body })),
  audit: (path: P, { markId, ...body }: { markId: string; title: string; auditedOn: string; summary: string | null }) =>
    ok(koers.POST(`${base}/marks/{markId}/audit-reports`, { params: { path: { ...path, markId } }, body })),
  membership: (path: P, body: { state: 'applied' | 'admitted' | 'excluded'; on: string; grounds: string; conversationOn: string | null; letterSentOn: string | null }) =>
    ok(koers.POST(`${base}/membership`, { params: { path }, body })),
  screening: (path: P, body: { startedOn: string; reason: string }) => ok(koers.POST(`${base}/screenings`, { params: { path }, body })),
  item: (path: P, { screeningId, ...body }: { screeningId: string; item: ItemOf<QualityRecord['rules']['screeningItems']>; receivedOn: string; note: string | null }) =>
    ok(koers.POST(`${base}/screenings/{screeningId}/items`, { params: { path: { ...path, screeningId } }, body })),
  finding: (path: P, { screeningId, ...body }: { screeningId: string; text: string; foundOn: string }) => ok(koers.POST(`${base}/screenings/{screeningId}/findings`, { params: { path: { ...path, screeningId } }, body })),
  respond: (path: P, { screeningId, findingId, ...body }: { screeningId: string; findingId: string; text: string }) =>
    ok(koers.POST(`${base}/screenings/{screeningId}/findings/{findingId}/responses`, { params: { path: { ...path, screeningId, findingId } }, body })),
  decide: (path: P, { screeningId, ...body }: { screeningId: string; outcome: NonNullable<Screening['decision']>['outcome']; grounds: string; decidedOn: string }) =>
    ok(koers.POST(`${base}/screenings/{screeningId}/decision`, { params: { path: { ...path, screeningId } }, body })),
  addTeacher: (path: P, body: { name: string; qualification: Teacher['qualification']; alfaSpecialised: boolean; vogOn: string | null; registeredOn: string }) =>
    ok(koers.POST(`${base}/teachers`, { params: { path }, body })),
  updateTeacher: (path: P, { teacherId, ...body }: { teacherId: string; name: string; qualification: Teacher['qualification']; alfaSpecialised: boolean; vogOn: string | null; leftOn: string | null; version: number }) =>
    ok(koers.PUT(`${base}/teachers/{teacherId}`, { params: { path: { ...path, teacherId } }, body })),
  satisfaction: (path: P, body: { surveyedOn: string; conductedBy: 'blikOpWerk' | 'municipality'; score: number | null; respondents: number | null; summary: string }) =>
    ok(koers.POST(`${base}/satisfaction`, { params: { path }, body })),
  visit: (path: P, body: { visitedOn: string; announced: boolean; findings: string }) => ok(koers.POST(`${base}/class-visits`, { params: { path }, body })),
};
