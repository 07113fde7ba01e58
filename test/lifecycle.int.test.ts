// R-REF-2, R-REF-3, R-REF-4, R-REF-6 through the API on a real database: every transition allowed and
// refused, optimistic locking, the timeline, learning-plan versions, and the signals that follow each
// step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { runSignalEngine } from '../src/features/referrals/signal-engine.js';
import { A_PDF, aLearningPlan, aParticipantInput, aUser, Client, DB_KIND, snapshot, startTestKoers, type TestKoers, type TestUser } from './support/koers.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');


describe(`referral lifecycle on ${DB_KIND}`, () => {
  let t: TestKoers;
  let consultant: Client;
  let provider: Client;
  let consultantUser: TestUser;
  let providerUser: TestUser;

  async function referral(): Promise<string> {
    const res = await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
    return res.body.referrals[0].id as string;
  }
  async function step(c: Client, id: string, body: Record<string, unknown>) {
    const detail = await c.get(`/api/v1/referrals/${id}`);
    return c.post(`/api/v1/referrals/${id}/events`, { lockVersion: detail.body.lockVersion, ...body });
  }
  const ok = async (c: Client, id: string, body: Record<string, unknown>) => {
    const res = await step(c, id, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestKoers({ today: '2027-01-04' });
    consultantUser = await aUser(t, 'consultant', 'hoorn');
    providerUser = await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland');
    consultant = await Client.loggedIn(t, consultantUser);
    provider = await Client.loggedIn(t, providerUser);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('walks from referral to running with a no-show and a returned plan; every step is on the timeline with its actor', async () => {
    const id = await referral();
    await ok(provider, id, { type: 'acknowledged' });
    await ok(provider, id, { type: 'intakeInvited', intakeDate: '2027-01-04', location: 'Hoorn, Grote Noord 1' });
    const noShow = await ok(provider, id, { type: 'intakeNoShow', noShowOn: '2027-01-04' });
    // R-REF-3: the municipality is informed (a signal to it) and leads: it agrees the new intake first.
    expect(noShow.pendingSteps.map((s: { step: string; party: string }) => `${s.party}:${s.step}`)).toEqual(['municipality:noShowFollowUp']);
    const seen = (await consultant.get('/api/v1/signals')).body.items.filter((s: { referralId: string }) => s.referralId === id);
    expect(seen.map((s: { step: string }) => s.step)).toContain('noShowFollowUp');
    const agreed = await ok(consultant, id, { type: 'newIntakeAgreed', agreedIntakeDate: '2027-01-04', note: 'Telefonisch afgesproken.' });
    expect(agreed.pendingSteps.map((s: { step: string; party: string }) => `${s.party}:${s.step}`)).toEqual(['provider:intakeInvitation']);
    await ok(provider, id, { type: 'intakeInvited', intakeDate: '2027-01-04', location: 'Hoorn' });
    await ok(provider, id, { type: 'intakeHeld', heldOn: '2027-01-04', regularStartInTime: true });
    const v1 = await ok(provider, id, { type: 'planSubmitted', content: aLearningPlan() });
    expect(v1.pendingSteps).toEqual([{ step: 'learningPlanApproval', party: 'municipality', dueDate: '2027-01-11', urgency: 'thisWeek' }]);
    await ok(consultant, id, { type: 'planReturned', planVersion: 1, remarks: 'Kinderopvang op vrijdag ontbreekt.' });
    const v2 = await ok(provider, id, { type: 'planSubmitted', content: aLearningPlan({ childCare: { needed: true, days: ['mon', 'wed', 'fri'], times: '08:30-12:30', changes: '' } }) });
    expect(v2.learningPlans.map((p: { version: number; status: string }) => `${p.version}:${p.status}`)).toEqual(['2:submitted', '1:returned']);
    const approved = await ok(consultant, id, { type: 'planApproved', planVersion: 2 });
    expect(approved.learningPlans[0]).toMatchObject({ version: 2, status: 'approved', decidedByName: 'Test consultant', decidedOn: '2027-01-04' });
    expect(approved.learningPlans[1]).toMatchObject({ remarks: 'Kinderopvang op vrijdag ontbreekt.' });
    // R-REF-6 / R-REF-7: the signed copy is uploaded; that is the planSigned step.
    const upload = await provider.upload(`/api/v1/referrals/${id}/signed-learning-plan?lockVersion=${approved.lockVersion}`, A_PDF);
    expect(upload.status).toBe(201);
    const running = await ok(provider, id, { type: 'started', startedOn: '2027-01-04' });
    expect(running.status).toBe('running');
    expect(running.pendingSteps).toEqual([]);
    expect(running.events.map((e: { type: string }) => e.type)).toEqual([
      'referred', 'acknowledged', 'intakeInvited', 'intakeNoShow', 'newIntakeAgreed', 'intakeInvited', 'intakeHeld', 'planSubmitted', 'planReturned', 'planSubmitted', 'planApproved', 'planSigned', 'started',
    ]);
    expect(running.events[8]).toMatchObject({ actorName: 'Test consultant', organisationName: 'Hoorn', details: { remarks: 'Kinderopvang op vrijdag ontbreekt.' } });
    // Every signal of this referral is resolved once it runs.
    const open = await t.koers.db.query(`SELECT cause FROM signal WHERE subject_id = $1 AND status <> 'resolved'`, [id]);
    expect(open).toEqual([]);
  });

  it('refuses a step out of order or by the wrong party with 422 and a Dutch reason, changing nothing', async () => {
    const id = await referral();
    const before = await snapshot(t);
    const early = await step(provider, id, { type: 'intakeHeld', heldOn: '2027-01-04', regularStartInTime: true });
    expect(early.status).toBe(422);
    expect(early.body.detail).toBe('Dit kan niet nu de aanmelding de status "aangemeld" heeft.');
    const wrongParty = await step(consultant, id, { type: 'acknowledged' });
    expect(wrongParty.status).toBe(422);
    expect(wrongParty.body.detail).toBe('Deze stap zet de aanbieder.');
    expect(await snapshot(t)).toEqual(before);
  });

  it('refuses dates in the future for what happened, and invalid plan content, field by field', async () => {
    const id = await referral();
    await ok(provider, id, { type: 'acknowledged' });
    await ok(provider, id, { type: 'intakeInvited', intakeDate: '2027-01-06', location: 'Hoorn' });
    const future = await step(provider, id, { type: 'intakeHeld', heldOn: '2027-01-06', regularStartInTime: true });
    expect(future.status).toBe(422);
    expect(future.body.invalidParams[0].name).toBe('heldOn');
    await ok(provider, id, { type: 'intakeHeld', heldOn: '2027-01-04', regularStartInTime: true });
    const bad = await step(provider, id, { type: 'planSubmitted', content: aLearningPlan({ expectedDurationMonths: 0, weeklySchedule: { dayParts: 0, evening: false, weekend: false, online: false, blended: false } }) });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(['content.expectedDurationMonths', 'content.weeklySchedule.dayParts']);
  });

  it('optimistic locking: two people approving the same version at once — one succeeds, the other gets 409', async () => {
    const id = await referral();
    await ok(provider, id, { type: 'acknowledged' });
    await ok(provider, id, { type: 'intakeInvited', intakeDate: '2027-01-04', location: 'Hoorn' });
    await ok(provider, id, { type: 'intakeHeld', heldOn: '2027-01-04', regularStartInTime: true });
    await ok(provider, id, { type: 'planSubmitted', content: aLearningPlan() });
    const colleague = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    const { lockVersion } = (await consultant.get(`/api/v1/referrals/${id}`)).body;
    const [a, b] = await Promise.all([
      consultant.post(`/api/v1/referrals/${id}/events`, { type: 'planApproved', planVersion: 1, lockVersion }),
      colleague.post(`/api/v1/referrals/${id}/events`, { type: 'planApproved', planVersion: 1, lockVersion }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const plans = await t.koers.db.query<{ status: string }>('SELECT status FROM learning_plan WHERE referral_id = $1', [id]);
    expect(plans.map((p) => p.status)).toEqual(['approved']);
    const approvals = await t.koers.db.query(`SELECT 1 FROM referral_event WHERE referral_id = $1 AND type = 'planApproved'`, [id]);
    expect(approvals).toHaveLength(1);
  });

  it('R-REF-4: a start class is owed when the regular start does not fit, and may start before the plan is approved', async () => {
    const id = await referral();
    await ok(provider, id, { type: 'acknowledged' });
    await ok(provider, id, { type: 'intakeInvited', intakeDate: '2027-01-04', location: 'Hoorn' });
    const held = await ok(provider, id, { type: 'intakeHeld', heldOn: '2027-01-04', regularStartInTime: false });
    expect(held.pendingSteps.find((s: { step: string }) => s.step === 'startClassStart')).toMatchObject({ dueDate: '2027-01-11' });
    const inClass = await ok(provider, id, { type: 'startClassStarted', startedOn: '2027-01-04' });
    expect(inClass.status).toBe('intakeHeld');
    expect(inClass.startClassStartedOn).toBe('2027-01-04');
    expect(inClass.pendingSteps.map((s: { step: string }) => s.step).sort()).toEqual(['learningPlan', 'startClassEnd']);
    expect((await step(provider, id, { type: 'startClassStarted', startedOn: '2027-01-04' })).status).toBe(422);
  });

  it('issue #3 item 6: the contract\'s mail rules queue the acknowledgement for the municipality, and a breach once for the provider', async () => {
    const id = await referral();
    const mails = async () =>
      t.koers.db.query<{ subject: string; recipient: string; body: string }>(`SELECT subject, recipient, body FROM outbox WHERE body LIKE $1 ORDER BY created_at`, [`%${id}%`]);
    t.clock.setToday('2027-01-20'); // the acknowledgement was due 2027-01-11
    await runSignalEngine(t.koers.db, t.koers.contracts, t.clock.today());
    await runSignalEngine(t.koers.db, t.koers.contracts, t.clock.today());
    const breach = (await mails()).filter((m) => m.subject.includes('te laat'));
    expect(breach.map((m) => m.recipient)).toEqual([providerUser.email.toLowerCase()]);
    expect(breach[0]?.subject).toMatch(/ontvangst van de aanmelding bevestigen/);
    await ok(provider, id, { type: 'acknowledged' });
    const ack = (await mails()).filter((m) => m.subject.includes('ontvangst van de aanmelding bevestigd'));
    // Every consultant of the municipality is told (a colleague was added by an earlier test).
    expect(ack.map((m) => m.recipient)).toContain(consultantUser.email.toLowerCase());
    expect(ack.every((m) => m.recipient.startsWith("consultant."))).toBe(true);
    // No participant name and no BSN leave the system by mail.
    const name = (await consultant.get(`/api/v1/referrals/${id}`)).body.participant.givenName as string;
    for (const m of await mails()) expect(`${m.subject} ${m.body}`).not.toContain(name);
    t.clock.setToday('2027-01-04');
  });

  it('a stale lockVersion is refused with 409 even for a valid step', async () => {
    const id = await referral();
    const res = await provider.post(`/api/v1/referrals/${id}/events`, { type: 'acknowledged', lockVersion: 7 });
    expect(res.status).toBe(409);
  });
});
