// The attendance-rate list through the API (issue #4 item 7; R-ATT-3, R-ATT-5): the one SQL aggregate
// must agree with the pure rule of src/domain/attendance.ts — the 79.9% / 80.0% boundary, lessons
// cancelled by the provider, make-up lessons capped at what was missed — and with the actor's room: a
// municipality sees its own residents with all their lessons, a provider its own lessons only, another
// municipality or provider nothing. Paged, sorted, filtered, and audited with one line per row shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceRate, belowNorm, type AttendanceFact } from '../src/domain/attendance.js';
import { seededRandom } from '../src/features/demo/generator.js';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
const LEERHUIS = organisationId('provider', 'leerhuis-noord');
const HOORN = organisationId('municipality', 'hoorn');

interface Referred {
  participantId: string;
  referralId: string;
}
interface LessonRef {
  id: string;
  date: string;
  kind: string;
  minutes: number;
}
interface RateItem {
  participantId: string;
  municipalityId: string;
  offeredMinutes: number;
  attendedMinutes: number;
  rate: number | null;
  belowNorm: boolean;
  absences: { authorised: number; unauthorised: number; unclassified: number };
}

/** Per lesson date: minutes attended (0 = absent); a date not given means the whole lesson. */
type Plan = Record<string, number>;

describe(`attendance rates on ${DB_KIND}`, () => {
  let t: TestKoers;
  let consultant: Client;
  let otherConsultant: Client;
  let coordinator: Client;
  let otherCoordinator: Client;
  let teacher: Client;
  let self: Client;
  let policyOfficer: Client;
  const who: Record<string, Referred> = {};
  let groupA: string;
  let lessonsA: LessonRef[];
  let randomGroup: string;
  let randomMembers: Referred[];

  const must = async (res: Promise<{ status: number; body: any }>, status: number) => {
    const r = await res;
    if (r.status !== status) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  async function referred(c: Client, productCode = 'b1_language'): Promise<Referred> {
    const body = await must(c.post('/api/v1/participants', aParticipantInput({ referral: { providerId: TAALPUNT, productCode } })), 201);
    return { participantId: body.id, referralId: body.referrals[0].id };
  }
  const aGroup = (name: string, schedule: unknown[]) => ({ name, levelBand: 'a2b1', literacy: 'literate', location: 'Hoorn', schedule, activeFrom: '2027-01-01' });
  const place = (c: Client, gid: string, m: Referred) => must(c.post(`/api/v1/groups/${gid}/members`, { participantId: m.participantId, referralId: m.referralId, from: '2027-03-01', literacy: 'literate' }), 201);
  /** Records one lesson for the whole class: each member's minutes from its plan (0 = absent). */
  async function record(c: Client, lesson: LessonRef, plans: [Referred, Plan][]) {
    const rows = plans.map(([m, plan]) => {
      const minutes = plan[lesson.date] ?? lesson.minutes;
      return minutes === 0 ? { participantId: m.participantId, present: false, calledIn: true, reason: 'ziek' } : { participantId: m.participantId, present: true, calledIn: false, minutesAttended: minutes };
    });
    await must(c.request('PUT', `/api/v1/lessons/${lesson.id}/attendance`, rows), 200);
  }
  async function rates(c: Client, query: string): Promise<{ status: number; items: RateItem[]; total: number; body: any }> {
    const res = await c.get(`/api/v1/attendance-rates?${query}`);
    return { status: res.status, items: res.body?.items ?? [], total: res.body?.total ?? -1, body: res.body };
  }
  const byId = (items: RateItem[]) => new Map(items.map((i) => [i.participantId, i]));

  /** The pure rule over the facts the actor may see: all of a resident's, or one provider's lessons. */
  async function pure(participantId: string, from: string, to: string, providerId?: string) {
    const facts = await t.koers.db.query<AttendanceFact>(
      `SELECT a.lesson_id AS "sessionId", l.date, l.minutes AS "scheduledMinutes", a.minutes_attended AS "attendedMinutes", a.present,
         a.called_in AS "calledIn", a.reason, (l.kind = 'makeUp') AS "makeUp", l.cancelled_by_provider AS "cancelledByProvider"
       FROM attendance a JOIN lesson l ON l.id = a.lesson_id JOIN class_group g ON g.id = l.group_id
       WHERE a.participant_id = $1 AND ($2::uuid IS NULL OR g.provider_id = $2::uuid)`,
      [participantId, providerId ?? null],
    );
    const r = attendanceRate(facts, from, to);
    return { offeredMinutes: r.offeredMinutes, attendedMinutes: r.attendedMinutes, rate: r.percentage, belowNorm: belowNorm(r, { normPercent: 80 }) };
  }
  const audits = async () => (await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE name = 'attendance.read' AND object_type = 'attendanceRates'`))[0]?.n ?? -1;

  beforeAll(async () => {
    t = await startTestKoers({ today: '2027-01-04' });
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    otherConsultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'enkhuizen'));
    coordinator = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    otherCoordinator = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'leerhuis-noord'));
    teacher = await Client.loggedIn(t, await aUser(t, 'teacher', 'taalpunt-westfriesland'));
    policyOfficer = await Client.loggedIn(t, await aUser(t, 'policyOfficer', 'hoorn'));
    for (const name of ['low', 'ok', 'makeUp', 'cancelled', 'none']) who[name] = await referred(consultant);
    // Z-route language at Taalpunt, so that a second referral (B1 at Leerhuis) is allowed.
    who.capped = await referred(consultant, 'z_language');
    who.enkhuizen = await referred(otherConsultant);
    self = await Client.loggedIn(t, await aUser(t, 'participant', undefined, who.low?.participantId));

    // Group A at Taalpunt: Monday and Tuesday 200 minutes, a make-up class on Friday (R-ATT-5).
    groupA = (await must(coordinator.post('/api/v1/groups', aGroup('B1 middag', [
      { weekday: 1, startTime: '13:00', minutes: 200, kind: 'language' },
      { weekday: 2, startTime: '13:00', minutes: 200, kind: 'knm' },
      { weekday: 5, startTime: '09:00', minutes: 120, kind: 'makeUp' },
    ])), 201)).id;
    const inA = ['low', 'ok', 'makeUp', 'capped', 'cancelled', 'enkhuizen'].map((n) => who[n] as Referred);
    for (const m of inA) await place(coordinator, groupA, m);
    lessonsA = (await must(coordinator.post(`/api/v1/groups/${groupA}/lessons/generate`, { from: '2027-03-01', to: '2027-03-31' }), 200)).lessons;
    t.clock.setToday('2027-04-01');
    // 1-15 March: regular lessons 1, 2, 8, 9 and 15 March (5 × 200 = 1000 minutes); make-up on 5 and 12 March.
    const absentFromMakeUp: Plan = { '2027-03-05': 0, '2027-03-12': 0, '2027-03-19': 0, '2027-03-26': 0 };
    const plans: [Referred, Plan][] = [
      [who.low as Referred, { ...absentFromMakeUp, '2027-03-09': 100, '2027-03-15': 99 }], // 799 / 1000 = 79.9%
      [who.ok as Referred, { ...absentFromMakeUp, '2027-03-09': 100, '2027-03-15': 100 }], // 800 / 1000 = 80.0%
      [who.makeUp as Referred, { '2027-03-01': 0, '2027-03-02': 0, '2027-03-19': 0, '2027-03-26': 0 }], // 600 + 240 made up = 84%
      [who.capped, { '2027-03-08': 0, '2027-03-19': 0, '2027-03-26': 0 }], // 800 + min(240, 200 missed) = 100%, not 104%
      [who.cancelled as Referred, { ...absentFromMakeUp, '2027-03-16': 0, '2027-03-23': 150 }],
      [who.enkhuizen, absentFromMakeUp],
    ];
    for (const l of lessonsA) await record(coordinator, l, plans);
    // 16 March is cancelled by the provider after it was recorded: it offers no minutes (R-ATT-3).
    const sixteenth = lessonsA.find((l) => l.date === '2027-03-16') as LessonRef;
    await must(coordinator.request('PATCH', `/api/v1/lessons/${sixteenth.id}`, { cancelledByProvider: true }), 200);
    // The municipality classifies two of the make-up participant's absences (R-ATT-2).
    const on = (date: string) => (lessonsA.find((l) => l.date === date) as LessonRef).id;
    await must(consultant.post(`/api/v1/attendance/${on('2027-03-01')}/${who.makeUp?.participantId}/classification`, { classification: 'authorised' }), 200);
    await must(consultant.post(`/api/v1/attendance/${on('2027-03-02')}/${who.makeUp?.participantId}/classification`, { classification: 'unauthorised' }), 200);

    // The capped participant is also referred to Leerhuis and missed a lesson there on 3 March.
    const capped = who.capped;
    const second = await must(consultant.post('/api/v1/referrals', { participantId: capped.participantId, providerId: LEERHUIS, productCode: 'b1_language' }), 201);
    const leerhuisGroup = (await must(otherCoordinator.post('/api/v1/groups', aGroup('Leerhuis woensdag', [{ weekday: 3, startTime: '09:00', minutes: 200, kind: 'language' }])), 201)).id;
    await place(otherCoordinator, leerhuisGroup, { participantId: capped.participantId, referralId: second.id });
    const leerhuisLessons: LessonRef[] = (await must(otherCoordinator.post(`/api/v1/groups/${leerhuisGroup}/lessons/generate`, { from: '2027-03-01', to: '2027-03-07' }), 200)).lessons;
    for (const l of leerhuisLessons) await record(otherCoordinator, l, [[capped, { [l.date]: 0 }]]);

    // Group B at Taalpunt: a member with nothing recorded yet.
    const groupB = (await must(coordinator.post('/api/v1/groups', aGroup('B1 avond', [{ weekday: 4, startTime: '19:00', minutes: 120, kind: 'language' }])), 201)).id;
    await place(coordinator, groupB, who.none as Referred);

    // Group C: random minutes, absences, make-up attendance and two cancelled lessons, to hold SQL and rule together.
    const rand = seededRandom(4);
    randomMembers = [];
    for (let i = 0; i < 6; i++) randomMembers.push(await referred(consultant));
    randomGroup = (await must(coordinator.post('/api/v1/groups', aGroup('B1 ochtend', [
      { weekday: 1, startTime: '09:00', minutes: 180, kind: 'language' },
      { weekday: 3, startTime: '09:00', minutes: 150, kind: 'knm' },
      { weekday: 4, startTime: '09:00', minutes: 90, kind: 'makeUp' },
    ])), 201)).id;
    for (const m of randomMembers) await place(coordinator, randomGroup, m);
    const lessonsC: LessonRef[] = (await must(coordinator.post(`/api/v1/groups/${randomGroup}/lessons/generate`, { from: '2027-03-01', to: '2027-03-31' }), 200)).lessons;
    for (const l of lessonsC) {
      const plan = randomMembers.map((m): [Referred, Plan] => {
        const x = rand();
        return [m, { [l.date]: x < 0.25 ? 0 : x < 0.5 ? Math.floor(rand() * l.minutes) + 1 : l.minutes }];
      });
      await record(coordinator, l, plan);
    }
    for (const l of [lessonsC[2], lessonsC[7]] as LessonRef[]) await must(coordinator.request('PATCH', `/api/v1/lessons/${l.id}`, { cancelledByProvider: true }), 200);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('79.9% is below the norm and 80.0% is not; belowNorm=true lists only the former', async () => {
    const { status, items } = await rates(consultant, 'from=2027-03-01&to=2027-03-15&pageSize=100');
    expect(status).toBe(200);
    const rows = byId(items);
    expect(rows.get(who.low?.participantId ?? '')).toMatchObject({ offeredMinutes: 1000, attendedMinutes: 799, belowNorm: true });
    expect(rows.get(who.low?.participantId ?? '')?.rate).toBeCloseTo(79.9, 10);
    expect(rows.get(who.ok?.participantId ?? '')).toMatchObject({ offeredMinutes: 1000, attendedMinutes: 800, rate: 80, belowNorm: false });
    const below = await rates(consultant, 'from=2027-03-01&to=2027-03-15&belowNorm=true&pageSize=100');
    expect(below.items.map((i) => i.participantId)).toContain(who.low?.participantId);
    expect(below.items.map((i) => i.participantId)).not.toContain(who.ok?.participantId);
    expect(below.items.every((i) => i.belowNorm && (i.rate as number) < 80)).toBe(true);
    expect(below.total).toBe(items.filter((i) => i.belowNorm).length);
    const notBelow = await rates(consultant, 'from=2027-03-01&to=2027-03-15&belowNorm=false&pageSize=100');
    expect(notBelow.total + below.total).toBe(rows.size);
    expect(notBelow.items.map((i) => i.participantId)).toContain(who.ok?.participantId);
    expect(notBelow.items.some((i) => i.belowNorm)).toBe(false);
  });

  it('make-up lessons count against missed minutes, never above them (R-ATT-5); absences by classification', async () => {
    const rows = byId((await rates(consultant, 'from=2027-03-01&to=2027-03-15&pageSize=100')).items);
    expect(rows.get(who.makeUp?.participantId ?? '')).toMatchObject({ offeredMinutes: 1000, attendedMinutes: 840, rate: 84, belowNorm: false, absences: { authorised: 1, unauthorised: 1, unclassified: 0 } });
    // The consultant sees the Leerhuis lesson too: 800 + 240 made up of 400 missed, over 1200 offered.
    const capped = rows.get(who.capped?.participantId ?? '');
    expect(capped).toMatchObject({ offeredMinutes: 1200, attendedMinutes: 1040, absences: { authorised: 0, unauthorised: 0, unclassified: 2 } });
    // Taalpunt's coordinator sees only its own lessons: the 240 make-up minutes are capped at the 200 missed.
    const own = byId((await rates(coordinator, 'from=2027-03-01&to=2027-03-15&pageSize=100')).items).get(who.capped?.participantId ?? '');
    expect(own).toMatchObject({ offeredMinutes: 1000, attendedMinutes: 1000, rate: 100, absences: { unclassified: 1 } });
  });

  it('a lesson cancelled by the provider offers no minutes, also when attendance was recorded before', async () => {
    const row = byId((await rates(consultant, 'from=2027-03-16&to=2027-03-31&pageSize=100')).items).get(who.cancelled?.participantId ?? '');
    // Left: 22, 23, 29, 30 March = 800 offered; 150 on the 23rd; the absence of the 16th is gone.
    expect(row).toMatchObject({ offeredMinutes: 800, attendedMinutes: 750, absences: { authorised: 0, unauthorised: 0, unclassified: 0 } });
  });

  it('agrees with the pure rule for every participant, window and room', async () => {
    const windows = [['2027-03-01', '2027-03-31'], ['2027-03-01', '2027-03-15'], ['2027-03-10', '2027-03-20'], ['2027-03-16', '2027-03-16'], ['2027-02-01', '2027-02-28']] as const;
    let compared = 0;
    for (const [from, to] of windows) {
      for (const [c, providerId] of [[consultant, undefined], [otherConsultant, undefined], [coordinator, TAALPUNT], [otherCoordinator, LEERHUIS]] as const) {
        const { status, items, total } = await rates(c, `from=${from}&to=${to}&pageSize=100`);
        expect(status).toBe(200);
        expect(items).toHaveLength(total);
        for (const item of items) {
          const expected = await pure(item.participantId, from, to, providerId);
          expect({ id: item.participantId, from, to, offeredMinutes: item.offeredMinutes, attendedMinutes: item.attendedMinutes, rate: item.rate, belowNorm: item.belowNorm }).toEqual({
            id: item.participantId,
            from,
            to,
            ...expected,
          });
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('a member with nothing recorded has no rate and sorts last; the rate sort runs lowest first', async () => {
    const { items } = await rates(coordinator, 'from=2027-03-01&to=2027-03-31&pageSize=100');
    const last = items[items.length - 1];
    expect(last).toMatchObject({ participantId: who.none?.participantId, offeredMinutes: 0, attendedMinutes: 0, rate: null, belowNorm: false });
    const rated = items.filter((i) => i.rate !== null).map((i) => i.rate as number);
    expect(rated).toEqual([...rated].sort((a, b) => a - b));
    const desc = (await rates(coordinator, 'from=2027-03-01&to=2027-03-31&pageSize=100&sort=-rate')).items.filter((i) => i.rate !== null).map((i) => i.rate as number);
    expect(desc).toEqual([...rated].reverse());
  });

  it('pages carry the total; the pages together are the whole list', async () => {
    const whole = await rates(coordinator, 'from=2027-03-01&to=2027-03-31&pageSize=100&sort=name');
    const paged: RateItem[] = [];
    for (let page = 1; page <= Math.ceil(whole.total / 4) + 1; page++) {
      const r = await rates(coordinator, `from=2027-03-01&to=2027-03-31&pageSize=4&page=${page}&sort=name`);
      expect(r.total).toBe(whole.total);
      paged.push(...r.items);
    }
    expect(paged.map((i) => i.participantId)).toEqual(whole.items.map((i) => i.participantId));
    expect(whole.total).toBe(7 + randomMembers.length); // group A (6), group B (1), group C
  });

  it('the summary counts what the list shows, per band of ten points, and reads no names (no audit line)', async () => {
    for (const c of [coordinator, consultant]) {
      const whole = await rates(c, 'from=2027-03-01&to=2027-03-31&pageSize=100');
      const before = await audits();
      const summary = await c.get('/api/v1/attendance-rates/summary?from=2027-03-01&to=2027-03-31');
      expect(summary.status).toBe(200);
      expect(await audits()).toBe(before);
      const rated = whole.items.filter((i) => i.rate !== null);
      const bands = new Array<number>(10).fill(0);
      for (const i of rated) {
        const band = Math.min(9, Math.floor((i.rate ?? 0) / 10));
        bands[band] = (bands[band] ?? 0) + 1;
      }
      expect(summary.body).toMatchObject({ total: whole.total, belowNorm: whole.items.filter((i) => i.belowNorm).length, withoutLessons: whole.total - rated.length, bands });
    }
    expect((await teacher.get('/api/v1/attendance-rates/summary')).status).toBe(404);
  });

  it('each room sees its own: another municipality and another provider see none of it', async () => {
    const window = 'from=2027-03-01&to=2027-03-31&pageSize=100';
    const hoorn = (await rates(consultant, window)).items;
    expect(hoorn.every((i) => i.municipalityId === HOORN)).toBe(true);
    expect(hoorn.map((i) => i.participantId)).not.toContain(who.enkhuizen?.participantId);
    const enkhuizen = await rates(otherConsultant, window);
    expect(enkhuizen.items.map((i) => i.participantId)).toEqual([who.enkhuizen?.participantId]);
    expect(enkhuizen.total).toBe(1);
    const taalpunt = (await rates(coordinator, window)).items.map((i) => i.participantId);
    expect(taalpunt).toContain(who.enkhuizen?.participantId);
    expect(taalpunt).toContain(who.none?.participantId);
    // Leerhuis sees the one participant it teaches, with its own lesson only.
    const leerhuis = await rates(otherCoordinator, window);
    expect(leerhuis.items).toMatchObject([{ participantId: who.capped?.participantId, offeredMinutes: 200, attendedMinutes: 0, rate: 0 }]);
    // Roles outside the municipality and the coordinator: 404.
    for (const c of [teacher, self, policyOfficer]) expect((await c.get(`/api/v1/attendance-rates?${window}`)).status).toBe(404);
  });

  it('writes one audit line per participant shown, in the request', async () => {
    const before = await audits();
    const r = await rates(consultant, 'from=2027-03-01&to=2027-03-31&pageSize=3');
    expect(r.items).toHaveLength(3);
    expect(await audits()).toBe(before + 3);
    const subjects = await t.koers.db.query<{ n: number }>(`SELECT count(DISTINCT data_subject_ref)::int AS n FROM audit_event WHERE name = 'attendance.read' AND object_type = 'attendanceRates' AND id > (SELECT max(id) - 3 FROM audit_event)`);
    expect(subjects[0]?.n).toBe(3);
  });

  it('refuses a window that ends before it starts or is longer than a year; defaults to this month and the two before', async () => {
    expect((await consultant.get('/api/v1/attendance-rates?from=2027-03-31&to=2027-03-01')).status).toBe(422);
    expect((await consultant.get('/api/v1/attendance-rates?from=2026-01-01&to=2027-03-01')).status).toBe(422);
    expect((await consultant.get('/api/v1/attendance-rates?from=2027-02-30')).status).toBe(400);
    expect((await consultant.get('/api/v1/attendance-rates?belowNorm=yes')).status).toBe(400);
    const d = await rates(consultant, '');
    expect(d.status).toBe(200);
    // The clock keeps the real time of day, so "today" may have turned into 2 April by now.
    expect(d.body).toMatchObject({ from: '2027-02-01', to: t.clock.today(), normPercent: 80, page: 1, pageSize: 25 });
  });
});
