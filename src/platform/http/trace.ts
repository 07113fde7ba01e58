// Issue #17 (operations): one trace id per request, shared by the log lines and the audit lines
// (Logboek Dataverwerkingen), so an operator can go from a log line to what the audit says of the same
// request and back. A caller's W3C `traceparent` is continued; otherwise a new id is drawn.
import type { IncomingMessage } from 'node:http';
import { newTraceId } from '../audit.js';

const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;
const TRACE_ID = /^[0-9a-f]{32}$/;

/** The trace id a caller's `traceparent` carries (W3C Trace Context), or undefined for none or an invalid one. */
export function callerTraceId(header: string | string[] | undefined): string | undefined {
  const m = typeof header === 'string' ? TRACEPARENT.exec(header) : null;
  const id = m?.[1];
  // All zeros is the W3C's invalid trace id.
  return id !== undefined && !/^0+$/.test(id) ? id : undefined;
}

/** Fastify's genReqId: the request id in every log line is the trace id. */
export function requestTraceId(req: IncomingMessage): string {
  return callerTraceId(req.headers.traceparent) ?? newTraceId();
}

/** The request's id when it is a trace id (it is, from requestTraceId); a new one for a server built otherwise. */
export function traceIdOfRequest(id: string): string {
  return TRACE_ID.test(id) ? id : newTraceId();
}
