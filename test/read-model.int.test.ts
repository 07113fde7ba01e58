// Issue #13: the attendance read model attendance_month (db/migrations/0024_attendance_month.sql) kept
// by triggers in the same transaction as the facts, on PGlite and PostgreSQL. The facts are written
// through the application — the attendance screen (PUT /lessons/:id/attendance), a lesson changed or
// cancelled (PATCH /lessons/:id), a member moved to another group — and every row of the model and every
// figure below is computed on paper. test/read-model.property.int.test.ts compares random fact sets
// with the old SQL; this file holds the arithmetic by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsafeQuarterlyMiFacts } from '../src/features/reports/facts.js';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
const HOORN = organisationId('municipality', 'hoorn');

interface ModelRow {
  month: string;
  referral: string | null;
  offered: number;
  attended: number;
  madeUp: number;
  unclassified: number;
  rows: number;
}

describe(`the attendance read model on ${DB_KIND}`, () => {
  let t: TestKoers;
  let consultant: Client;
  let coordinator: Client;
  let contractId = '';
  const who: Record<string, { participantId: string; referralId: string }> = {};
  const lesson: Record<string, string> = {};
  let groupA = '';
  let groupB = '';

  const must = async (res: Promise<{ status: number; body: any }>, status: number) => {
    const r = await res;
    if (r.status !== status) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const model = async (name: string): Promise<ModelRow[]> =>
    t.koers.db.query<ModelRow>(
      `SELECT to_char(month, 'YYYY-MM') AS month, referral_id AS referral, offered_minutes::int AS offered, attended_minutes::int AS attended,
         made_up_minutes::int AS "madeUp", unclassified, rows FROM attendance_month WHERE participant_id = $1 ORDER BY month, referral_id`,
      [who[name]?.participantId],
    );
  const record = (id: string, rows: unknown[]) => must(coordinator.request('PUT', `/api/v1/lessons/${id}/attendance`, rows), 200);
  const present = (name: string, minutes: number) => ({ participantId: who[name]?.participantId, present: true, calledIn: false, minutesAttended: minutes });
  const absent = (name: string) => ({ participantId: who[name]?.participantId, present: false, calledIn: true, reason: 'ziek' });
  const rateOf = async (name: string) => {
    const res = await must(consultant.get(`/api/v1/attendance-rates?from=2027-03-01&to=2027-04-30&pageSize=100`), 200);
    const item = res.items.find((i: any) => i.participantId === who[name]?.participantId);
    return { offered: item?.offeredMinutes, attended: item?.attendedMinutes, rate: item?.rate };
  };
  const quarters = async (name: string) =>
    (await unsafeQuarterlyMiFacts(t.koers.db, { kind: 'municipality', municipalityId: HOORN }, { contractId, from: '2027-01-01', to: '2027-06-30' })).attendance.filter(
      (f) => f.referralId === who[name]?.referralId,
    );

  beforeAll(async () => {
    t = await startTestKoers({ today: '2027-02-15' });
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    coordinator = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    for (const name of ['a', 'b']) {
      const body = await must(consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: TAALPUNT, productCode: 'b1_language' } })), 201);
      who[name] = { participantId: body.id, referralId: body.referrals[0].id };
    }
    contractId = (await t.koers.db.query<{ c: string }>(`SELECT contract_id AS c FROM referral WHERE id = $1`, [who.a?.referralId]))[0]?.c ?? '';
    const aGroup = (name: string) => ({
      name, levelBand: 'a2b1', literacy: 'literate', location: 'Hoorn', activeFrom: '2027-01-01',
      schedule: [{ weekday: 1, startTime: '13:00', minutes: 200, kind: 'language' }, { weekday: 5, startTime: '09:00', minutes: 120, kind: 'makeUp' }],
    });
    groupA = (await must(coordinator.post('/api/v1/groups', aGroup('Leesmodel A')), 201)).id;
    groupB = (await must(coordinator.post('/api/v1/groups', aGroup('Leesmodel B')), 201)).id;
    for (const name of ['a', 'b']) {
      await must(coordinator.post(`/api/v1/groups/${groupA}/members`, { participantId: who[name]?.participantId, referralId: who[name]?.referralId, from: '2027-03-01', literacy: 'literate' }), 201);
    }
    const lessons = (await must(coordinator.post(`/api/v1/groups/${groupA}/lessons/generate`, { from: '2027-03-01', to: '2027-04-30' }), 200)).lessons as { id: string; date: string }[];
    for (const l of lessons) lesson[l.date] = l.id;
    t.clock.setToday('2027-05-03');
  });
  afterAll(async () => t?.stop());

  it('the attendance screen fills the model per participant and month: regular minutes, absences, make-up apart', async () => {
    // Monday 1, 8, 15 March and 5 April (200 minutes each), Friday 12 March a make-up class (120).
    await record(lesson['2027-03-01']!, [present('a', 200), present('b', 200)]);
    await record(lesson['2027-03-08']!, [absent('a'), present('b', 200)]);
    await record(lesson['2027-03-12']!, [present('a', 90), absent('b')]);
    await record(lesson['2027-03-15']!, [present('a', 150), present('b', 200)]);
    await record(lesson['2027-04-05']!, [present('a', 100), present('b', 200)]);
    const ref = who.a?.referralId ?? '';
    // a, March: offered 3 × 200 = 600; attended 200 + 0 + 150 = 350; made up 90; one unclassified absence; 4 rows.
    // a, April: offered 200, attended 100.
    expect(await model('a')).toEqual([
      { month: '2027-03', referral: ref, offered: 600, attended: 350, madeUp: 90, unclassified: 1, rows: 4 },
      { month: '2027-04', referral: ref, offered: 200, attended: 100, madeUp: 0, unclassified: 0, rows: 1 },
    ]);
    // b, March: 1, 8 and 15 March fully (600 of 600); absent from the make-up class, which is no absence
    // (R-ATT-5); April 200 of 200.
    expect(await model('b')).toEqual([
      { month: '2027-03', referral: who.b?.referralId, offered: 600, attended: 600, madeUp: 0, unclassified: 0, rows: 4 },
      { month: '2027-04', referral: who.b?.referralId, offered: 200, attended: 200, madeUp: 0, unclassified: 0, rows: 1 },
    ]);
  });

  it('a lesson cancelled by the provider or shortened, and a correction on the screen, recompute the month', async () => {
    // 15 March cancelled: it offers nothing and its 150 minutes no longer count (the row stays, 4 rows).
    await must(coordinator.request('PATCH', `/api/v1/lessons/${lesson['2027-03-15']}`, { cancelledByProvider: true }), 200);
    // 8 March corrected on the screen (a was there for 50 minutes after all, b for 100), then the lesson
    // shortened to 100 minutes (the application allows no less than the minutes recorded).
    await record(lesson['2027-03-08']!, [present('a', 50), present('b', 100)]);
    await must(coordinator.request('PATCH', `/api/v1/lessons/${lesson['2027-03-08']}`, { minutes: 100 }), 200);
    // a, March: offered 200 + 100 = 300; attended 200 + 50 = 250; made up 90; no absence left.
    expect(await model('a')).toEqual([
      { month: '2027-03', referral: who.a?.referralId, offered: 300, attended: 250, madeUp: 90, unclassified: 0, rows: 4 },
      { month: '2027-04', referral: who.a?.referralId, offered: 200, attended: 100, madeUp: 0, unclassified: 0, rows: 1 },
    ]);
    // b, March: 200 + 100 of 200 + 100 (15 March offers nothing now).
    expect((await model('b'))[0]).toEqual({ month: '2027-03', referral: who.b?.referralId, offered: 300, attended: 300, madeUp: 0, unclassified: 0, rows: 4 });
  });

  it('the readers apply the make-up rule on the model: within the month for the management information, over the window for the rates page', async () => {
    // Quarterly MI, per referral and quarter of its months: Q1 (March) 250 + min(90, 300 − 250) = 300 of
    // 300; Q2 (April) 100 of 200.
    expect(await quarters('a')).toEqual([
      { referralId: who.a?.referralId, quarter: '2027-Q1', offeredMinutes: 300, attendedMinutes: 300 },
      { referralId: who.a?.referralId, quarter: '2027-Q2', offeredMinutes: 200, attendedMinutes: 100 },
    ]);
    // Rates page, 1 March – 30 April: offered 500; 350 + min(90, 150) = 440 → 88 %.
    expect(await rateOf('a')).toEqual({ offered: 500, attended: 440, rate: 88 });
    // A ragged window, 2 March – 30 April: 1 March comes from neither; 8 March onwards: offered 300,
    // attended 50 + 100 = 150, made up 90 → 240 = 80 %. (The days 2–31 March are read from the raw rows.)
    const res = await must(consultant.get(`/api/v1/attendance-rates?from=2027-03-02&to=2027-04-30&pageSize=100`), 200);
    const item = res.items.find((i: any) => i.participantId === who.a?.participantId);
    expect([item.offeredMinutes, item.attendedMinutes, item.rate]).toEqual([300, 240, 80]);
  });

  it('a member moved to another group: the lessons after the move belong to no placement of that group', async () => {
    // Moved on 1 April: member of A up to 31 March. The 5 April row of group A stays a's (the rates page
    // counts it) but serves no referral, so the management information no longer counts April.
    await must(coordinator.post(`/api/v1/groups/${groupA}/members/${who.a?.participantId}/move`, { toGroupId: groupB, on: '2027-04-01' }), 200);
    expect(await model('a')).toEqual([
      { month: '2027-03', referral: who.a?.referralId, offered: 300, attended: 250, madeUp: 90, unclassified: 0, rows: 4 },
      { month: '2027-04', referral: null, offered: 200, attended: 100, madeUp: 0, unclassified: 0, rows: 1 },
    ]);
    expect(await quarters('a')).toEqual([{ referralId: who.a?.referralId, quarter: '2027-Q1', offeredMinutes: 300, attendedMinutes: 300 }]);
    expect(await rateOf('a')).toEqual({ offered: 500, attended: 440, rate: 88 });
  });

  it('a transaction that fails leaves the model as it was; the rates page reads the model, not the rows', async () => {
    const before = await model('b');
    await expect(
      t.koers.db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO attendance (lesson_id, participant_id, municipality_id, present, minutes_attended, called_in, version, recorded_by, recorded_at)
           SELECT $1, $2, $3, true, 200, false, 1, recorded_by, now() FROM attendance LIMIT 1`,
          [lesson['2027-04-12'], who.b?.participantId, HOORN],
        );
        // Inside the transaction the model has it already: b's April holds two rows.
        expect((await tx.query<{ rows: number }>(`SELECT rows FROM attendance_month WHERE participant_id = $1 AND month = '2027-04-01'`, [who.b?.participantId]))[0]?.rows).toBe(2);
        throw new Error('crash');
      }),
    ).rejects.toThrow('crash');
    expect(await model('b')).toEqual(before);
    // Tampering with the model shows on the page (1000 more minutes offered); a refresh from the facts puts it right.
    await t.koers.db.query(`UPDATE attendance_month SET offered_minutes = offered_minutes + 1000 WHERE participant_id = $1 AND month = '2027-03-01'`, [who.a?.participantId]);
    expect((await rateOf('a')).offered).toBe(1500);
    await t.koers.db.query(`SELECT attendance_month_refresh(ARRAY[$1::uuid], ARRAY[$2::uuid], ARRAY['2027-03-01'::date])`, [who.a?.participantId, groupA]);
    expect(await rateOf('a')).toEqual({ offered: 500, attended: 440, rate: 88 });
  });
});
