import type { Problem } from './types';

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

/** For requests made without `api` (an upload with progress): a 401 logs out as anywhere else. */
export function notifyUnauthorized(): void {
  onUnauthorized();
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Sent as it is (a file upload) instead of as JSON; give its Content-Type in `headers`. */
  rawBody?: Blob;
  headers?: Record<string, string>;
  /** A 401 is an expected answer here (login, session check): do not redirect. */
  expectUnauthorized?: boolean;
  signal?: AbortSignal;
}

async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return { status: response.status, title: response.statusText };
  try {
    return (await response.json()) as Problem;
  } catch {
    return { status: response.status, title: response.statusText };
  }
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`/api/v1${path}`, {
    method: options.method ?? 'GET',
    headers,
    credentials: 'same-origin',
    body: options.rawBody ?? (options.body === undefined ? null : JSON.stringify(options.body)),
    signal: options.signal ?? null,
  });
  if (!response.ok) {
    if (response.status === 401 && !options.expectUnauthorized) onUnauthorized();
    throw new ApiError(response.status, await readProblem(response));
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
