// Issue #12 (R-HRS-1; 001 §3 "De praktijkopdrachten mogen meetellen in de taaluren"): GET
// /participants/:id/hours shows the participation activities per hour kind beside the route's hours, and
// counts them toward the hour milestones only where the contract says so (progress.activityHoursCount):
// Centraal Gelderland counts the MAP practical part, Westfriesland (000 has no such passage) none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

type Region = 'cg' | 'wf';
const ROOMS: Record<Region, { municipality: string; provider: string }> = {
  cg: { municipality: 'arnhem', provider: 'nederlands-de-baas' },
  wf: { municipality: 'hoorn', provider: 'werkwijs-participatie' },
};

describe(`participation hours beside the route's hours on ${DB_KIND}`, () => {
  let t: TestKoers;
  const of = {} as Record<Region, { id: string; referralId: string; consultant: Client; coordinator: Client }>;

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-06-01' });
    for (const region of ['cg', 'wf'] as const) {
      const consultant = await Client.loggedIn(t, await aUser(t, 'consultant', ROOMS[region].municipality));
      const coordinator = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', ROOMS[region].provider));
      const created = await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: organisationId('provider', ROOMS[region].provider), productCode: 'map' } }));
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      of[region] = { id: created.body.id, referralId: created.body.referrals[0].id, consultant, coordinator };
    }
    t.clock.setToday('2026-12-23');
    for (const region of ['cg', 'wf'] as const) {
      const { id, referralId, coordinator } = of[region];
      // 190 hours pushed in June: ten short of the 200-hour milestone.
      const items = Array.from({ length: 19 }, (_, i) => ({ externalId: `${region}-${i}`, participantId: id, referralId, date: `2026-06-${String(2 + i).padStart(2, '0')}`, kind: 'language', minutes: 600 }));
      const pushed = await coordinator.request('POST', '/api/v1/hours-batches', { items }, { 'idempotency-key': `hours-${region}` });
      expect(pushed.status, JSON.stringify(pushed.body)).toBe(201);
      // 30 hours of work experience (the MAP practical part) and 5 of work orientation (participation).
      for (const [kind, minutes, date] of [['workExperience', 1800, '2026-12-10'], ['workOrientation', 300, '2026-12-11']] as const) {
        const res = await coordinator.post(`/api/v1/participants/${id}/participation-activities`, { referralId, kind, organisation: 'Bakkerij Vink', startDate: date, endDate: date, minutes });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }
    }
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('Centraal Gelderland: the MAP practical hours count toward the 200-hour milestone, reached the day they took it past', async () => {
    const res = await of.cg.consultant.get(`/api/v1/participants/${of.cg.id}/hours`);
    expect(res.status).toBe(200);
    expect(res.body.activities).toEqual({ totalMinutes: 2100, byHourKind: { participation: 300, mapPractical: 1800, internship: 0 }, countedForMilestones: ['mapPractical'] });
    // The route's own hours are unchanged: the activities stand beside them.
    expect(res.body.totalMinutes).toBe(190 * 60);
    expect(res.body.byKind.language).toBe(190 * 60);
    expect(res.body.milestones[0]).toEqual({ hours: 200, reachedOn: '2026-12-10' });
    expect(res.body.milestones[1]).toEqual({ hours: 400, reachedOn: null });
  });

  it('Westfriesland: the same activities are shown, none counts, so the 200-hour milestone is not reached', async () => {
    const res = await of.wf.consultant.get(`/api/v1/participants/${of.wf.id}/hours`);
    expect(res.status).toBe(200);
    expect(res.body.activities).toEqual({ totalMinutes: 2100, byHourKind: { participation: 300, mapPractical: 1800, internship: 0 }, countedForMilestones: [] });
    expect(res.body.totalMinutes).toBe(190 * 60);
    expect(res.body.milestones[0]).toEqual({ hours: 200, reachedOn: null });
  });

  it("the participant reads their own; another municipality's consultant gets 404", async () => {
    const self = await Client.loggedIn(t, await aUser(t, 'participant', undefined, of.cg.id));
    expect((await self.get(`/api/v1/participants/${of.cg.id}/hours`)).body.activities.byHourKind.mapPractical).toBe(1800);
    expect((await of.wf.consultant.get(`/api/v1/participants/${of.cg.id}/hours`)).status).toBe(404);
  });
});
