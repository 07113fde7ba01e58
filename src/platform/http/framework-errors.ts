// Issue #9 hole 5 (second half): what Node's HTTP parser and Fastify's router and body parsers refuse
// — 431 header too large, 400 bad URL, 414 parameter too long, 413 body too large, 415 type,
// malformed JSON — answered as problem+json with a Dutch title like every other error (STYLE 9).
// Some never reach a route: the parser's errors arrive on the socket (`clientError`), the router's
// through Fastify's `frameworkErrors`.
import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, toProblem } from '../errors.js';

/** A Fastify or parser error of the caller's making, as the AppError to answer; undefined if not one. */
export function frameworkProblem(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const err = error as { code?: unknown; statusCode?: unknown };
  switch (err.code) {
    case 'FST_ERR_BAD_URL':
      return new AppError('invalidInput', 'Het adres van dit verzoek is ongeldig (een onjuiste %-code).', [{ name: 'url', code: 'badUrl', reason: 'Het adres bevat een ongeldige %-code.' }]);
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('uriTooLong', 'Een deel van het adres is te lang.', [{ name: 'url', code: 'tooLong', reason: 'Een deel van het adres is te lang.' }]);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payloadTooLarge', 'Het verzoek is te groot.', [{ name: 'body', code: 'tooLarge', reason: 'Het verzoek is groter dan toegestaan.' }]);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupportedMediaType', 'Dit soort inhoud wordt hier niet geaccepteerd; gebruik JSON.', [{ name: 'Content-Type', code: 'notAccepted', reason: 'Gebruik application/json.' }]);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('invalidInput', 'De inhoud van het verzoek is geen geldige JSON.', [{ name: 'body', code: 'invalidJson', reason: 'Geen geldige JSON.' }]);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('invalidInput', 'De lengte van het verzoek klopt niet.', [{ name: 'Content-Length', code: 'invalid', reason: 'De opgegeven lengte klopt niet met de inhoud.' }]);
  }
  // JSON.parse itself (Fastify's default parser) says SyntaxError with status 400.
  if (typeof err.statusCode === 'number' && err.statusCode === 413) return new AppError('payloadTooLarge', 'Het verzoek is te groot.');
  if (typeof err.statusCode === 'number' && err.statusCode === 415) return new AppError('unsupportedMediaType', 'Dit soort inhoud wordt hier niet geaccepteerd; gebruik JSON.');
  return undefined;
}

/** Fastify `frameworkErrors`: the router's refusals (bad URL escape, too long a parameter). */
export function onFrameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const appErr = frameworkProblem(err) ?? new AppError('invalidInput', 'Het verzoek kon niet worden gelezen.');
  // The URL itself is what is wrong: it is not echoed back as `instance`.
  void reply.status(appErr.status).type('application/problem+json').header('Cache-Control', 'no-store').send(toProblem(appErr));
}

/** Node's `clientError`: the request could not even be parsed; answer on the raw socket and close. */
export function onClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const appErr =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? new AppError('headersTooLarge', 'De headers van het verzoek zijn te groot.')
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new AppError('requestTimeout', 'Het verzoek duurde te lang en is afgebroken.')
        : new AppError('invalidInput', 'Het verzoek kon niet worden gelezen.');
  const body = JSON.stringify(toProblem(appErr));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${appErr.status} ${http.STATUS_CODES[appErr.status] ?? ''}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
