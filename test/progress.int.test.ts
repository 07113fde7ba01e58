// Issue #5 through the API: levels per skill, status with reasons, progress reports (pre-filled, checked,
// shared, PDF audited), down-scaling with the sources' numbers (600 hours, 6 months before the end of the
// term; 001 §2.3.3), route change after 18 months (001 §2.3.4), exams (two state-paid attempts, 002 eis
// 75) and the final report with the municipality's invoicing decision (R-END-2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

interface Person {
  participantId: string;
  referralId: string;
}

describe(`progress, scaling, route and final report on ${DB_KIND}`, () => {
  let t: TestKoers;
  let consultant: Client;
  let coordinator: Client;
  let key = 0;

  /** A participant of Hoorn referred to Taalpunt, with `hours` hours of language lessons pushed in 4-hour days. */
  async function aPerson(hours: number, over: Record<string, unknown> = {}): Promise<Person> {
    t.clock.setToday('2026-01-05');
    const res = await consultant.post('/api/v1/participants', aParticipantInput({ dutyStartDate: '2026-01-01', dutyEndDate: '2028-12-31', ...over, referral: { providerId: organisationId('provider', 'taalpunt-westfriesland'), productCode: 'b1_language' } }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const p = { participantId: res.body.id as string, referralId: res.body.referrals[0].id as string };
    t.clock.setToday('2027-06-01');
    const days = Math.ceil(hours / 4);
    const items = Array.from({ length: days }, (_, i) => {
      const d = new Date(Date.UTC(2026, 0, 6 + i)).toISOString().slice(0, 10);
      const minutes = i === days - 1 && hours % 4 !== 0 ? (hours % 4) * 60 : 240;
      return { externalId: `${p.participantId}-${i}`, participantId: p.participantId, referralId: p.referralId, date: d, kind: 'language', minutes };
    });
    for (let i = 0; i < items.length; i += 1000) {
      const pushed = await coordinator.request('POST', '/api/v1/hours-batches', { items: items.slice(i, i + 1000) }, { 'idempotency-key': `k${(key += 1)}` });
      expect(pushed.status, JSON.stringify(pushed.body)).toBe(201);
    }
    return p;
  }

  const audits = (name: string, objectId: string) => t.koers.db.query(`SELECT 1 FROM audit_event WHERE name = $1 AND object_id = $2`, [name, objectId]);

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-01-05' });
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    coordinator = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('down-scaling writing is refused at 590 NT2 hours and passes at 600; the checks are shown (R-LVL-3, 001 §2.3.3)', async () => {
    const at590 = await aPerson(590);
    const refused = await coordinator.post(`/api/v1/participants/${at590.participantId}/scaling-requests`, { skill: 'writing', direction: 'down', toLevel: 'A2', reason: 'Schrijven stagneert.' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(201);
    expect(refused.body.allChecksPassed).toBe(false);
    expect(refused.body.checks.find((c: { id: string }) => c.id === 'nt2Hours')).toMatchObject({ passed: false });
    const at600 = await aPerson(600);
    const ok = await coordinator.post(`/api/v1/participants/${at600.participantId}/scaling-requests`, { skill: 'writing', direction: 'down', toLevel: 'A2', reason: 'Schrijven stagneert.' });
    expect(ok.body.allChecksPassed, JSON.stringify(ok.body.checks)).toBe(true);
  });

  it('a request less than 6 months before the end of the term fails its check; approving anyway needs a reason', async () => {
    const p = await aPerson(640, { dutyEndDate: '2027-11-30' }); // today 2027-06-01: 5 months 29 days before
    const req = await coordinator.post(`/api/v1/participants/${p.participantId}/scaling-requests`, { skill: 'writing', direction: 'down', toLevel: 'A2', reason: 'Schrijven stagneert.' });
    expect(req.body.checks.find((c: { id: string }) => c.id === 'timeBeforeTermEnd')).toMatchObject({ passed: false });
    // The municipality's work list has the pending decision.
    expect(await t.koers.db.query(`SELECT 1 FROM signal WHERE cause = 'scaling.decisionDue' AND period = $1 AND addressee = 'municipality'`, [req.body.id])).toHaveLength(1);
    const bare = await consultant.post(`/api/v1/scaling-requests/${req.body.id}/decision`, { decision: 'approved' });
    expect(bare.status).toBe(422);
    expect(bare.body.invalidParams[0].name).toBe('reason');
    const other = await Client.loggedIn(t, await aUser(t, 'consultant', 'enkhuizen'));
    expect((await other.post(`/api/v1/scaling-requests/${req.body.id}/decision`, { decision: 'approved', reason: 'x' })).status).toBe(404);
    const approved = await consultant.post(`/api/v1/scaling-requests/${req.body.id}/decision`, { decision: 'approved', reason: 'Gesprek gevoerd; examen schrijven toch haalbaar op A2.' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    // 20 working days after Tuesday 1 June 2027 (no holidays in between) is Tuesday 29 June 2027.
    expect(approved.body).toMatchObject({ status: 'approved', newLevelDueOn: '2027-06-29' });
    const overview = await consultant.get(`/api/v1/participants/${p.participantId}/progress`);
    const level = (skill: string) => overview.body.levels.find((l: { skill: string }) => l.skill === skill);
    // Per-skill levels kept apart: writing's target is A2, speaking has none set by this decision.
    expect(level('writing')).toMatchObject({ target: 'A2' });
    expect(level('speaking')).toBeUndefined();
    expect(await t.koers.db.query(`SELECT due_date::text AS due FROM signal WHERE cause = 'scaling.levelDue' AND period = $1`, [req.body.id])).toEqual([{ due: '2027-06-29' }]);
    // Recording another skill leaves the signal open; recording writing at its new target settles it.
    const levelDue = () => t.koers.db.query<{ status: string }>(`SELECT status FROM signal WHERE cause = 'scaling.levelDue' AND period = $1`, [req.body.id]);
    await coordinator.post(`/api/v1/participants/${p.participantId}/levels`, { skills: [{ skill: 'speaking', target: 'B1', current: 'A2' }] });
    expect(await levelDue()).toEqual([{ status: 'open' }]);
    const placed = await coordinator.post(`/api/v1/participants/${p.participantId}/levels`, { skills: [{ skill: 'writing', target: 'A2', current: 'A1' }] });
    expect(placed.status, JSON.stringify(placed.body)).toBe(200);
    expect(await levelDue()).toEqual([{ status: 'resolved' }]);
  });

  it('a progress report is pre-filled, refused while incomplete, shared once submitted, and every PDF download is audited', async () => {
    const p = await aPerson(420);
    const self = await Client.loggedIn(t, await aUser(t, 'participant', undefined, p.participantId));
    const test = await coordinator.post(`/api/v1/participants/${p.participantId}/progress-tests`, { takenOn: '2027-05-20', milestoneHours: 400, results: { reading: 'A2', writing: 'A2', listening: 'B1', speaking: 'A2' } });
    expect(test.status, JSON.stringify(test.body)).toBe(201);
    const draft = await coordinator.post(`/api/v1/participants/${p.participantId}/progress-reports`, { kind: 'progress' });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect(draft.body.content).toMatchObject({ hoursMade: 420, testResults: { listening: 'B1', writing: 'A2' } });
    expect(draft.body.content.statusReasons.length).toBeGreaterThan(0);
    // A draft is the provider's working copy: the municipality and the participant do not see it.
    expect((await consultant.get(`/api/v1/progress-reports/${draft.body.id}`)).status).toBe(404);
    expect((await self.get(`/api/v1/progress-reports/${draft.body.id}`)).status).toBe(404);
    const early = await coordinator.post(`/api/v1/progress-reports/${draft.body.id}/submission`, { lockVersion: draft.body.lockVersion });
    expect(early.status).toBe(422);
    expect(early.body.invalidParams.map((i: { name: string }) => i.name)).toContain('content.expectedEndLevel');
    const saved = await coordinator.request('PUT', `/api/v1/progress-reports/${draft.body.id}`, { lockVersion: draft.body.lockVersion, content: { ...draft.body.content, expectedEndLevel: 'B1', risks: 'Weinig oefenen thuis.', interventions: 'Extra taalcafé op woensdag.' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const stale = await coordinator.request('PUT', `/api/v1/progress-reports/${draft.body.id}`, { lockVersion: draft.body.lockVersion, content: draft.body.content });
    expect(stale.status).toBe(409);
    const submitted = await coordinator.post(`/api/v1/progress-reports/${draft.body.id}/submission`, { lockVersion: saved.body.lockVersion });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const mine = await self.get(`/api/v1/progress-reports/${draft.body.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.plainDutch).toContain('U heeft 420 uur les gehad. Het doel is 600 uur.');
    expect((await coordinator.request('PUT', `/api/v1/progress-reports/${draft.body.id}`, { lockVersion: submitted.body.lockVersion, content: draft.body.content })).status).toBe(422);
    for (const c of [consultant, self]) {
      const pdf = await c.get(`/api/v1/progress-reports/${draft.body.id}/pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
    }
    expect(await audits('report.download', draft.body.id)).toHaveLength(2);
    const stranger = await Client.loggedIn(t, await aUser(t, 'consultant', 'enkhuizen'));
    expect((await stranger.get(`/api/v1/progress-reports/${draft.body.id}/pdf`)).status).toBe(404);
    // The denied attempt is logged too (R-SEC-2), although the caller got 404.
    expect(await t.koers.db.query(`SELECT 1 FROM audit_event WHERE name = 'report.download' AND object_id = $1 AND status = 'error'`, [draft.body.id])).toHaveLength(1);
  });

  it('a route change after 18 months of the term is refused without an exception and recorded with one (R-RTE-1)', async () => {
    const p = await aPerson(100); // term started 2026-01-01; today 2027-06-01 is within 18 months
    t.clock.setToday('2027-07-02');
    const late = await consultant.post(`/api/v1/participants/${p.participantId}/route-events`, { type: 'routeChanged', on: '2027-07-02', toRoute: 'z', reason: 'Leerbaarheid lager dan gedacht.' });
    expect(late.status).toBe(422);
    expect(late.body.invalidParams[0].name).toBe('exceptionReason');
    const byProvider = await coordinator.post(`/api/v1/participants/${p.participantId}/route-events`, { type: 'routeChanged', on: '2027-07-02', toRoute: 'z', reason: 'x', exceptionReason: 'y' });
    expect(byProvider.status).toBe(422);
    const ok = await consultant.post(`/api/v1/participants/${p.participantId}/route-events`, { type: 'routeChanged', on: '2027-07-02', toRoute: 'z', reason: 'Leerbaarheid lager dan gedacht.', exceptionReason: 'Medisch advies na 17 maanden.' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const overview = await consultant.get(`/api/v1/participants/${p.participantId}/progress`);
    expect(overview.body.participant.route).toBe('z');
    // R-RTE-2: the hours made stay credited, now against the Z-route's 800.
    expect(overview.body.hours).toMatchObject({ made: 100, target: 800 });
    t.clock.setToday('2027-06-01');
  });

  it('exam attempts: the first two per part are state-paid (002 eis 75), attempts carry their results', async () => {
    const p = await aPerson(50);
    for (const [registeredOn, takenOn, result] of [['2027-01-10', '2027-02-01', 'failed'], ['2027-02-10', '2027-03-01', 'failed'], ['2027-03-10', '2027-04-01', 'passed']] as const) {
      const res = await coordinator.post(`/api/v1/participants/${p.participantId}/exam-attempts`, { part: 'writing', level: 'B1', registeredOn, takenOn, result });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const pending = await coordinator.post(`/api/v1/participants/${p.participantId}/exam-attempts`, { part: 'knm', level: 'A2', registeredOn: '2027-05-01' });
    expect((await coordinator.request('PATCH', `/api/v1/exam-attempts/${pending.body.id}`, { takenOn: '2027-05-20', result: 'passed' })).status).toBe(200);
    const exams = (await consultant.get(`/api/v1/participants/${p.participantId}/progress`)).body.exams as { part: string; attemptNumber: number; stateFunded: boolean; result: string }[];
    expect(exams.filter((e) => e.part === 'writing').map((e) => [e.attemptNumber, e.stateFunded])).toEqual([
      [1, true],
      [2, true],
      [3, false],
    ]);
    expect(exams.find((e) => e.part === 'knm')).toMatchObject({ result: 'passed', stateFunded: true });
  });

  it('the end of the route asks a final report within two weeks; goals not reached need an explanation and the municipality decides on the invoice (R-END-1, R-END-2)', async () => {
    const p = await aPerson(300);
    const ended = await coordinator.post(`/api/v1/participants/${p.participantId}/route-events`, { type: 'routeEnded', on: '2027-05-28' });
    expect(ended.status, JSON.stringify(ended.body)).toBe(201);
    // Friday 28 May 2027 + 2 weeks = Friday 11 June 2027.
    expect(await t.koers.db.query(`SELECT due_date::text AS due FROM signal WHERE cause = 'report.finalDue' AND subject_id = $1`, [p.participantId])).toEqual([{ due: '2027-06-11' }]);
    const draft = await coordinator.post(`/api/v1/participants/${p.participantId}/progress-reports`, { kind: 'final' });
    expect(draft.body.dueOn).toBe('2027-06-11');
    const content = { ...draft.body.content, expectedEndLevel: 'A2', risks: 'r', interventions: 'i', goalsReached: false, advice: 'Taalmaatje.' };
    const saved = await coordinator.request('PUT', `/api/v1/progress-reports/${draft.body.id}`, { lockVersion: 0, content });
    const refused = await coordinator.post(`/api/v1/progress-reports/${draft.body.id}/submission`, { lockVersion: saved.body.lockVersion });
    expect(refused.body.invalidParams.map((i: { name: string }) => i.name)).toContain('content.explanation');
    const fixed = await coordinator.request('PUT', `/api/v1/progress-reports/${draft.body.id}`, { lockVersion: saved.body.lockVersion, content: { ...content, explanation: 'Lange ziekte in het tweede jaar.' } });
    const submitted = await coordinator.post(`/api/v1/progress-reports/${draft.body.id}/submission`, { lockVersion: fixed.body.lockVersion });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(await t.koers.db.query(`SELECT status FROM signal WHERE cause = 'report.finalDue' AND subject_id = $1`, [p.participantId])).toEqual([{ status: 'resolved' }]);
    expect((await coordinator.post(`/api/v1/progress-reports/${draft.body.id}/invoice-decision`, { decision: 'mayInvoice', reason: 'x' })).status).toBe(404);
    // R-END-2: goals not reached → the talk with the municipality comes first; its date is required.
    const noTalk = await consultant.post(`/api/v1/progress-reports/${draft.body.id}/invoice-decision`, { decision: 'mayNotInvoice', reason: 'Doelen niet gehaald.' });
    expect(noTalk.status).toBe(422);
    expect(noTalk.body.invalidParams.map((i: { name: string }) => i.name)).toEqual(['talkHeldOn']);
    const decided = await consultant.post(`/api/v1/progress-reports/${draft.body.id}/invoice-decision`, { talkHeldOn: '2027-06-01', decision: 'mayNotInvoice', reason: 'Gesprek 1 juni: doelen niet gehaald door gebrek aan inzet.' });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({ invoiceDecision: 'mayNotInvoice', invoiceTalkHeldOn: '2027-06-01' });
  });

  it('the status says why, and a provider override keeps the computed status beside it (R-HRS-5)', async () => {
    const p = await aPerson(40);
    const before = await consultant.get(`/api/v1/participants/${p.participantId}/progress`);
    expect(before.body.status.status).not.toBe('onTrack');
    expect(before.body.status.reasons.length).toBeGreaterThan(0);
    const blank = await coordinator.post(`/api/v1/participants/${p.participantId}/status-override`, { status: 'onTrack', reason: '  ' });
    expect(blank.status).toBe(400);
    const set = await coordinator.post(`/api/v1/participants/${p.participantId}/status-override`, { status: 'onTrack', reason: 'Start na zwangerschapsverlof; tempo gaat omhoog.' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ status: 'onTrack', computedStatus: before.body.status.status, overrideReason: 'Start na zwangerschapsverlof; tempo gaat omhoog.' });
  });
});

describe(`exam pass rate of an Onderwijsroute provider on ${DB_KIND}`, () => {
  let t: TestKoers;
  afterAll(async () => {
    await t?.stop();
  });

  it('three months below 80% raise one signal per municipality, once; a month at 80% breaks the run (R-LVL-5, 002 eis 44)', async () => {
    t = await startTestKoers({ today: '2027-01-05' });
    const consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'den-haag'));
    const provider = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'voorbereidend-jaar-leiden'));
    const res = await consultant.post(
      '/api/v1/participants',
      aParticipantInput({ route: 'education_hbo_wo', pipSignedOn: '2027-01-04', referral: { providerId: organisationId('provider', 'voorbereidend-jaar-leiden'), productCode: 'education_hbo_wo' } }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const participantId: string = res.body.id;
    t.clock.setToday('2027-06-30');
    const sit = (takenOn: string, result: 'passed' | 'failed') => provider.post(`/api/v1/participants/${participantId}/exam-attempts`, { part: 'reading', level: 'B1', registeredOn: '2027-01-10', takenOn, result });
    const signals = () => t.koers.db.query<{ period: string }>(`SELECT period FROM signal WHERE cause = 'exam.passRateLow' ORDER BY period`);
    // February: 4 of 5 = 80.0%, at the norm. March, April: below. May: below, the third month in a row.
    for (const r of ['passed', 'passed', 'passed', 'passed', 'failed'] as const) expect((await sit('2027-02-10', r)).status).toBe(201);
    for (const r of ['passed', 'failed'] as const) await sit('2027-03-10', r);
    await sit('2027-04-10', 'failed');
    expect(await signals()).toEqual([]);
    await sit('2027-05-10', 'failed');
    const municipality = organisationId('municipality', 'den-haag');
    expect(await signals()).toEqual([{ period: `2027-05:${municipality}` }]);
    await sit('2027-05-11', 'failed');
    expect(await signals()).toHaveLength(1);

    // The Onderwijsroute report carries the indicators of R-OND-2 (002 eis 27): exam attempts per part
    // pre-filled, deficiency subjects required before it is submitted.
    const draft = await provider.post(`/api/v1/participants/${participantId}/progress-reports`, { kind: 'progress' });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect(draft.body.content.examSummary).toHaveLength(10);
    expect(draft.body.content.examSummary[0]).toBe('lezen B1: geslaagd (2027-02-10)');
    const saved = await provider.request('PUT', `/api/v1/progress-reports/${draft.body.id}`, { lockVersion: 0, content: { ...draft.body.content, expectedEndLevel: 'B1', risks: 'r', interventions: 'i' } });
    const refused = await provider.post(`/api/v1/progress-reports/${draft.body.id}/submission`, { lockVersion: saved.body.lockVersion });
    expect(refused.body.invalidParams.map((i: { name: string }) => i.name)).toEqual(['content.deficiencySubjects']);
    const pdf = await provider.get(`/api/v1/progress-reports/${draft.body.id}/pdf`);
    expect(pdf.status).toBe(200);
  });
});
