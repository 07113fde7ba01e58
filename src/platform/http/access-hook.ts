// The request side of the one access decision: runs on every request before body validation
// (STYLE 6: a 400 must not leak what a 404 hides). Resolves the session into a RequestContext once
// and checks the route's declared permission. Row-level scoping happens in each store's SQL.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { contextFor, roleHasPermission, type TraceInfo } from '../access.js';
import { newOperationId, recordAudit } from '../audit.js';
import { notFound, unauthenticated } from '../errors.js';
import { findApiKeyUser, findSessionUser, SESSION_COOKIE } from '../session-store.js';
import type { AppDeps } from './server.js';
import { callerTraceId, traceIdOfRequest } from './trace.js';

/** W3C Trace Context: continue the caller's trace and keep its operation as the foreign one (R-SEC-2). The trace id is the request's id, so log lines and audit lines of one request share it (trace.ts). */
export function traceOf(req: FastifyRequest, startedAt: Date): TraceInfo {
  const header = req.headers.traceparent;
  const foreignTrace = callerTraceId(header);
  const origin = `${req.method} ${req.routeOptions.url ?? 'unknown'}`;
  const traceId = traceIdOfRequest(req.id);
  if (foreignTrace !== undefined && typeof header === 'string') {
    return { traceId, operationId: newOperationId(), foreign: { traceId: foreignTrace, operationId: header.split('-')[2] ?? '' }, origin, startedAt };
  }
  return { traceId, operationId: newOperationId(), origin, startedAt };
}

export function installAccessHook(app: FastifyInstance, deps: AppDeps): void {
  app.addHook('onRequest', async (req) => {
    // Issue #9 hole 1: decide on the route the router matched and the permission it declares, never on
    // the URL text (`/%61pi/…` is the same route as `/api/…` once decoded). Unmatched requests go to
    // the not-found handler, which answers without reaching a handler.
    const route = req.routeOptions.url;
    if (route === undefined) return;
    const permission = req.routeOptions.config.permission;
    if (permission === 'public') return;
    if (permission === undefined) {
      // Only the built web app's files declare nothing (onRoute refuses an /api route without one).
      if (isApiPath(route)) throw notFound();
      return;
    }
    // Sessions and audit lines keep real time; the settable clock moves business dates only.
    const startedAt = new Date();
    const trace = traceOf(req, startedAt);
    // R-EXC-1: a provider's own system sends its API key as a bearer token; people use the session cookie.
    const bearer = /^Bearer (koers_[A-Za-z0-9_-]{20,200})$/.exec(req.headers.authorization ?? '')?.[1];
    const token = req.cookies[SESSION_COOKIE];
    if (bearer === undefined && (token === undefined || token === '')) throw unauthenticated();
    const user = bearer !== undefined ? await findApiKeyUser(deps.db, bearer, startedAt) : await findSessionUser(deps.db, token ?? '', startedAt);
    if (user === undefined) throw unauthenticated();
    const ctx = contextFor(user, trace);
    if (ctx === undefined || !roleHasPermission(ctx.actor.role, permission)) {
      // Denied attempts are logged too (R-SEC-2), and answered 404: the route is outside this room.
      await recordAudit(deps.db, deps.crypto, { trace, actor: ctx?.actor, organisation: ctx?.organisation }, {
        name: 'access.denied',
        status: 'error',
        subjects: [],
        objectType: 'route',
        objectId: trace.origin,
        summary: `permission ${permission} not granted to role ${user.role}`,
      });
      throw notFound();
    }
    req.ctx = ctx;
  });
}

/**
 * Whether a path is the API's, the way the router sees it: percent-decoded, repeated slashes folded,
 * any case. Used only to choose the form of an answer (problem+json or the web app), never to grant.
 */
export function isApiPath(url: string): boolean {
  const raw = url.split('?')[0] ?? '';
  let path = raw;
  try {
    path = decodeURIComponent(raw);
  } catch {
    // A malformed escape: judge the raw text; the router refuses it anyway.
  }
  path = path.replace(/\/{2,}/g, '/').toLowerCase();
  return path === '/api' || path.startsWith('/api/');
}

/** The verified context of a request behind a non-public route. */
export function ctxOf(req: FastifyRequest): NonNullable<FastifyRequest['ctx']> {
  if (req.ctx === undefined) throw unauthenticated();
  return req.ctx;
}
