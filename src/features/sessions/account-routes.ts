// "Mijn account" (issue #9): setting up the second factor, changing the password, and the password
// reset through the outbox. Enrolment is reachable with a working session and with a login that must
// enrol before it gets one (KOERS_MFA_ROLES); findEnroller decides which, so those routes are public
// to the access hook.
import { z } from 'zod';
import { realNow } from '../../platform/clock.js';
import { ctxOf, traceOf } from '../../platform/http/access-hook.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { SESSION_COOKIE } from '../../platform/session-store.js';
import { changePassword, confirmPasswordReset, requestPasswordReset } from './passwords.js';
import { setSessionCookie, withRetryAfter } from './cookies.js';
import { EnrolmentConfirmed, EnrolmentStarted, PasswordChange, PasswordResetConfirm, PasswordResetRequest, SecondFactorRequest, SecondFactorStatus } from './schemas.js';
import { confirmEnrolment, findEnroller, secondFactorStatus, startEnrolment } from './second-factor.js';

export const registerAccountRoutes: RouteRegistrar = (app, deps) => {
  const tags = ['sessions'];

  app.get(
    '/api/v1/sessions/current/second-factor',
    { config: { permission: 'session.read' }, schema: { tags, summary: 'Whether the user has a second factor, needs one, and how many recovery codes are left', response: { 200: SecondFactorStatus } } },
    (req) => {
      const ctx = ctxOf(req);
      return secondFactorStatus(deps, { id: ctx.actor.userId, role: ctx.actor.role });
    },
  );

  app.post(
    '/api/v1/sessions/second-factor/enrolment',
    { config: { permission: 'public' }, schema: { tags, summary: 'Start setting up a TOTP authenticator: a new secret with its QR code', response: { 201: EnrolmentStarted } } },
    async (req, reply) => {
      const now = realNow(); // sessions, reset tokens and throttling run on real time (docs/architecture.md)
      const enroller = await findEnroller(deps, req.cookies[SESSION_COOKIE], now);
      return reply.status(201).send(await startEnrolment(deps, enroller, now));
    },
  );

  app.post(
    '/api/v1/sessions/second-factor/enrolment/confirm',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'Confirm the authenticator with a code; answers ten recovery codes, shown only now', body: SecondFactorRequest, response: { 201: EnrolmentConfirmed } },
    },
    async (req, reply) => {
      const now = realNow(); // sessions, reset tokens and throttling run on real time (docs/architecture.md)
      const token = req.cookies[SESSION_COOKIE] ?? '';
      const enroller = await findEnroller(deps, token, now);
      const done = await withRetryAfter(reply, () => confirmEnrolment(deps, enroller, { token, code: req.body.code, now, trace: traceOf(req, now) }));
      if (done.session !== undefined) setSessionCookie(reply, deps, done.session);
      return reply.status(201).send({ recoveryCodes: done.recoveryCodes, user: done.user });
    },
  );

  app.put(
    '/api/v1/sessions/current/password',
    { config: { permission: 'session.read' }, schema: { tags, summary: 'Change the password (the current one is needed); ends the other sessions', body: PasswordChange, response: { 204: z.null() } } },
    async (req, reply) => {
      const now = realNow(); // sessions, reset tokens and throttling run on real time (docs/architecture.md)
      const ctx = ctxOf(req);
      await withRetryAfter(reply, () =>
        changePassword(deps, { userId: ctx.actor.userId, currentPassword: req.body.currentPassword, newPassword: req.body.newPassword, sessionToken: req.cookies[SESSION_COOKIE] ?? '', now, trace: ctx.trace }),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/password-resets',
    { config: { permission: 'public' }, schema: { tags, summary: 'Ask for a reset link by mail; always 202, whether the address is known or not', body: PasswordResetRequest, response: { 202: z.null() } } },
    async (req, reply) => {
      const now = realNow(); // sessions, reset tokens and throttling run on real time (docs/architecture.md)
      await withRetryAfter(reply, () => requestPasswordReset(deps, { email: req.body.email, address: req.ip, now, trace: traceOf(req, now) }));
      return reply.status(202).send(null);
    },
  );

  app.post(
    '/api/v1/password-resets/confirm',
    { config: { permission: 'public' }, schema: { tags, summary: 'Set a new password with the token from the reset link (single use, 30 minutes)', body: PasswordResetConfirm, response: { 204: z.null() } } },
    async (req, reply) => {
      const now = realNow(); // sessions, reset tokens and throttling run on real time (docs/architecture.md)
      await confirmPasswordReset(deps, { token: req.body.token, password: req.body.password, now, trace: traceOf(req, now) });
      return reply.status(204).send(null);
    },
  );
};
