// Issue #9 hole 9 "Headers and transport" and hole 2's other half: a CSP without unsafe-inline/eval,
// no framing, HSTS in production only, API answers never cached, and X-Forwarded-For believed only from
// a configured proxy. Against the real server (its own options and hooks) over real HTTP.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type AppDeps, type RouteRegistrar } from '../src/platform/http/server.js';
import { aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';
import { rawRequest } from './support/raw-http.js';

/** A public route that tells which address the server believes the caller has. */
const ipEcho: RouteRegistrar = (app) => {
  app.get('/api/test/ip', { config: { permission: 'public' } }, (req) => ({ ip: req.ip }));
};

function depsOf(t: TestKoers, extra: Partial<AppDeps> = {}): AppDeps {
  const k = t.koers;
  return { db: k.db, crypto: k.crypto, clock: k.clock, contracts: k.contracts, demo: false, production: false, ...extra };
}

function expectCsp(csp: unknown): void {
  expect(typeof csp).toBe('string');
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
}

describe(`security headers on ${DB_KIND}`, () => {
  let t: TestKoers;
  beforeAll(async () => {
    t = await startTestKoers();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('every API answer, a 401 included, has a CSP without unsafe-inline, no framing, no-store, and no HSTS outside production', async () => {
    for (const [url, status] of [['/api/health', 200], ['/api/v1/sessions/current', 401], ['/api/v1/no-such-route', 404]] as const) {
      const res = await rawRequest(t.url, 'GET', url);
      expect(res.status, url).toBe(status);
      expectCsp(res.headers['content-security-policy']);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control'], url).toBe('no-store');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('JSON with personal data is no-store (it had no Cache-Control)', async () => {
    const c = await Client.loggedIn(t, await aUser(t, 'consultant'));
    const res = await c.get('/api/v1/participants');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('the web app page gets the same CSP (no inline script or style is needed by the built index.html)', async () => {
    const webDir = mkdtempSync(path.join(os.tmpdir(), 'koers-web-'));
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><html lang="nl"><title>Koers</title><script type="module" src="/assets/app.js"></script></html>');
    const app = await buildServer(depsOf(t, { webDir }), []);
    try {
      const res = await app.inject({ method: 'GET', url: '/inburgeraars' });
      expect(res.statusCode).toBe(200);
      expectCsp(res.headers['content-security-policy']);
      expect(res.headers['cache-control']).not.toBe('no-store');
    } finally {
      await app.close();
      rmSync(webDir, { recursive: true, force: true });
    }
  });

  it('HSTS is sent in production', async () => {
    const app = await buildServer(depsOf(t, { production: true }), []);
    try {
      const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expectCsp(res.headers['content-security-policy']);
    } finally {
      await app.close();
    }
  });

  it('a forged X-Forwarded-For is ignored without a trusted proxy (the client chose its own address)', async () => {
    const app = await buildServer(depsOf(t), [ipEcho]);
    try {
      const res = await app.inject({ method: 'GET', url: '/api/test/ip', remoteAddress: '192.0.2.10', headers: { 'x-forwarded-for': '203.0.113.7' } });
      expect(res.json()).toEqual({ ip: '192.0.2.10' });
    } finally {
      await app.close();
    }
  });

  it('behind a configured proxy (KOERS_TRUSTED_PROXIES) its X-Forwarded-For names the client; from anyone else it does not', async () => {
    const app = await buildServer(depsOf(t, { trustedProxies: ['192.0.2.0/24'] }), [ipEcho]);
    try {
      const viaProxy = await app.inject({ method: 'GET', url: '/api/test/ip', remoteAddress: '192.0.2.10', headers: { 'x-forwarded-for': '203.0.113.7' } });
      expect(viaProxy.json()).toEqual({ ip: '203.0.113.7' });
      const direct = await app.inject({ method: 'GET', url: '/api/test/ip', remoteAddress: '198.51.100.9', headers: { 'x-forwarded-for': '203.0.113.7' } });
      expect(direct.json()).toEqual({ ip: '198.51.100.9' });
    } finally {
      await app.close();
    }
  });
});
