// Issue #9 hole 5 (second half): 685 4xx answers of the probe were not problem+json — Node's parser
// (431), Fastify's router (400 bad URL, 414) and body parsers (413, 415, malformed JSON) answered in
// their own English JSON, and 413/415 even came out as 400. Raw requests over node:net / node:http.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';
import { rawRequest, rawSocket } from './support/raw-http.js';

const PROBLEM = 'application/problem+json';

describe(`framework errors as problem+json on ${DB_KIND}`, () => {
  let t: TestKoers;
  beforeAll(async () => {
    t = await startTestKoers();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('431: a header larger than the parser takes', async () => {
    const res = await rawSocket(t.url, `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.headers['content-type']).toContain(PROBLEM);
    expect(JSON.parse(res.body)).toMatchObject({ status: 431, title: 'Headers te groot', code: 'headersTooLarge' });
  });

  it('400: a request line the parser cannot read', async () => {
    const res = await rawSocket(t.url, 'NONSENSE\r\n\r\n');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain(PROBLEM);
    expect(JSON.parse(res.body)).toMatchObject({ status: 400, title: 'Ongeldige invoer' });
  });

  it('400: a bad percent escape in the URL (/api/v1/%zz), without echoing the URL', async () => {
    const res = await rawRequest(t.url, 'GET', '/api/v1/%zz');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain(PROBLEM);
    expect(res.json).toMatchObject({ status: 400, title: 'Ongeldige invoer', invalidParams: [{ name: 'url', code: 'badUrl' }] });
    expect(res.text).not.toContain('%zz');
  });

  it('414: a path parameter longer than the router takes', async () => {
    const res = await rawRequest(t.url, 'GET', `/api/v1/participants/${'a'.repeat(500)}`);
    expect(res.status).toBe(414);
    expect(res.headers['content-type']).toContain(PROBLEM);
    expect(res.json).toMatchObject({ status: 414, title: 'Adres te lang', code: 'uriTooLong' });
  });

  it('413: a JSON body over the limit (it answered 400)', async () => {
    const body = JSON.stringify({ email: 'a@b.nl', password: 'x'.repeat(2_000_000) });
    const res = await rawRequest(t.url, 'POST', '/api/v1/sessions', { headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toContain(PROBLEM);
    expect(res.json).toMatchObject({ status: 413, code: 'payloadTooLarge' });
  });

  it('415: a body type no route takes (it answered 400)', async () => {
    const res = await rawRequest(t.url, 'POST', '/api/v1/sessions', { headers: { 'content-type': 'application/xml' }, body: '<login/>' });
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toContain(PROBLEM);
    expect(res.json).toMatchObject({ status: 415, title: 'Bestandstype niet toegestaan', code: 'unsupportedMediaType' });
  });

  it('400: malformed JSON, and JSON announced but empty', async () => {
    const broken = await rawRequest(t.url, 'POST', '/api/v1/sessions', { headers: { 'content-type': 'application/json' }, body: '{"email":' });
    expect(broken.status).toBe(400);
    expect(broken.headers['content-type']).toContain(PROBLEM);
    expect(broken.json).toMatchObject({ title: 'Ongeldige invoer', invalidParams: [{ name: 'body', code: 'invalidJson' }] });
    const empty = await rawRequest(t.url, 'POST', '/api/v1/sessions', { headers: { 'content-type': 'application/json' }, body: '' });
    expect(empty.status).toBe(400);
    expect(empty.headers['content-type']).toContain(PROBLEM);
  });
});
