// R-EXC-4: one HTTP exchange with DUO (or its simulator), for every DUO API the client speaks. Issue #15:
// every request goes over mutual TLS with the municipality's certificate (PKIoverheid in production), so
// the client presents its certificate and key and trusts only the given CA for DUO's server. Node's fetch
// takes no client certificate without undici's Agent (not installed), hence node:https. A plain http://
// base URL (no `tls`) is allowed only so a local simulator without TLS can be used.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface DuoTls {
  /** The municipality's client certificate and key (PEM). */
  cert: string;
  key: string;
  /** The CA (PEM) that issued DUO's server certificate. */
  ca: string;
}

export interface DuoHttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The full URL: DUO's base URL with the major version, then the operation's path. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  tls?: DuoTls;
}

export interface DuoHttpResponse {
  status: number;
  /** Header names lower-case. */
  headers: Record<string, string>;
  text: string;
}

/** Sends one request; a refused TLS handshake or a lost connection rejects (the caller retries). */
export function duoHttp(r: DuoHttpRequest): Promise<DuoHttpResponse> {
  const url = new URL(r.url);
  if (url.protocol === 'https:' && !r.tls) return Promise.reject(new Error('DUO over https needs the municipality\'s certificate (mTLS).'));
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: r.method, headers: r.headers, ...(r.tls ? { cert: r.tls.cert, key: r.tls.key, ca: r.tls.ca } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));
        resolve({ status: res.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(r.body);
  });
}
