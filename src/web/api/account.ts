// Issue #9: the second step of a login, the second factor, password change and reset.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { koers, ok } from './client';
import { keys } from './queries';
import type { User } from './types';
import type { Answer, Body } from './wire';

/** After the password: a session, or a step still owed. */
export type PasswordLoginAnswer = Answer<'/api/v1/sessions', 'post', 201> | Answer<'/api/v1/sessions', 'post', 202>;

/** A new session: nothing fetched for anyone before may stay (same as after the one-step login). */
export function startSession(queryClient: QueryClient, user: User) {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== keys.session[0] });
  queryClient.setQueryData(keys.session, user);
}

export function useSecondFactorLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => ok(koers.POST('/api/v1/sessions/second-factor', { body: { code } }), { expectUnauthorized: true }),
    onSuccess: ({ user }) => startSession(queryClient, user),
  });
}

export type SecondFactorStatus = Answer<'/api/v1/sessions/current/second-factor', 'get'>;

const statusKey = ['second-factor'] as const;

export function useSecondFactorStatus() {
  return useQuery({ queryKey: statusKey, queryFn: ({ signal }) => ok(koers.GET('/api/v1/sessions/current/second-factor', { signal })) });
}

export type Enrolment = Answer<'/api/v1/sessions/second-factor/enrolment', 'post', 201>;

export function useStartEnrolment() {
  return useMutation({
    mutationFn: () => ok(koers.POST('/api/v1/sessions/second-factor/enrolment'), { expectUnauthorized: true }),
  });
}

export function useConfirmEnrolment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => ok(koers.POST('/api/v1/sessions/second-factor/enrolment/confirm', { body: { code } }), { expectUnauthorized: true }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: statusKey }),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: Body<'/api/v1/sessions/current/password', 'put'>) => ok(koers.PUT('/api/v1/sessions/current/password', { body })),
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) => ok(koers.POST('/api/v1/password-resets', { body: { email } }), { expectUnauthorized: true }),
  });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (body: Body<'/api/v1/password-resets/confirm', 'post'>) => ok(koers.POST('/api/v1/password-resets/confirm', { body }), { expectUnauthorized: true }),
  });
}
