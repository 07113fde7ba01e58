// One error class and one exhaustive code → status map (STYLE 9), rendered as application/problem+json
// with invalidParams (Dutch API Design Rules). The message for users is Dutch; internals stay in the log.

export type ErrorCode =
  | 'unauthenticated'
  /** Issue #9: a request from another origin, or in a form a cross-site page can send (CSRF). */
  | 'forbidden'
  | 'notFound'
  | 'invalidInput'
  | 'unprocessable'
  | 'conflict'
  | 'payloadTooLarge'
  /** Issue #9 hole 5: the parser's and router's refusals (a too long URL part, oversized headers, a stalled request). */
  | 'uriTooLong'
  | 'headersTooLarge'
  | 'requestTimeout'
  | 'unsupportedMediaType'
  | 'tooManyRequests'
  | 'unavailable'
  | 'internal';

export interface InvalidParam {
  /** Field path, e.g. "bsn" or "referral.providerId". Never the value itself. */
  name: string;
  code: string;
  /** Dutch reason shown next to the field. */
  reason: string;
}

export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'notFound':
      return 404;
    case 'invalidInput':
      return 400;
    case 'unprocessable':
      return 422;
    case 'conflict':
      return 409;
    case 'payloadTooLarge':
      return 413;
    case 'uriTooLong':
      return 414;
    case 'headersTooLarge':
      return 431;
    case 'requestTimeout':
      return 408;
    case 'unsupportedMediaType':
      return 415;
    case 'tooManyRequests':
      return 429;
    case 'unavailable':
      return 503;
    case 'internal':
      return 500;
  }
}

const titles: Record<ErrorCode, string> = {
  unauthenticated: 'Niet ingelogd',
  forbidden: 'Geweigerd',
  notFound: 'Niet gevonden',
  invalidInput: 'Ongeldige invoer',
  unprocessable: 'Verzoek kan niet worden uitgevoerd',
  conflict: 'Conflict',
  payloadTooLarge: 'Bestand te groot',
  uriTooLong: 'Adres te lang',
  headersTooLarge: 'Headers te groot',
  requestTimeout: 'Verzoek duurde te lang',
  unsupportedMediaType: 'Bestandstype niet toegestaan',
  tooManyRequests: 'Te veel verzoeken',
  unavailable: 'Niet beschikbaar',
  internal: 'Interne fout',
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** Dutch text for the user; must not contain personal data such as a BSN. */
    readonly detail: string,
    readonly invalidParams: InvalidParam[] = [],
  ) {
    super(detail);
    this.status = statusOf(code);
  }
}

export const notFound = (): AppError => new AppError('notFound', 'Dit bestaat niet of u heeft er geen toegang toe.');
export const unauthenticated = (): AppError => new AppError('unauthenticated', 'Log in om verder te gaan.');
export const invalid = (name: string, code: string, reason: string): AppError =>
  new AppError('invalidInput', reason, [{ name, code, reason }]);
export const unprocessable = (name: string, code: string, reason: string): AppError =>
  new AppError('unprocessable', reason, [{ name, code, reason }]);

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: ErrorCode;
  invalidParams?: InvalidParam[];
}

export function toProblem(err: AppError, instance?: string): Problem {
  return {
    type: `https://koers.example/problems/${err.code}`,
    title: titles[err.code],
    status: err.status,
    detail: err.detail,
    code: err.code,
    ...(instance !== undefined ? { instance } : {}),
    ...(err.invalidParams.length > 0 ? { invalidParams: err.invalidParams } : {}),
  };
}
