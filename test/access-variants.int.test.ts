// Issue #9 hole 1 (R-SEC-1, STYLE "decide access on the route that matched"): the access hook decided on
// `req.url.startsWith('/api')` while the router matches the decoded path, so `/%61pi/v1/outbox` reached
// its handler anonymously. Generated from the route table: every non-public route, sent anonymously in
// every spelling a router or proxy might fold onto it, must answer 401 or 404 and change nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredRoutes, type DeclaredRoute } from '../src/platform/http/server.js';
import { DB_KIND, snapshot, startTestKoers, type TestKoers } from './support/koers.js';
import { rawRequest } from './support/raw-http.js';

const hex = (ch: string) => `%${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
/** Percent-encodes the first letter of the segment (`outbox` → `%6futbox`). */
const encodeFirstLetter = (segment: string) => segment.replace(/[a-z]/i, (ch) => hex(ch));

/** The path of a route with its parameters filled by random uuids. */
function filled(route: DeclaredRoute): string {
  return route.url.replace(/:[A-Za-z]+/g, () => randomUUID());
}

/** Spellings of one path that must never reach a handler without the access check. */
export function variantsOf(path: string): { name: string; path: string }[] {
  const segments = path.split('/').slice(1);
  const out = [
    { name: 'as declared', path },
    { name: 'encoded /%61pi', path: path.replace(/^\/api/, '/%61pi') },
    { name: 'encoded upper-case hex /%41PI', path: path.replace(/^\/api/, '/%41PI') },
    { name: 'every segment with an encoded letter', path: '/' + segments.map(encodeFirstLetter).join('/') },
    { name: 'double slash in front', path: `/${path}` },
    { name: 'double slashes everywhere', path: path.replace(/\//g, '//') },
    { name: 'upper case', path: path.toUpperCase() },
    { name: 'trailing slash', path: `${path}/` },
    { name: 'dot segment', path: path.replace(/^\/api\/v1\//, '/api/v1/./') },
    { name: 'encoded slash', path: path.replace(/^\/api\//, '/api%2F') },
    { name: 'semicolon parameter', path: `${path};x=1` },
    { name: 'query string', path: `${path}?x=1` },
  ];
  // Each later segment encoded on its own (`/api/v1/p%61rticipants/…`): a prefix test on any part fails.
  for (let i = 1; i < segments.length; i++) {
    const s = [...segments];
    s[i] = encodeFirstLetter(s[i] ?? '');
    out.push({ name: `segment ${i + 1} encoded`, path: '/' + s.join('/') });
  }
  return out;
}

describe(`access on the matched route, whatever the URL text, on ${DB_KIND}`, () => {
  let t: TestKoers;
  beforeAll(async () => {
    // Demo mode on: the demo clock exists, so moving the date anonymously is a real possibility to refuse.
    t = await startTestKoers({ today: '2026-12-23', config: { demo: true, demoSize: 5 } });
  }, 120_000);
  afterAll(async () => {
    await t.stop();
  });

  it('anonymous GET /%61pi/v1/outbox is refused (it answered 200 with every queued mail)', async () => {
    const res = await rawRequest(t.url, 'GET', '/%61pi/v1/outbox');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.text).not.toContain('recipient');
  });

  it('anonymous PUT /%61pi/v1/demo/today is refused and the date stays (it moved the system date)', async () => {
    const before = t.koers.clock.today();
    const res = await rawRequest(t.url, 'PUT', '/%61pi/v1/demo/today', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ today: '2031-01-01' }) });
    expect(res.status).toBe(401);
    expect(t.koers.clock.today()).toBe(before);
  });

  it('every non-public route, in every variant, anonymously: 401 or 404, problem+json, nothing changed', async () => {
    const routes = declaredRoutes(t.koers.server).filter((r) => r.permission !== 'public');
    expect(routes.length).toBeGreaterThan(50);
    const before = await snapshot(t);
    const today = t.koers.clock.today();
    const wrong: string[] = [];
    let sent = 0;
    for (const route of routes) {
      for (const variant of variantsOf(filled(route))) {
        const methods = route.method === 'GET' ? ['GET', 'HEAD'] : [route.method];
        for (const method of methods) {
          const body = method === 'GET' || method === 'HEAD' ? undefined : JSON.stringify({ today: '2031-01-01' });
          const res = await rawRequest(t.url, method, variant.path, body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body });
          sent++;
          const problem = method === 'HEAD' || (res.headers['content-type'] ?? '').includes('application/problem+json');
          if (![401, 404].includes(res.status) || !problem) wrong.push(`${method} ${variant.path} (${route.url}, ${variant.name}): ${res.status} ${res.headers['content-type'] ?? ''}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(sent).toBeGreaterThan(routes.length * 12);
    expect(await snapshot(t)).toEqual(before);
    expect(t.koers.clock.today()).toBe(today);
  }, 120_000);
});
