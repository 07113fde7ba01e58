// R-EXC-4, issue #15: "mTLS: a client without the right certificate is refused by the simulator". A CA made
// for this run issues the simulator's certificate and the municipalities'; the simulator serves HTTPS and
// checks the client certificate: the right one is accepted; none, one from another CA, and one whose OIN is
// not the bron header are refused, and nothing is stored.
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pip } from '../src/domain/duo/pip-rules.js';
import { duoDocument } from '../src/features/duo/openapi.js';
import { sendPip } from '../src/features/duo/pip.js';
import { duoHttp } from '../src/features/duo/transport.js';
import { SIMULATED_DUO_OIN, startDuoSimulator, type DuoSimulator } from '../src/features/duo/simulator/server.js';
import { makeTestCa, type TestCa } from '../src/features/duo/simulator/pki.js';

// The contracts' fictional OINs (contracts/centraal-gelderland.yaml).
const ARNHEM = '00000001999900010000';
const EDE = '00000001999900020000';
const pip: Pip = { dagtekeningPip: '2026-03-02', leerroute: 'B', niveau: 'B1' };
let pki: TestCa;
let otherPki: TestCa;
let sim: DuoSimulator;

beforeAll(async () => {
  pki = makeTestCa();
  otherPki = makeTestCa('Another CA');
  sim = await startDuoSimulator({ municipalities: { [ARNHEM]: '0202', [EDE]: '0228' }, tls: { ...pki.server, ca: pki.ca } });
  for (const bsn of ['123456782', '234567891', '345678912', '456789123']) {
    sim.addPerson({ bsn, gemeentecode: '0202', startInburgeringsplicht: '2026-01-05', vestigingGemeente: '2026-01-12', asielmigrant: false });
  }
});
afterAll(async () => {
  await sim.close();
  pki.dispose();
  otherPki.dispose();
});

const tlsFor = (ca: TestCa, oin: string, name: string) => ({ ...ca.client(oin, name), ca: pki.ca });

describe('mutual TLS with the DUO simulator', () => {
  it('accepts Arnhem\'s certificate with Arnhem\'s OIN as bron', async () => {
    const r = await sendPip({ baseUrl: sim.url, bsn: '123456782', bron: ARNHEM, doel: SIMULATED_DUO_OIN, pip, tls: tlsFor(pki, ARNHEM, 'Gemeente Arnhem') });
    expect(r.outcome).toBe('received');
    expect(sim.pips('123456782')).toHaveLength(1);
  });

  it('refuses a client without a certificate in the handshake', async () => {
    // Not through duoHttp, which will not go out over https without a certificate: this asks the simulator itself.
    const answer = new Promise<number>((resolve, reject) => {
      const req = request(`${sim.url}/personen/234567891/PIP`, { method: 'GET', ca: pki.ca, headers: { bron: ARNHEM, doel: SIMULATED_DUO_OIN, berichtId: '3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b' } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end();
    });
    await expect(answer).rejects.toThrow();
  });

  it('refuses a certificate from another CA, even one naming Arnhem\'s OIN', async () => {
    await expect(sendPip({ baseUrl: sim.url, bsn: '345678912', bron: ARNHEM, doel: SIMULATED_DUO_OIN, pip, tls: tlsFor(otherPki, ARNHEM, 'Gemeente Arnhem') })).rejects.toThrow();
    expect(sim.pips('345678912')).toEqual([]);
  });

  it('refuses Ede\'s certificate sending with Arnhem\'s OIN (403 with DUO\'s Foutmelding, valid per the document)', async () => {
    const res = await duoHttp({
      method: 'POST',
      url: `${sim.url}/personen/456789123/PIP`,
      headers: { 'content-type': 'application/json', bron: ARNHEM, doel: SIMULATED_DUO_OIN, berichtId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' },
      body: JSON.stringify(pip),
      tls: tlsFor(pki, EDE, 'Gemeente Ede'),
    });
    const body = JSON.parse(res.text) as unknown;
    expect(duoDocument('PIP').validateResponse('post', '/personen/{bsn}/PIP', { status: res.status, headers: res.headers, body })).toEqual([]);
    expect({ status: res.status, body }).toEqual({ status: 403, body: [{ fouttekst: 'Het certificaat hoort niet bij het bron OIN.' }] });
    expect(sim.pips('456789123')).toEqual([]);
  });
});
