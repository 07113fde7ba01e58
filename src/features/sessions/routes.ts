// Login in one or two steps (issue #9): the password, then — for a user with a second factor — a TOTP
// or recovery code. Both steps use the one session cookie: after the password it names a pending
// session that opens nothing else (src/platform/session-store.ts `stage`), and a completed step gets a
// new token, so a token seen before the second factor is worth nothing after it.
import { z } from 'zod';
import { realNow } from '../../platform/clock.js';
import { ctxOf, traceOf } from '../../platform/http/access-hook.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { deleteSession, SESSION_COOKIE } from '../../platform/session-store.js';
import { registerAccountRoutes } from './account-routes.js';
import { setSessionCookie, withRetryAfter } from './cookies.js';
import { LoginRequest, PendingLoginResponse, SecondFactorRequest, SessionResponse } from './schemas.js';
import { completeSecondFactor } from './second-factor.js';
import { logIn, toSessionUser } from './service.js';

export const registerSessionRoutes: RouteRegistrar = (app, deps) => {
  app.post(
    '/api/v1/sessions',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['sessions'],
        summary: 'Log in (sets the session cookie); 202 when a second factor is owed or must be set up first',
        body: LoginRequest,
        response: { 201: SessionResponse, 202: PendingLoginResponse },
      },
    },
    async (req, reply) => {
      const now = realNow(); // sessions and login throttling run on real time (docs/architecture.md)
      const outcome = await withRetryAfter(reply, () => logIn(deps, { email: req.body.email, password: req.body.password, address: req.ip, now, trace: traceOf(req, now) }));
      setSessionCookie(reply, deps, outcome);
      if (outcome.kind === 'session') return reply.status(201).send({ user: outcome.user });
      return reply.status(202).send({ secondFactorRequired: outcome.kind === 'secondFactor', enrolmentRequired: outcome.kind === 'enrol' });
    },
  );

  app.post(
    '/api/v1/sessions/second-factor',
    {
      // Public on purpose: the caller holds a pending session, which the access hook does not accept;
      // completeSecondFactor checks it (stage secondFactor, five minutes, five codes).
      config: { permission: 'public' },
      schema: { tags: ['sessions'], summary: 'Second step of a login: a TOTP code or a recovery code', body: SecondFactorRequest, response: { 201: SessionResponse } },
    },
    async (req, reply) => {
      const now = realNow(); // sessions and login throttling run on real time (docs/architecture.md)
      const session = await withRetryAfter(reply, () => completeSecondFactor(deps, { pendingToken: req.cookies[SESSION_COOKIE] ?? '', code: req.body.code, now, trace: traceOf(req, now) }));
      setSessionCookie(reply, deps, session);
      return reply.status(201).send({ user: session.user });
    },
  );

  app.get(
    '/api/v1/sessions/current',
    { config: { permission: 'session.read' }, schema: { tags: ['sessions'], summary: 'The logged-in user', response: { 200: SessionResponse } } },
    (req) => ({ user: toSessionUser(ctxOf(req)) }),
  );

  app.delete(
    '/api/v1/sessions/current',
    { config: { permission: 'session.read' }, schema: { tags: ['sessions'], summary: 'Log out', response: { 204: z.null() } } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token !== undefined) await deleteSession(deps.db, token);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  registerAccountRoutes(app, deps);
};
