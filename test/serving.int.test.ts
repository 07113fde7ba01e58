// Issue #10 item 6 "Serving": br/gzip for API JSON and the web app's files (tiny bodies left alone),
// hashed assets cached immutable for a year, index.html and the SPA fallback revalidated, no public
// source maps in production, and problem+json / no-store as before. The real server (buildServer with
// its own hooks) over real HTTP, with a small built web app of our own in a temp folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../src/features/index.js';
import { AppError } from '../src/platform/errors.js';
import { buildServer, type AppDeps, type RouteRegistrar } from '../src/platform/http/server.js';
import { DB_KIND, portOf, startTestKoers, type TestKoers } from './support/koers.js';

const ASSET = 'assets/index-B3x_k9Qa.js';
// Well over the threshold, and as repetitive as a real bundle.
const ASSET_BODY = Array.from({ length: 400 }, (_, i) => `export const label${i} = 'Inburgeraar ${i}';`).join('\n');
const INDEX = `<!doctype html><html lang="nl"><title>Koers</title><script type="module" src="/${ASSET}"></script></html>`;

/** A public route whose refusal is a problem+json larger than the threshold. */
const bigProblem: RouteRegistrar = (app) => {
  app.get('/api/test/problem', { config: { permission: 'public' } }, () => {
    const params = Array.from({ length: 40 }, (_, i) => ({ name: `regel.${i}.datum`, code: 'invalid_date', reason: 'Vul een geldige datum in (jjjj-mm-dd).' }));
    throw new AppError('invalidInput', 'Een of meer velden zijn niet goed ingevuld.', params);
  });
};

interface Bytes {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** GET over real HTTP, the body as the bytes on the wire (node:http never decompresses). */
function get(base: string, url: string, headers: Record<string, string> = {}): Promise<Bytes> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${url}`, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

function decode(res: Bytes): Buffer {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(res.body);
  if (encoding === 'gzip') return zlib.gunzipSync(res.body);
  return res.body;
}

describe(`serving on ${DB_KIND}`, () => {
  let t: TestKoers;
  let webDir: string;
  const servers: FastifyInstance[] = [];

  async function serve(production: boolean): Promise<string> {
    const k = t.koers;
    const deps: AppDeps = { db: k.db, crypto: k.crypto, clock: k.clock, contracts: k.contracts, demo: false, production, webDir };
    // Every feature's routes, so /api/v1/openapi.json is a real, large API answer.
    const app = await buildServer(deps, [...ROUTES, bigProblem]);
    servers.push(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    return `http://127.0.0.1:${portOf(app)}`;
  }

  beforeAll(async () => {
    t = await startTestKoers();
    webDir = mkdtempSync(path.join(os.tmpdir(), 'koers-web-'));
    mkdirSync(path.join(webDir, 'assets'));
    writeFileSync(path.join(webDir, 'index.html'), INDEX);
    writeFileSync(path.join(webDir, ASSET), ASSET_BODY);
    writeFileSync(path.join(webDir, `${ASSET}.map`), '{"version":3,"sources":["src/web/main.tsx"],"mappings":""}');
  });
  afterAll(async () => {
    for (const app of servers) await app.close();
    rmSync(webDir, { recursive: true, force: true });
    await t.stop();
  });

  it('a large API answer comes br- or gzip-compressed, decompresses to the same bytes, and stays no-store', async () => {
    const base = await serve(false);
    const plain = await get(base, '/api/v1/openapi.json');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(10_000);
    for (const encoding of ['gzip', 'br']) {
      const res = await get(base, '/api/v1/openapi.json', { 'accept-encoding': encoding });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding'], encoding).toBe(encoding);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body.length).toBeLessThan(plain.body.length / 3);
      expect(decode(res).equals(plain.body), encoding).toBe(true);
    }
  });

  it('a JS asset comes compressed, decompresses to the file, and is cached immutable for a year', async () => {
    const base = await serve(false);
    for (const encoding of ['gzip', 'br']) {
      const res = await get(base, `/${ASSET}`, { 'accept-encoding': encoding });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers['content-encoding'], encoding).toBe(encoding);
      expect(decode(res).toString('utf8')).toBe(ASSET_BODY);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('index.html and the SPA fallback are revalidated on every load (no-cache), and a tiny body is not compressed', async () => {
    const base = await serve(false);
    for (const url of ['/', '/index.html', '/inburgeraars/123']) {
      const res = await get(base, url, { 'accept-encoding': 'gzip, br' });
      expect(res.status, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-encoding'], url).toBeUndefined();
      expect(res.body.toString('utf8'), url).toBe(INDEX);
    }
  });

  it('in production a source map is not served (404, not the map and not index.html); a missing asset is a 404 too', async () => {
    const base = await serve(true);
    for (const url of [`/${ASSET}.map`, '/assets/index-Gone1234.js']) {
      const res = await get(base, url);
      expect(res.status, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
      expect(res.body.toString('utf8'), url).not.toContain('mappings');
      expect(res.body.toString('utf8'), url).not.toContain('<!doctype html>');
    }
    // The asset itself is still served in production.
    expect((await get(base, `/${ASSET}`)).status).toBe(200);
  });

  it('problem+json stays problem+json with no-store, compressed when large and left alone when tiny', async () => {
    const base = await serve(false);
    const big = await get(base, '/api/test/problem', { 'accept-encoding': 'gzip' });
    expect(big.status).toBe(400);
    expect(big.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(big.headers['cache-control']).toBe('no-store');
    expect(big.headers['content-encoding']).toBe('gzip');
    const problem = JSON.parse(decode(big).toString('utf8')) as { status: number; invalidParams: unknown[] };
    expect(problem.status).toBe(400);
    expect(problem.invalidParams).toHaveLength(40);

    const tiny = await get(base, '/api/v1/no-such-route', { 'accept-encoding': 'gzip, br' });
    expect(tiny.status).toBe(404);
    expect(tiny.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(tiny.headers['cache-control']).toBe('no-store');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(tiny.body.toString('utf8'))).toMatchObject({ status: 404 });
  });
});
