// R-EXC-4 (issue #15): the DUO block on the participant's file, its refresh, the administrator's delivery
// queue, and Koers' Notificatie API. Koers is configured as against the real DUO (DUO_BASE_URL with mTLS
// files), pointed at the simulator. SS101 for a resident: the duty fetched from DUO and on the file, a
// signal on the consultant's work list; the same notification twice changes nothing. Every answer of the
// Notificatie API validates against DUO's document.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duoDocument } from '../src/features/duo/openapi.js';
import { duoHttp } from '../src/features/duo/transport.js';
import { makeTestCa, type TestCa } from '../src/features/duo/simulator/pki.js';
import { SIMULATED_DUO_OIN, startDuoSimulator, type DuoSimulator } from '../src/features/duo/simulator/server.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const HOORN_OIN = '00000001999900470000';
const duty = { indicatorInburgeringsplicht: true, begindatum: '2026-09-01' };

describe(`the DUO block, the queue and the Notificatie API on ${DB_KIND}`, () => {
  let t: TestKoers;
  let ca: TestCa;
  let sim: DuoSimulator;
  let dir: string;
  let consultant: Client;
  let bsn: string;
  let participantId: string;

  beforeAll(async () => {
    ca = makeTestCa();
    dir = mkdtempSync(join(tmpdir(), 'koers-duo-file-'));
    const hoorn = ca.client(HOORN_OIN, 'Gemeente Hoorn');
    writeFileSync(join(dir, 'cert.pem'), hoorn.cert);
    writeFileSync(join(dir, 'key.pem'), hoorn.key);
    writeFileSync(join(dir, 'ca.pem'), ca.ca);
    let koersUrl = '';
    sim = await startDuoSimulator({ municipalities: { [HOORN_OIN]: '0405' }, tls: { ...ca.server, ca: ca.ca }, notificationUrl: () => `${koersUrl}/api/v1/duo` });
    t = await startTestKoers({
      today: '2027-01-04',
      config: { duo: { baseUrl: sim.url, oin: SIMULATED_DUO_OIN, tls: { certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem'), caFile: join(dir, 'ca.pem') } } },
    });
    koersUrl = t.url;
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    const input = aParticipantInput();
    bsn = input.bsn as string;
    participantId = (await consultant.post('/api/v1/participants', input)).body.id as string;
    sim.addPerson({ bsn, gemeentecode: '0405', startInburgeringsplicht: '2026-09-01', vestigingGemeente: null, asielmigrant: false });
  });
  afterAll(async () => {
    await t?.stop();
    await sim?.close();
    ca?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the file says DUO is linked and knows nothing yet; a refresh asks DUO (404 stored as "none"), each exchange audited with its berichtId', async () => {
    const first = await consultant.get(`/api/v1/participants/${participantId}/duo`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ linked: true, simulator: false, deliveries: [], facts: [] });
    const lbt = [{ resultaat: 'B1-route haalbaar' as const, behaaldeScore: '12,50', benodigdeScore: '10,00', datumAfname: '2026-08-10' }];
    sim.updatePerson(bsn, { inburgeringsplicht: duty, examenresultaten: [], leerbaarheidstoets: lbt, vrijstellingen: [] });
    const refreshed = await consultant.post(`/api/v1/participants/${participantId}/duo/refresh`);
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
    expect(refreshed.body.problems).toEqual([]);
    const facts = Object.fromEntries(refreshed.body.facts.map((f: { kind: string; data: unknown }) => [f.kind, f.data]));
    // Every query of the refresh: DUO's answer, or null where DUO holds none (404).
    expect(facts).toEqual({ inburgeringsplicht: duty, inburgeringstermijn: null, examenresultaten: [], leerbaarheidstoets: lbt, vrijstellingen: [], ontheffingen: null, pip: null });
    const audit = await t.koers.db.query<{ summary: string; foreign: string | null }>(
      `SELECT summary, foreign_operation_id AS foreign FROM audit_event WHERE name = 'duo.read' AND object_id = $1 AND summary <> 'file' ORDER BY id`,
      [participantId],
    );
    expect(audit.map((a) => a.summary)).toEqual(['inburgeringsplicht found', 'inburgeringstermijn not_found', 'examenresultaten found', 'leerbaarheidstoets found', 'vrijstellingen found', 'ontheffingen not_found', 'pip not_found']);
    for (const a of audit) expect(a.foreign).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(await t.koers.db.query(`SELECT * FROM audit_event WHERE name LIKE 'duo.%'`))).not.toContain(bsn);
  });

  it('SS101: Koers fetches the duty and exams, records them and a signal for the consultant; the same notification twice changes nothing', async () => {
    sim.updatePerson(bsn, { inburgeringsplicht: { ...duty, datumKennisgevingInburgeringsplicht: '2026-09-02' } });
    const sent = await sim.notify(bsn, 'SS101');
    expect(sent.status).toBe(201);
    const file = await consultant.get(`/api/v1/participants/${participantId}/duo`);
    expect(file.body.facts.find((f: { kind: string }) => f.kind === 'inburgeringsplicht').data).toMatchObject({ datumKennisgevingInburgeringsplicht: '2026-09-02' });
    const signals = () => t.koers.db.query<{ period: string; addressee: string }>(`SELECT period, addressee FROM signal WHERE cause = 'duo.event' AND participant_id = $1`, [participantId]);
    expect(await signals()).toEqual([{ period: `SS101:${sent.berichtId}`, addressee: 'municipality' }]);
    const work = await consultant.get('/api/v1/signals');
    // The work-list row carries DUO's own words for the event.
    expect(work.body.items.filter((s: { cause: string }) => s.cause === 'duo.event').map((s: { note: string }) => s.note)).toEqual(['Persoon is inburgeringsplichtig']);
    const state = async () => JSON.stringify([await signals(), await t.koers.db.query(`SELECT count(*)::int AS n FROM duo_notification`), await t.koers.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE name IN ('duo.notification', 'duo.read')`)]);
    const before = await state();
    const again = await sim.notify(bsn, 'SS101', sent.berichtId);
    expect(again.status).toBe(201);
    expect(await state()).toBe(before);
  });

  it('SS199: an exam result DUO notifies appears on the file', async () => {
    sim.updatePerson(bsn, { examenresultaten: [{ examendatum: '2027-01-03', resultaat: 'Geslaagd', onderdeel: 'LE', niveau: 'B1' }] });
    expect((await sim.notify(bsn, 'SS199')).status).toBe(201);
    const file = await consultant.get(`/api/v1/participants/${participantId}/duo`);
    expect(file.body.facts.find((f: { kind: string }) => f.kind === 'examenresultaten').data).toEqual([{ examendatum: '2027-01-03', resultaat: 'Geslaagd', onderdeel: 'LE', niveau: 'B1' }]);
    expect(file.body.notifications.map((n: { eventCode: string }) => n.eventCode)).toEqual(['SS199', 'SS101']);
  });

  it('an attention signal (SS142, Attentiesignalen.md): Koers fetches the current PIP and the consultant gets a signal in DUO\'s words', async () => {
    const sent = await sim.notify(bsn, 'SS142');
    expect(sent.status).toBe(201);
    const file = await consultant.get(`/api/v1/participants/${participantId}/duo`);
    expect(file.body.facts.find((f: { kind: string }) => f.kind === 'pip')).toMatchObject({ data: null });
    const work = await consultant.get('/api/v1/signals');
    expect(work.body.items.map((s: { note: string | null }) => s.note)).toContain('Niet-vrijstellende opleiding beëindigd wegens uitschrijving: neem zo nodig contact op en herzie het PIP');
  });

  it('a notification about a person Koers does not know is shown to the administrator with its event and municipality, without a BSN; a repeat adds nothing', async () => {
    const stranger = '999999990';
    const sent = await sim.notify(stranger, 'SS120', undefined, HOORN_OIN);
    expect(sent.status).toBe(201);
    await sim.notify(stranger, 'SS120', sent.berichtId, HOORN_OIN);
    const admin = await Client.loggedIn(t, await aUser(t, 'admin'));
    const unknown = await admin.get('/api/v1/duo/notifications/unknown');
    expect(unknown.status).toBe(200);
    expect(unknown.body).toMatchObject({ total: 1, items: [{ berichtId: sent.berichtId, eventCode: 'SS120', text: 'Inburgeringsplichtige in gemeente gevestigd zonder PIP', municipality: 'Hoorn' }] });
    expect(JSON.stringify(unknown.body)).not.toContain(stranger);
    expect(JSON.stringify(await t.koers.db.query(`SELECT * FROM duo_notification`)) + JSON.stringify(await t.koers.db.query(`SELECT * FROM audit_event WHERE name LIKE 'duo.%'`))).not.toContain(stranger);
    expect((await consultant.get('/api/v1/duo/notifications/unknown')).status).toBe(404);
  });

  it('the Notificatie API answers as its document says: a wrong bron 403, a malformed notification 400 without a body', async () => {
    const post = (headers: Record<string, string>, body: unknown) =>
      duoHttp({ method: 'POST', url: `${t.url}/api/v1/duo/notificaties`, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const good = { bron: SIMULATED_DUO_OIN, doel: HOORN_OIN, berichtId: crypto.randomUUID() };
    const notification = { registratieDatumTijd: '2027-01-04T10:00:00Z', bsn, gebeurtenisId: 'SS101' };
    const check = (status: number, res: { status: number; headers: Record<string, string>; text: string }) => {
      expect(res.status).toBe(status);
      expect(duoDocument('Notificatie').validateResponse('post', '/notificaties', { status: res.status, headers: res.headers, body: res.text ? JSON.parse(res.text) : undefined })).toEqual([]);
    };
    const forged = await post({ ...good, bron: HOORN_OIN }, notification);
    check(403, forged);
    expect(forged.text).toBe('');
    const malformed = await post({ ...good, berichtId: crypto.randomUUID() }, { ...notification, gebeurtenisId: 'ss 101!' });
    check(400, malformed);
    expect(malformed.text).toBe('');
  });

  it("another municipality's consultant gets 404 for the block and the refresh; the administrator's queue lists the deliveries without BSN", async () => {
    const arnhem = await Client.loggedIn(t, await aUser(t, 'consultant', 'arnhem'));
    expect((await arnhem.get(`/api/v1/participants/${participantId}/duo`)).status).toBe(404);
    expect((await arnhem.post(`/api/v1/participants/${participantId}/duo/refresh`)).status).toBe(404);
    const provider = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    expect((await provider.get(`/api/v1/participants/${participantId}/duo`)).status).toBe(404);
    await t.koers.db.query(
      `INSERT INTO duo_delivery (id, municipality_id, participant_id, dedupe_key, api, bericht_id, body, status, reasons, sent_at, last_status) SELECT $1, municipality_id, id, 'test', 'PIP', $2, '{}'::jsonb, 'refused', '["De dagtekening ligt voor de start van de inburgeringsplicht."]'::jsonb, now(), 403 FROM participant WHERE id = $3`,
      [crypto.randomUUID(), crypto.randomUUID(), participantId],
    );
    const admin = await Client.loggedIn(t, await aUser(t, 'admin'));
    const queue = await admin.get('/api/v1/duo/deliveries?status=refused');
    expect(queue.status).toBe(200);
    expect(queue.body).toMatchObject({ total: 1, items: [{ municipality: 'Hoorn', status: 'refused', reasons: ['De dagtekening ligt voor de start van de inburgeringsplicht.'] }] });
    const csv = await admin.get('/api/v1/duo/deliveries/export?format=csv&status=refused');
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('Geweigerd door DUO');
    expect(JSON.stringify(queue.body) + String(csv.body)).not.toContain(bsn);
    expect((await consultant.get('/api/v1/duo/deliveries')).status).toBe(404);
  });
});
