// Groups, lessons and attendance through the API (R-GRP-1, R-GRP-2, R-ATT-1, R-ATT-2, R-ATT-3, R-ATT-4):
// size limit and literacy, idempotent lesson generation, a class of 15 in one request, versioned
// corrections, the absence signals with the sources' numbers, the municipality's classification and the
// teacher's scope.
import { subjectRef } from '../src/platform/audit.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers, type TestUser } from './support/koers.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
const LEERHUIS = organisationId('provider', 'leerhuis-noord');

interface Referred {
  participantId: string;
  referralId: string;
}

describe(`groups and attendance on ${DB_KIND}`, () => {
  let t: TestKoers;
  let consultant: Client;
  let otherConsultant: Client;
  let coordinator: Client;
  let teacher: Client;
  let otherTeacher: Client;
  let teacherUser: TestUser;
  let otherTeacherUser: TestUser;
  let groupId: string;
  let members: Referred[];
  let lessons: { id: string; date: string }[];

  async function referred(providerId = TAALPUNT): Promise<Referred> {
    const res = await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId, productCode: 'b1_language' } }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { participantId: res.body.id, referralId: res.body.referrals[0].id };
  }
  const group = (over: Record<string, unknown> = {}) => ({
    name: 'Alfa maandag en woensdag',
    levelBand: 'fastAlfa',
    literacy: 'illiterate',
    location: 'Hoorn, Grote Noord 1',
    teacherUserId: teacherUser.id,
    schedule: [
      { weekday: 1, startTime: '09:00', minutes: 180, kind: 'language' },
      { weekday: 3, startTime: '09:00', minutes: 180, kind: 'language' },
    ],
    activeFrom: '2027-01-01',
    ...over,
  });
  const place = (c: Client, gid: string, m: Referred, literacy = 'illiterate', from = '2027-01-04') =>
    c.post(`/api/v1/groups/${gid}/members`, { participantId: m.participantId, referralId: m.referralId, from, literacy });
  /** The whole class present, except the rows given. */
  const body = (who: readonly Referred[], except: Record<string, Record<string, unknown>> = {}) =>
    who.map((m) => ({ participantId: m.participantId, present: true, calledIn: false, ...except[m.participantId] }));
  const absent = { present: false, calledIn: true, reason: 'illness' };
  const lessonOn = (date: string) => lessons.find((l) => l.date === date)?.id ?? '';
  const put = (c: Client, lessonId: string, b: unknown) => c.request('PUT', `/api/v1/lessons/${lessonId}/attendance`, b);
  const signals = (participantId: string, cause: string) =>
    t.koers.db.query<{ period: string; addressee: string }>(`SELECT period, addressee FROM signal WHERE subject_type = 'participant' AND subject_id = $1 AND cause = $2`, [participantId, cause]);
  const count = async (sql: string, params: unknown[] = []) => (await t.koers.db.query<{ n: number }>(sql, params))[0]?.n ?? -1;

  beforeAll(async () => {
    t = await startTestKoers({ today: '2027-01-04' });
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    otherConsultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'enkhuizen'));
    coordinator = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    teacherUser = await aUser(t, 'teacher', 'taalpunt-westfriesland');
    otherTeacherUser = await aUser(t, 'teacher', 'taalpunt-westfriesland');
    teacher = await Client.loggedIn(t, teacherUser);
    otherTeacher = await Client.loggedIn(t, otherTeacherUser);
    members = [];
    for (let i = 0; i < 17; i++) members.push(await referred());
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('makes an Alfa group of 15, refuses the 16th, mixed literacy and another provider\'s referral (R-GRP-1)', async () => {
    expect((await coordinator.post('/api/v1/groups', group({ sizeLimit: 16 }))).status).toBe(422);
    const created = await coordinator.post('/api/v1/groups', group());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ sizeLimit: 15, literacy: 'illiterate', memberCount: 0 });
    groupId = created.body.id;
    for (const m of members.slice(0, 15)) expect((await place(coordinator, groupId, m)).status).toBe(201);
    const mixed = await place(coordinator, groupId, members[16] as Referred, 'literate');
    expect(mixed.status).toBe(422);
    expect(mixed.body.invalidParams[0].code).toBe('literacyMixed');
    const full = await place(coordinator, groupId, members[15] as Referred);
    expect(full.status).toBe(422);
    expect(full.body.invalidParams[0].code).toBe('groupFull');
    const elsewhere = await referred(LEERHUIS);
    expect((await place(coordinator, groupId, elsewhere)).status).toBe(404);
    expect((await coordinator.get(`/api/v1/groups/${groupId}`)).body.members).toHaveLength(15);
    members = members.slice(0, 15);
  });

  it('generates lessons from the schedule; the same range twice creates nothing new (R-GRP-2)', async () => {
    const first = await coordinator.post(`/api/v1/groups/${groupId}/lessons/generate`, { from: '2027-01-04', to: '2027-02-07' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.created).toBe(10); // Mondays and Wednesdays from 4 January to 3 February
    const again = await coordinator.post(`/api/v1/groups/${groupId}/lessons/generate`, { from: '2027-01-04', to: '2027-02-07' });
    expect(again.body.created).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM lesson WHERE group_id = $1', [groupId])).toBe(10);
    lessons = first.body.lessons;
    expect(lessons.slice(0, 3).map((l) => l.date)).toEqual(['2027-01-04', '2027-01-06', '2027-01-11']);
  });

  it('a teacher records a class of 15 in one request; a partial body is 400 naming who is missing (R-ATT-1)', async () => {
    t.clock.setToday('2027-02-15');
    const id = lessonOn('2027-01-04');
    const page = await teacher.get(`/api/v1/lessons/${id}`);
    expect(page.status).toBe(200);
    expect(page.body.roster).toHaveLength(15);
    expect(page.body.roster.every((r: { present: boolean; recorded: boolean }) => r.present && !r.recorded)).toBe(true);
    const partial = await put(teacher, id, body(members.slice(1)));
    expect(partial.status).toBe(400);
    expect(partial.body.invalidParams.map((p: { name: string }) => p.name)).toEqual([`participants.${members[0]?.participantId}`]);
    const done = await put(teacher, id, body(members));
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.changed).toBe(15);
    expect(await count('SELECT count(*)::int AS n FROM attendance_version WHERE lesson_id = $1', [id])).toBe(15);
  });

  it('a lesson cannot be shortened below the minutes already attended; lengthening is fine (R-GRP-2, R-ATT-3)', async () => {
    const id = lessonOn('2027-01-04'); // 180 minutes, everyone present for all of them
    const shorter = await coordinator.request('PATCH', `/api/v1/lessons/${id}`, { minutes: 150 });
    expect(shorter.status).toBe(422);
    expect(shorter.body.invalidParams[0]).toMatchObject({ name: 'minutes', code: 'belowRecorded' });
    expect((await coordinator.get(`/api/v1/lessons/${id}`)).body.lesson.minutes).toBe(180);
    const longer = await coordinator.request('PATCH', `/api/v1/lessons/${id}`, { minutes: 200 });
    expect(longer.status).toBe(200);
    expect((await coordinator.request('PATCH', `/api/v1/lessons/${id}`, { minutes: 180 })).status).toBe(200);
  });

  it('a later correction is a new version with its audit lines; the same body again changes nothing', async () => {
    const id = lessonOn('2027-01-04');
    const [first, second] = members as [Referred, Referred];
    const audits = () => count(`SELECT count(*)::int AS n FROM audit_event WHERE name = 'attendance.record' AND object_id = $1`, [id]);
    const before = await audits();
    const corrected = body(members, { [first.participantId]: absent, [second.participantId]: absent });
    const res = await put(teacher, id, corrected);
    expect(res.body.changed).toBe(2);
    expect(await audits()).toBe(before + 15);
    const history = await t.koers.db.query<{ version: number; old_value: { present: boolean } | null; new_value: { present: boolean; reason: string } }>(
      'SELECT version, old_value, new_value FROM attendance_version WHERE lesson_id = $1 AND participant_id = $2 ORDER BY version',
      [id, first.participantId],
    );
    expect(history.map((h) => h.version)).toEqual([1, 2]);
    expect(history[1]).toMatchObject({ old_value: { present: true }, new_value: { present: false, reason: 'illness' } });
    const versions = await count('SELECT count(*)::int AS n FROM attendance_version');
    const again = await put(teacher, id, corrected);
    expect(again.body.changed).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM attendance_version')).toBe(versions);
  });

  it('three absences in one calendar month raise one warning, also when recorded again; three over two months none (R-ATT-4)', async () => {
    const [, second, third] = members as [Referred, Referred, Referred];
    await put(teacher, lessonOn('2027-01-06'), body(members, { [second.participantId]: absent }));
    expect(await signals(second.participantId, 'absence.frequent')).toEqual([]);
    await put(teacher, lessonOn('2027-01-11'), body(members, { [second.participantId]: absent }));
    expect(await signals(second.participantId, 'absence.frequent')).toEqual([{ period: '2027-01', addressee: 'municipality' }]);
    // Recorded again, and a correction of someone else in that lesson: still one.
    await put(teacher, lessonOn('2027-01-11'), body(members, { [second.participantId]: absent }));
    await put(teacher, lessonOn('2027-01-11'), body(members, { [second.participantId]: absent, [third.participantId]: { minutesAttended: 120 } }));
    expect(await signals(second.participantId, 'absence.frequent')).toHaveLength(1);
    // Spread: 25 and 27 January, 1 February.
    for (const date of ['2027-01-25', '2027-01-27', '2027-02-01']) await put(teacher, lessonOn(date), body(members, { [third.participantId]: absent }));
    expect(await signals(third.participantId, 'absence.frequent')).toEqual([]);
    // The consultant sees the warning on its work list (step null: not a referral step).
    const list = (await consultant.get('/api/v1/signals')).body.items.filter((s: { participant: { id: string } | null }) => s.participant?.id === second.participantId);
    expect(list.map((s: { cause: string; step: null }) => `${s.cause}:${String(s.step)}`)).toContain('absence.frequent:null');
  });

  it('a first no-show without reason goes to the provider (001 §2.3.2)', async () => {
    const fourth = members[3] as Referred;
    await put(teacher, lessonOn('2027-01-13'), body(members, { [fourth.participantId]: { present: false, calledIn: false } }));
    expect(await signals(fourth.participantId, 'absence.firstNoShow')).toEqual([{ period: 'first', addressee: 'provider' }]);
  });

  it('79.9% signals below the norm and 80.0% does not, through the API (R-ATT-3, 001 §2.3.1)', async () => {
    const low = await referred();
    const ok = await referred();
    const g = await coordinator.post('/api/v1/groups', group({ levelBand: 'a2b1', literacy: 'literate', schedule: [{ weekday: 1, startTime: '13:00', minutes: 200, kind: 'language' }, { weekday: 2, startTime: '13:00', minutes: 200, kind: 'knm' }] }));
    for (const m of [low, ok]) expect((await place(coordinator, g.body.id, m, 'literate', '2027-03-01')).status).toBe(201);
    const gen = await coordinator.post(`/api/v1/groups/${g.body.id}/lessons/generate`, { from: '2027-03-01', to: '2027-03-15' });
    expect(gen.body.created).toBe(5);
    t.clock.setToday('2027-03-20');
    const minutes = [[200, 200], [200, 200], [200, 200], [100, 100], [99, 100]] as const;
    for (const [i, l] of (gen.body.lessons as { id: string }[]).entries()) {
      const [a, b] = minutes[i] ?? [0, 0];
      const res = await put(teacher, l.id, [{ participantId: low.participantId, present: true, calledIn: false, minutesAttended: a }, { participantId: ok.participantId, present: true, calledIn: false, minutesAttended: b }]);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const lowRate = await consultant.get(`/api/v1/participants/${low.participantId}/attendance?from=2027-03-01&to=2027-03-31`);
    const okRate = await consultant.get(`/api/v1/participants/${ok.participantId}/attendance?from=2027-03-01&to=2027-03-31`);
    expect(lowRate.body).toMatchObject({ rate: { offeredMinutes: 1000, attendedMinutes: 799 }, belowNorm: true, byMonth: [{ month: '2027-03' }] });
    expect(okRate.body).toMatchObject({ rate: { offeredMinutes: 1000, attendedMinutes: 800, percentage: 80 }, belowNorm: false });
    // Issue #10: March is judged once it has ended, at the first recording after it.
    expect(await signals(low.participantId, 'attendance.belowNorm')).toEqual([]);
    t.clock.setToday('2027-04-01');
    const last = (gen.body.lessons as { id: string }[]).at(-1)?.id ?? '';
    await put(teacher, last, [{ participantId: low.participantId, present: true, calledIn: false, minutesAttended: 99 }, { participantId: ok.participantId, present: true, calledIn: false, minutesAttended: 100 }]);
    expect(await signals(low.participantId, 'attendance.belowNorm')).toEqual([{ period: '2027-03', addressee: 'municipality' }]);
    expect(await signals(ok.participantId, 'attendance.belowNorm')).toEqual([]);
  });

  it('the consultant classifies an absence of its own resident; versioned and audited (R-ATT-2)', async () => {
    const second = members[1] as Referred;
    const lessonId = lessonOn('2027-01-06');
    const url = `/api/v1/attendance/${lessonId}/${second.participantId}/classification`;
    const view = await consultant.get(`/api/v1/participants/${second.participantId}/attendance?from=2027-01-01&to=2027-01-31`);
    expect(view.body.absences.map((a: { date: string; classification: null }) => `${a.date}:${String(a.classification)}`)).toEqual(['2027-01-04:null', '2027-01-06:null', '2027-01-11:null']);
    expect((await otherConsultant.post(url, { classification: 'authorised' })).status).toBe(404);
    expect((await coordinator.post(url, { classification: 'authorised' })).status).toBe(404);
    const res = await consultant.post(url, { classification: 'authorised' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ classification: 'authorised', version: 2 });
    expect(await count(`SELECT count(*)::int AS n FROM attendance_version WHERE lesson_id = $1 AND participant_id = $2 AND change = 'classify'`, [lessonId, second.participantId])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE name = 'attendance.classify' AND status = 'ok'`)).toBe(1);
    // A present row is no absence to classify.
    expect((await consultant.post(`/api/v1/attendance/${lessonId}/${(members[5] as Referred).participantId}/classification`, { classification: 'authorised' })).status).toBe(422);
  });

  it('a teacher sees only the groups it teaches: another teacher gets 404 on the lesson and the participant', async () => {
    const id = lessonOn('2027-01-04');
    const member = (members[0] as Referred).participantId;
    expect((await teacher.get('/api/v1/groups')).body.items.map((g: { id: string }) => g.id)).toContain(groupId);
    expect((await otherTeacher.get('/api/v1/groups')).body.items).toEqual([]);
    expect((await otherTeacher.get(`/api/v1/groups/${groupId}`)).status).toBe(404);
    expect((await otherTeacher.get(`/api/v1/lessons/${id}`)).status).toBe(404);
    expect((await put(otherTeacher, id, body(members))).status).toBe(404);
    expect((await otherTeacher.get(`/api/v1/participants/${member}/attendance`)).status).toBe(404);
    // R-SEC-2: each denied attempt left an audit line; the one on the participant names its data subject.
    const denied = await t.koers.db.query<{ name: string; object_id: string; data_subject_ref: string | null }>(
      `SELECT name, object_id, data_subject_ref FROM audit_event WHERE status = 'error' AND object_id = ANY($1)`,
      [[groupId, id, member]],
    );
    expect(denied.map((d) => d.name).sort()).toEqual(['attendance.read', 'group.read', 'lesson.read']);
    expect(denied.find((d) => d.name === 'attendance.read')?.data_subject_ref).toBe(subjectRef(t.koers.crypto, member));
    expect((await teacher.get(`/api/v1/participants/${member}/attendance`)).status).toBe(200);
    // Neither teacher reads the participant file or its referrals.
    expect((await teacher.get(`/api/v1/participants/${member}`)).status).toBe(404);
    expect((await teacher.get('/api/v1/groups')).body.items).toHaveLength(2);
  });

  it('moves a member between groups with dates: the old roster ends that day, the new one starts (R-GRP-1)', async () => {
    const other = await coordinator.post('/api/v1/groups', group({ name: 'Alfa dinsdag', teacherUserId: otherTeacherUser.id, schedule: [{ weekday: 2, startTime: '09:00', minutes: 180, kind: 'language' }] }));
    const moved = members[14] as Referred;
    const res = await coordinator.post(`/api/v1/groups/${groupId}/members/${moved.participantId}/move`, { toGroupId: other.body.id, on: '2027-02-01' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const roster = async (date: string) => (await teacher.get(`/api/v1/lessons/${lessonOn(date)}`)).body.roster.map((r: { participantId: string }) => r.participantId);
    expect(await roster('2027-01-27')).toContain(moved.participantId);
    expect(await roster('2027-02-03')).not.toContain(moved.participantId);
    expect((await otherTeacher.get(`/api/v1/participants/${moved.participantId}/attendance`)).status).toBe(200);
    // The other teacher sees only its own group's lessons of that participant.
    expect((await otherTeacher.get(`/api/v1/participants/${moved.participantId}/attendance?from=2027-01-01&to=2027-01-31`)).body.rate.offeredMinutes).toBe(0);
  });
});
