// Participation activities, hours per kind, the participation ladder and the 200-hour meeting (issue
// #12: R-MAP-1, R-MAP-2, R-MAP-4, R-HRS-1, R-HRS-2). The participant is referred to WerkWijs
// Participatie for the Z-route participation and MAP, and to Taalpunt for the Z-route language: the
// participation provider writes, the language provider reads but cannot change, another provider gets
// 404, the consultant reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, snapshot, startTestKoers, type TestKoers } from './support/koers.js';

const WERKWIJS = organisationId('provider', 'werkwijs-participatie');
const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');

describe(`participation on ${DB_KIND}`, () => {
  let t: TestKoers;
  let consultant: Client;
  let werkwijs: Client;
  let taalpunt: Client;
  let leerhuis: Client;
  let participantId: string;
  let zParticipation: string;
  let mapReferral: string;
  let languageReferral: string;

  const activity = (over: Record<string, unknown> = {}) => ({
    referralId: zParticipation,
    kind: 'volunteering',
    organisation: 'Voedselbank Hoorn',
    startDate: '2027-02-01',
    endDate: '2027-02-28',
    minutes: 20 * 60,
    ...over,
  });
  const activities = (c: Client) => c.get(`/api/v1/participants/${participantId}/participation-activities`);
  const register = (c: Client, body: Record<string, unknown>) => c.post(`/api/v1/participants/${participantId}/participation-activities`, body);
  const meetingSignals = () =>
    t.koers.db.query<{ period: string; providerId: string }>(`SELECT period, provider_id AS "providerId" FROM signal WHERE cause = 'participation.meetingDue' AND subject_id = $1 ORDER BY period`, [participantId]);

  beforeAll(async () => {
    t = await startTestKoers({ today: '2027-01-04' });
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    werkwijs = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'werkwijs-participatie'));
    taalpunt = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    leerhuis = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'leerhuis-noord'));
    const res = await consultant.post('/api/v1/participants', aParticipantInput({ route: 'z', referral: { providerId: TAALPUNT, productCode: 'z_language' } }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    participantId = res.body.id;
    languageReferral = res.body.referrals[0].id;
    const refer = async (productCode: string) => {
      const r = await consultant.post('/api/v1/referrals', { participantId, providerId: WERKWIJS, productCode });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.id as string;
    };
    zParticipation = await refer('z_participation');
    mapReferral = await refer('map');
    t.clock.setToday('2027-06-01');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('the participation provider registers an activity; everyone who sees the participant lists it', async () => {
    const res = await register(werkwijs, activity({ localFacility: true, localFacilityName: 'Buurthuis De Kern' }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ version: 1, kind: 'volunteering', hourKind: 'participation', productKind: 'participation', minutes: 1200, localFacilityName: 'Buurthuis De Kern', providerName: 'WerkWijs Participatie' });
    for (const reader of [werkwijs, taalpunt, consultant]) {
      const list = await activities(reader);
      expect(list.status).toBe(200);
      expect(list.body.items.map((a: { id: string }) => a.id)).toContain(res.body.id);
    }
    const audit = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE name = 'participation.record' AND status = 'ok' AND object_id = $1`, [res.body.id]);
    expect(audit[0]?.n).toBe(1);
  });

  it('the language provider reads but cannot write (403), another provider gets 404, and neither changes anything', async () => {
    const before = await snapshot(t);
    const rows = () => t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM participation_activity`);
    const n = (await rows())[0]?.n;
    const asLanguage = await register(taalpunt, activity({ referralId: languageReferral }));
    expect(asLanguage.status).toBe(403);
    expect(asLanguage.headers.get('content-type')).toContain('application/problem+json');
    expect(asLanguage.body.detail).toContain('participatie- of MAP-aanbieder');
    // The language provider cannot borrow the participation referral either: it is not its own.
    expect((await register(taalpunt, activity())).status).toBe(422);
    const ladder = await taalpunt.post(`/api/v1/participants/${participantId}/participation-ladder`, { referralId: languageReferral, step: 2, moment: 'atReferral', recordedOn: '2027-01-04' });
    expect(ladder.status).toBe(403);
    const existing = (await activities(werkwijs)).body.items[0];
    const correct = await taalpunt.request('PUT', `/api/v1/participation-activities/${existing.id}`, { ...activity(), referralId: undefined, version: existing.version, minutes: 1 });
    expect(correct.status).toBe(403);
    expect((await activities(leerhuis)).status).toBe(404);
    expect((await register(leerhuis, activity())).status).toBe(404);
    expect((await leerhuis.request('PUT', `/api/v1/participation-activities/${existing.id}`, { ...activity(), referralId: undefined, version: 1 })).status).toBe(404);
    expect((await register(consultant, activity())).status).toBe(404);
    expect((await rows())[0]?.n).toBe(n);
    expect(await snapshot(t)).toEqual(before);
  });

  it('bad input is a 400 with Dutch reasons naming the field, and stores nothing', async () => {
    const rows = () => t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM participation_activity`);
    const n = (await rows())[0]?.n;
    const backwards = await register(werkwijs, activity({ startDate: '2027-03-10', endDate: '2027-03-01' }));
    expect(backwards.status).toBe(400);
    expect(backwards.headers.get('content-type')).toContain('application/problem+json');
    expect(backwards.body.invalidParams).toContainEqual(expect.objectContaining({ name: 'endDate', reason: 'De einddatum ligt vóór de begindatum.' }));
    const zero = await register(werkwijs, activity({ minutes: 0, kind: 'sport' }));
    expect(zero.status).toBe(400);
    const names = zero.body.invalidParams.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['minutes', 'kind']));
    const future = await register(werkwijs, activity({ endDate: '2027-06-02' }));
    expect(future.status).toBe(422);
    expect(future.body.invalidParams[0]).toMatchObject({ name: 'endDate', code: 'future' });
    expect((await register(werkwijs, activity({ startDate: '2027-01-01' }))).body.invalidParams[0]).toMatchObject({ name: 'startDate', code: 'beforeReferral' });
    expect((await rows())[0]?.n).toBe(n);
  });

  it('a correction adds a version and keeps the old one; a stale version is a 409', async () => {
    const created = (await register(werkwijs, activity({ kind: 'workOrientation', minutes: 120 }))).body;
    const fields = { kind: 'workOrientation', organisation: 'Gemeente Hoorn, werkplein', startDate: '2027-02-01', endDate: '2027-02-28', minutes: 180 };
    const corrected = await werkwijs.request('PUT', `/api/v1/participation-activities/${created.id}`, { ...fields, version: 1 });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.body).toMatchObject({ id: created.id, version: 2, minutes: 180, organisation: 'Gemeente Hoorn, werkplein' });
    const stale = await werkwijs.request('PUT', `/api/v1/participation-activities/${created.id}`, { ...fields, minutes: 60, version: 1 });
    expect(stale.status).toBe(409);
    const versions = await t.koers.db.query<{ version: number; minutes: number; superseded: boolean }>(`SELECT version, minutes, superseded FROM participation_activity WHERE activity_id = $1 ORDER BY version`, [created.id]);
    expect(versions).toEqual([
      { version: 1, minutes: 120, superseded: true },
      { version: 2, minutes: 180, superseded: false },
    ]);
    expect((await activities(werkwijs)).body.items.filter((a: { id: string }) => a.id === created.id)).toHaveLength(1);
  });

  it('counts hours per kind, and the MAP practical part against 40 hours (39 is short)', async () => {
    const map = (over: Record<string, unknown>) => register(werkwijs, activity({ referralId: mapReferral, ...over }));
    expect((await map({ kind: 'workExperience', organisation: 'Bakkerij Vink', minutes: 30 * 60 })).status).toBe(201);
    expect((await map({ kind: 'companyVisit', organisation: 'Techniek Westfriesland', minutes: 9 * 60 })).status).toBe(201);
    const at39 = (await consultant.get(`/api/v1/participants/${participantId}/participation-summary`)).body;
    expect(at39.mapPractical).toEqual({ minutes: 39 * 60, requiredMinutes: 40 * 60, met: false, remainingMinutes: 60 });
    expect(at39.byHourKind).toEqual({ participation: 20 * 60 + 180, mapPractical: 39 * 60, internship: 0 });
    expect(at39.byActivityKind).toMatchObject({ volunteering: 20 * 60, workOrientation: 180, workExperience: 30 * 60, companyVisit: 9 * 60 });
    expect(at39.localFacilities).toEqual(['Buurthuis De Kern']);
    expect((await map({ kind: 'companyVisit', organisation: 'Zorggroep Hoorn', minutes: 60 })).status).toBe(201);
    const at40 = (await taalpunt.get(`/api/v1/participants/${participantId}/participation-summary`)).body;
    expect(at40.mapPractical.met).toBe(true);
  });

  it('raises the 200-hour meeting once per multiple of 200 participation hours (MAP hours do not count)', async () => {
    // 20 h + 3 h of Z-route participation so far, and 40 h of MAP: no meeting yet.
    expect(await meetingSignals()).toEqual([]);
    const long = await register(werkwijs, activity({ kind: 'workExperience', organisation: 'Kringloop Hoorn', startDate: '2027-03-01', endDate: '2027-04-30', minutes: 176 * 60 }));
    expect(long.status).toBe(201);
    expect(await meetingSignals()).toEqual([]); // 199 hours
    await register(werkwijs, activity({ startDate: '2027-05-01', endDate: '2027-05-02', minutes: 60 })); // 200
    expect(await meetingSignals()).toEqual([{ period: 'h200', providerId: WERKWIJS }]);
    // More hours below the next multiple, and a correction that keeps the total above it: nothing new.
    await register(werkwijs, activity({ startDate: '2027-05-03', endDate: '2027-05-04', minutes: 120 }));
    await werkwijs.request('PUT', `/api/v1/participation-activities/${long.body.id}`, { kind: 'workExperience', organisation: 'Kringloop Hoorn', startDate: '2027-03-01', endDate: '2027-04-30', minutes: 177 * 60, version: 1 });
    expect(await meetingSignals()).toEqual([{ period: 'h200', providerId: WERKWIJS }]);
    const summary = (await werkwijs.get(`/api/v1/participants/${participantId}/participation-summary`)).body;
    // Recomputed from the corrected hours: the long activity alone now reaches 200 hours.
    expect(summary.meetingsDue).toEqual([{ n: 1, reachedOn: '2027-04-30' }]);
  });

  it('keeps the eight MAP themes; ready for the end conversation with all done and 40 practical hours', async () => {
    const set = (c: Client, theme: string, status: string, referralId = mapReferral) => c.request('PUT', `/api/v1/participants/${participantId}/map-themes/${theme}`, { referralId, status });
    const first = await consultant.get(`/api/v1/participants/${participantId}/map-themes`);
    expect(first.status).toBe(200);
    expect(first.body.themes).toHaveLength(8);
    expect(first.body).toMatchObject({ done: 0, readyForEndConversation: false, practical: { met: true } });
    const themes: string[] = first.body.themes.map((t: { theme: string }) => t.theme);
    for (const theme of themes.slice(0, 7)) expect((await set(werkwijs, theme, 'done')).status).toBe(200);
    const seven = await set(werkwijs, 'workCulture', 'inProgress');
    expect(seven.body).toMatchObject({ done: 7, readyForEndConversation: false });
    expect((await set(taalpunt, 'workCulture', 'done', languageReferral)).status).toBe(403);
    expect((await set(werkwijs, 'cooking', 'done')).status).toBe(400);
    const all = await set(werkwijs, 'workCulture', 'done');
    expect(all.body).toMatchObject({ done: 8, readyForEndConversation: true });
    expect(all.body.themes.find((t: { theme: string }) => t.theme === 'workCulture')).toMatchObject({ status: 'done', recordedBy: expect.any(String) });
  });

  it('records ladder steps append-only: the latest per moment counts, the history keeps every record', async () => {
    const step = (body: Record<string, unknown>) => werkwijs.post(`/api/v1/participants/${participantId}/participation-ladder`, { referralId: zParticipation, ...body });
    expect((await step({ step: 2, moment: 'atReferral', recordedOn: '2027-01-04' })).status).toBe(201);
    expect((await step({ step: 3, moment: 'during', recordedOn: '2027-03-01' })).status).toBe(201);
    const last = await step({ step: 4, moment: 'during', recordedOn: '2027-05-01' });
    expect(last.status).toBe(201);
    expect(last.body.history.map((h: { step: number }) => h.step)).toEqual([2, 3, 4]);
    expect(last.body.latest.during.step).toBe(4);
    expect(last.body.latest.atEnd).toBeNull();
    expect(last.body.raisedDuring).toBe(true);
    const bad = await step({ step: 7, moment: 'sometime', recordedOn: '2027-05-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['step', 'moment']));
    const read = await taalpunt.get(`/api/v1/participants/${participantId}/participation-ladder`);
    expect(read.status).toBe(200);
    expect(read.body.history).toHaveLength(3);
    expect((await leerhuis.get(`/api/v1/participants/${participantId}/participation-ladder`)).status).toBe(404);
  });
});
