// R-REF-3, 001 §1.1 ("Gemeente neemt hierin het voortouw … afspraken … over een nieuw intakemoment"),
// issue #10 item 4: after an intake no-show the municipality leads. The provider's new invitation is
// refused until the consultant has recorded the agreed intake moment; then it is owed and accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, snapshot, startTestKoers, type TestKoers } from './support/koers.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
type Step = { step: string; party: string; dueDate: string };

describe(`the municipality agrees the new intake after a no-show on ${DB_KIND}`, () => {
  let t: TestKoers;
  let consultant: Client;
  let provider: Client;

  async function post(c: Client, id: string, body: Record<string, unknown>) {
    const detail = await c.get(`/api/v1/referrals/${id}`);
    return c.post(`/api/v1/referrals/${id}/events`, { lockVersion: detail.body.lockVersion, ...body });
  }
  const ok = async (c: Client, id: string, body: Record<string, unknown>) => {
    const res = await post(c, id, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const openSignals = async (id: string) =>
    t.koers.db.query<{ cause: string; period: string }>(`SELECT cause, period FROM signal WHERE subject_id = $1 AND status <> 'resolved' ORDER BY cause`, [id]);

  beforeAll(async () => {
    t = await startTestKoers({ today: '2027-01-04' });
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    provider = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('refuses the re-invitation (422, Dutch reason, nothing changed) until the consultant records the agreed moment, then accepts it', async () => {
    t.clock.setToday('2027-01-04');
    const created = await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
    const id: string = created.body.referrals[0].id;
    await ok(provider, id, { type: 'acknowledged' });
    await ok(provider, id, { type: 'intakeInvited', intakeDate: '2027-01-05', location: 'Hoorn' });
    t.clock.setToday('2027-01-06');
    const noShow = await ok(provider, id, { type: 'intakeNoShow', noShowOn: '2027-01-05' });
    expect(noShow.pendingSteps.map((s: Step) => `${s.party}:${s.step}`)).toEqual(['municipality:noShowFollowUp']);
    expect(noShow.possibleEvents).toEqual([]);

    // The provider may not plan the new intake on its own.
    const before = await snapshot(t);
    const early = await post(provider, id, { type: 'intakeInvited', intakeDate: '2027-01-12', location: 'Hoorn' });
    expect(early.status).toBe(422);
    expect(early.headers.get('content-type')).toContain('application/problem+json');
    expect(early.body.invalidParams).toEqual([
      { name: 'type', code: 'stepNotAllowed', reason: 'De gemeente spreekt na een no-show eerst een nieuw intakemoment af; daarna nodigt u opnieuw uit.' },
    ]);
    // Nor record the agreement: that is the municipality's step.
    const byProvider = await post(provider, id, { type: 'newIntakeAgreed', agreedIntakeDate: '2027-01-12' });
    expect(byProvider.status).toBe(422);
    expect(byProvider.body.detail).toBe('Deze stap zet de gemeente.');
    // The agreed moment is a planned date, not before the no-show.
    const beforeNoShow = await post(consultant, id, { type: 'newIntakeAgreed', agreedIntakeDate: '2027-01-04' });
    expect(beforeNoShow.status).toBe(422);
    expect(beforeNoShow.body.invalidParams).toEqual([{ name: 'agreedIntakeDate', code: 'beforeNoShow', reason: 'Het nieuwe intakemoment ligt vóór de no-show (5 januari 2027).' }]);
    const tooFar = await post(consultant, id, { type: 'newIntakeAgreed', agreedIntakeDate: '2029-01-12' });
    expect(tooFar.status).toBe(422);
    expect(tooFar.body.invalidParams[0]).toMatchObject({ name: 'agreedIntakeDate', code: 'tooFarAhead' });
    expect(await snapshot(t)).toEqual(before);
    expect((await openSignals(id)).map((s) => s.cause)).toEqual(['referral.noShowFollowUp']);

    const consultantView = await consultant.get(`/api/v1/referrals/${id}`);
    expect(consultantView.body.possibleEvents).toEqual(['newIntakeAgreed']);
    const agreed = await ok(consultant, id, { type: 'newIntakeAgreed', agreedIntakeDate: '2027-01-12', note: 'Telefonisch afgesproken met de inburgeraar.' });
    expect(agreed.status).toBe('intakeNoShow');
    expect(agreed.intake).toMatchObject({ noShowOn: '2027-01-05', newIntakeAgreedOn: '2027-01-06', agreedIntakeDate: '2027-01-12' });
    // The municipality's signal resolves; the provider's invitation is owed within the contract's
    // invitation term (10 working days in Westfriesland) counted from the agreement (docs/contracts.md).
    expect(agreed.pendingSteps).toEqual([{ step: 'intakeInvitation', party: 'provider', dueDate: '2027-01-20', urgency: 'later' }]);
    expect((await openSignals(id)).map((s) => s.cause)).toEqual(['referral.intakeInvitation']);
    expect(agreed.events.at(-1)).toMatchObject({ type: 'newIntakeAgreed', actorName: 'Test consultant', organisationName: 'Hoorn', details: { agreedIntakeDate: '2027-01-12', note: 'Telefonisch afgesproken met de inburgeraar.' } });
    expect(agreed.possibleEvents).toEqual([]);
    const again = await post(consultant, id, { type: 'newIntakeAgreed', agreedIntakeDate: '2027-01-13' });
    expect(again.status).toBe(422);
    expect(again.body.detail).toBe('Het nieuwe intakemoment is al afgesproken.');

    expect((await provider.get(`/api/v1/referrals/${id}`)).body.possibleEvents).toEqual(['intakeInvited']);
    const invited = await ok(provider, id, { type: 'intakeInvited', intakeDate: '2027-01-12', location: 'Hoorn' });
    expect(invited.status).toBe('intakeInvited');
    expect(await openSignals(id)).toEqual([{ cause: 'referral.intakeResult', period: '2027-01-12' }]);
  });

  it('a second no-show asks the municipality again: the first agreement does not count for it', async () => {
    t.clock.setToday('2027-01-04');
    const created = await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
    const id: string = created.body.referrals[0].id;
    await ok(provider, id, { type: 'acknowledged' });
    await ok(provider, id, { type: 'intakeInvited', intakeDate: '2027-01-05', location: 'Hoorn' });
    t.clock.setToday('2027-01-06');
    await ok(provider, id, { type: 'intakeNoShow', noShowOn: '2027-01-05' });
    await ok(consultant, id, { type: 'newIntakeAgreed', agreedIntakeDate: '2027-01-06' });
    await ok(provider, id, { type: 'intakeInvited', intakeDate: '2027-01-06', location: 'Hoorn' });
    const second = await ok(provider, id, { type: 'intakeNoShow', noShowOn: '2027-01-06' });
    expect(second.intake).toMatchObject({ newIntakeAgreedOn: null, agreedIntakeDate: null });
    expect(second.pendingSteps.map((s: Step) => `${s.party}:${s.step}`)).toEqual(['municipality:noShowFollowUp']);
    expect((await post(provider, id, { type: 'intakeInvited', intakeDate: '2027-01-13', location: 'Hoorn' })).status).toBe(422);
  });
});
