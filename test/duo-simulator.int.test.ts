// R-EXC-4: the DUO simulator over real HTTP. Good and bad PIPs go in; every answer is checked against the
// PIP API's OpenAPI document (status, API-Version header, body), the rules refuse with DUO's Foutmelding,
// the OINs are checked and a message id delivered twice is stored once (melding-bevestiging).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duoDocument, type HttpMethod } from '../src/features/duo/openapi.js';
import { SIMULATED_DUO_OIN, startDuoSimulator, type DuoSimulator } from '../src/features/duo/simulator/server.js';

const ARNHEM = '00000001999900010000';
const EDE = '00000001999900020000';
const PIP = '/personen/{bsn}/PIP';
let sim: DuoSimulator;

beforeAll(async () => {
  sim = await startDuoSimulator({ municipalities: { [ARNHEM]: '0202', [EDE]: '0228' } });
  for (const bsn of ['111222333', '222333444', '333444555', '444555666', '555666777']) {
    sim.addPerson({ bsn, gemeentecode: '0202', startInburgeringsplicht: '2026-01-05', vestigingGemeente: '2026-01-12', asielmigrant: true });
  }
});
afterAll(() => sim.close());

interface Sent {
  status: number;
  body: unknown;
  headers: Headers;
}

/** One request; its answer must validate against the document whatever it is. */
async function send(method: HttpMethod, bsn: string, body?: unknown, over: Record<string, string | undefined> = {}): Promise<Sent> {
  const headers = Object.fromEntries(Object.entries({ bron: ARNHEM, doel: SIMULATED_DUO_OIN, berichtId: randomUUID(), 'content-type': body === undefined ? undefined : 'application/json', ...over }).filter((e): e is [string, string] => e[1] !== undefined));
  const res = await fetch(`${sim.url}/personen/${bsn}/PIP`, { method: method.toUpperCase(), headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  const parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
  const answerHeaders: Record<string, string> = {};
  res.headers.forEach((value, name) => (answerHeaders[name] = value));
  const problems = duoDocument('PIP').validateResponse(method, PIP, { status: res.status, headers: answerHeaders, body: parsed });
  expect(problems, `${method} ${res.status}`).toEqual([]);
  if (headers.berichtId) expect(res.headers.get('berichtId')).toBe(headers.berichtId);
  return { status: res.status, body: parsed, headers: res.headers };
}

describe('the DUO simulator, PIP API', () => {
  it('registers a good PIP (201, no body), fixes level B1 when none is sent, and answers it on GET', async () => {
    expect((await send('get', '111222333')).status).toBe(404);
    expect((await send('post', '111222333', { dagtekeningPip: '2026-03-02', leerroute: 'B' })).status).toBe(201);
    const got = await send('get', '111222333');
    expect(got).toMatchObject({ status: 200, body: { gemeentecode: '0202', pip: { dagtekeningPip: '2026-03-02', leerroute: 'B', niveau: 'B1' } } });
  });

  it('refuses what the document does not allow with 400 and no body, storing nothing', async () => {
    expect((await send('post', '222333444', { dagtekeningPip: '2026-03-02', leerroute: 'X' })).status).toBe(400);
    expect((await send('post', '222333444', { leerroute: 'B' })).status).toBe(400);
    expect((await send('post', '222333444', '{not json')).status).toBe(400);
    expect((await send('post', '222333444', { dagtekeningPip: '2026-03-02', leerroute: 'B' }, { berichtId: 'nope' })).status).toBe(400);
    expect((await send('post', '22233344', { dagtekeningPip: '2026-03-02', leerroute: 'B' })).status).toBe(400);
    expect(sim.pips('222333444')).toEqual([]);
  });

  it('refuses a PIP that breaks DUO\'s rules with 403 and DUO\'s reasons (README "Het aanleveren van een PIP")', async () => {
    const a2Onderwijs = await send('post', '222333444', { dagtekeningPip: '2026-03-02', leerroute: 'O', niveau: 'A2' });
    expect(a2Onderwijs).toMatchObject({ status: 403, body: [{ fouttekst: 'Niveau A2 mag niet in combinatie met de onderwijsroute worden aangeleverd.' }] });
    const b1Z = await send('post', '222333444', { dagtekeningPip: '2026-03-02', leerroute: 'Z', niveau: 'B1' });
    expect(b1Z.body).toEqual([{ fouttekst: 'Niveau B1 mag niet in combinatie met de Z-route worden aangeleverd.' }]);
    const a2First = await send('post', '222333444', { dagtekeningPip: '2026-03-02', leerroute: 'B', niveau: 'A2' });
    expect(a2First.body).toEqual([{ fouttekst: 'Niveau A2 mag niet in combinatie met de B1-route worden aangeleverd als dit het eerste PIP voor de persoon is.' }]);
    const early = await send('post', '222333444', { dagtekeningPip: '2026-01-01', leerroute: 'B' });
    expect((early.body as unknown[]).length).toBe(2);
    expect(sim.pips('222333444')).toEqual([]);
  });

  it('on a changed PIP: A2 with the B1-route is allowed, a date before the current PIP is not', async () => {
    expect((await send('post', '333444555', { dagtekeningPip: '2026-03-02', leerroute: 'B', niveau: 'B1' })).status).toBe(201);
    expect((await send('post', '333444555', { dagtekeningPip: '2026-03-01', leerroute: 'B', niveau: 'A2' })).status).toBe(403);
    expect((await send('post', '333444555', { dagtekeningPip: '2026-04-01', leerroute: 'B', niveau: 'A2' })).status).toBe(201);
    expect(sim.pips('333444555').map((p) => p.pip.niveau)).toEqual(['B1', 'A2']);
  });

  it('checks the OINs: doel must be DUO, bron a known municipality the person is relevant to', async () => {
    const good = { dagtekeningPip: '2026-03-02', leerroute: 'B' };
    expect((await send('post', '444555666', good, { doel: '00000001999900010000' })).body).toEqual([{ fouttekst: 'Het doel OIN is niet dat van DUO.' }]);
    expect((await send('post', '444555666', good, { bron: '00000009999999990000' })).body).toEqual([{ fouttekst: 'Het bron OIN is geen bekende gemeente.' }]);
    expect((await send('post', '444555666', good, { bron: EDE })).body).toEqual([{ fouttekst: 'De persoon is niet relevant voor de gemeente.' }]);
    expect((await send('post', '444555666', good, { bron: undefined })).status).toBe(400);
    expect((await send('get', '444555666', undefined, { bron: EDE })).status).toBe(403);
    expect((await send('post', '999888777', good)).status).toBe(404);
    expect(sim.pips('444555666')).toEqual([]);
  });

  it('stores a message id once: the same delivery twice is answered alike and registered once', async () => {
    const berichtId = randomUUID();
    const body = { dagtekeningPip: '2026-03-02', leerroute: 'B', niveau: 'B1', geschatteIntensiteitB1Route: 600 };
    expect((await send('post', '555666777', body, { berichtId })).status).toBe(201);
    expect((await send('post', '555666777', body, { berichtId })).status).toBe(201);
    expect(sim.pips('555666777')).toHaveLength(1);
    // A new message id is a new delivery (a changed PIP, same date: allowed).
    expect((await send('post', '555666777', body)).status).toBe(201);
    expect(sim.pips('555666777')).toHaveLength(2);
  });
});
