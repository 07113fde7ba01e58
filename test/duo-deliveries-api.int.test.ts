// R-EXC-4 (issue #15): the client's deliveries besides the PIP — DELETE PIP, Inburgeringsaanbod, the MAP
// end-conversation date, the PVT signing date, the Z-route completion, Gevolgde Uren — and the further
// queries (Leerbaarheidstoets, Vrijstelling, Ontheffing), each against the simulator over mutual TLS.
// Contract: every request is checked against its operation's document before it goes (checkDelivery, and
// the simulator answers 400 to anything the document does not allow), and deliver() and the queries check
// every answer against the same document (an answer it does not allow is 'failed', asserted never to
// happen here). Rules: each README rule the simulator applies is refused with DUO's Foutmelding; a request
// the document does not allow is refused before sending on the field it names, and nothing is sent.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDelivery, deliver, type Delivery } from '../src/features/duo/melding.js';
import { duoDocument } from '../src/features/duo/openapi.js';
import { fetchActuelePip, fetchDatumMap, fetchInstellingen, fetchLeerbaarheidstoets, fetchOntheffingen, fetchUren, fetchVrijstellingen, type DuoConnection } from '../src/features/duo/queries.js';
import { makeTestCa, type TestCa } from '../src/features/duo/simulator/pki.js';
import { SIMULATED_DUO_OIN, startDuoSimulator, type DuoSimulator } from '../src/features/duo/simulator/server.js';

const ARNHEM = '00000001999900010000';
const INSTELLING = '1234567890';
let ca: TestCa;
let sim: DuoSimulator;
let c: DuoConnection;
let n = 0;
/** A fresh resident of Arnhem with a duty and a term, and (unless told otherwise) a PIP of Arnhem's. */
async function person(over: Parameters<DuoSimulator['addPerson']>[0] extends infer P ? Partial<P> : never = {}, withPip = true): Promise<string> {
  const bsn = String(100000000 + ++n);
  sim.addPerson({ bsn, gemeentecode: '0202', startInburgeringsplicht: '2026-01-05', vestigingGemeente: null, asielmigrant: true, inburgeringsplicht: { indicatorInburgeringsplicht: true, begindatum: '2026-01-05' }, ...over });
  if (withPip) expect(await deliver(c, { kind: 'PIP', bsn, body: { dagtekeningPip: '2026-03-02', leerroute: 'B', niveau: 'B1' } })).toMatchObject({ outcome: 'received', status: 201 });
  return bsn;
}
const termijn = { startdatum: '2026-03-02', einddatum: '2029-03-02' };

beforeAll(async () => {
  ca = makeTestCa();
  sim = await startDuoSimulator({
    municipalities: { [ARNHEM]: '0202' },
    tls: { ...ca.server, ca: ca.ca },
    today: () => '2027-06-01',
    instellingen: [{ instellingsnummer: INSTELLING, naam: 'Taalpunt Arnhem', postcode: '6811AA', huisnummer: 1, plaatsnaam: 'Arnhem', indicatieBowKeurmerk: true, indicatieTstKeurmerk: false }],
  });
  c = { baseUrl: sim.url, bron: ARNHEM, doel: SIMULATED_DUO_OIN, tls: { ...ca.client(ARNHEM, 'Gemeente Arnhem'), ca: ca.ca } };
});
afterAll(async () => {
  await sim?.close();
  ca?.dispose();
});

/** Sends and asserts the request validated before it went (the client's own check) and the answer after. */
async function sent(d: Delivery) {
  const berichtId = d.berichtId ?? randomUUID();
  expect(checkDelivery(d.kind, d, c, berichtId)).toEqual([]);
  const r = await deliver(c, { ...d, berichtId });
  expect(r.outcome, JSON.stringify(r)).not.toBe('failed');
  return r;
}

describe('DUO deliveries besides the PIP, against the simulator', () => {
  it('MAP: the date is registered (200) and answered on GET; a date in the future and one without a PIP of the municipality are refused with DUO\'s reason', async () => {
    const bsn = await person({ inburgeringstermijn: termijn });
    expect(await sent({ kind: 'MAP', bsn, body: { datumEindgesprekMap: '2027-05-20' } })).toMatchObject({ outcome: 'received', status: 200 });
    expect(await fetchDatumMap(c, bsn)).toMatchObject({ outcome: 'found', value: { datumEindgesprekMap: '2027-05-20' } });
    expect(await sent({ kind: 'MAP', bsn, body: { datumEindgesprekMap: '2027-06-02' } })).toMatchObject({ outcome: 'refused', status: 403, reasons: ['De datum eindgesprek MAP mag niet in de toekomst liggen.'] });
    const noPip = await person({ inburgeringstermijn: termijn }, false);
    expect(await sent({ kind: 'MAP', bsn: noPip, body: { datumEindgesprekMap: '2027-05-20' } })).toMatchObject({ outcome: 'refused', reasons: ['Uw gemeente moet een actueel PIP hebben voor de inburgeringsplichtige.'] });
    // Before the term's start, and 'verwijtbaar' before the term's end.
    expect(await sent({ kind: 'MAP', bsn, body: { datumEindgesprekMap: '2026-03-01', verwijtbaar: 'Nee' } })).toMatchObject({
      outcome: 'refused',
      reasons: ['De datum eindgesprek MAP mag niet voor de startdatum van de inburgeringstermijn liggen.', "De datum eindgesprek MAP ligt voor de einddatum van de inburgeringstermijn: 'verwijtbaar' mag dan niet worden geleverd."],
    });
    expect(sim.records(bsn).map?.value).toEqual({ datumEindgesprekMap: '2027-05-20' });
  });

  it('PVT: registered, and withdrawn by a PUT without the date; after a Z-route completion the withdrawal is refused', async () => {
    const bsn = await person({ inburgeringstermijn: termijn });
    expect(await sent({ kind: 'PVT', bsn, body: { datumOndertekeningPvt: '2027-04-01' } })).toMatchObject({ outcome: 'received' });
    expect(await sent({ kind: 'Zroute', bsn, body: { datumAfrondingZroute: '2027-05-01' } })).toMatchObject({ outcome: 'received', status: 200 });
    expect(await sent({ kind: 'PVT', bsn, body: {} })).toMatchObject({ outcome: 'refused', reasons: ['De datum ondertekening PVT kan niet worden ingetrokken: de datum afronding Z-route is al geregistreerd.'] });
    expect(await sent({ kind: 'PVT', bsn, body: { datumOndertekeningPvt: '2027-05-02' } })).toMatchObject({ outcome: 'refused', reasons: ['De datum ondertekening PVT mag niet na de datum afronding Z-route liggen.'] });
    expect(sim.records(bsn).zroute?.value).toEqual({ datumAfrondingZroute: '2027-05-01' });
  });

  it('Gevolgde Uren: a PUT replaces the cumulative total; the same berichtId twice is one message', async () => {
    const bsn = await person();
    const berichtId = randomUUID();
    expect(await sent({ kind: 'UrenTaalles', bsn, body: { uren: 120 }, berichtId })).toMatchObject({ outcome: 'received', status: 200 });
    expect(await sent({ kind: 'UrenTaalles', bsn, body: { uren: 120 }, berichtId })).toMatchObject({ outcome: 'received' });
    expect(await sent({ kind: 'UrenParticipatie', bsn, body: { uren: 30 } })).toMatchObject({ outcome: 'received' });
    expect(await sent({ kind: 'UrenTaalles', bsn, body: { uren: 180 } })).toMatchObject({ outcome: 'received' });
    expect(await fetchUren(c, bsn)).toMatchObject({ outcome: 'found', value: [{ gemeentecode: '0202', ParticipatieAlsTaalles: { uren: 180 }, ParticipatieactiviteitenBredeIntake: { uren: 30 } }] });
  });

  it('DELETE PIP: refused once the term is set (README "Het verwijderen van een PIP"), else the PIP is removed', async () => {
    const set = await person({ inburgeringstermijn: termijn });
    expect(await sent({ kind: 'PIP_DELETE', bsn: set })).toMatchObject({ outcome: 'refused', status: 403, reasons: ['Het PIP kan niet worden verwijderd: de inburgeringstermijn is al vastgesteld.'] });
    const hours = await person();
    await sent({ kind: 'UrenTaalles', bsn: hours, body: { uren: 10 } });
    expect(await sent({ kind: 'PIP_DELETE', bsn: hours })).toMatchObject({ outcome: 'refused', reasons: ['Het PIP kan niet worden verwijderd: er zijn al cursusdeelnameuren bij het actuele inburgeringsaanbod geregistreerd.'] });
    const free = await person();
    expect(await sent({ kind: 'PIP_DELETE', bsn: free })).toMatchObject({ outcome: 'received', status: 200 });
    expect(await fetchActuelePip(c, free)).toMatchObject({ outcome: 'not_found' });
  });

  it('Inburgeringsaanbod: registered at an institution DUO knows with the BoW mark (201), refused at an unknown one; DELETE answers 204', async () => {
    const bsn = await person({ inburgeringstermijn: termijn });
    expect(await fetchInstellingen(c)).toMatchObject({ outcome: 'found', value: [{ instellingsnummer: INSTELLING, naam: 'Taalpunt Arnhem' }] });
    const body = { datumInburgeringsaanbod: '2026-04-01', verwachteStartdatumOpleiding: '2026-04-06', verwachteEinddatumOpleiding: '2027-04-06', indicatorAlfabetiseringsonderwijs: 'NVT' };
    expect(await sent({ kind: 'Inburgeringsaanbod', bsn, path: { instellingsnummer: INSTELLING }, body })).toMatchObject({ outcome: 'received', status: 201 });
    expect(sim.records(bsn).aanbod.get(INSTELLING)?.value).toEqual(body);
    expect(await sent({ kind: 'Inburgeringsaanbod', bsn, path: { instellingsnummer: '0000000001' }, body })).toMatchObject({ outcome: 'refused', status: 403, reasons: [expect.stringMatching(/^De instelling is bij DUO niet bekend/)] });
    expect(await sent({ kind: 'Inburgeringsaanbod', bsn, path: { instellingsnummer: INSTELLING }, body: { ...body, datumInburgeringsaanbod: '2026-03-01', verwachteStartdatumOpleiding: '2026-03-01' } })).toMatchObject({
      outcome: 'refused',
      reasons: ['De datum van het inburgeringsaanbod mag niet voor de datum dagtekening van het actuele PIP liggen.', 'De datum van het inburgeringsaanbod mag niet voor de datum dagtekening van het actuele PIP liggen.', 'De start- en einddatum van de opleiding mogen niet buiten de inburgeringstermijn liggen.'],
    });
    const notAsylum = await person({ asielmigrant: false });
    expect(await sent({ kind: 'Inburgeringsaanbod', bsn: notAsylum, path: { instellingsnummer: INSTELLING }, body })).toMatchObject({ outcome: 'refused', reasons: ['Een inburgeringsaanbod kan alleen voor een asielmigrant worden geleverd.'] });
    const op = duoDocument('Inburgeringsaanbod');
    expect(op.validateRequest('delete', '/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}', { path: { bsn, instellingsnummer: INSTELLING }, headers: { bron: ARNHEM, doel: SIMULATED_DUO_OIN, berichtId: randomUUID() } })).toEqual([]);
  });

  it('a delivery the document does not allow is refused before sending, on the field it names; nothing reaches DUO', async () => {
    const bsn = await person();
    const before = sim.posts();
    const r = await deliver(c, { kind: 'MAP', bsn, body: { datumEindgesprekMap: '2027-02-30', verwijtbaar: 'Misschien' } });
    expect(r).toMatchObject({ outcome: 'refused', status: 0 });
    expect(r.outcome === 'refused' && r.reasons.map((x) => x.split(':')[0])).toEqual(['body/datumEindgesprekMap', 'body/verwijtbaar']);
    expect((await deliver(c, { kind: 'UrenTaalles', bsn, body: { uren: 10000 } })).outcome === 'refused').toBe(true);
    expect(sim.posts()).toBe(before);
  });
});

describe('the further queries (raadpleging)', () => {
  it('Leerbaarheidstoets, Vrijstelling and Ontheffing: 200 with what DUO holds, 404 when it holds none; every answer valid per its document', async () => {
    const bsn = await person(
      {
        leerbaarheidstoets: [{ resultaat: 'B1-route haalbaar', behaaldeScore: '12,50', benodigdeScore: '10,00', datumAfname: '2026-02-10' }],
        vrijstellingen: [{ GedeeltelijkeVrijstelling: { oordeel: 'Toekenning', reden: 'DIP', datumOordeel: '2026-04-01', examenonderdeel: 'LE', examenniveau: 'B1' } }],
        ontheffingen: [{ GeheleOntheffing: { oordeel: 'Afwijzing', datumOordeel: '2026-05-01', grond: 'MED' } }],
      },
      false,
    );
    expect(await fetchLeerbaarheidstoets(c, bsn)).toMatchObject({ outcome: 'found', value: [{ resultaat: 'B1-route haalbaar' }] });
    expect(await fetchVrijstellingen(c, bsn)).toMatchObject({ outcome: 'found', value: [{ GedeeltelijkeVrijstelling: { examenonderdeel: 'LE' } }] });
    expect(await fetchOntheffingen(c, bsn)).toMatchObject({ outcome: 'found', value: [{ GeheleOntheffing: { grond: 'MED' } }] });
    const none = await person({}, false);
    for (const ask of [fetchLeerbaarheidstoets, fetchVrijstellingen, fetchOntheffingen]) expect(await ask(c, none)).toMatchObject({ outcome: 'not_found' });
  });
});
