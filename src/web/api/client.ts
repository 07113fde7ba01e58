// The one way the web app talks to /api/v1 (issue #10 item 1): openapi-fetch over the types generated
// from the server's OpenAPI document (schema.gen.ts). A path, its parameters, the body sent and the
// answer read are all checked against what the server's zod schemas declare; nothing is cast to a
// hand-written shape. Errors are RFC 9457 problem+json, which the document does not describe, so their
// few fields are read one by one below.
import createClient from 'openapi-fetch';
import type { paths } from './schema.gen';

export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  invalidParams?: InvalidParam[];
}

/** An API answer other than 2xx, carrying the problem+json body when there was one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

let onUnauthorized: () => void = () => undefined;

/** main.tsx sets this: a 401 from any call sends the user to /inloggen. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** For requests made without the client (an upload with progress): a 401 logs out as anywhere else. */
export function notifyUnauthorized(): void {
  onUnauthorized();
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The fields of a problem+json body that are what they claim to be; anything else is left out. */
export function problemOf(status: number, statusText: string, body: unknown): Problem {
  if (!isRecord(body)) return { status, title: statusText };
  const params = Array.isArray(body.invalidParams) ? body.invalidParams.filter(isRecord) : undefined;
  const problem: Problem = { status: typeof body.status === 'number' ? body.status : status };
  const type = text(body.type);
  const title = text(body.title) ?? statusText;
  const detail = text(body.detail);
  if (type !== undefined) problem.type = type;
  if (title !== '') problem.title = title;
  if (detail !== undefined) problem.detail = detail;
  if (params !== undefined) {
    problem.invalidParams = params.map((p) => ({ name: text(p.name) ?? '', code: text(p.code) ?? '', reason: text(p.reason) ?? '' }));
  }
  return problem;
}

/** Typed calls: `koers.GET('/api/v1/participants/{id}', { params: { path: { id } } })`; read them with `ok`. */
export const koers = createClient<paths>({
  // Same origin; Request needs an absolute address outside a browser (unit tests).
  baseUrl: typeof location === 'undefined' ? 'http://localhost' : location.origin,
  credentials: 'same-origin',
  headers: { Accept: 'application/json' },
  // Looked up per call, not once, so a test can stand in for the network.
  fetch: (request) => globalThis.fetch(request),
});

interface CallOptions {
  /** A 401 is an expected answer here (login, session check): do not redirect. */
  expectUnauthorized?: boolean;
}

/** What openapi-fetch answers: the typed 2xx data, or the error body. */
interface Answered<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

/** The 2xx answer of a call; any other status throws an ApiError (and a 401 logs out unless expected). */
export async function ok<Data>(call: Promise<Answered<Data>>, options: CallOptions = {}): Promise<Data> {
  const { data, error, response } = await call;
  if (!response.ok) {
    if (response.status === 401 && options.expectUnauthorized !== true) onUnauthorized();
    throw new ApiError(response.status, problemOf(response.status, response.statusText, error));
  }
  // A 204 (or another empty answer) has no data; its declared type is then `never` or undefined too.
  return data as Data;
}

/** Sends a File or Blob as the request body as it is (openapi-fetch would JSON-encode it). */
export const rawBody = (body: unknown): BodyInit => body as BodyInit;
