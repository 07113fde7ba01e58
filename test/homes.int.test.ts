// The read endpoints behind each role's home (issue #10 item 5): the lessons of a period in the actor's
// room (the teacher's and the coordinator's home), the pending steps counted per kind (the coordinator's),
// and the figures of the policy officer and the contract manager (aggregates, small cells suppressed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
const TODAY = '2027-01-04'; // a Monday

describe(`the homes' read endpoints on ${DB_KIND}`, () => {
  let t: TestKoers;
  let consultant: Client;
  let coordinator: Client;
  let otherCoordinator: Client;
  let teacher: Client;
  let otherTeacher: Client;
  let policyOfficer: Client;
  let contractManager: Client;
  let mine: string;
  let colleagues: string;
  let elsewhere: string;
  let referrals: { participantId: string; referralId: string }[];

  const group = (name: string, teacherUserId: string | null) => ({
    name,
    levelBand: 'a1a2',
    literacy: 'literate',
    location: `${name}, Grote Noord 1, Hoorn`,
    teacherUserId,
    schedule: [
      { weekday: 1, startTime: '09:00', minutes: 180, kind: 'language' },
      { weekday: 3, startTime: '13:00', minutes: 120, kind: 'knm' },
    ],
    activeFrom: '2027-01-01',
  });
  const made = async (c: Client, body: unknown) => {
    const res = await c.post('/api/v1/groups', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id: string = res.body.id;
    expect((await c.post(`/api/v1/groups/${id}/lessons/generate`, { from: '2027-01-04', to: '2027-01-17' })).status).toBe(200);
    return id;
  };
  const lessons = (c: Client, from = TODAY, to = '2027-01-10') => c.get(`/api/v1/lessons?from=${from}&to=${to}`);

  beforeAll(async () => {
    t = await startTestKoers({ today: TODAY });
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    coordinator = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    otherCoordinator = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'leerhuis-noord'));
    const teacherUser = await aUser(t, 'teacher', 'taalpunt-westfriesland');
    teacher = await Client.loggedIn(t, teacherUser);
    otherTeacher = await Client.loggedIn(t, await aUser(t, 'teacher', 'taalpunt-westfriesland'));
    policyOfficer = await Client.loggedIn(t, await aUser(t, 'policyOfficer', 'hoorn'));
    contractManager = await Client.loggedIn(t, await aUser(t, 'contractManager', 'westfriesland'));
    mine = await made(coordinator, group('Mijn groep', teacherUser.id));
    colleagues = await made(coordinator, group('Groep van een collega', null));
    elsewhere = await made(otherCoordinator, group('Leerhuis-groep', null));
    referrals = [];
    for (let i = 0; i < 3; i++) {
      const res = await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      referrals.push({ participantId: res.body.id, referralId: res.body.referrals[0].id });
    }
    for (const r of referrals) {
      const placed = await coordinator.post(`/api/v1/groups/${mine}/members`, { participantId: r.participantId, referralId: r.referralId, from: '2027-01-04', literacy: 'literate' });
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    }
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('gives the teacher the lessons of the groups it teaches only, with place, members and whether attendance is recorded', async () => {
    const res = await lessons(teacher);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const items: { id: string; groupId: string; date: string; startTime: string; location: string; memberCount: number; recordedCount: number; attendanceRecorded: boolean }[] = res.body.items;
    expect(items.map((l) => [l.date, l.startTime])).toEqual([['2027-01-04', '09:00'], ['2027-01-06', '13:00']]);
    expect(new Set(items.map((l) => l.groupId))).toEqual(new Set([mine]));
    expect(items[0]).toMatchObject({ location: 'Mijn groep, Grote Noord 1, Hoorn', memberCount: 3, recordedCount: 0, attendanceRecorded: false });
    // No names on the list: the home links to the lesson page for those.
    expect(JSON.stringify(res.body)).not.toMatch(/givenName|familyName/);

    const first = items[0]?.id ?? '';
    const put = await teacher.request('PUT', `/api/v1/lessons/${first}/attendance`, referrals.map((r) => ({ participantId: r.participantId, present: true, calledIn: false })));
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const after = (await lessons(teacher)).body.items as typeof items;
    expect(after[0]).toMatchObject({ id: first, recordedCount: 3, attendanceRecorded: true });
    expect(after[1]).toMatchObject({ attendanceRecorded: false });

    // A teacher of no group there gets an empty list.
    expect((await lessons(otherTeacher)).body.items).toEqual([]);
  });

  it("gives the coordinator its provider's lessons and never another provider's", async () => {
    const own = (await lessons(coordinator)).body.items as { groupId: string }[];
    expect(new Set(own.map((l) => l.groupId))).toEqual(new Set([mine, colleagues]));
    expect(own).toHaveLength(4);
    const other = (await lessons(otherCoordinator)).body.items as { groupId: string }[];
    expect(new Set(other.map((l) => l.groupId))).toEqual(new Set([elsewhere]));
    // Only today: one lesson of each group on Monday.
    expect(((await lessons(coordinator, TODAY, TODAY)).body.items as unknown[]).length).toBe(2);
  });

  it('refuses a period that ends before it starts or spans more than 62 days, naming the field', async () => {
    const backwards = await lessons(teacher, '2027-01-10', '2027-01-04');
    expect(backwards.status).toBe(422);
    expect(backwards.headers.get('content-type')).toContain('application/problem+json');
    expect(backwards.body.invalidParams).toEqual([expect.objectContaining({ name: 'to', code: 'beforeStart' })]);
    expect((await lessons(teacher, '2027-01-01', '2027-03-05')).body.invalidParams).toEqual([expect.objectContaining({ name: 'to', code: 'rangeTooLong' })]);
    const bad = await lessons(teacher, '2027-02-30', '2027-03-01');
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams[0].name).toBe('from');
  });

  it("counts the coordinator's pending steps per kind and urgency, as the work list has them", async () => {
    const res = await coordinator.get('/api/v1/signal-counts');
    expect(res.status).toBe(200);
    const items: { cause: string; addressee: string; overdue: number; thisWeek: number; later: number }[] = res.body.items;
    const list = (await coordinator.get('/api/v1/signals?status=unresolved')).body.items as { cause: string; urgency: string }[];
    const total = items.reduce((n, c) => n + c.overdue + c.thisWeek + c.later, 0);
    expect(total).toBe(list.length);
    expect(total).toBeGreaterThanOrEqual(3);
    // The three fresh referrals are to be acknowledged by the provider.
    const ack = items.find((c) => c.cause === 'referral.acknowledgement');
    expect(ack?.addressee).toBe('provider');
    expect((ack?.overdue ?? 0) + (ack?.thisWeek ?? 0) + (ack?.later ?? 0)).toBe(list.filter((s) => s.cause === 'referral.acknowledgement').length);
    expect(items.every((c) => c.addressee === 'provider')).toBe(true);
    // Another provider's room holds none of them; a teacher's room holds no signals at all.
    expect((await otherCoordinator.get('/api/v1/signal-counts')).body.items).toEqual([]);
    expect((await teacher.get('/api/v1/signal-counts')).body.items).toEqual([]);
  });

  it('gives the policy officer its municipality and the contract manager its region, small cells suppressed for the latter', async () => {
    const own = await policyOfficer.get('/api/v1/figures');
    expect(own.status).toBe(200);
    expect(own.body.municipalities).toHaveLength(1);
    expect(own.body.municipalities[0]).toMatchObject({ municipality: { id: organisationId('municipality', 'hoorn') }, referralsPreparing: 3, referralsStarted: 0, participantsWithAttendance: 3, attendancePercent: 100 });
    expect(own.body.suppressedBelow).toBeNull();

    const region = await contractManager.get('/api/v1/figures');
    expect(region.status).toBe(200);
    expect(region.body.suppressedBelow).toBe(5);
    const hoorn = (region.body.municipalities as { municipality: { id: string } }[]).find((m) => m.municipality.id === organisationId('municipality', 'hoorn'));
    // R-MI-6: 3 referrals and 3 participants are fewer than 5: not shown, and the rate over them neither.
    expect(hoorn).toMatchObject({ referralsPreparing: null, referralsStarted: 0, participantsWithAttendance: null, attendancePercent: null });
    expect(region.body.municipalities.length).toBeGreaterThan(1);
    expect(JSON.stringify(region.body)).not.toMatch(/givenName|familyName|bsn/i);
    // R-MI-6 secondary suppression: Enkhuizen's 6 referrals in preparation are hidden with Hoorn's 3, or the
    // region total 9 minus the shown cells would give Hoorn's 3 away; the total is shown.
    const enkhuizen = await Client.loggedIn(t, await aUser(t, 'consultant', 'enkhuizen'));
    for (let i = 0; i < 6; i++) expect((await enkhuizen.post('/api/v1/participants', aParticipantInput({ referral: { providerId: TAALPUNT, productCode: 'b1_language' } }))).status).toBe(201);
    const after = (await contractManager.get('/api/v1/figures')).body as { municipalities: { municipality: { id: string }; referralsPreparing: number | null }[]; totals: { referralsPreparing: number | null } };
    expect(after.totals.referralsPreparing).toBe(9);
    const preparing = new Map(after.municipalities.map((m) => [m.municipality.id, m.referralsPreparing]));
    expect([preparing.get(organisationId('municipality', 'hoorn')), preparing.get(organisationId('municipality', 'enkhuizen'))]).toEqual([null, null]);
    const shownSum = after.municipalities.reduce((n, m) => n + (m.referralsPreparing ?? 0), 0);
    expect(after.municipalities.filter((m) => m.referralsPreparing === null).length).toBeGreaterThanOrEqual(2);
    expect((after.totals.referralsPreparing ?? 0) - shownSum).toBe(9);
    // The policy officer's own figures are not suppressed; its total is its municipality's.
    expect((await policyOfficer.get('/api/v1/figures')).body.totals).toEqual({ referralsPreparing: 3, referralsStarted: 0, participantsWithAttendance: 3 });

    // Staff with participants' data use their own lists, not these figures.
    expect((await consultant.get('/api/v1/figures')).status).toBe(404);
    expect((await coordinator.get('/api/v1/figures')).status).toBe(404);
  });
});
