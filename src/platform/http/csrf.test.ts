// Issue #9 hole 3: the CSRF decision (src/platform/http/csrf.ts) as a table of what browsers send.
import { describe, expect, it } from 'vitest';
import { csrfRefusal, type CsrfFacts } from './csrf.js';

const OWN = 'http://127.0.0.1:3000';
const ownPage: CsrfFacts = { method: 'POST', contentType: 'application/json', hasBody: true, bearer: false, origin: OWN, secFetchSite: 'same-origin', ownOrigin: OWN };

describe('csrfRefusal', () => {
  it('lets the own web app through: JSON, uploads, and body-less POST/DELETE', () => {
    expect(csrfRefusal(ownPage)).toBeUndefined();
    expect(csrfRefusal({ ...ownPage, contentType: 'application/json; charset=utf-8' })).toBeUndefined();
    for (const contentType of ['application/pdf', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']) {
      expect(csrfRefusal({ ...ownPage, contentType })).toBeUndefined();
    }
    expect(csrfRefusal({ ...ownPage, method: 'DELETE', contentType: undefined, hasBody: false })).toBeUndefined();
    // A client that is no browser (curl, the tests) sends neither Origin nor Sec-Fetch-Site.
    expect(csrfRefusal({ ...ownPage, origin: undefined, secFetchSite: undefined })).toBeUndefined();
    expect(csrfRefusal({ ...ownPage, secFetchSite: 'none' })).toBeUndefined();
  });

  it('never judges reads', () => {
    expect(csrfRefusal({ ...ownPage, method: 'GET', contentType: 'text/plain', origin: 'http://evil.example', secFetchSite: 'cross-site' })).toBeUndefined();
  });

  it('refuses every body type a plain HTML form can send, and a body without a type', () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'TEXT/PLAIN;charset=UTF-8']) {
      expect(csrfRefusal({ ...ownPage, contentType })?.status).toBe(415);
    }
    expect(csrfRefusal({ ...ownPage, contentType: undefined })?.status).toBe(415);
  });

  it('refuses a request another origin made, even a same-site one (another port, a sibling subdomain)', () => {
    expect(csrfRefusal({ ...ownPage, origin: 'http://127.0.0.1:4000', secFetchSite: 'same-site' })?.status).toBe(403);
    expect(csrfRefusal({ ...ownPage, origin: 'http://127.0.0.1:4000', secFetchSite: undefined })?.status).toBe(403);
    expect(csrfRefusal({ ...ownPage, origin: undefined, secFetchSite: 'cross-site' })?.status).toBe(403);
    expect(csrfRefusal({ ...ownPage, origin: 'null' })?.status).toBe(403);
    // The no-cors fetch without a body passes the type check; the origin check stops it.
    expect(csrfRefusal({ ...ownPage, contentType: undefined, hasBody: false, origin: 'http://127.0.0.1:4000', secFetchSite: 'same-site' })?.status).toBe(403);
  });

  it('exempts a bearer API key from the origin check, not from the type check', () => {
    expect(csrfRefusal({ ...ownPage, bearer: true, origin: 'http://provider.example', secFetchSite: 'cross-site' })).toBeUndefined();
    expect(csrfRefusal({ ...ownPage, bearer: true, contentType: 'text/plain' })?.status).toBe(415);
  });
});
