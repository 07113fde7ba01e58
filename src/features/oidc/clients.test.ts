import { describe, expect, it } from 'vitest';
import { insecureHttpAllowed } from './clients.js';

describe('transport of the identity provider (openid-client allows plain http only when told)', () => {
  it('uses https as it is', () => {
    expect(insecureHttpAllowed('https://login.regio.nl', true)).toBe(false);
    expect(insecureHttpAllowed('https://127.0.0.1:8443', false)).toBe(false);
  });

  it('allows plain http only on this machine and never in production', () => {
    expect(insecureHttpAllowed('http://127.0.0.1:4000', false)).toBe(true);
    expect(insecureHttpAllowed('http://localhost:4000', false)).toBe(true);
    expect(insecureHttpAllowed('http://[::1]:4000', false)).toBe(true);
    expect(() => insecureHttpAllowed('http://127.0.0.1:4000', true)).toThrow(/https/);
  });

  it('refuses plain http to any other host, including look-alikes of loopback', () => {
    for (const issuer of ['http://login.regio.nl', 'http://10.0.0.5', 'http://127.0.0.1.evil.example', 'http://localhost.evil.example', 'ftp://127.0.0.1']) {
      expect(() => insecureHttpAllowed(issuer, false), issuer).toThrow();
    }
  });
});
