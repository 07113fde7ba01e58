// Issue #9 "Headers and transport" (ASVS V3.4, V14.4; hole 9): security headers through
// @fastify/helmet, no caching of API answers, timeouts a slow upload survives, and which proxy's
// X-Forwarded-For is believed.
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { isApiPath } from './access-hook.js';

/**
 * The built web app is one index.html with module scripts and style sheets from /assets (Vite), so no
 * inline script or style is needed: React and ECharts set styles through the CSSOM, which CSP does
 * not govern. data: images for icons in the Utrecht CSS; nothing is ever framed or frames us.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  frameSrc: ["'none'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
};

/**
 * Timeouts (hole 7, ASVS V13): `requestTimeout` bounds receiving one whole request, body included:
 * 300 s lets a 5 MB PDF through at 140 kbit/s (a poor mobile line) and a 20 MB import at 550 kbit/s.
 * `connectionTimeout` closes a socket that sent and received nothing for 120 s — a stalled upload —
 * and is longer than the longest handler (a 100,000-row import takes about 30 s, docs/benchmarks.md),
 * which sends nothing while it works. `headersTimeout` 20 s: a slow-loris trickling headers is cut
 * long before a real client, which sends its headers at once, would notice.
 */
// Keep-alive stays Fastify's 72 s: longer than a load balancer's usual 60 s idle, so it never closes first.
export const TIMEOUTS = { requestTimeout: 300_000, connectionTimeout: 120_000, headersTimeout: 20_000 } as const;

/** Fastify `trustProxy`: the configured proxy addresses/CIDRs, or none — then `req.ip` is the socket's. */
export function trustProxyOf(trusted: readonly string[] | undefined): false | string[] {
  return trusted === undefined || trusted.length === 0 ? false : [...trusted];
}

export async function installSecurityHeaders(app: FastifyInstance, options: { production: boolean }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      // upgrade-insecure-requests would break plain-HTTP `npm start`; production runs behind TLS anyway.
      directives: options.production ? { ...CSP_DIRECTIVES, upgradeInsecureRequests: [] } : CSP_DIRECTIVES,
    },
    // HSTS only where TLS is certain; on http://127.0.0.1 it would be ignored at best.
    strictTransportSecurity: options.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (req, reply, payload) => {
    // Personal data must not stay in a browser or shared cache (ASVS 8.2.1). Downloads set it themselves.
    if (isApiPath(req.url) && reply.getHeader('cache-control') === undefined) void reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
