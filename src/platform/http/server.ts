// The Fastify server: zod schemas → validation + OpenAPI 3.1, problem+json errors, the one access
// hook, and the built web app. Features register their routes through `registerFeatures`.
import './types.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role, RoutePermission } from '../access.js';
import type { ContractRegistry } from '../contracts.js';
import type { Clock, SettableClock } from '../clock.js';
import type { OidcConfig } from '../config.js';
import type { Crypto } from '../crypto.js';
import type { Db } from '../db.js';
import { AppError, toProblem, type InvalidParam } from '../errors.js';
import { serializeErrSafely } from '../log-err.js';
import { installAccessHook, isApiPath } from './access-hook.js';
import { installCsrfGuard } from './csrf.js';
import { frameworkProblem, onClientError, onFrameworkError } from './framework-errors.js';
import { installSecurityHeaders, TIMEOUTS, trustProxyOf } from './headers.js';
import { installInputGuard, isBadInputError } from './input.js';
import { cacheControlOf, installCompression, isNeverFallback } from './serving.js';
import { requestTraceId } from './trace.js';
import { Metrics } from '../metrics.js';

export const API_VERSION = '1.0.0';

export interface AppDeps {
  db: Db;
  crypto: Crypto;
  clock: Clock;
  /** Present in demo mode: the date the system believes it is can be moved (issue #3). */
  settableClock?: SettableClock;
  contracts: ContractRegistry;
  demo: boolean;
  production: boolean;
  /** Directory of the built web app; served when it exists. */
  webDir?: string;
  logger?: FastifyServerOptions['logger'];
  /** Issue #9: proxies whose X-Forwarded-For is believed (KOERS_TRUSTED_PROXIES); none → the socket's address. */
  trustedProxies?: readonly string[] | undefined;
  /** Issue #9: roles whose users must give a second factor (TOTP); src/app.ts always sets it (unset → every staff role). */
  mfaRoles?: readonly Role[];
  /** Issue #9 (ASVS 7.3.1): minutes a session may stay unused (unset → 30). */
  sessionIdleMinutes?: number;
  /** Issue #9: OpenID Connect logins (src/features/oidc) and the public address for their redirect URIs. */
  oidc?: OidcConfig | undefined;
  publicUrl?: string | undefined;
  /** Issue #17: this process's counters for GET /metrics (buildServer makes one when none is given). */
  metrics?: Metrics;
  /** Issue #17: the bearer token GET /metrics asks for (KOERS_METRICS_TOKEN); without one it answers only outside production. */
  metricsToken?: string | undefined;
  /** Issue #16: runs an import's absence and hours rules right after its commit (src/features/imports/pending-rules.ts); without it they wait for the next start or hourly run. */
  importRules?: { after(importId: string): void };
}

export type ZApp = ReturnType<typeof withZod>;
function withZod(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

export interface DeclaredRoute {
  method: string;
  url: string;
  permission: RoutePermission;
}

/** Every /api route with its declared permission (STYLE 4). */
export function declaredRoutes(app: FastifyInstance): DeclaredRoute[] {
  return (app as unknown as { koersRoutes: DeclaredRoute[] }).koersRoutes;
}

export type RouteRegistrar = (app: ZApp, deps: AppDeps) => void;

z.config(z.locales.nl());

/** "/referral/providerId" → "referral.providerId" (the field path, never the value). */
function toFieldName(instancePath: string): string {
  return instancePath.split('/').filter(Boolean).join('.');
}

/**
 * R-PAR-2: no BSN (or other personal data) in a log line. Bodies are never logged; the query string is
 * cut from the logged URL, since list searches carry names.
 */
function withSafeSerializers(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === undefined || logger === false) return false;
  const base = typeof logger === 'object' ? logger : {};
  return {
    ...base,
    serializers: {
      req: (req: { method: string; url: string; id?: string }) => ({ method: req.method, url: req.url.split('?')[0], id: req.id }),
      // Issue #9 hole 6: named fields only, no literals (pino's default copies every property of an error).
      err: serializeErrSafely,
    },
  };
}

export async function buildServer(deps: AppDeps, registrars: readonly RouteRegistrar[]): Promise<FastifyInstance> {
  const app = Fastify({
    logger: withSafeSerializers(deps.logger),
    // Issue #9 hole 2: with `true` every client chose its own address by X-Forwarded-For.
    trustProxy: trustProxyOf(deps.trustedProxies),
    requestTimeout: TIMEOUTS.requestTimeout,
    connectionTimeout: TIMEOUTS.connectionTimeout,
    // Hole 5: the router's and the HTTP parser's refusals are problem+json too.
    frameworkErrors: onFrameworkError,
    clientErrorHandler: onClientError,
    // Request ids only; never log bodies or query strings (a BSN must never reach a log line).
    bodyLimit: 1_048_576,
    // Issue #17: the request id is the trace id the audit lines carry; log lines name it traceId.
    genReqId: requestTraceId,
    logController: new LogController({ requestIdLogLabel: 'traceId' }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.server.headersTimeout = TIMEOUTS.headersTimeout;

  // STYLE 4: a route without a declared permission stops the start. The list is kept for tests.
  const routes: DeclaredRoute[] = [];
  app.decorate('koersRoutes', routes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    const permission = route.config?.permission;
    if (permission === undefined) throw new Error(`Route ${route.method.toString()} ${route.url} declares no permission`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, permission });
  });

  await app.register(cookie);
  // First of the hooks, so a 401 or 404 carries the headers too.
  await installSecurityHeaders(app, { production: deps.production });
  // Issue #10 item 6: before any route, since it hooks each route as it is added.
  await installCompression(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Koers API', version: API_VERSION, description: 'Koers: referral, learning route and figures for civic integration (Wi2021).' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'koers_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('API-Version', API_VERSION);
    // X-Content-Type-Options, Referrer-Policy, CSP and the rest: @fastify/helmet (headers.ts).
    return payload;
  });

  installAccessHook(app, deps);
  // After the access hook, so an unknown caller still learns only 401/404 (STYLE 6).
  installCsrfGuard(app, deps.publicUrl);
  installInputGuard(app);

  app.setErrorHandler((err, req, reply) => {
    let appErr: AppError;
    const framework = frameworkProblem(err);
    if (err instanceof AppError) {
      appErr = err;
    } else if (framework !== undefined) {
      // 413, 414, 415, malformed JSON: Dutch problem+json like everything else (hole 5).
      appErr = framework;
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation as unknown as { instancePath: string; keyword: string; message?: string }[];
      const params: InvalidParam[] = issues.map((v) => ({
        name: toFieldName(v.instancePath),
        code: v.keyword,
        reason: v.message ?? 'Ongeldige waarde',
      }));
      appErr = new AppError('invalidInput', 'Een of meer velden zijn niet goed ingevuld.', params);
    } else if (typeof (err as { statusCode?: unknown }).statusCode === 'number' && (err as { statusCode: number }).statusCode < 500) {
      const status = (err as { statusCode: number }).statusCode;
      appErr = new AppError(status === 429 ? 'tooManyRequests' : status === 404 ? 'notFound' : 'invalidInput', status === 415 ? 'Alleen JSON wordt geaccepteerd.' : 'Het verzoek kon niet worden gelezen.');
    } else if (isBadInputError(err)) {
      // Issue #9 hole 5: a value the calendar or PostgreSQL refuses is the caller's input, never a 500.
      appErr = new AppError('invalidInput', 'Een of meer waarden liggen buiten het toegestane bereik of zijn ongeldig.');
    } else if ((err as { code?: unknown }).code === '23505') {
      // A unique key caught a race the use case's own check could not (two requests at once).
      appErr = new AppError('conflict', 'Dit is tegelijk al door iemand anders vastgelegd.');
    } else {
      req.log.error({ err }, 'unhandled error');
      appErr = new AppError('internal', 'Er ging iets mis. Probeer het later opnieuw.');
    }
    return reply.status(appErr.status).type('application/problem+json').send(toProblem(appErr, req.routeOptions.url));
  });

  // Issue #17: every answer counted by its route template (never the URL as sent, which may carry a search).
  const metrics = deps.metrics ?? new Metrics();
  app.addHook('onResponse', (req, reply, done) => {
    const template = req.routeOptions.url;
    const route = template === undefined ? 'unmatched' : template.startsWith('/api') || template === '/metrics' ? template : 'web';
    metrics.observeRequest(req.method, route, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });

  const zapp = withZod(app);
  const routeDeps: AppDeps = { ...deps, metrics };
  for (const register of registrars) register(zapp, routeDeps);

  zapp.get('/api/v1/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, () => app.swagger());

  const webDir = deps.webDir;
  if (webDir !== undefined && existsSync(path.join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: ['index.html'],
      // Issue #10 item 6: our own Cache-Control (immutable hashed assets, no-cache index.html), not send's max-age=0.
      cacheControl: false,
      setHeaders: (res, filePath) => {
        res.setHeader('Cache-Control', cacheControlOf(webDir, filePath));
      },
      // No public source maps in production (the build makes none; an old copy left in dist stays private).
      allowedPath: (pathname) => !(deps.production && pathname.endsWith('.map')),
    });
    // The SPA owns every non-API path; unknown /api paths stay problem+json 404s.
    app.setNotFoundHandler((req, reply) => {
      // Decoded and folded like the router does, so `//api/…` or `/%61pi/…` is an API 404, not the SPA.
      if (isApiPath(req.url)) {
        return reply.status(404).type('application/problem+json').send(toProblem(new AppError('notFound', 'Deze API-route bestaat niet.')));
      }
      if (isNeverFallback(req.url, deps.production)) {
        return reply.status(404).type('application/problem+json').send(toProblem(new AppError('notFound', 'Niet gevonden.')));
      }
      return reply.type('text/html').sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((_req, reply) =>
      reply.status(404).type('application/problem+json').send(toProblem(new AppError('notFound', 'Niet gevonden.'))),
    );
  }
  return app;
}
