// Issue #14 (R-ESC-1, 000 §5 "Cursistniveau"): the participant-level ladder over HTTP, on PGlite and
// PostgreSQL — the consultant and the provider take the steps in order with date, actors and decision; the
// improvement plan's weekly check-ins are due dates, and an overdue one raises exactly one signal, also
// when the scheduled run goes again; holding it answers the signal; the contract manager sees the case
// only from the last step on, under its pseudonym, and no body it receives holds the person's name, BSN,
// client number, participant or referral id. Today is Monday 1 June 2026.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScheduled } from '../src/features/scheduled-run.js';
import { aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';
import { aNamedParticipant } from './support/named-participant.js';
import { aReportReferral, type BuiltReferral } from './support/report-builders.js';

const TW = 'twente';
const URL = '/api/v1/participant-escalations';
const NAME = { bsn: '123457891', clientNumber: 'ENS-E5C8', given: 'Yusuf', family: 'Escalatievoorbeeld' };

describe(`the participant-level ladder on ${DB_KIND}`, () => {
  let t: TestKoers;
  let enschede: Client;
  let almelo: Client;
  let school: Client;
  let oost: Client;
  let manager: Client;
  let referral: BuiltReferral;
  let caseId = '';
  const managerBodies: string[] = [];
  const asManager = async (method: string, url: string, body?: unknown) => {
    const res = await manager.request(method, url, body);
    managerBodies.push(JSON.stringify(res.body ?? ''));
    return res;
  };
  const signals = () =>
    t.koers.db.query<{ period: string; status: string; addressee: string }>(`SELECT period, status, addressee FROM signal WHERE cause = 'participantEscalation.checkInOverdue' ORDER BY period`);
  const run = () => runScheduled(t.koers.db, t.koers.contracts, '2026-06-01', { crypto: t.koers.crypto, clock: t.koers.clock });
  const step = (c: Client, body: Record<string, unknown>) => c.post(`${URL}/${caseId}/steps`, { actors: 'Consulent Enschede, coördinator Taalschool', decision: 'Afgesproken', planWeeks: null, ...body });

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-06-01' });
    const consultant = await aUser(t, 'consultant', 'enschede');
    enschede = await Client.loggedIn(t, consultant);
    almelo = await Client.loggedIn(t, await aUser(t, 'consultant', 'almelo'));
    school = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalschool-twente'));
    oost = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'nt2-centrum-oost'));
    manager = await Client.loggedIn(t, await aUser(t, 'contractManager', TW));
    const pid = await aNamedParticipant(t, 'enschede', NAME, consultant.id);
    referral = await aReportReferral({ db: t.koers.db, userId: consultant.id, contractId: TW }, 'enschede', 'taalschool-twente', 'inburgering_language', { referredOn: '2026-01-05', startedOn: '2026-02-02' }, pid);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('opens a case about a referral in the room with its first step; others do not see it', async () => {
    const opened = await enschede.post(URL, { referralId: referral.referralId, reason: 'Voortgang stagneert al twee maanden', decidedOn: '2026-05-04', actors: 'Consulent Enschede, coördinator Taalschool', decision: 'Extra oefenuren afgesproken' });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ person: { participantId: referral.participantId, name: `${NAME.given} ${NAME.family}` }, steps: [{ step: 'signalAndAlignment', decidedOn: '2026-05-04' }], nextStep: 'improvementPlan', checkIns: [], closedOn: null });
    expect(opened.body.pseudonym).toMatch(/^Casus 2026-[0-9A-F]{6}$/);
    caseId = opened.body.id;
    expect((await school.get(`${URL}/${caseId}`)).status).toBe(200);
    for (const c of [almelo, oost]) {
      expect((await c.get(`${URL}/${caseId}`)).status).toBe(404);
      expect((await c.get(URL)).body.items).toEqual([]);
    }
    expect((await oost.post(URL, { referralId: referral.referralId, reason: 'x', decidedOn: '2026-05-04', actors: 'x', decision: 'x' })).status).toBe(422);
  });

  it('takes the steps in order; the plan sets weekly check-ins; an overdue one is one signal, also on a second run; holding it answers it', async () => {
    expect((await step(school, { step: 'localManagement', decidedOn: '2026-05-11' })).body.invalidParams[0]).toMatchObject({ name: 'step', code: 'notNext' });
    expect((await step(school, { step: 'improvementPlan', decidedOn: '2026-05-11' })).body.invalidParams[0]).toMatchObject({ name: 'planWeeks' });
    expect((await step(school, { step: 'improvementPlan', decidedOn: '2026-05-03', planWeeks: 4 })).body.invalidParams[0]).toMatchObject({ name: 'decidedOn', code: 'beforeLast' });
    const plan = await step(school, { step: 'improvementPlan', decidedOn: '2026-05-11', planWeeks: 4 });
    expect(plan.status).toBe(200);
    expect(plan.body.checkIns.map((k: { dueOn: string; overdue: boolean }) => [k.dueOn, k.overdue])).toEqual([['2026-05-18', true], ['2026-05-25', true], ['2026-06-01', false], ['2026-06-08', false]]);
    const held = await enschede.post(`${URL}/${caseId}/check-ins`, { dueOn: '2026-05-18', heldOn: '2026-05-18', note: 'Twee van drie afspraken nagekomen' });
    expect(held.status).toBe(200);
    expect((await enschede.post(`${URL}/${caseId}/check-ins`, { dueOn: '2026-05-19', heldOn: '2026-05-19', note: 'x' })).body.invalidParams[0]).toMatchObject({ name: 'dueOn', code: 'notDue' });
    await run();
    await run();
    // 25 May is overdue; 1 June is due today, not overdue yet; 18 May was held.
    expect(await signals()).toEqual([{ period: `${caseId}:2026-05-25`, status: 'open', addressee: 'provider' }]);
    // The consultant sees the signal as well as the provider (addressed to the provider, about its municipality's participant).
    const work = await enschede.get('/api/v1/signals?status=open');
    expect(work.body.items.some((s: { cause: string }) => s.cause === 'participantEscalation.checkInOverdue')).toBe(true);
    await school.post(`${URL}/${caseId}/check-ins`, { dueOn: '2026-05-25', heldOn: '2026-05-27', note: 'Ingehaald' });
    expect((await signals()).map((s) => s.status)).toEqual(['resolved']);
    await run();
    expect((await signals()).map((s) => s.status)).toEqual(['resolved']);
  });

  it('shows the contract manager the case from the last step on, under its pseudonym, never the person; it records only its judgement', async () => {
    expect((await asManager('GET', URL)).body.items).toEqual([]);
    expect((await asManager('GET', `${URL}/${caseId}`)).status).toBe(404);
    expect((await step(enschede, { step: 'localManagement', decidedOn: '2026-05-28', decision: 'Beleidsoverleg: extra begeleiding' })).status).toBe(200);
    const last = await step(enschede, { step: 'contractManager', decidedOn: '2026-06-01', decision: 'Contractmanager ingeschakeld' });
    expect(last.body.nextStep).toBeNull();
    const list = await asManager('GET', URL);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id: caseId, person: null, reason: null, providerCode: 'taalschool-twente' });
    expect(list.body.items[0].steps.map((s: { step: string }) => s.step)).toEqual(['signalAndAlignment', 'improvementPlan', 'localManagement', 'contractManager']);
    expect((await asManager('GET', `${URL}/${caseId}`)).status).toBe(200);
    expect((await asManager('POST', `${URL}/${caseId}/closure`, { closedOn: '2026-06-01', grounds: 'x' })).status).toBe(404);
    expect((await asManager('POST', URL, { referralId: referral.referralId, reason: 'x', decidedOn: '2026-05-04', actors: 'x', decision: 'x' })).status).toBe(404);
    // 000 §5: the contract manager judges whether the provider acts as agreed — its own judgement, once, on the pseudonymised case.
    const judgement = { judgedOn: '2026-06-01', decision: 'additionalEffort', grounds: 'Taalschool zet twee extra begeleidingsuren per week in.' };
    expect((await asManager('POST', `${URL}/${caseId}/judgement`, { ...judgement, judgedOn: '2026-05-31' })).body.invalidParams[0]).toMatchObject({ name: 'judgedOn', code: 'beforeStep' });
    expect((await asManager('POST', `${URL}/${caseId}/judgement`, { ...judgement, decision: 'x' })).status).toBe(400);
    const judged = await asManager('POST', `${URL}/${caseId}/judgement`, judgement);
    expect(judged.status).toBe(200);
    expect(judged.body).toMatchObject({ person: null, reason: null, judgement: { judgedOn: '2026-06-01', decision: 'additionalEffort', name: 'Aanvullende inzet verlangd van de aanbieder', grounds: judgement.grounds } });
    expect((await asManager('POST', `${URL}/${caseId}/judgement`, judgement)).body.invalidParams[0]).toMatchObject({ name: 'decision', code: 'already' });
    // Only the contract manager judges; the consultant and the coordinator read it.
    expect((await enschede.post(`${URL}/${caseId}/judgement`, judgement)).status).toBe(404);
    expect((await school.get(`${URL}/${caseId}`)).body.judgement).toMatchObject({ decision: 'additionalEffort' });
    const audit = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE object_id = $1 AND summary = 'judged additionalEffort'`, [caseId]);
    expect(audit[0]?.n).toBe(1);
    const needles = [referral.participantId, referral.referralId, NAME.family, NAME.given, NAME.bsn, NAME.clientNumber, 'Voortgang stagneert'];
    for (const body of managerBodies) for (const n of needles) expect(body, n).not.toContain(n);
  });

  it('closes once; a closed case takes no step and raises no check-in signal', async () => {
    const closed = await school.post(`${URL}/${caseId}/closure`, { closedOn: '2026-06-01', grounds: 'Voortgang hersteld' });
    expect(closed.status).toBe(200);
    expect(closed.body.closedOn).toBe('2026-06-01');
    expect(closed.body.closureGrounds).toBe('Voortgang hersteld');
    // The contract manager reads the closure and its grounds on the pseudonymised case, still without the person.
    const seen = await asManager('GET', `${URL}/${caseId}`);
    expect(seen.body).toMatchObject({ closedOn: '2026-06-01', closureGrounds: 'Voortgang hersteld', person: null });
    for (const n of [referral.participantId, referral.referralId, NAME.family, NAME.given, NAME.bsn, NAME.clientNumber]) expect(JSON.stringify(seen.body), n).not.toContain(n);
    expect((await school.post(`${URL}/${caseId}/closure`, { closedOn: '2026-06-01', grounds: 'x' })).status).toBe(422);
    await runScheduled(t.koers.db, t.koers.contracts, '2026-06-20', { crypto: t.koers.crypto, clock: t.koers.clock });
    expect((await signals()).map((s) => s.status)).toEqual(['resolved']);
    await expect(t.koers.db.query(`DELETE FROM participant_escalation_step WHERE escalation_id = $1`, [caseId])).rejects.toThrow(/append-only/);
  });

  it('the list is searched, sorted, paged and exported by the server; the contract manager searches and exports pseudonyms only', async () => {
    // A second case about the same referral, at its first step, so there is something to page and sort.
    const second = await enschede.post(URL, { referralId: referral.referralId, reason: 'Herhaald verzuim', decidedOn: '2026-06-01', actors: 'Consulent, coördinator', decision: 'Afspraak gemaakt' });
    expect(second.status).toBe(200);
    const page1 = await enschede.get(`${URL}?sort=step&pageSize=1`);
    expect(page1.body).toMatchObject({ total: 2, page: 1, pageSize: 1, items: [{ id: second.body.id }] });
    expect((await enschede.get(`${URL}?sort=step&pageSize=1&page=2`)).body.items.map((c: { id: string }) => c.id)).toEqual([caseId]);
    expect((await enschede.get(`${URL}?q=${encodeURIComponent(NAME.family.toLowerCase())}`)).body.total).toBe(2);
    expect((await enschede.get(`${URL}?participant=${referral.participantId}`)).body.total).toBe(2);
    expect((await enschede.get(`${URL}?sort=nonsense`)).status).toBe(400);
    const csv = await enschede.get(`${URL}/export?format=csv&sort=case`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(String(csv.body)).toContain(`${NAME.given} ${NAME.family}`);
    // The contract manager: only the case at the last step; a name finds nothing, the pseudonym finds it.
    const pseudonym = (await asManager('GET', URL)).body.items[0].pseudonym as string;
    expect((await asManager('GET', `${URL}?q=${encodeURIComponent(NAME.family)}`)).body.total).toBe(0);
    expect((await asManager('GET', `${URL}?q=${encodeURIComponent(pseudonym.slice(-6))}`)).body).toMatchObject({ total: 1, items: [{ id: caseId, person: null }] });
    expect((await asManager('GET', `${URL}?participant=${referral.participantId}`)).body.invalidParams[0]).toMatchObject({ name: 'participant', code: 'notAllowed' });
    const managerCsv = await asManager('GET', `${URL}/export?format=csv`);
    expect(managerCsv.status).toBe(200);
    expect(String(managerCsv.body)).toContain(pseudonym);
    expect(String(managerCsv.body)).toContain('Aanvullende inzet verlangd van de aanbieder');
    for (const body of managerBodies) for (const n of [referral.participantId, referral.referralId, NAME.family, NAME.given, NAME.bsn, NAME.clientNumber]) expect(body, n).not.toContain(n);
  });
});
