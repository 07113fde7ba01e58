// R-EXC-4 (issue #15): the facts Koers registers become deliveries to DUO through the outbox. A round's sweep
// (src/features/duo/sweep.ts) queues the MAP end-conversation date (map_end_conversation.held_on), the PVT
// signing date (the PVT recorded as passed), the Z-route completion (routeEnded on the Z-route), the
// cumulative hours of the month just over (Gevolgde Uren) and the Inburgeringsaanbod of a started referral
// (on behalf of its provider, 002 eis 26); the runner asks DUO for the facts its rules read and sends, or
// keeps the delivery 'invalid' with the reason on its field. A second round adds nothing and sends nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { startDuoDeliveries, type DuoDeliveries } from '../src/features/duo/delivery-runner.js';
import { SIMULATED_DUO_OIN, startDuoSimulator, type DuoSimulator } from '../src/features/duo/simulator/server.js';
import { makeTestCa, type TestCa } from '../src/features/duo/simulator/pki.js';
import { aLearningPlan, aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers, type TestUser } from './support/koers.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
const HOORN = organisationId('municipality', 'hoorn');
const HOORN_OIN = '00000001999900470000';
const INSTELLING = '4700000001';
const allB1 = { reading: 'B1', writing: 'B1', listening: 'B1', speaking: 'B1' };
const termijn = { startdatum: '2026-06-01', einddatum: '2029-06-01' };

describe(`DUO deliveries from Koers' facts on ${DB_KIND}`, () => {
  let t: TestKoers;
  let ca: TestCa;
  let sim: DuoSimulator;
  let consultant: Client;
  let consultantUser: TestUser;
  let provider: Client;
  let runner: DuoDeliveries;

  /** A participant whose plan the consultant approved; the PIP is delivered by the first flush. */
  async function withPip(route: 'b1' | 'z' = 'b1'): Promise<{ bsn: string; participantId: string; referralId: string }> {
    const input = aParticipantInput({ referral: { providerId: TAALPUNT, productCode: route === 'z' ? 'z_language' : 'b1_language' }, route });
    const created = await consultant.post('/api/v1/participants', input);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.referrals[0].id as string;
    const step = async (c: Client, body: Record<string, unknown>) => {
      const detail = await c.get(`/api/v1/referrals/${id}`);
      const res = await c.post(`/api/v1/referrals/${id}/events`, { lockVersion: detail.body.lockVersion, ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    await step(provider, { type: 'acknowledged' });
    await step(provider, { type: 'intakeInvited', intakeDate: '2027-01-04', location: 'Hoorn' });
    await step(provider, { type: 'intakeHeld', heldOn: '2027-01-04', regularStartInTime: true });
    await step(provider, { type: 'planSubmitted', content: aLearningPlan(route === 'z' ? { route: 'z', targetLevels: { reading: 'A1', writing: 'A1', listening: 'A1', speaking: 'A1' } } : { targetLevels: allB1 }) });
    const bsn = input.bsn as string;
    sim.addPerson({ bsn, gemeentecode: '0405', startInburgeringsplicht: '2026-06-01', vestigingGemeente: null, asielmigrant: true, inburgeringsplicht: { indicatorInburgeringsplicht: true, begindatum: '2026-06-01' }, inburgeringstermijn: termijn });
    await step(consultant, { type: 'planApproved', planVersion: 1 });
    await runner.flush();
    expect(sim.pips(bsn)).toHaveLength(1);
    return { bsn, participantId: created.body.id as string, referralId: id };
  }
  const rows = (participantId: string, api: string) =>
    t.koers.db.query<{ status: string; reasons: string[]; body: unknown; providerId: string | null; lastStatus: number | null }>(
      `SELECT status, reasons, body, provider_id AS "providerId", last_status AS "lastStatus" FROM duo_delivery WHERE participant_id = $1 AND api = $2 ORDER BY created_at, id`,
      [participantId, api],
    );
  const held = (participantId: string, version: number, on: string) =>
    t.koers.db.query(
      `INSERT INTO map_end_conversation (id, participant_id, municipality_id, kind, version, held_on, outcome, themes_done, practical_minutes, recorded_by, recorded_at)
       VALUES ($1, $2, $3, 'held', $4, $5, 'sufficient', 8, 2400, $6, now())`,
      [randomUUID(), participantId, HOORN, version, on, consultantUser.id],
    );

  beforeAll(async () => {
    ca = makeTestCa();
    sim = await startDuoSimulator({
      municipalities: { [HOORN_OIN]: '0405' },
      tls: { ...ca.server, ca: ca.ca },
      today: () => '2027-01-04',
      instellingen: [{ instellingsnummer: INSTELLING, naam: 'Taalpunt Westfriesland', postcode: '1621AA', huisnummer: 1, plaatsnaam: 'Hoorn', indicatieBowKeurmerk: true }],
    });
    t = await startTestKoers({ today: '2027-01-04' });
    consultantUser = await aUser(t, 'consultant', 'hoorn');
    consultant = await Client.loggedIn(t, consultantUser);
    provider = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    const client = ca.client(HOORN_OIN, 'Gemeente Hoorn');
    runner = startDuoDeliveries(t.koers.db, { link: { baseUrl: sim.url, doel: SIMULATED_DUO_OIN, tls: { ...client, ca: ca.ca } }, crypto: t.koers.crypto, contracts: t.koers.contracts, clock: t.koers.clock, manual: true });
  });
  afterAll(async () => {
    await runner?.stop();
    await t?.stop();
    await sim?.close();
    ca?.dispose();
  });

  it('the MAP end conversation held: its date goes to DUO once; a later held date before the term is kept invalid on datumEindgesprekMap, never sent', async () => {
    const { bsn, participantId } = await withPip();
    await held(participantId, 1, '2026-12-10');
    await runner.flush();
    expect(await rows(participantId, 'MAP')).toMatchObject([{ status: 'received', body: { datumEindgesprekMap: '2026-12-10' }, lastStatus: 200 }]);
    expect(sim.records(bsn).map?.value).toEqual({ datumEindgesprekMap: '2026-12-10' });
    const posts = sim.posts();
    expect(await runner.flush()).toBe(0);
    expect(sim.posts()).toBe(posts);
    await held(participantId, 2, '2026-05-01');
    await runner.flush();
    const [, second] = await rows(participantId, 'MAP');
    expect(second).toMatchObject({ status: 'invalid', reasons: ['datumEindgesprekMap: De datum eindgesprek MAP mag niet voor de startdatum van de inburgeringstermijn liggen.'] });
    expect(sim.posts()).toBe(posts);
    expect(sim.records(bsn).map?.value).toEqual({ datumEindgesprekMap: '2026-12-10' });
  });

  it('the PVT recorded as passed: its date goes to DUO', async () => {
    const { bsn, participantId } = await withPip();
    await t.koers.db.query(
      `INSERT INTO level_record (id, participant_id, municipality_id, skill, target, current, source, recorded_on, recorded_by, recorded_at) VALUES ($1, $2, $3, 'pvt', NULL, 'passed', 'provider', '2026-12-20', $4, now())`,
      [randomUUID(), participantId, HOORN, consultantUser.id],
    );
    await runner.flush();
    expect(await rows(participantId, 'PVT')).toMatchObject([{ status: 'received', body: { datumOndertekeningPvt: '2026-12-20' } }]);
    expect(sim.records(bsn).pvt?.value).toEqual({ datumOndertekeningPvt: '2026-12-20' });
  });

  it('the end of the route on the Z-route: the completion date goes to DUO', async () => {
    const { bsn, participantId, referralId } = await withPip('z');
    await t.koers.db.query(
      `INSERT INTO route_event (id, participant_id, municipality_id, referral_id, type, on_date, details, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, 'routeEnded', '2027-01-02', '{}'::jsonb, $5, now())`,
      [randomUUID(), participantId, HOORN, referralId, consultantUser.id],
    );
    await runner.flush();
    expect(await rows(participantId, 'Zroute')).toMatchObject([{ status: 'received', body: { datumAfrondingZroute: '2027-01-02' } }]);
    expect(sim.records(bsn).zroute?.value).toEqual({ datumAfrondingZroute: '2027-01-02' });
  });

  it('Gevolgde Uren: the month just over with hours in it sends the cumulative total up to its end; hours of this month wait for its end', async () => {
    const { bsn, participantId, referralId } = await withPip();
    const batch = randomUUID();
    await t.koers.db.query(`INSERT INTO hours_batch (id, provider_id, idempotency_key, sha256, items, response, created_by, created_at) VALUES ($1, $2, $3, $4, 3, '{}'::jsonb, $5, now())`, [batch, TAALPUNT, randomUUID(), 'a'.repeat(64), consultantUser.id]);
    for (const [date, minutes] of [['2026-11-20', 300], ['2026-12-05', 330], ['2027-01-03', 600]] as const) {
      await t.koers.db.query(
        `INSERT INTO hours_entry (id, provider_id, external_id, participant_id, referral_id, municipality_id, date, kind, minutes, version, batch_id, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'language', $8, 1, $9, $10, now())`,
        [randomUUID(), TAALPUNT, randomUUID(), participantId, referralId, HOORN, date, minutes, batch, consultantUser.id],
      );
    }
    await runner.flush();
    // (300 + 330) minutes = 10.5 hours up to the end of December: 10 whole hours.
    expect(await rows(participantId, 'UrenTaalles')).toMatchObject([{ status: 'received', body: { uren: 10 } }]);
    expect(sim.records(bsn).uren.get('0405')?.ParticipatieAlsTaalles).toEqual({ uren: 10 });
  });

  it('Inburgeringsaanbod: a started referral is delivered for its provider, at the institution DUO lists under its name', async () => {
    const { bsn, participantId, referralId } = await withPip();
    await t.koers.db.query(`UPDATE referral SET started_on = '2027-01-04' WHERE id = $1`, [referralId]);
    await runner.flush();
    expect(await rows(participantId, 'Inburgeringsaanbod')).toMatchObject([{ status: 'received', providerId: TAALPUNT, body: { datumInburgeringsaanbod: '2027-01-04', indicatorAlfabetiseringsonderwijs: 'NVT' } }]);
    expect(sim.records(bsn).aanbod.get(INSTELLING)?.value).toMatchObject({ datumInburgeringsaanbod: '2027-01-04' });
  });
});
