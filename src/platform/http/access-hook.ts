// The request side of the one access decision: runs on every request before body validation
// (STYLE 6: a 400 must not leak what a 404 hides). Resolves the session into a RequestContext once
// and checks the route's declared permission. Row-level scoping happens in each store's SQL.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { contextFor, roleHasPermission, type TraceInfo } from '../access.js';
import { newOperationId, recordAudit } from '../audit.js';
import type { VerifiedUser } from '../access.js';
import { AppError, notFound, unauthenticated } from '../errors.js';
import { takeGuard, type RequestGuard } from '../request-guard.js';
import { cachedSession, forgetSession, rememberSession, sameAccess } from '../session-cache.js';
import { findApiKeyUser, findSessionUserSeen, SESSION_COOKIE, sessionCheckStatement, TOUCH_AFTER_MS, type SessionUserRow } from '../session-store.js';
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

/**
 * The check of a session served from the cache (issue #16): the same lookup, sent with the request's first
 * statement. Gone (logout, revoke, ended, expired, idle) → 401; another access (role, organisation) → 409,
 * and the next request looks the session up afresh. A changed name only refreshes the cache.
 */
function sessionGuard(token: string, now: Date, cached: VerifiedUser): RequestGuard {
  const statement = sessionCheckStatement(token, now);
  return {
    ...statement,
    taken: false,
    verify: (rows) => {
      const row = rows[0] as SessionUserRow | undefined;
      if (row === undefined) {
        forgetSession(token);
        throw unauthenticated();
      }
      const { lastSeenAt, ...user } = row;
      if (!sameAccess(user, cached)) {
        forgetSession(token);
        throw new AppError('conflict', 'Uw rechten zijn zojuist gewijzigd. Laad de pagina opnieuw.');
      }
      // The check marked the session as used if that was due (sessionCheckStatement).
      const seen = new Date(lastSeenAt);
      rememberSession(token, user, now.getTime() - seen.getTime() >= TOUCH_AFTER_MS ? now : seen);
    },
  };
}

/** Reads only, on PostgreSQL (PGlite is one in-process session: its lookup costs no round trip). */
function mayUseCache(req: FastifyRequest, deps: AppDeps): boolean {
  return deps.db.kind === 'postgres' && (req.method === 'GET' || req.method === 'HEAD');
}

export function installAccessHook(app: FastifyInstance, deps: AppDeps): void {
  // A request whose check no transaction took runs it here, before its answer leaves. Taken first: the
  // error answer of a failed check passes this hook again.
  app.addHook('onSend', async (req, _reply, payload) => {
    const guard = takeGuard(req.ctx?.check);
    if (guard !== undefined) guard.verify(await deps.db.query(guard.text, guard.params, { prepare: true }));
    return payload;
  });
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
    // Issue #16: a read may start from the cached user, its session checked with its first statement.
    const cached = bearer === undefined && mayUseCache(req, deps) ? cachedSession(token ?? '', startedAt, TOUCH_AFTER_MS) : undefined;
    const cachedCtx = cached === undefined ? undefined : contextFor(cached, trace);
    if (cached !== undefined && cachedCtx !== undefined && roleHasPermission(cachedCtx.actor.role, permission)) {
      req.ctx = { ...cachedCtx, check: sessionGuard(token ?? '', startedAt, cached) };
      return;
    }
    let user: VerifiedUser | undefined;
    if (bearer !== undefined) {
      user = await findApiKeyUser(deps.db, bearer, startedAt);
    } else {
      const seen = await findSessionUserSeen(deps.db, token ?? '', startedAt);
      if (seen !== undefined && deps.db.kind === 'postgres') rememberSession(token ?? '', seen.user, seen.lastSeenAt);
      user = seen?.user;
    }
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
