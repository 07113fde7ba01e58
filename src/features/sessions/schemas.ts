import { z } from 'zod';
import type { Permission } from '../../platform/access.js';
import { str } from '../../platform/http/input.js';

export const LoginRequest = z.object({
  email: str().trim().min(1, 'Vul uw e-mailadres in.').max(254),
  password: str().min(1, 'Vul uw wachtwoord in.').max(512),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

// Issue #10 item 1: every Permission once. The Record type makes the compiler refuse this list when
// src/platform/access.ts gains a permission it lacks, so the session answer can name them all.
const everyPermission: Record<Permission, true> = {
  'session.read': true,
  'today.read': true,
  'participant.list': true,
  'participant.read': true,
  'participant.create': true,
  'participant.searchByBsn': true,
  'participant.auditRead': true,
  'referral.options': true,
  'referral.create': true,
  'referral.list': true,
  'referral.acknowledge': true,
  'referral.read': true,
  'referral.progress': true,
  'signal.list': true,
  'signal.acknowledge': true,
  'document.list': true,
  'document.upload': true,
  'document.download': true,
  'outbox.read': true,
  'duo.read': true,
  'duo.refresh': true,
  'duo.queue': true,
  'demo.clock': true,
  'group.manage': true,
  'group.read': true,
  'attendance.record': true,
  'attendance.read': true,
  'attendance.classify': true,
  'attendance.import': true,
  'progress.read': true,
  'progress.write': true,
  'progress.decide': true,
  'route.record': true,
  'apiKey.manage': true,
  'figures.read': true,
  'invoice.read': true,
  'invoice.prepare': true,
  'invoice.check': true,
  'invoice.totals': true,
  'participation.read': true,
  'participation.write': true,
  'report.read': true,
  'report.participants': true,
  'report.submit': true,
  'quality.read': true,
  'quality.manage': true,
  'quality.respond': true,
  'meeting.read': true,
  'meeting.manage': true,
  'meeting.actionDone': true,
  'complaint.read': true,
  'complaint.register': true,
  'complaint.totals': true,
  'escalation.read': true,
  'escalation.record': true,
  'escalation.judge': true,
  'system.backup': true,
  'retention.manage': true,
  'audit.search': true,
  'user.manage': true,
  'contract.manage': true,
  'organisation.manage': true,
};
export const PERMISSIONS = Object.keys(everyPermission) as [Permission, ...Permission[]];

export const SessionUser = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['consultant', 'policyOfficer', 'privacyOfficer', 'providerCoordinator', 'teacher', 'contractManager', 'participant', 'admin', 'providerSystem']),
  organisation: z.object({
    id: z.string(),
    kind: z.enum(['municipality', 'provider', 'region', 'operator', 'participant']),
    name: z.string(),
  }),
  /** What this role may attempt (roleHasPermission); the web's menus and buttons derive from it. */
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionResponse = z.object({ user: SessionUser });

// Issue #9: the second step of a login, enrolment of a second factor, password change and reset.
/** 202 after the right password: a code is owed (secondFactor) or a factor must be set up first (enrol). */
export const PendingLoginResponse = z.object({
  secondFactorRequired: z.boolean(),
  enrolmentRequired: z.boolean(),
});

export const SecondFactorRequest = z.object({
  code: str().trim().min(1, 'Vul de code in.').max(40, 'Een code is hoogstens 40 tekens.').describe('A 6-digit TOTP code or a recovery code'),
});

export const EnrolmentStarted = z.object({
  secret: z.string().describe('Base32 secret, for typing into an authenticator app'),
  otpauthUri: z.string(),
  qrSvg: z.string().describe('The otpauth URI as an SVG QR code'),
});

export const EnrolmentConfirmed = z.object({
  recoveryCodes: z.array(z.string()).describe('Ten single-use codes, shown only in this answer'),
  user: SessionUser,
});

export const SecondFactorStatus = z.object({
  enrolled: z.boolean(),
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});

export const PasswordChange = z.object({
  currentPassword: str().min(1, 'Vul uw huidige wachtwoord in.').max(512),
  newPassword: str().min(1, 'Vul een nieuw wachtwoord in.').max(512, 'Een wachtwoord is hoogstens 128 tekens.'),
});

export const PasswordResetRequest = z.object({
  email: str().trim().min(1, 'Vul uw e-mailadres in.').max(254),
});

export const PasswordResetConfirm = z.object({
  token: str().min(1, 'De link is niet compleet.').max(200),
  password: str().min(1, 'Vul een nieuw wachtwoord in.').max(512, 'Een wachtwoord is hoogstens 128 tekens.'),
});
