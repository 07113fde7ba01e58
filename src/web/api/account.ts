// Issue #9: the second step of a login, the second factor, password change and reset.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from './client';
import { keys } from './queries';
import type { User } from './types';

/** After the password: a session, or a step still owed. */
export type PasswordLoginAnswer = { user: User } | { secondFactorRequired: boolean; enrolmentRequired: boolean };

/** A new session: nothing fetched for anyone before may stay (same as after the one-step login). */
export function startSession(queryClient: QueryClient, user: User) {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== keys.session[0] });
  queryClient.setQueryData(keys.session, user);
}

export function useSecondFactorLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<{ user: User }>('/sessions/second-factor', { method: 'POST', body: { code }, expectUnauthorized: true }),
    onSuccess: ({ user }) => startSession(queryClient, user),
  });
}

export interface SecondFactorStatus {
  enrolled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
}

const statusKey = ['second-factor'] as const;

export function useSecondFactorStatus() {
  return useQuery({ queryKey: statusKey, queryFn: ({ signal }) => api<SecondFactorStatus>('/sessions/current/second-factor', { signal }) });
}

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

export function useStartEnrolment() {
  return useMutation({
    mutationFn: () => api<Enrolment>('/sessions/second-factor/enrolment', { method: 'POST', expectUnauthorized: true }),
  });
}

export function useConfirmEnrolment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<{ recoveryCodes: string[]; user: User }>('/sessions/second-factor/enrolment/confirm', { method: 'POST', body: { code }, expectUnauthorized: true }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: statusKey }),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api<undefined>('/sessions/current/password', { method: 'PUT', body }),
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) => api<undefined>('/password-resets', { method: 'POST', body: { email }, expectUnauthorized: true }),
  });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) => api<undefined>('/password-resets/confirm', { method: 'POST', body, expectUnauthorized: true }),
  });
}
