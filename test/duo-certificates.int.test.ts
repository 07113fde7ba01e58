// R-EXC-4 (issue #15): one Koers for several municipalities, each with its own certificate towards DUO
// (DUO_TLS_DIR: <code>.cert.pem and <code>.key.pem). At start every certificate is checked (a municipality of
// the contracts, its OIN in the subject's serialNumber, its key beside it); each municipality then talks to
// DUO with its own, so DUO (the simulator: the certificate's OIN must be the bron) accepts both, and a
// municipality without one and no instance certificate gets no answer (nothing sent under another's name).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { municipalityCertificates } from '../src/features/duo/certificates.js';
import { makeTestCa, type TestCa } from '../src/features/duo/simulator/pki.js';
import { SIMULATED_DUO_OIN, startDuoSimulator, type DuoSimulator } from '../src/features/duo/simulator/server.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const HOORN_OIN = '00000001999900470000';
const ENKHUIZEN_OIN = '00000001999900460000';

describe(`per-municipality DUO certificates on ${DB_KIND}`, () => {
  let ca: TestCa;
  let sim: DuoSimulator;
  let t: TestKoers;
  let dir: string;
  const write = (d: string, code: string, pair: { cert: string; key: string }) => {
    writeFileSync(join(d, `${code}.cert.pem`), pair.cert);
    writeFileSync(join(d, `${code}.key.pem`), pair.key);
  };

  beforeAll(async () => {
    ca = makeTestCa();
    dir = mkdtempSync(join(tmpdir(), 'koers-duo-certs-'));
    write(dir, 'hoorn', ca.client(HOORN_OIN, 'Gemeente Hoorn'));
    write(dir, 'enkhuizen', ca.client(ENKHUIZEN_OIN, 'Gemeente Enkhuizen'));
    writeFileSync(join(dir, 'ca.pem'), ca.ca);
    sim = await startDuoSimulator({ municipalities: { [HOORN_OIN]: '0405', [ENKHUIZEN_OIN]: '0388' }, tls: { ...ca.server, ca: ca.ca } });
    t = await startTestKoers({ today: '2027-01-04', config: { duo: { baseUrl: sim.url, oin: SIMULATED_DUO_OIN, tls: undefined, tlsDir: { dir, caFile: join(dir, 'ca.pem') } } } });
  });
  afterAll(async () => {
    await t?.stop();
    await sim?.close();
    ca?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses at start a certificate with another OIN, one for no municipality, and one without its key, naming the file', () => {
    const bad = mkdtempSync(join(tmpdir(), 'koers-duo-certs-bad-'));
    try {
      write(bad, 'hoorn', ca.client(ENKHUIZEN_OIN, 'Gemeente Enkhuizen'));
      expect(() => municipalityCertificates(bad, ca.ca, t.koers.contracts)).toThrow(/hoorn\.cert\.pem does not carry hoorn's OIN/);
      rmSync(join(bad, 'hoorn.cert.pem'));
      rmSync(join(bad, 'hoorn.key.pem'));
      write(bad, 'atlantis', ca.client(HOORN_OIN, 'Atlantis'));
      expect(() => municipalityCertificates(bad, ca.ca, t.koers.contracts)).toThrow(/atlantis\.cert\.pem is for no municipality/);
      rmSync(join(bad, 'atlantis.cert.pem'));
      writeFileSync(join(bad, 'hoorn.cert.pem'), ca.client(HOORN_OIN, 'Gemeente Hoorn').cert);
      expect(() => municipalityCertificates(bad, ca.ca, t.koers.contracts)).toThrow(/hoorn\.cert\.pem has no hoorn\.key\.pem/);
      writeFileSync(join(bad, 'hoorn.key.pem'), ca.client(HOORN_OIN, 'Gemeente Hoorn').key);
      expect(() => municipalityCertificates(bad, ca.ca, t.koers.contracts)).toThrow(/hoorn\.key\.pem is not the key/);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });

  it('each municipality asks DUO with its own certificate (DUO checks it is the bron\'s); one without any gets no answer', async () => {
    const ask = async (code: string) => {
      const consultant = await Client.loggedIn(t, await aUser(t, 'consultant', code));
      const input = aParticipantInput();
      const id = (await consultant.post('/api/v1/participants', input)).body.id as string;
      sim.addPerson({ bsn: input.bsn as string, gemeentecode: code === 'hoorn' ? '0405' : '0388', startInburgeringsplicht: '2026-06-01', vestigingGemeente: null, asielmigrant: false, inburgeringsplicht: { indicatorInburgeringsplicht: true, begindatum: '2026-06-01' } });
      const res = await consultant.post(`/api/v1/participants/${id}/duo/refresh`);
      expect(res.status).toBe(200);
      return res.body as { problems: { kind: string; reason: string }[]; facts: { kind: string; data: unknown }[] };
    };
    for (const code of ['hoorn', 'enkhuizen']) {
      const file = await ask(code);
      expect(file.problems).toEqual([]);
      expect(file.facts.find((f) => f.kind === 'inburgeringsplicht')?.data).toMatchObject({ begindatum: '2026-06-01' });
    }
    const drechterland = await ask('drechterland');
    expect(drechterland.facts).toEqual([]);
    expect(new Set(drechterland.problems.map((p) => p.reason))).toEqual(new Set(['DUO is nu niet bereikbaar; probeer het later opnieuw.']));
  });
});
