// The session cookie and the Retry-After header, shared by the login and account routes.
import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../../platform/http/server.js';
import { SESSION_COOKIE } from '../../platform/session-store.js';
import { Throttled } from './throttle.js';

export function setSessionCookie(reply: FastifyReply, deps: Pick<AppDeps, 'production'>, session: { token: string; expiresAt: Date }): void {
  void reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.production,
    expires: session.expiresAt,
  });
}

/** A 429 tells when to come back (RFC 9110 Retry-After). */
export async function withRetryAfter<T>(reply: FastifyReply, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof Throttled) void reply.header('Retry-After', String(err.retryAfterSeconds));
    throw err;
  }
}

