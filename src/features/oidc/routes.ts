// OpenID Connect login routes (issue #9). Public by nature — the user is not logged in yet — and each
// one answers 404 for a login that is not configured, so an installation without OIDC shows nothing.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { realNow } from '../../platform/clock.js';
import { notFound } from '../../platform/errors.js';
import { traceOf } from '../../platform/http/access-hook.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { setSessionCookie } from '../sessions/cookies.js';
import { OidcClients, PROVIDERS, type ProviderName } from './clients.js';
import { OidcRefused } from './refusals.js';
import { finishLogin, startLogin, TRANSACTION_TTL_MS } from './service.js';

/** The HttpOnly cookie that ties the callback to the browser that started the login. */
export const OIDC_COOKIE = 'koers_oidc';
const COOKIE_PATH = '/api/v1/oidc/';

const ProviderParams = z.object({ provider: z.string().max(20) });
const CallbackQuery = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(1024).optional(),
  iss: z.string().max(2048).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(2048).optional(),
  session_state: z.string().max(1024).optional(),
});
const Redirect = z.null().describe('Redirect (Location header)');
const ProvidersResponse = z.object({ items: z.array(z.object({ id: z.enum(PROVIDERS), loginUrl: z.string() })) });
const JwksResponse = z.object({ keys: z.array(z.record(z.string(), z.unknown())) });

export const registerOidcRoutes: RouteRegistrar = (app, deps) => {
  const clients = new OidcClients(deps.oidc, deps.production);

  const configured = (name: string): ProviderName => {
    const provider = PROVIDERS.find((p) => p === name);
    if (provider === undefined || clients.settings(provider) === undefined) throw notFound();
    return provider;
  };
  /** KOERS_PUBLIC_URL; outside production the request's own origin (production requires the setting). */
  const redirectUri = (req: FastifyRequest, provider: ProviderName) => `${deps.publicUrl ?? `${req.protocol}://${req.host}`}/api/v1/oidc/${provider}/callback`;
  const toLoginPage = (reply: FastifyReply, code: string) => reply.header('cache-control', 'no-store').redirect(`/inloggen?oidc-fout=${code}`, 303);

  app.get(
    '/api/v1/oidc/providers',
    { config: { permission: 'public' }, schema: { tags: ['oidc'], summary: 'The configured OpenID Connect logins (for the login page)', response: { 200: ProvidersResponse } } },
    () => ({ items: clients.configured().map((id) => ({ id, loginUrl: `/api/v1/oidc/${id}/login` })) }),
  );

  app.get(
    '/api/v1/oidc/jwks.json',
    { config: { permission: 'public' }, schema: { tags: ['oidc'], summary: 'The public key of Koers’ client assertions (private_key_jwt)', response: { 200: JwksResponse } } },
    async () => {
      const key = await clients.signingKey();
      if (key === undefined) throw notFound();
      return { keys: [key.publicJwk] };
    },
  );

  app.get(
    '/api/v1/oidc/:provider/login',
    { config: { permission: 'public' }, schema: { tags: ['oidc'], summary: 'Start a login at the identity provider (redirect)', params: ProviderParams, response: { 302: Redirect, 303: Redirect } } },
    async (req, reply) => {
      const provider = configured(req.params.provider);
      let started: Awaited<ReturnType<typeof startLogin>>;
      try {
        started = await startLogin(deps, clients, provider, redirectUri(req, provider), realNow()); // the login transaction and session run on real time
      } catch (err) {
        req.log.warn({ errCode: (err as { code?: unknown }).code }, 'OpenID Connect discovery failed');
        return toLoginPage(reply, 'unavailable');
      }
      void reply.setCookie(OIDC_COOKIE, started.token, { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: deps.production, maxAge: TRANSACTION_TTL_MS / 1000 });
      return reply.header('cache-control', 'no-store').redirect(started.authorizationUrl.href, 302);
    },
  );

  app.get(
    '/api/v1/oidc/:provider/callback',
    {
      config: { permission: 'public' },
      schema: { tags: ['oidc'], summary: 'The identity provider’s answer: log in and go to the app (redirect)', params: ProviderParams, querystring: CallbackQuery, response: { 303: Redirect } },
    },
    async (req, reply) => {
      const provider = configured(req.params.provider);
      const now = realNow(); // sessions run on real time (docs/architecture.md)
      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      void reply.clearCookie(OIDC_COOKIE, { path: COOKIE_PATH });
      try {
        const session = await finishLogin(deps, clients, provider, { transactionToken: req.cookies[OIDC_COOKIE], query, trace: traceOf(req, now), now });
        setSessionCookie(reply, deps, session);
        return reply.header('cache-control', 'no-store').redirect(session.role === 'participant' ? '/mijn-voortgang' : '/', 303);
      } catch (err) {
        if (!(err instanceof OidcRefused)) throw err;
        return toLoginPage(reply, err.code);
      }
    },
  );
};
