// Issue #12 (R-PRT-2): the participant reads their own approved learning plan and downloads the copy
// they signed; before approval there is no plan to show and no PDF (404). Both reads are audited
// (R-SEC-2). Access per role: test/isolation.int.test.ts (test/support/progress-cases.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { A_PDF, aLearningPlan, aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');

describe(`the participant's own learning plan on ${DB_KIND}`, () => {
  let t: TestKoers;
  let consultant: Client;
  let coordinator: Client;
  let self: Client;
  let participantId = '';
  let referralId = '';

  const step = async (c: Client, body: Record<string, unknown>) => {
    const { lockVersion } = (await c.get(`/api/v1/referrals/${referralId}`)).body;
    const res = await c.post(`/api/v1/referrals/${referralId}/events`, { lockVersion, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-12-01' });
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    coordinator = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    const created = await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
    expect(created.status).toBe(201);
    participantId = created.body.id;
    referralId = created.body.referrals[0].id;
    self = await Client.loggedIn(t, await aUser(t, 'participant', undefined, participantId));
    await step(coordinator, { type: 'acknowledged' });
    await step(coordinator, { type: 'intakeInvited', intakeDate: t.clock.today(), location: 'Hoorn' });
    await step(coordinator, { type: 'intakeHeld', heldOn: t.clock.today(), regularStartInTime: true });
    await step(coordinator, { type: 'planSubmitted', content: aLearningPlan() });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('a submitted plan not yet approved is not shown, and there is no PDF', async () => {
    const res = await self.get(`/api/v1/participants/${participantId}/learning-plan`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ plan: null, signed: null });
    expect((await self.get(`/api/v1/participants/${participantId}/learning-plan/signed.pdf`)).status).toBe(404);
  });

  it('after approval and the signed upload the participant reads the plan and downloads the signed PDF', async () => {
    const approved = await step(consultant, { type: 'planApproved', planVersion: 1 });
    const upload = await coordinator.upload(`/api/v1/referrals/${referralId}/signed-learning-plan?lockVersion=${approved.lockVersion}`, A_PDF);
    expect(upload.status).toBe(201);
    const res = await self.get(`/api/v1/participants/${participantId}/learning-plan`);
    expect(res.status).toBe(200);
    expect(res.body.plan).toMatchObject({ version: 1, approvedOn: '2026-12-01', content: aLearningPlan() });
    expect(res.body.plan.providerName).toMatch(/Taalpunt/);
    expect(res.body.signed).toEqual({ uploadedOn: '2026-12-01' });
    const pdf = await self.get(`/api/v1/participants/${participantId}/learning-plan/signed.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('cache-control')).toBe('no-store');
    const audited = await t.koers.db.query<{ name: string }>(`SELECT name FROM audit_event WHERE actor_role = 'participant' AND status = 'ok' AND object_type IN ('learningPlan', 'document') ORDER BY started_at`);
    expect(audited.map((a) => a.name)).toEqual(['participant.read', 'participant.read', 'document.download']);
  });
});
