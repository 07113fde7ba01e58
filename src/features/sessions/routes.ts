import { z } from 'zod';
import { ctxOf } from '../../platform/http/access-hook.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { deleteSession, SESSION_COOKIE } from '../../platform/session-store.js';
import { LoginRequest, SessionResponse } from './schemas.js';
import { logIn, toSessionUser } from './service.js';

export const registerSessionRoutes: RouteRegistrar = (app, deps) => {
  app.post(
    '/api/v1/sessions',
    {
      config: { permission: 'public' },
      schema: { tags: ['sessions'], summary: 'Log in (sets the session cookie)', body: LoginRequest, response: { 201: SessionResponse } },
    },
    async (req, reply) => {
      const session = await logIn(deps, { email: req.body.email, password: req.body.password, address: req.ip, now: new Date() });
      void reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.production,
        expires: session.expiresAt,
      });
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
};
