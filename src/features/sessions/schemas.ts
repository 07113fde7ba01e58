import { z } from 'zod';

export const LoginRequest = z.object({
  email: z.string().trim().min(1, 'Vul uw e-mailadres in.').max(254),
  password: z.string().min(1, 'Vul uw wachtwoord in.').max(512),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const SessionUser = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['consultant', 'policyOfficer', 'providerCoordinator', 'teacher', 'contractManager', 'participant', 'admin', 'providerSystem']),
  organisation: z.object({
    id: z.string(),
    kind: z.enum(['municipality', 'provider', 'region', 'operator', 'participant']),
    name: z.string(),
  }),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionResponse = z.object({ user: SessionUser });
