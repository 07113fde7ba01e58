// R-REF-2: at every status of the lifecycle, every step that the rules refuse is refused by the API
// too (422, nothing changed), for both parties; then the path moves on with the one step taken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide, LifecycleEvents, type LifecycleEvent, type Party } from '../src/domain/lifecycle.js';
import { organisationId } from '../src/features/organisations/store.js';
import { A_PDF, aLearningPlan, aParticipantInput, aUser, Client, DB_KIND, snapshot, startTestKoers, type TestKoers } from './support/koers.js';

const bodyFor = (event: LifecycleEvent): Record<string, unknown> => {
  switch (event) {
    case 'acknowledged':
    case 'planSigned':
      return {};
    case 'intakeInvited':
      return { intakeDate: '2027-01-04', location: 'Hoorn' };
    case 'intakeHeld':
      return { heldOn: '2027-01-04', regularStartInTime: true };
    case 'intakeNoShow':
      return { noShowOn: '2027-01-04' };
    case 'newIntakeAgreed':
      return { agreedIntakeDate: '2027-01-11', note: 'Telefonisch afgesproken.' };
    case 'planSubmitted':
      return { content: aLearningPlan() };
    case 'planApproved':
      return { planVersion: 1 };
    case 'planReturned':
      return { planVersion: 1, remarks: 'Aanpassen.' };
    case 'startClassStarted':
    case 'started':
      return { startedOn: '2027-01-04' };
  }
};

const PATH: [LifecycleEvent, Party][] = [
  ['acknowledged', 'provider'],
  ['intakeInvited', 'provider'],
  ['intakeNoShow', 'provider'],
  // R-REF-3, 001 §1.1: the municipality agrees the new moment before the provider invites again.
  ['newIntakeAgreed', 'municipality'],
  ['intakeInvited', 'provider'],
  ['intakeHeld', 'provider'],
  ['planSubmitted', 'provider'],
  ['planApproved', 'municipality'],
  ['planSigned', 'provider'],
  ['started', 'provider'],
];

describe(`every refused transition on ${DB_KIND}`, () => {
  let t: TestKoers;
  const clients = new Map<Party, Client>();
  beforeAll(async () => {
    t = await startTestKoers({ today: '2027-01-04' });
    clients.set('municipality', await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn')));
    clients.set('provider', await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland')));
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('refuses, at each status, what the rules refuse; allows the path', async () => {
    const consultant = clients.get('municipality') as Client;
    const created = await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: organisationId('provider', 'taalpunt-westfriesland'), productCode: 'b1_language' } }));
    const id: string = created.body.referrals[0].id;
    let refused = 0;
    for (const [next, nextParty] of [...PATH, [null, null] as const]) {
      const detail = (await consultant.get(`/api/v1/referrals/${id}`)).body;
      const facts = { status: detail.status, startClassStartedOn: detail.startClassStartedOn, newIntakeAgreed: detail.intake.newIntakeAgreedOn !== null };
      for (const party of ['municipality', 'provider'] as const) {
        const c = clients.get(party) as Client;
        // What the UI offers this party is exactly what the rules allow.
        expect((await c.get(`/api/v1/referrals/${id}`)).body.possibleEvents).toEqual(LifecycleEvents.filter((e) => decide(facts, e, party).ok));
        for (const event of LifecycleEvents) {
          if (event === 'planSigned' || decide(facts, event, party).ok) continue;
          const before = await snapshot(t);
          const res = await c.post(`/api/v1/referrals/${id}/events`, { type: event, lockVersion: detail.lockVersion, ...bodyFor(event) });
          expect(res.status, `${party} ${event} at ${detail.status}`).toBe(422);
          expect(await snapshot(t)).toEqual(before);
          refused += 1;
        }
      }
      if (next === null) break;
      const c = clients.get(nextParty) as Client;
      const res =
        next === 'planSigned'
          ? await c.upload(`/api/v1/referrals/${id}/signed-learning-plan?lockVersion=${detail.lockVersion}`, A_PDF)
          : await c.post(`/api/v1/referrals/${id}/events`, { type: next, lockVersion: detail.lockVersion, ...bodyFor(next) });
      expect(res.status, `${nextParty} ${next} at ${detail.status}`).toBeLessThan(300);
    }
    // 10 statuses × 2 parties × the refused events: a count that only moves when the rules do.
    expect(refused).toBeGreaterThan(150);
  });
});
