// Issue #15 (R-EXC-4): the DUO link's configuration — DUO_BASE_URL over https needs the municipality's
// certificate, key and DUO's CA (mutual TLS); over http (a local simulator) it does not; a wrong OIN is refused.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config.js';
import { duoLinkLabel } from '../src/features/duo/link.js';

const base = { KOERS_SECRET: 'x'.repeat(40), KOERS_DEMO: '0' };

describe('DUO configuration', () => {
  it('no DUO_BASE_URL: no real link; the simulator unless KOERS_DUO_SIMULATOR=0', () => {
    expect(loadConfig(base)).toMatchObject({ duo: undefined, duoSimulator: true });
    expect(loadConfig({ ...base, KOERS_DUO_SIMULATOR: '0' }).duoSimulator).toBe(false);
  });

  it('https without the three TLS files is refused at start, naming them', () => {
    expect(() => loadConfig({ ...base, DUO_BASE_URL: 'https://duo.example/v1' })).toThrow(/DUO_TLS_CERT, DUO_TLS_KEY and DUO_TLS_CA \(or DUO_TLS_DIR/);
    expect(() => loadConfig({ ...base, DUO_BASE_URL: 'https://duo.example/v1', DUO_TLS_CERT: 'c.pem', DUO_TLS_KEY: 'k.pem' })).toThrow(/DUO_TLS_CA/);
  });

  it('https with the files, DUO\'s OIN; a trailing slash dropped', () => {
    const c = loadConfig({ ...base, DUO_BASE_URL: 'https://duo.example/v1/', DUO_TLS_CERT: 'c.pem', DUO_TLS_KEY: 'k.pem', DUO_TLS_CA: 'ca.pem', DUO_OIN: '00000001999999990000' });
    expect(c.duo).toEqual({ baseUrl: 'https://duo.example/v1', oin: '00000001999999990000', tls: { certFile: 'c.pem', keyFile: 'k.pem', caFile: 'ca.pem' } });
    expect(() => loadConfig({ ...base, DUO_BASE_URL: 'http://127.0.0.1:9/v1', DUO_OIN: '123' })).toThrow(/DUO_OIN/);
    expect(loadConfig({ ...base, DUO_BASE_URL: 'http://127.0.0.1:9/v1' }).duo).toEqual({ baseUrl: 'http://127.0.0.1:9/v1', oin: undefined, tls: undefined });
  });

  it('DUO_TLS_DIR (a certificate per municipality) with DUO_TLS_CA suffices for https; without the CA it is refused', () => {
    const c = loadConfig({ ...base, DUO_BASE_URL: 'https://duo.example/v1', DUO_TLS_DIR: '/etc/koers/duo', DUO_TLS_CA: 'ca.pem' });
    expect(c.duo).toEqual({ baseUrl: 'https://duo.example/v1', oin: undefined, tls: undefined, tlsDir: { dir: '/etc/koers/duo', caFile: 'ca.pem' } });
    expect(() => loadConfig({ ...base, DUO_BASE_URL: 'https://duo.example/v1', DUO_TLS_DIR: '/etc/koers/duo' })).toThrow(/DUO_TLS_DIR needs DUO_TLS_CA/);
  });

  it('the start line never names the URL', () => {
    expect(duoLinkLabel(undefined)).toMatch(/niet gekoppeld/);
  });
});
