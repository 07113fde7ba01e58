// Queries and commands of the referral lifecycle (R-REF-2, R-REF-3, R-REF-4, R-REF-6, R-REF-7). Every
// command names the lockVersion of the detail the user saw; a stale one gets 409 and the page offers to
// refresh.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { LifecycleCommand, ReferralDetail, ReferralDocument } from './lifecycleTypes';
import { invalidateAfterReferralChange, keys } from './queries';
import type { ItemList } from './types';

const path = (id: string) => `/referrals/${encodeURIComponent(id)}`;

export function useReferralDetail(id: string) {
  return useQuery({
    queryKey: keys.referral(id),
    queryFn: ({ signal }) => api<ReferralDetail>(path(id), { signal }),
  });
}

export function useReferralDocuments(id: string) {
  return useQuery({
    queryKey: keys.referralDocuments(id),
    queryFn: async ({ signal }) => (await api<ItemList<ReferralDocument>>(`${path(id)}/documents`, { signal })).items,
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
      api<ReferralDetail>(`${path(referral.id)}/events`, {
        method: 'POST',
        body: { ...command, lockVersion: referral.lockVersion },
      }),
    onSuccess: (detail) => refreshAfterStep(queryClient, detail),
  });
}

/** R-REF-7: the provider uploads the learning plan the participant signed (a PDF). */
export function useUploadSignedPlan(referral: ReferralDetail) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      api<ReferralDocument>(`${path(referral.id)}/signed-learning-plan?lockVersion=${referral.lockVersion}`, {
        method: 'POST',
        rawBody: file,
        headers: { 'Content-Type': 'application/pdf', 'X-File-Name': encodeURIComponent(file.name) },
      }),
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
