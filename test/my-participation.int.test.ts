// Issue #12 (R-PRT-2, R-MAP-1, R-HRS-1): the participant's page "Mijn activiteiten" reads
// GET /participants/:id/my-participation — their activities with kind, place, dates and hours, the hours
// per kind, and for a MAP the eight themes and the practical part against 40 hours; without the
// provider's note or who typed it in. Audited (R-SEC-2). Access per role: test/isolation.int.test.ts
// (test/support/portal-participation-cases.ts). The home's provider says whether it is a language school.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const WERKWIJS = organisationId('provider', 'werkwijs-participatie');
const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
const TODAY = '2026-12-23';

describe(`the participant's own participation activities on ${DB_KIND}`, () => {
  let t: TestKoers;
  let consultant: Client;
  let werkwijs: Client;

  const participant = async (productCode: string, providerId: string) => {
    const created = await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId, productCode } }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id: string = created.body.id;
    return { id, referralId: created.body.referrals[0].id as string, self: await Client.loggedIn(t, await aUser(t, 'participant', undefined, id)) };
  };

  beforeAll(async () => {
    t = await startTestKoers({ today: TODAY });
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    werkwijs = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'werkwijs-participatie'));
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('a MAP participant without activities reads no activities, eight themes not started and 0 of 40 practical hours', async () => {
    const p = await participant('map', WERKWIJS);
    const res = await p.self.get(`/api/v1/participants/${p.id}/my-participation`);
    expect(res.status).toBe(200);
    expect(res.body.activities).toEqual([]);
    expect(res.body.totalMinutes).toBe(0);
    expect(res.body.map.themes).toHaveLength(8);
    expect(res.body.map.themes.every((th: { status: string }) => th.status === 'notStarted')).toBe(true);
    expect(res.body.map.practical).toEqual({ minutes: 0, requiredMinutes: 2400, met: false, remainingMinutes: 2400 });
    // The home names a MAP provider as such, not as "uw taalschool" (R-PRT-1).
    const home = await p.self.get(`/api/v1/participants/${p.id}/progress`);
    expect(home.body.provider).toMatchObject({ work: true });
    expect(home.body.provider.name).toMatch(/WerkWijs/);
  });

  it('reads what the provider registered, hours per kind and the themes; no note, no name of who typed it; audited', async () => {
    const p = await participant('map', WERKWIJS);
    const add = (body: Record<string, unknown>) => werkwijs.post(`/api/v1/participants/${p.id}/participation-activities`, { referralId: p.referralId, startDate: TODAY, endDate: TODAY, ...body });
    expect((await add({ kind: 'workExperience', organisation: 'Bakkerij Vink', minutes: 39 * 60, note: 'Interne notitie' })).status).toBe(201);
    expect((await add({ kind: 'localActivity', organisation: 'Buurthuis De Kolk', localFacility: true, localFacilityName: 'Taalcafé De Kolk', minutes: 90 })).status).toBe(201);
    expect((await werkwijs.request('PUT', `/api/v1/participants/${p.id}/map-themes/network`, { referralId: p.referralId, status: 'done' })).status).toBe(200);
    const before = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE name = 'participation.read' AND status = 'ok'`);

    const res = await p.self.get(`/api/v1/participants/${p.id}/my-participation`);
    expect(res.status).toBe(200);
    expect(res.body.activities.map((a: { kind: string; organisation: string; localFacilityName: string | null; minutes: number }) => [a.kind, a.organisation, a.localFacilityName, a.minutes])).toEqual([
      ['workExperience', 'Bakkerij Vink', null, 2340],
      ['localActivity', 'Buurthuis De Kolk', 'Taalcafé De Kolk', 90],
    ]);
    expect(res.body.activities[0]).toMatchObject({ startDate: TODAY, endDate: TODAY });
    expect(res.body.activities[0].providerName).toMatch(/WerkWijs/);
    expect(JSON.stringify(res.body)).not.toMatch(/Interne notitie|Test providerCoordinator/);
    expect(res.body.totalMinutes).toBe(2430);
    expect(res.body.byActivityKind).toMatchObject({ workExperience: 2340, localActivity: 90, volunteering: 0 });
    // 39 hours of work experience: the practical part is one hour short (local activities do not count).
    expect(res.body.map.practical).toEqual({ minutes: 2340, requiredMinutes: 2400, met: false, remainingMinutes: 60 });
    expect(res.body.map.done).toBe(1);
    expect(res.body.map.themes.find((th: { theme: string }) => th.theme === 'network').status).toBe('done');
    const after = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE name = 'participation.read' AND status = 'ok'`);
    expect((after[0]?.n ?? 0) - (before[0]?.n ?? 0)).toBe(1);
  });

  it('a participant in language lessons only has no MAP part; another participant\'s page is 404', async () => {
    const p = await participant('b1_language', TAALPUNT);
    const res = await p.self.get(`/api/v1/participants/${p.id}/my-participation`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ activities: [], totalMinutes: 0, map: null });
    expect((await p.self.get(`/api/v1/participants/${p.id}/progress`)).body.provider).toMatchObject({ work: false });
    const other = await participant('map', WERKWIJS);
    expect((await p.self.get(`/api/v1/participants/${other.id}/my-participation`)).status).toBe(404);
  });
});
