import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isApiError, koers, ok } from './client';
import type { SystemDate } from './lifecycleTypes';
import type { NewParticipant, ReferralStatus } from './types';
import type { Body, Query } from './wire';

export const keys = {
  session: ['session'] as const,
  today: ['today'] as const,
  signals: ['signals'] as const,
  participants: (params: ParticipantListParams) => ['participants', params] as const,
  participant: (id: string) => ['participant', id] as const,
  auditEvents: (id: string) => ['participant', id, 'audit-events'] as const,
  referralOptions: ['referral-options'] as const,
  referrals: (status?: ReferralStatus) => ['referrals', status ?? 'all'] as const,
  referral: (id: string) => ['referral', id] as const,
  referralDocuments: (id: string) => ['referral', id, 'documents'] as const,
  demoAccounts: ['demo-accounts'] as const,
};

/** The signed-in user, or null when there is no session (the guard then sends to /inloggen). */
export function useSession() {
  return useQuery({
    queryKey: keys.session,
    queryFn: async ({ signal }) => {
      try {
        const { user } = await ok(koers.GET('/api/v1/sessions/current', { signal }), { expectUnauthorized: true });
        return user;
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

const systemDateQuery = {
  queryKey: keys.today,
  queryFn: async ({ signal }: { signal: AbortSignal }) => {
    const date = await ok(koers.GET('/api/v1/today', { signal }));
    return { today: date.today, settable: date.settable } satisfies SystemDate;
  },
  staleTime: 5 * 60_000,
};

/** The date the system believes it is; deadlines are judged against it, not the browser clock. */
export function useToday() {
  return useQuery({ ...systemDateQuery, select: (date: SystemDate) => date.today });
}

/** The system date and whether it may be moved (demo mode, R-SIG-1 deadlines can then be shown). */
export function useSystemDate() {
  return useQuery(systemDateQuery);
}

export function useDemoAccounts() {
  return useQuery({
    queryKey: keys.demoAccounts,
    queryFn: async ({ signal }) => {
      try {
        return await ok(koers.GET('/api/v1/demo-accounts', { signal }), { expectUnauthorized: true });
      } catch (error) {
        if (isApiError(error, 404)) return null; // not in demo mode
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

export interface ParticipantListParams {
  q: string;
  sort: NonNullable<Query<'/api/v1/participants', 'get'>['sort']>;
  page: number;
  pageSize: number;
  /** R-PAR-4: 'youth' selects the participants under 27 today. */
  segment?: 'youth';
}

export function useParticipants(params: ParticipantListParams) {
  return useQuery({
    queryKey: keys.participants(params),
    queryFn: ({ signal }) => {
      const { q, ...rest } = params;
      return ok(koers.GET('/api/v1/participants', { params: { query: q ? { ...rest, q } : rest }, signal }));
    },
    placeholderData: keepPreviousData,
  });
}

export function useParticipant(id: string) {
  return useQuery({
    queryKey: keys.participant(id),
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/participants/{id}', { params: { path: { id } }, signal })),
  });
}

export function useAuditEvents(id: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.auditEvents(id),
    queryFn: async ({ signal }) => (await ok(koers.GET('/api/v1/participants/{id}/audit-events', { params: { path: { id } }, signal }))).items,
    enabled,
  });
}

export function useReferralOptions() {
  return useQuery({
    queryKey: keys.referralOptions,
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/referral-options', { signal })),
    staleTime: 5 * 60_000,
  });
}

export function useReferrals(status?: ReferralStatus) {
  return useQuery({
    queryKey: keys.referrals(status),
    queryFn: async ({ signal }) => (await ok(koers.GET('/api/v1/referrals', { params: { query: status ? { status } : {} }, signal }))).items,
  });
}

/**
 * Nothing cached for one user may survive into the next session. The session query itself stays (its
 * data is replaced), because the mounted layout observes it; removing it would strand that observer.
 */
function forgetEverythingBut(queryClient: QueryClient, keep: readonly unknown[]) {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== keep[0] });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    // Issue #9: 201 with the user, or 202 when a second factor is owed or must be set up first.
    mutationFn: (credentials: Body<'/api/v1/sessions', 'post'>) => ok(koers.POST('/api/v1/sessions', { body: credentials }), { expectUnauthorized: true }),
    onSuccess: (answer) => {
      if (!('user' in answer)) return;
      forgetEverythingBut(queryClient, keys.session);
      queryClient.setQueryData(keys.session, answer.user);
    },
  });
}

export function useLogout() {
  return useMutation({
    mutationFn: () => ok(koers.DELETE('/api/v1/sessions/current'), { expectUnauthorized: true }),
  });
}

/**
 * Forgets the user and everything fetched for them. Call it only once the signed-in pages have
 * unmounted: while they are still on screen, the session guard would send the user to /inloggen with a
 * "return to" address that the next user would land on, and mounted queries would fetch again.
 */
export function forgetSession(queryClient: QueryClient) {
  forgetEverythingBut(queryClient, keys.session);
  queryClient.setQueryData(keys.session, null);
}

/** R-PAR-2, R-EXC-6: the BSN travels in a POST body, never in a URL. */
export function useSearchByBsn() {
  return useMutation({
    mutationFn: async (bsn: string) => (await ok(koers.POST('/api/v1/participants/search', { body: { bsn } }))).items,
  });
}

export function useCreateParticipant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (participant: NewParticipant) => ok(koers.POST('/api/v1/participants', { body: participant })),
    onSuccess: (created) => {
      queryClient.setQueryData(keys.participant(created.id), created);
      void queryClient.invalidateQueries({ queryKey: ['participants'] });
      void queryClient.invalidateQueries({ queryKey: ['referrals'] });
    },
  });
}

export function useCreateReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (referral: Body<'/api/v1/referrals', 'post'>) => ok(koers.POST('/api/v1/referrals', { body: referral })),
    onSuccess: (referral) => invalidateAfterReferralChange(queryClient, referral.participant.id),
  });
}

/** R-REF-2: the provider acknowledges receipt of the referral. */
export function useAcknowledgeReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (referralId: string) => ok(koers.POST('/api/v1/referrals/{id}/acknowledgement', { params: { path: { id: referralId } } })),
    onSuccess: (referral) => invalidateAfterReferralChange(queryClient, referral.participant.id),
  });
}

export function invalidateAfterReferralChange(queryClient: QueryClient, participantId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.participant(participantId) }),
    queryClient.invalidateQueries({ queryKey: ['referrals'] }),
    queryClient.invalidateQueries({ queryKey: ['participants'] }),
    queryClient.invalidateQueries({ queryKey: keys.signals }),
    queryClient.invalidateQueries({ queryKey: ['referral'] }),
  ]);
}
