// Queries and commands of the referral lifecycle (R-REF-2, R-REF-3, R-REF-4, R-REF-6, R-REF-7). Every
// command names the lockVersion of the detail the user saw; a stale one gets 409 and the page offers to
// refresh.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { koers, ok, rawBody } from './client';
import type { LifecycleCommand, ReferralDetail } from './lifecycleTypes';
import { invalidateAfterReferralChange, keys } from './queries';

const path = (id: string) => `/referrals/${encodeURIComponent(id)}`;
const onReferral = (id: string) => ({ params: { path: { id } } });

export function useReferralDetail(id: string) {
  return useQuery({
    queryKey: keys.referral(id),
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/referrals/{id}', { ...onReferral(id), signal })),
  });
}

export function useReferralDocuments(id: string) {
  return useQuery({
    queryKey: keys.referralDocuments(id),
    queryFn: async ({ signal }) => (await ok(koers.GET('/api/v1/referrals/{id}/documents', { ...onReferral(id), signal }))).items,
  });
}

/** After a step, everything that shows this referral or its signals is fetched again. */
function refreshAfterStep(queryClient: QueryClient, detail: ReferralDetail) {
  queryClient.setQueryData(keys.referral(detail.id), detail);
  return Promise.all([
    invalidateAfterReferralChange(queryClient, detail.participant.id),
    queryClient.invalidateQueries({ queryKey: keys.referralDocuments(detail.id) }),
  ]);
}

/** R-REF-2: record one lifecycle step. */
export function useRecordEvent(referral: ReferralDetail) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (command: LifecycleCommand) =>
      ok(koers.POST('/api/v1/referrals/{id}/events', { ...onReferral(referral.id), body: { ...command, lockVersion: referral.lockVersion } })),
    onSuccess: (detail) => refreshAfterStep(queryClient, detail),
  });
}

/** R-REF-7: the provider uploads the learning plan the participant signed (a PDF). */
export function useUploadSignedPlan(referral: ReferralDetail) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      ok(
        koers.POST('/api/v1/referrals/{id}/signed-learning-plan', {
          params: { path: { id: referral.id }, query: { lockVersion: referral.lockVersion }, header: { 'x-file-name': encodeURIComponent(file.name) } },
          headers: { 'Content-Type': 'application/pdf' },
          // The PDF itself is the body (the route reads it raw), not JSON. It must be passed as `body`:
          // openapi-fetch calls the serializer only for a defined body, and sends none otherwise.
          bodySerializer: () => rawBody(file),
          body: file as never,
        }),
      ),
    onSuccess: () =>
      Promise.all([
        invalidateAfterReferralChange(queryClient, referral.participant.id),
        queryClient.invalidateQueries({ queryKey: keys.referralDocuments(referral.id) }),
      ]),
  });
}

/** Fetches the referral again, e.g. after a 409 (someone else changed it). */
export function useRefreshReferral(id: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.referral(id) }),
      queryClient.invalidateQueries({ queryKey: keys.referralDocuments(id) }),
    ]);
}

export const downloads = {
  referralPdf: (id: string) => `/api/v1${path(id)}/pdf`,
  learningPlanPdf: (id: string) => `/api/v1/learning-plans/${encodeURIComponent(id)}/pdf`,
  document: (id: string) => `/api/v1/documents/${encodeURIComponent(id)}`,
};
