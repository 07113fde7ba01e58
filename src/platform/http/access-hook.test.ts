// Issue #9 hole 1: the not-found handler chooses problem+json or the web app by `isApiPath`, which must
// see a path the way the router does (decoded, slashes folded, any case) — never to grant access.
import { describe, expect, it } from 'vitest';
import { isApiPath } from './access-hook.js';

describe('isApiPath', () => {
  it('recognises every spelling of an API path', () => {
    for (const url of ['/api', '/api/v1/outbox', '/%61pi/v1/outbox', '/%41PI/v1', '//api/v1/outbox', '/API/V1/OUTBOX', '/api?x=1', '/api//v1']) {
      expect(isApiPath(url), url).toBe(true);
    }
  });

  it('leaves the web app its own paths, and survives a malformed escape', () => {
    for (const url of ['/', '/inburgeraars', '/apitheek', '/assets/api.js', '/%zz']) {
      expect(isApiPath(url), url).toBe(false);
    }
    expect(isApiPath('/api/v1/%zz')).toBe(true);
  });
});
