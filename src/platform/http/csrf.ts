// Issue #9 hole 3 (ASVS V3.5, OWASP CSRF cheat sheet): SameSite=Lax alone let a same-site page (a
// sibling subdomain, another port on localhost) acknowledge a signal with a text/plain form POST. Two
// independent checks on every state-changing request:
//  1. the body is not in a form a cross-site page can send without a CORS preflight (which Koers never
//     grants): the Fetch standard's CORS-safelisted types text/plain, urlencoded and multipart/form-data
//     are exactly what a plain <form> or a no-cors fetch sends, so they are refused (no route takes
//     them), and so is a body without a type. What is left needs a preflight: JSON, and the upload
//     types the routes take (PDF, CSV, XLSX), whose own parsers refuse any other type with 415.
//     A request without a body needs no type.
//  2. the browser says it comes from our own page: `Sec-Fetch-Site` same-origin or none (typed
//     address), and `Origin`, when sent, is our own origin. A body-less `fetch(…, {mode:'no-cors'})`
//     passes check 1; check 2 stops it.
// A provider's system with a bearer API key carries no cookie, so it cannot be ridden: it is exempt
// from check 2, not from check 1.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** CORS-safelisted request types (Fetch standard): another origin's page sends these without asking. */
export const CROSS_SITE_BODY_TYPES: ReadonlySet<string> = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);

export interface CsrfFacts {
  method: string;
  /** The Content-Type header as sent, if any. */
  contentType: string | undefined;
  /** Content-Length above 0 or a Transfer-Encoding: the request carries a body. */
  hasBody: boolean;
  /** `Authorization: Bearer koers_…` (a provider's system, no cookie). */
  bearer: boolean;
  origin: string | undefined;
  secFetchSite: string | undefined;
  /** scheme://host[:port] the browser must be on: KOERS_PUBLIC_URL, else the request's own. */
  ownOrigin: string;
}

/** The refusal for a request that could have been sent by another site's page, or undefined. */
export function csrfRefusal(f: CsrfFacts): AppError | undefined {
  if (!STATE_CHANGING.has(f.method.toUpperCase())) return undefined;
  const type = f.contentType?.split(';')[0]?.trim().toLowerCase();
  if (type === undefined || type === '') {
    if (f.hasBody) return wrongType();
  } else if (CROSS_SITE_BODY_TYPES.has(type)) {
    return wrongType();
  }
  if (f.bearer) return undefined;
  if (f.secFetchSite !== undefined && f.secFetchSite !== 'same-origin' && f.secFetchSite !== 'none') return otherOrigin();
  if (f.origin !== undefined && f.origin.toLowerCase() !== f.ownOrigin.toLowerCase()) return otherOrigin();
  return undefined;
}

const wrongType = () =>
  new AppError('unsupportedMediaType', 'Dit verzoek moet als JSON (of als pdf-, CSV- of Excel-bestand) worden verstuurd.', [
    { name: 'Content-Type', code: 'notAccepted', reason: 'Gebruik application/json.' },
  ]);
const otherOrigin = () =>
  new AppError('forbidden', 'Dit verzoek komt niet van een pagina van Koers zelf en is geweigerd.', [
    { name: 'Origin', code: 'crossOrigin', reason: 'Alleen verzoeken vanaf Koers zelf worden uitgevoerd.' },
  ]);

function header(req: FastifyRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The origin our own pages are served from. */
export function ownOriginOf(req: FastifyRequest, publicUrl: string | undefined): string {
  if (publicUrl !== undefined) return new URL(publicUrl).origin;
  return `${req.protocol}://${req.host}`;
}

/** Runs after the access hook: an unknown or unauthorised caller still gets its 401/404 first. */
export function installCsrfGuard(app: FastifyInstance, publicUrl: string | undefined): void {
  app.addHook('onRequest', (req, _reply, done) => {
    if (req.routeOptions.url === undefined) return done();
    const length = Number(header(req, 'content-length') ?? '0');
    const refusal = csrfRefusal({
      method: req.method,
      contentType: header(req, 'content-type'),
      hasBody: (Number.isFinite(length) && length > 0) || header(req, 'transfer-encoding') !== undefined,
      bearer: /^Bearer koers_/.test(header(req, 'authorization') ?? ''),
      origin: header(req, 'origin'),
      secFetchSite: header(req, 'sec-fetch-site'),
      ownOrigin: ownOriginOf(req, publicUrl),
    });
    done(refusal);
  });
}
