// R-REF-1 (issue #10 item 3, "is this referral still open"): a referral blocks a new one for the same
// product only while it is open. After the route ended or the participant dropped out (R-RTE-3,
// R-END-1) the consultant may refer again; an open referral still refuses a second one (409).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');

describe(`a new referral after the route ended on ${DB_KIND}`, () => {
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

  async function referred(): Promise<string> {
    t.clock.setToday('2026-03-02');
    const res = await consultant.post('/api/v1/participants', aParticipantInput({ dutyStartDate: '2026-01-01', dutyEndDate: '2028-12-31', referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  const referAgain = (participantId: string) => consultant.post('/api/v1/referrals', { participantId, providerId: TAALPUNT, productCode: 'b1_language' });

  it('an open referral still refuses a second one for the same product (409)', async () => {
    const id = await referred();
    const again = await referAgain(id);
    expect(again.status).toBe(409);
    expect(again.body.invalidParams[0]).toMatchObject({ name: 'productCode', code: 'alreadyReferred' });
  });

  it('a referral on hold is still open: a second one is refused', async () => {
    const id = await referred();
    t.clock.setToday('2026-05-04');
    const hold = await provider.post(`/api/v1/participants/${id}/route-events`, { type: 'onHold', on: '2026-05-04', reason: 'illness', expectedEndOn: '2026-07-01' });
    expect(hold.status, JSON.stringify(hold.body)).toBe(201);
    expect((await referAgain(id)).status).toBe(409);
  });

  it('after a drop-out the participant can be referred for the product again', async () => {
    const id = await referred();
    t.clock.setToday('2026-05-04');
    const out = await provider.post(`/api/v1/participants/${id}/route-events`, { type: 'droppedOut', on: '2026-05-01', reason: 'medical' });
    expect(out.status, JSON.stringify(out.body)).toBe(201);
    const again = await referAgain(id);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body).toMatchObject({ status: 'referred', referredOn: '2026-05-04' });
    // The new referral is open in its turn.
    expect((await referAgain(id)).status).toBe(409);
  });

  it('after the route ended the participant can be referred for the product again', async () => {
    const id = await referred();
    t.clock.setToday('2026-06-01');
    const ended = await provider.post(`/api/v1/participants/${id}/route-events`, { type: 'routeEnded', on: '2026-05-29' });
    expect(ended.status, JSON.stringify(ended.body)).toBe(201);
    expect((await referAgain(id)).status).toBe(201);
  });
});
