// R-EXC-4 (issue #15): the consultant's approval of a learning plan (R-REF-6) queues the PIP in the same
// transaction; the delivery runner sends it to the DUO simulator over mutual TLS. The simulator holds the PIP
// once: after a crash between DUO's receipt and the mark (the retry reuses the stored berichtId), and with two
// instances sending at once (SKIP LOCKED: each message is POSTed once). DUO's refusal is kept with DUO's
// reason; every exchange is in the Logboek Dataverwerkingen with the berichtId and without the BSN.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { startDuoDeliveries, type DuoDeliveries } from '../src/features/duo/delivery-runner.js';
import { SIMULATED_DUO_OIN, startDuoSimulator, type DuoSimulator } from '../src/features/duo/simulator/server.js';
import { makeTestCa, type TestCa } from '../src/features/duo/simulator/pki.js';
import { openPostgres, type Db } from '../src/platform/db.js';
import { aLearningPlan, aParticipantInput, aUser, Client, DB_KIND, startTestKoers, testConfig, type TestKoers } from './support/koers.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
const HOORN_OIN = '00000001999900470000';
// Known to the crash test's child process, which reads the BSN with it.
const SECRET = 'duo-deliveries-test-secret-0123456789abcdef0123456789';
const allB1 = { reading: 'B1', writing: 'B1', listening: 'B1', speaking: 'B1' };

describe(`DUO deliveries through the outbox on ${DB_KIND}`, () => {
  let t: TestKoers;
  let ca: TestCa;
  let sim: DuoSimulator;
  let consultant: Client;
  let provider: Client;
  const runners: DuoDeliveries[] = [];
  const extraDbs: Db[] = [];

  const runner = (db: Db, options: Partial<Parameters<typeof startDuoDeliveries>[1]> = {}): DuoDeliveries => {
    const client = ca.client(HOORN_OIN, 'Gemeente Hoorn');
    const r = startDuoDeliveries(db, { link: { baseUrl: sim.url, doel: SIMULATED_DUO_OIN, tls: { ...client, ca: ca.ca } }, crypto: t.koers.crypto, contracts: t.koers.contracts, manual: true, ...options });
    runners.push(r);
    return r;
  };

  /** A participant with a referral whose plan (all targets B1 unless given) the consultant approves. Returns the BSN and participant id. */
  async function approvedPlan(plan: Record<string, unknown> = { targetLevels: allB1 }, referral = { providerId: TAALPUNT, productCode: 'b1_language' }, by = () => provider): Promise<{ bsn: string; participantId: string }> {
    const input = aParticipantInput({ referral, ...(referral.productCode.startsWith('z_') ? { route: 'z' } : {}) });
    const created = await consultant.post('/api/v1/participants', input);
    const id = created.body.referrals[0].id as string;
    const step = async (c: Client, body: Record<string, unknown>) => {
      const detail = await c.get(`/api/v1/referrals/${id}`);
      const res = await c.post(`/api/v1/referrals/${id}/events`, { lockVersion: detail.body.lockVersion, ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    await step(by(), { type: 'acknowledged' });
    await step(by(), { type: 'intakeInvited', intakeDate: '2027-01-04', location: 'Hoorn' });
    await step(by(), { type: 'intakeHeld', heldOn: '2027-01-04', regularStartInTime: true });
    await step(by(), { type: 'planSubmitted', content: aLearningPlan(plan) });
    const bsn = input.bsn as string;
    sim.addPerson({ bsn, gemeentecode: '0405', startInburgeringsplicht: '2026-06-01', vestigingGemeente: '2026-06-01', asielmigrant: false });
    await step(consultant, { type: 'planApproved', planVersion: 1 });
    return { bsn, participantId: created.body.id as string };
  }
  const rowsOf = (participantId: string) =>
    t.koers.db.query<{ id: string; status: string; berichtId: string; attempts: number; reasons: string[]; body: unknown }>(
      `SELECT id, status, bericht_id::text AS "berichtId", attempts, reasons, body FROM duo_delivery WHERE participant_id = $1`,
      [participantId],
    );

  beforeAll(async () => {
    ca = makeTestCa();
    sim = await startDuoSimulator({ municipalities: { [HOORN_OIN]: '0405' }, tls: { ...ca.server, ca: ca.ca } });
    t = await startTestKoers({ today: '2027-01-04', config: { secret: SECRET } });
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    provider = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
  });
  afterAll(async () => {
    for (const r of runners) await r.stop();
    for (const d of extraDbs) await d.close();
    await t?.stop();
    await sim?.close();
    ca?.dispose();
  });

  it('approve -> a queued PIP with its berichtId -> delivered; the simulator holds it once; the exchange is audited with the berichtId and no BSN', async () => {
    const { bsn, participantId } = await approvedPlan();
    const [queued] = await rowsOf(participantId);
    expect(queued).toMatchObject({ status: 'pending', attempts: 0, body: { dagtekeningPip: '2027-01-04', leerroute: 'B', niveau: 'B1' } });
    expect(await runner(t.koers.db).flush()).toBe(1);
    expect(await rowsOf(participantId)).toMatchObject([{ status: 'received', berichtId: queued!.berichtId, attempts: 1 }]);
    expect(sim.pips(bsn)).toEqual([{ gemeentecode: '0405', pip: { dagtekeningPip: '2027-01-04', leerroute: 'B', niveau: 'B1' } }]);
    const audit = await t.koers.db.query<Record<string, unknown>>(`SELECT * FROM audit_event WHERE name = 'duo.deliver' AND object_id = $1`, [queued!.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ status: 'ok', foreign_operation_id: queued!.berichtId, origin: 'duo-outbox' });
    expect(t.koers.crypto.decrypt(audit[0]!.data_subject_id_encrypted as string)).toBe(participantId);
    const stored = JSON.stringify(await t.koers.db.query(`SELECT d.*, a.* FROM duo_delivery d, audit_event a WHERE d.id = $1 AND a.object_id = $1::text`, [queued!.id]));
    expect(stored).not.toContain(bsn);
    expect(stored).not.toContain('/personen/');
  });

  it('a crash after DUO received the PIP and before the mark: the retry uses the same berichtId and the simulator holds the PIP once', async () => {
    const { bsn, participantId } = await approvedPlan();
    const [queued] = await rowsOf(participantId);
    const postsBefore = sim.posts();
    const dying = runner(t.koers.db, { afterSend: () => Promise.reject(new Error('killed')) });
    await expect(dying.flush()).rejects.toThrow('killed');
    expect(sim.pips(bsn)).toHaveLength(1);
    expect(await rowsOf(participantId)).toMatchObject([{ status: 'sending', attempts: 1 }]);
    // A sending row is taken over only after the claim time: not yet by a normal runner.
    expect(await runner(t.koers.db).flush()).toBe(0);
    expect(await runner(t.koers.db, { claimTimeoutMs: 0 }).flush()).toBe(1);
    expect(await rowsOf(participantId)).toMatchObject([{ status: 'received', berichtId: queued!.berichtId, attempts: 2 }]);
    expect(sim.posts() - postsBefore).toBe(2);
    expect(sim.pips(bsn)).toHaveLength(1);
  });

  // kill -9 of a Koers process between DUO's receipt and the mark: another process, with the database the
  // killed one used, finds the row 'sending' and resends it with the same berichtId. PostgreSQL only (PGlite
  // here is one process's memory).
  it.skipIf(DB_KIND !== 'postgres')('kill -9 of the sending process after DUO received the PIP: nothing lost, the simulator holds it once', async () => {
    const { bsn, participantId } = await approvedPlan();
    const [queued] = await rowsOf(participantId);
    const postsBefore = sim.posts();
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/duo-simulator/crash-child.ts'], {
      env: { ...process.env, KOERS_DUO_CRASH_CHILD: JSON.stringify({ databaseUrl: t.databaseUrl, secret: SECRET, contractsDir: testConfig().contractsDir, baseUrl: sim.url, doel: SIMULATED_DUO_OIN, tls: { ...ca.client(HOORN_OIN, 'Gemeente Hoorn'), ca: ca.ca } }) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    expect({ code, signal, stderr: stderr.slice(0, 500) }).toEqual({ code: null, signal: 'SIGKILL', stderr: '' });
    expect(sim.pips(bsn)).toHaveLength(1);
    expect(await rowsOf(participantId)).toMatchObject([{ status: 'sending', attempts: 1, berichtId: queued!.berichtId }]);
    expect(await runner(t.koers.db, { claimTimeoutMs: 0 }).flush()).toBe(1);
    expect(await rowsOf(participantId)).toMatchObject([{ status: 'received', attempts: 2, berichtId: queued!.berichtId }]);
    expect(sim.posts() - postsBefore).toBe(2);
    expect(sim.pips(bsn)).toHaveLength(1);
  });

  it('two instances at once: each PIP is POSTed to DUO once', async () => {
    const made = [];
    for (let i = 0; i < 4; i++) made.push(await approvedPlan());
    let second = t.koers.db;
    if (t.databaseUrl !== undefined) {
      second = openPostgres(t.databaseUrl, { max: 2 });
      extraDbs.push(second);
    }
    const postsBefore = sim.posts();
    const [a, b] = await Promise.all([runner(t.koers.db).flush(), runner(second).flush()]);
    expect(a + b).toBe(4);
    expect(sim.posts() - postsBefore).toBe(4);
    for (const m of made) {
      expect(sim.pips(m.bsn)).toHaveLength(1);
      expect(await rowsOf(m.participantId)).toMatchObject([{ status: 'received', attempts: 1 }]);
    }
  });

  it("DUO's refusal is kept with DUO's reason; a PIP DUO's rules refuse is never sent and keeps Koers' reason on the field", async () => {
    // DUO knows a later duty start than Koers: DUO refuses the dagtekening.
    const input = await approvedPlan();
    sim.addPerson({ bsn: input.bsn, gemeentecode: '0405', startInburgeringsplicht: '2027-02-01', vestigingGemeente: null, asielmigrant: false });
    const r = runner(t.koers.db);
    await r.flush();
    const [refused] = await rowsOf(input.participantId);
    expect(refused).toMatchObject({ status: 'refused' });
    expect(refused!.reasons.length).toBeGreaterThan(0);
    expect(refused!.reasons.join(' ')).toMatch(/inburgeringsplicht/i);
    // B1 is not allowed with the Z-route (README): refused before sending, on niveau.
    const z = await approvedPlan({ route: 'z', targetLevels: allB1 });
    const postsBefore = sim.posts();
    await r.flush();
    expect(sim.posts()).toBe(postsBefore);
    const [invalid] = await rowsOf(z.participantId);
    expect(invalid).toMatchObject({ status: 'invalid', body: null });
    expect(invalid!.reasons[0]).toMatch(/^niveau: /);
  });

  it("DUO's own duty start is asked before sending: a PIP dated before it is kept invalid on dagtekeningPip, never POSTed; the question audited", async () => {
    const { bsn, participantId } = await approvedPlan();
    sim.updatePerson(bsn, { startInburgeringsplicht: '2027-02-01', inburgeringsplicht: { indicatorInburgeringsplicht: true, begindatum: '2027-02-01' } });
    const postsBefore = sim.posts();
    expect(await runner(t.koers.db).flush()).toBe(1);
    expect(sim.posts()).toBe(postsBefore);
    const [row] = await rowsOf(participantId);
    expect(row).toMatchObject({ status: 'invalid', reasons: ['dagtekeningPip: De datum dagtekening mag niet voor de start van de inburgeringsplicht liggen.'] });
    const audit = await t.koers.db.query<{ name: string; summary: string; foreign: string }>(`SELECT name, summary, foreign_operation_id AS foreign FROM audit_event WHERE object_id = $1`, [row!.id]);
    // The duty and the current PIP (for a changed PIP's date rule), each with its own berichtId; no delivery line.
    expect(audit.map((a) => a.summary).sort()).toEqual(['inburgeringsplicht found (PIP check)', 'pip not_found (PIP check)']);
    expect(audit.every((a) => a.name === 'duo.read' && a.foreign !== row!.berichtId)).toBe(true);
  });

  it("a participation referral's approved plan is not the PIP: nothing is queued", async () => {
    const werkwijs = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'werkwijs-participatie'));
    const z = await approvedPlan({ route: 'z', targetLevels: { reading: 'A1', writing: 'A1', listening: 'A1', speaking: 'A1' } }, { providerId: organisationId('provider', 'werkwijs-participatie'), productCode: 'z_participation' }, () => werkwijs);
    expect(await rowsOf(z.participantId)).toEqual([]);
  });
});
