// Issue #16: `npm start` on PGlite starts the first scheduled run and the first DUO delivery round a few
// seconds after the server opens (src/cli/main.ts), so /api/ready does not wait behind them; the run must
// still come, and a stop before it must leave no timer behind. The demo's DUO CA is kept in the data
// directory, so a restart runs no `openssl`.
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createKoers, type Koers } from '../src/app.js';
import { keptDemoCa } from '../src/features/duo/simulator/pki.js';
import { Client, DB_KIND, freshPostgresDatabase, pgliteTemplate, portOf, testConfig } from './support/koers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function start(firstRunAfterMs: number): Promise<{ koers: Koers; stop: () => Promise<void> }> {
  const pgdb = DB_KIND === 'postgres' ? await freshPostgresDatabase() : undefined;
  const config = testConfig({ databaseUrl: pgdb?.url });
  const template = config.databaseUrl === undefined ? await pgliteTemplate() : undefined;
  const koers = await createKoers(config, { inMemory: true, schedule: true, firstRunAfterMs, ...(template !== undefined ? { pgliteTemplate: template } : {}) });
  await koers.server.listen({ port: 0, host: '127.0.0.1' });
  return {
    koers,
    stop: async () => {
      await koers.stop();
      await pgdb?.drop();
    },
  };
}

describe(`the first scheduled run of a start on ${DB_KIND}`, () => {
  it('waits firstRunAfterMs: ready answers before any run has started', async () => {
    const t = await start(10 * 60_000);
    try {
      const ready = await new Client(`http://127.0.0.1:${portOf(t.koers.server)}`).get('/api/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.jobs.scheduledRun).toEqual({ running: false, lastEndedAt: null, lastOutcome: null });
    } finally {
      // The pending first run is cancelled: stop() returns and nothing runs on the closed database.
      await t.stop();
    }
  });

  it('still runs after the wait', async () => {
    const t = await start(1);
    try {
      const c = new Client(`http://127.0.0.1:${portOf(t.koers.server)}`);
      let outcome: unknown = null;
      for (let i = 0; i < 600 && outcome === null; i++) {
        outcome = (await c.get('/api/ready')).body.jobs.scheduledRun.lastOutcome;
        if (outcome === null) await new Promise((r) => setTimeout(r, 50));
      }
      expect(outcome).toBe('ok');
    } finally {
      await t.stop();
    }
  });
});

describe('the demo DUO CA kept in the data directory', () => {
  it('is made once, read again by the next start, and made again when a file is missing', () => {
    const data = mkdtempSync(path.join(os.tmpdir(), 'koers-demo-ca-'));
    dirs.push(data);
    const dir = path.join(data, 'duo-demo-ca');
    const first = keptDemoCa(dir, 'Koers demo DUO CA');
    const client = first.client('00000001234567890000', '9000');
    const madeAt = statSync(path.join(dir, 'ca.crt')).mtimeMs;
    const again = keptDemoCa(dir, 'Koers demo DUO CA');
    expect(again.ca).toBe(first.ca);
    expect(again.server).toEqual(first.server);
    expect(again.client('00000001234567890000', '9000')).toEqual(client);
    expect(statSync(path.join(dir, 'ca.crt')).mtimeMs).toBe(madeAt);
    // What it made is a CA that signed the server's and the client's certificates, for a year.
    const ca = new X509Certificate(first.ca);
    expect(new X509Certificate(first.server.cert).verify(ca.publicKey)).toBe(true);
    const cert = new X509Certificate(client.cert);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.subject).toContain('serialNumber=00000001234567890000');
    expect(Date.parse(ca.validTo) - Date.parse(ca.validFrom)).toBeGreaterThan(300 * 86_400_000);
    rmSync(path.join(dir, 'server.crt'));
    const remade = keptDemoCa(dir, 'Koers demo DUO CA');
    expect(remade.ca).not.toBe(first.ca);
    expect(new X509Certificate(remade.server.cert).verify(new X509Certificate(remade.ca).publicKey)).toBe(true);
    // A client certificate of the old CA is not handed out under the new one.
    expect(new X509Certificate(remade.client('00000001234567890000', '9000').cert).verify(new X509Certificate(remade.ca).publicKey)).toBe(true);
  });

  it('serves each start from what it read, when another start replaces the files (the tests share one directory)', () => {
    const data = mkdtempSync(path.join(os.tmpdir(), 'koers-demo-ca-'));
    dirs.push(data);
    const dir = path.join(data, 'duo-demo-ca');
    const one = keptDemoCa(dir, 'Koers demo DUO CA');
    rmSync(dir, { recursive: true });
    const other = keptDemoCa(dir, 'Koers demo DUO CA');
    expect(other.ca).not.toBe(one.ca);
    // The first start's client certificates stay signed by its own CA, not by the one now on disk.
    const mine = new X509Certificate(one.client('00000001234567890001', '9001').cert);
    expect(mine.verify(new X509Certificate(one.ca).publicKey)).toBe(true);
    expect(mine.verify(new X509Certificate(other.ca).publicKey)).toBe(false);
    expect(new X509Certificate(other.client('00000001234567890001', '9001').cert).verify(new X509Certificate(other.ca).publicKey)).toBe(true);
  });
});
