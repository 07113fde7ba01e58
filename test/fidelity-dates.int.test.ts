// Issue #10 item 4, dates that cannot be (src/domain/fact-dates.ts): refused with a Dutch reason on the
// field (422 problem+json, invalidParams name = the field) and nothing changes. A route change dated
// before the term starts (R-RTE-1), a 400-hour progress test dated before the referral (R-HRS-2), an
// intake planned in 2029 and an intake held before the referral (R-REF-2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, snapshot, startTestKoers, type TestKoers } from './support/koers.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');

describe(`impossible dates are refused on the field on ${DB_KIND}`, () => {
  let t: TestKoers;
  let consultant: Client;
  let provider: Client;

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-03-02' });
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    provider = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** A participant whose term starts on 2026-01-01, referred on 2026-03-02. */
  async function referred(): Promise<{ participantId: string; referralId: string }> {
    t.clock.setToday('2026-03-02');
    const res = await consultant.post('/api/v1/participants', aParticipantInput({ dutyStartDate: '2026-01-01', dutyEndDate: '2028-12-31', referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { participantId: res.body.id as string, referralId: res.body.referrals[0].id as string };
  }

  async function step(referralId: string, body: Record<string, unknown>) {
    const detail = await provider.get(`/api/v1/referrals/${referralId}`);
    return provider.post(`/api/v1/referrals/${referralId}/events`, { lockVersion: detail.body.lockVersion, ...body });
  }

  /** The answer is a 422 problem naming the field, and no table changed. */
  async function expectRefusedOn(send: () => Promise<{ status: number; headers: Headers; body: any }>, field: string, code: string, reason: RegExp): Promise<void> {
    const before = await snapshot(t);
    const res = await send();
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.invalidParams).toEqual([expect.objectContaining({ name: field, code, reason: expect.stringMatching(reason) })]);
    expect(await snapshot(t)).toEqual(before);
  }

  it('R-RTE-1: a route change dated before the term starts is refused on "on"; one inside the term passes', async () => {
    const p = await referred();
    t.clock.setToday('2026-06-01');
    const route = (on: string) => consultant.post(`/api/v1/participants/${p.participantId}/route-events`, { type: 'routeChanged', on, toRoute: 'z', reason: 'Leerbaarheid lager dan gedacht.' });
    await expectRefusedOn(() => route('2025-12-15'), 'on', 'beforeTerm', /vóór het begin van de inburgeringstermijn \(1 januari 2026\)/);
    expect((await route('2026-05-29')).status).toBe(201);
  });

  it('R-RTE-3: a drop-out dated before the referral is refused on "on"', async () => {
    const p = await referred();
    t.clock.setToday('2026-06-01');
    await expectRefusedOn(() => provider.post(`/api/v1/participants/${p.participantId}/route-events`, { type: 'droppedOut', on: '2026-02-27', reason: 'medical' }), 'on', 'beforeReferral', /vóór de aanmelding \(2 maart 2026\)/);
  });

  it('R-HRS-2: a 400-hour progress test dated before the referral is refused on "takenOn"; one after it passes', async () => {
    const p = await referred();
    t.clock.setToday('2026-09-01');
    const test = (takenOn: string) => provider.post(`/api/v1/participants/${p.participantId}/progress-tests`, { takenOn, milestoneHours: 400, results: { reading: 'A2', writing: 'A2', listening: 'B1', speaking: 'A2' } });
    await expectRefusedOn(() => test('2026-02-20'), 'takenOn', 'beforeReferral', /vóór de aanmelding/);
    expect((await test('2026-08-28')).status).toBe(201);
  });

  it('R-REF-2: an intake planned in 2029 is refused on "intakeDate" (check the year); one in three weeks passes', async () => {
    const p = await referred();
    expect((await step(p.referralId, { type: 'acknowledged' })).status).toBe(200);
    await expectRefusedOn(() => step(p.referralId, { type: 'intakeInvited', intakeDate: '2029-03-16', location: 'Hoorn' }), 'intakeDate', 'tooFarAhead', /meer dan 6 maanden vooruit.*jaartal/);
    expect((await step(p.referralId, { type: 'intakeInvited', intakeDate: '2026-03-23', location: 'Hoorn' })).status).toBe(200);
  });

  it('R-REF-2: an intake held before the referral is refused on "heldOn"', async () => {
    const p = await referred();
    expect((await step(p.referralId, { type: 'acknowledged' })).status).toBe(200);
    expect((await step(p.referralId, { type: 'intakeInvited', intakeDate: '2026-03-02', location: 'Hoorn' })).status).toBe(200);
    await expectRefusedOn(() => step(p.referralId, { type: 'intakeHeld', heldOn: '2026-02-26', regularStartInTime: true }), 'heldOn', 'beforeReferral', /vóór de aanmelding/);
  });
});
