// Issue #9 hole 4: demo mode (demo accounts with a public password) only when asked; hole 2 and the
// transport settings: loopback by default, no proxy believed unless configured.
import { describe, expect, it } from 'vitest';
import { demoMode, loadConfig, trustedProxiesOf } from './config.js';

const SECRET = 'x'.repeat(40);
const PG = 'postgres://koers@db.example/koers';

describe('demo mode', () => {
  it('is on for the embedded database (npm start) unless KOERS_DEMO=0', () => {
    expect(loadConfig({ KOERS_SECRET: SECRET }).demo).toBe(true);
    expect(loadConfig({ KOERS_SECRET: SECRET, KOERS_DEMO: '0' }).demo).toBe(false);
    expect(loadConfig({ KOERS_SECRET: SECRET, KOERS_DEMO: 'false' }).demo).toBe(false);
  });

  it('is off with DATABASE_URL (the README PostgreSQL command loaded demo accounts) unless KOERS_DEMO=1', () => {
    expect(loadConfig({ KOERS_SECRET: SECRET, DATABASE_URL: PG }).demo).toBe(false);
    expect(loadConfig({ KOERS_SECRET: SECRET, DATABASE_URL: PG, NODE_ENV: 'development' }).demo).toBe(false);
    expect(loadConfig({ KOERS_SECRET: SECRET, DATABASE_URL: PG, KOERS_DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({ KOERS_SECRET: SECRET, DATABASE_URL: PG, KOERS_DEMO: 'true' }).demo).toBe(true);
  });

  it('is off in production, and KOERS_DEMO=1 in production stops the start with a clear message', () => {
    expect(loadConfig({ KOERS_SECRET: SECRET, NODE_ENV: 'production' }).demo).toBe(false);
    expect(loadConfig({ KOERS_SECRET: SECRET, NODE_ENV: 'production', DATABASE_URL: PG }).demo).toBe(false);
    expect(() => loadConfig({ KOERS_SECRET: SECRET, NODE_ENV: 'production', KOERS_DEMO: '1' })).toThrow(/KOERS_DEMO=1 is refused in production/);
    expect(() => demoMode({ demo: 'true', production: true, databaseUrl: PG })).toThrow(/public password/);
    expect(demoMode({ demo: '0', production: true, databaseUrl: undefined })).toBe(false);
  });
});

describe('transport settings', () => {
  it('listens on 127.0.0.1 unless HOST says otherwise', () => {
    expect(loadConfig({ KOERS_SECRET: SECRET }).host).toBe('127.0.0.1');
    expect(loadConfig({ KOERS_SECRET: SECRET, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('trusts no proxy by default; KOERS_TRUSTED_PROXIES lists addresses and CIDR ranges', () => {
    expect(loadConfig({ KOERS_SECRET: SECRET }).trustedProxies).toEqual([]);
    expect(trustedProxiesOf(' 10.0.0.1, 10.1.0.0/16 ,::1,')).toEqual(['10.0.0.1', '10.1.0.0/16', '::1']);
    expect(() => trustedProxiesOf('everyone')).toThrow(/KOERS_TRUSTED_PROXIES/);
    expect(() => loadConfig({ KOERS_SECRET: SECRET, KOERS_TRUSTED_PROXIES: 'true' })).toThrow(/not an address/);
  });
});
