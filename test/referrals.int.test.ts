// R-REF-1, R-REF-2 (first steps), R-CON-3, R-SIG-1 on a real database (PGlite or PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { runSignalEngine } from '../src/features/referrals/signal-engine.js';
import { aParticipantInput, aUser, Client, DB_KIND, snapshot, startTestKoers, type TestKoers } from './support/koers.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
const LEERHUIS = organisationId('provider', 'leerhuis-noord');

describe(`referrals on ${DB_KIND}`, () => {
  let t: TestKoers;
  let consultant: Client;
  let provider: Client;

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-12-23' });
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    provider = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('R-CON-3: a referral made on 2026-12-23 must be acknowledged by 2026-12-31 (5 working days over Christmas)', async () => {
    const res = await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
    expect(res.status).toBe(201);
    expect(res.body.referrals).toHaveLength(1);
    expect(res.body.referrals[0]).toMatchObject({ status: 'referred', referredOn: '2026-12-23', acknowledgementDueDate: '2026-12-31', contractId: 'westfriesland' });
  });

  it('R-REF-1: a referral to a provider not contracted for the product is refused with a problem naming the reason, and nothing is stored', async () => {
    const before = await snapshot(t);
    const res = await consultant.post('/api/v1/participants', aParticipantInput({ route: 'z', referral: { providerId: LEERHUIS, productCode: 'z_language' } }));
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.invalidParams).toEqual([expect.objectContaining({ name: 'referral.providerId', code: 'providerNotContracted' })]);
    expect(res.body.detail).toMatch(/niet gecontracteerd/);
    // The participant of the same request is not stored either: one transaction.
    expect(await snapshot(t)).toEqual(before);
  });

  it('R-REF-1: refusing a referral of an existing participant stores nothing', async () => {
    const created = await consultant.post('/api/v1/participants', aParticipantInput({ route: 'z' }));
    expect(created.status).toBe(201);
    const before = await snapshot(t);
    const res = await consultant.post('/api/v1/referrals', { participantId: created.body.id, providerId: LEERHUIS, productCode: 'z_language' });
    expect(res.status).toBe(422);
    expect(res.body.invalidParams[0]).toMatchObject({ name: 'providerId', code: 'providerNotContracted' });
    expect(await snapshot(t)).toEqual(before);
  });

  it('refuses a second open referral for the same product (409)', async () => {
    const created = await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
    const again = await consultant.post('/api/v1/referrals', { participantId: created.body.id, providerId: TAALPUNT, productCode: 'b1_language' });
    expect(again.status).toBe(409);
  });

  it('R-REF-2: the provider sees the referral and acknowledges it once; a second acknowledgement is a conflict', async () => {
    const created = await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
    const referralId: string = created.body.referrals[0].id;
    const incoming = await provider.get('/api/v1/referrals?status=referred');
    expect(incoming.status).toBe(200);
    expect(incoming.body.items.map((r: { id: string }) => r.id)).toContain(referralId);
    const ack = await provider.post(`/api/v1/referrals/${referralId}/acknowledgement`);
    expect(ack.status).toBe(200);
    expect(ack.body.status).toBe('acknowledged');
    expect(ack.body.acknowledgedAt).not.toBeNull();
    expect((await provider.post(`/api/v1/referrals/${referralId}/acknowledgement`)).status).toBe(409);
    const seen = await consultant.get(`/api/v1/participants/${created.body.id}`);
    expect(seen.body.referrals[0].status).toBe('acknowledged');
  });

  it('R-SIG-1: the pending acknowledgement is one signal for the provider; it is breached once after its due date, however often the engine runs, and resolves on acknowledgement', async () => {
    const created = await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
    const referralId: string = created.body.referrals[0].id;
    const mine = async () => (await provider.get('/api/v1/signals?status=all')).body.items.filter((s: { referralId: string }) => s.referralId === referralId);
    const breaches = async () => (await t.koers.db.query<{ breached_on: string | null }>('SELECT breached_on FROM signal WHERE subject_id = $1', [referralId])).map((r) => r.breached_on);

    const pending = await mine();
    expect(pending).toHaveLength(1);
    // Due in 8 days: not this week, later.
    expect(pending[0]).toMatchObject({ cause: 'referral.acknowledgement', step: 'acknowledgement', status: 'open', dueDate: '2026-12-31', addressee: 'provider', urgency: 'later' });

    t.clock.setToday('2026-12-31'); // the due date itself: not yet overdue
    await runSignalEngine(t.koers.db, t.koers.contracts, t.clock.today());
    expect(await breaches()).toEqual([null]);

    t.clock.setToday('2027-01-04');
    for (let i = 0; i < 3; i++) await runSignalEngine(t.koers.db, t.koers.contracts, t.clock.today());
    const raised = await mine();
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ status: 'open', dueDate: '2026-12-31', urgency: 'overdue' });
    expect(await breaches()).toEqual(['2027-01-04']);
    // Another provider does not see it.
    const other = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'leerhuis-noord'));
    expect((await other.get('/api/v1/signals?status=all')).body.items.some((s: { referralId: string }) => s.referralId === referralId)).toBe(false);

    await provider.post(`/api/v1/referrals/${referralId}/acknowledgement`);
    const after = await mine();
    expect(after.find((s: { step: string }) => s.step === 'acknowledgement')).toMatchObject({ status: 'resolved', resolvedOn: '2027-01-04' });
    // The next step is now owed: the intake invitation, 10 working days after the referral (001 §1.1).
    expect(after.find((s: { step: string }) => s.step === 'intakeInvitation')).toMatchObject({ status: 'open', dueDate: '2027-01-08' });
    t.clock.setToday('2026-12-23');
  });

  it('R-CON-10: the deadline is stored with the referral, so it does not move when the date the system believes changes', async () => {
    t.clock.setToday('2026-12-23');
    const created = await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
    t.clock.setToday('2027-02-01');
    const later = await consultant.get(`/api/v1/participants/${created.body.id}`);
    expect(later.body.referrals[0].acknowledgementDueDate).toBe('2026-12-31');
    t.clock.setToday('2026-12-23');
  });

  it('referral options list only providers contracted for a product the municipality takes', async () => {
    const res = await consultant.get('/api/v1/referral-options');
    expect(res.status).toBe(200);
    const leerhuis = res.body.providers.find((p: { id: string }) => p.id === LEERHUIS);
    expect(leerhuis.productCodes).toEqual(['b1_language']);
  });
});
