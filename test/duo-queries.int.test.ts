// R-EXC-4, issue #15: the queries (raadpleging) Inburgeringsplicht, Inburgeringstermijn and Examen, over mutual TLS
// against the simulator, answered from the state this test seeds. Every answer the simulator gives is
// checked against its API's document here; the client's typed result is what DUO holds, and an answer the
// document does not allow is a failure, not a fact.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duoDocument, type DuoApi } from '../src/features/duo/openapi.js';
import { EXAMENRESULTATEN_PATH, fetchExamenresultaten, fetchInburgeringsplicht, fetchInburgeringstermijn, INBURGERINGSPLICHT_PATH, INBURGERINGSTERMIJN_PATH, type DuoConnection, type Examenresultaat, type Inburgeringsplicht } from '../src/features/duo/queries.js';
import { duoHttp } from '../src/features/duo/transport.js';
import { SIMULATED_DUO_OIN, startDuoSimulator, type DuoSimulator } from '../src/features/duo/simulator/server.js';
import { makeTestCa, type TestCa } from '../src/features/duo/simulator/pki.js';

const ARNHEM = '00000001999900010000';
const EDE = '00000001999900020000';
const plicht: Inburgeringsplicht = { indicatorInburgeringsplicht: true, begindatum: '2026-01-05', datumKennisgevingInburgeringsplicht: '2026-01-06' };
const termijn = { startdatum: '2026-01-05', einddatum: '2029-01-05', verlengingsgrondcode: '2', verlengingsgrondomschrijving: 'Ziekte' };
const examens: Examenresultaat[] = [
  { examendatum: '2026-09-14', resultaat: 'Geslaagd', onderdeel: 'LE', niveau: 'B1' },
  { examendatum: '2026-09-14', resultaat: 'Geen', redenGeenResultaat: 'Absent', onderdeel: 'SP', niveau: 'B1' },
];
const base = { gemeentecode: '0202', startInburgeringsplicht: '2026-01-05', vestigingGemeente: '2026-01-12', asielmigrant: true };
let pki: TestCa;
let sim: DuoSimulator;
let arnhem: DuoConnection;
let ede: DuoConnection;

beforeAll(async () => {
  pki = makeTestCa();
  sim = await startDuoSimulator({ municipalities: { [ARNHEM]: '0202', [EDE]: '0228' }, tls: { ...pki.server, ca: pki.ca } });
  sim.addPerson({ bsn: '123456782', ...base, inburgeringsplicht: plicht, inburgeringstermijn: termijn, examenresultaten: examens });
  // Known to DUO, duty without a term yet.
  sim.addPerson({ bsn: '234567891', ...base, inburgeringsplicht: { indicatorInburgeringsplicht: false, redenGeenInburgeringsplicht: 'Volledige vrijstelling' } });
  // A fact the document does not allow (the required indicator missing): the client must not believe it.
  sim.addPerson({ bsn: '345678912', ...base, inburgeringsplicht: { begindatum: '2026-01-05' } as unknown as Inburgeringsplicht });
  arnhem = { baseUrl: sim.url, bron: ARNHEM, doel: SIMULATED_DUO_OIN, tls: { ...pki.client(ARNHEM, 'Gemeente Arnhem'), ca: pki.ca } };
  ede = { baseUrl: sim.url, bron: EDE, doel: SIMULATED_DUO_OIN, tls: { ...pki.client(EDE, 'Gemeente Ede'), ca: pki.ca } };
});
afterAll(async () => {
  await sim.close();
  pki.dispose();
});

/** One GET as the document defines it; the answer must validate against the document whatever it is. */
async function raw(api: DuoApi, template: string, bsn: string, over: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const berichtId = randomUUID();
  const res = await duoHttp({ method: 'GET', url: `${sim.url}${template.replace('{bsn}', bsn)}`, headers: { bron: ARNHEM, doel: SIMULATED_DUO_OIN, berichtId, ...over }, tls: arnhem.tls! });
  const body = res.text === '' ? undefined : (JSON.parse(res.text) as unknown);
  expect(duoDocument(api).validateResponse('get', template, { status: res.status, headers: res.headers, body }), `${api} ${res.status}`).toEqual([]);
  expect(res.headers['api-version']).toBe(duoDocument(api).version);
  if (!over.berichtId) expect(res.headers.berichtid).toBe(berichtId);
  return { status: res.status, body };
}

describe('the simulator answers the queries as their documents define', () => {
  it('Inburgeringsplicht: 200 with the duty, 404 for an unknown person, 400 for a malformed BSN or berichtId', async () => {
    expect(await raw('Inburgeringsplicht', INBURGERINGSPLICHT_PATH, '123456782')).toEqual({ status: 200, body: plicht });
    expect((await raw('Inburgeringsplicht', INBURGERINGSPLICHT_PATH, '999999990')).status).toBe(404);
    expect((await raw('Inburgeringsplicht', INBURGERINGSPLICHT_PATH, '12345678')).status).toBe(400);
    expect((await raw('Inburgeringsplicht', INBURGERINGSPLICHT_PATH, '123456782', { berichtId: 'nope' })).status).toBe(400);
  });

  it('Inburgeringstermijn: 200 with the term, 404 when DUO holds none, 403 for a wrong target OIN', async () => {
    expect(await raw('Inburgeringstermijn', INBURGERINGSTERMIJN_PATH, '123456782')).toEqual({ status: 200, body: termijn });
    expect((await raw('Inburgeringstermijn', INBURGERINGSTERMIJN_PATH, '234567891')).status).toBe(404);
    expect((await raw('Inburgeringstermijn', INBURGERINGSTERMIJN_PATH, '123456782', { doel: '0'.repeat(20) })).status).toBe(403);
  });

  it('Examen: 200 with the results as a list, 404 when DUO holds none', async () => {
    expect(await raw('Examen', EXAMENRESULTATEN_PATH, '123456782')).toEqual({ status: 200, body: examens });
    expect((await raw('Examen', EXAMENRESULTATEN_PATH, '234567891')).status).toBe(404);
  });
});

describe('the client\'s queries', () => {
  it('parses DUO\'s duty and term into typed results', async () => {
    expect(await fetchInburgeringsplicht(arnhem, '123456782')).toMatchObject({ outcome: 'found', value: plicht });
    expect(await fetchInburgeringsplicht(arnhem, '234567891')).toMatchObject({ outcome: 'found', value: { indicatorInburgeringsplicht: false, redenGeenInburgeringsplicht: 'Volledige vrijstelling' } });
    expect(await fetchInburgeringstermijn(arnhem, '123456782')).toMatchObject({ outcome: 'found', value: termijn });
    expect(await fetchInburgeringstermijn(arnhem, '234567891')).toMatchObject({ outcome: 'not_found' });
    expect(await fetchExamenresultaten(arnhem, '123456782')).toMatchObject({ outcome: 'found', value: examens });
  });

  it('is refused for a person not relevant to the municipality (Ede asks for Arnhem\'s resident)', async () => {
    expect(await fetchInburgeringsplicht(ede, '123456782')).toMatchObject({ outcome: 'refused', status: 403 });
  });

  it('refuses a malformed BSN before sending, on the field', async () => {
    const r = await fetchInburgeringsplicht(arnhem, '12345678');
    expect(r).toMatchObject({ outcome: 'refused', status: 0 });
    // Too short and not nine digits: two findings, both on the BSN.
    expect(r.outcome === 'refused' && [...new Set(r.problems.map((p) => p.at))]).toEqual(['path/bsn']);
  });

  it('does not believe an answer the document does not allow', async () => {
    const r = await fetchInburgeringsplicht(arnhem, '345678912');
    expect(r).toMatchObject({ outcome: 'failed', status: 200 });
    expect(r.outcome === 'failed' && r.problems.map((p) => p.at)).toEqual(['body/indicatorInburgeringsplicht']);
  });
});
