// Hours and progress signals through the API (R-HRS-2, R-HRS-3): crossing 200 attended hours raises one
// "progress test due" signal with its two-week deadline (000 §4.4), a calendar report moment raises a
// "progress report due" signal (001 §2.3.1: every three months), and recording again raises nothing new.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoursFactsOf } from '../src/features/hours/store.js';
import { raiseHoursSignals } from '../src/features/signals/raisers/hours.js';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

interface Referred {
  participantId: string;
  referralId: string;
}

describe(`hours and progress signals on ${DB_KIND}`, () => {
  let t: TestKoers;

  const signals = (participantId: string) =>
    t.koers.db.query<{ cause: string; period: string; addressee: string; due: string }>(
      `SELECT cause, period, addressee, due_date::text AS due FROM signal WHERE subject_type = 'participant' AND subject_id = $1 AND cause LIKE 'progress.%' ORDER BY cause, period`,
      [participantId],
    );
  const put = (c: Client, lessonId: string, b: unknown) => c.request('PUT', `/api/v1/lessons/${lessonId}/attendance`, b);

  /** A provider's group with the given members, its lessons generated over [from, to]. */
  async function groupWith(region: { municipality: string; provider: string }, schedule: unknown[], from: string, to: string, size: number) {
    const consultant = await Client.loggedIn(t, await aUser(t, 'consultant', region.municipality));
    const coordinator = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', region.provider));
    const teacherUser = await aUser(t, 'teacher', region.provider);
    const teacher = await Client.loggedIn(t, teacherUser);
    const members: Referred[] = [];
    for (let i = 0; i < size; i++) {
      const res = await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: organisationId('provider', region.provider), productCode: 'b1_language' } }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      members.push({ participantId: res.body.id, referralId: res.body.referrals[0].id });
    }
    const g = await coordinator.post('/api/v1/groups', {
      name: 'B1 intensief',
      levelBand: 'a2b1',
      literacy: 'literate',
      location: 'Leslocatie 1',
      teacherUserId: teacherUser.id,
      schedule,
      activeFrom: from,
    });
    expect(g.status, JSON.stringify(g.body)).toBe(201);
    for (const m of members) {
      const placed = await coordinator.post(`/api/v1/groups/${g.body.id}/members`, { participantId: m.participantId, referralId: m.referralId, from, literacy: 'literate' });
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    }
    const gen = await coordinator.post(`/api/v1/groups/${g.body.id}/lessons/generate`, { from, to });
    expect(gen.status, JSON.stringify(gen.body)).toBe(200);
    return { teacher, members, lessons: gen.body.lessons as { id: string; date: string }[] };
  }

  beforeAll(async () => {
    t = await startTestKoers({ today: '2027-03-01' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('crossing 200 hours raises one progress-test signal due two weeks later; again raises nothing (R-HRS-2, 000 §4.4)', async () => {
    // Westfriesland: milestones 200/400/600, no calendar cadence. A 600-minute lesson every day.
    const schedule = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '08:00', minutes: 600, kind: weekday === 2 ? 'knm' : 'language' }));
    const { teacher, members, lessons } = await groupWith({ municipality: 'hoorn', provider: 'taalpunt-westfriesland' }, schedule, '2027-03-01', '2027-03-21', 2);
    expect(lessons).toHaveLength(21);
    const [full, half] = members as [Referred, Referred];
    t.clock.setToday('2027-03-22');
    const bodyFor = () => [
      { participantId: full.participantId, present: true, calledIn: false },
      // Half the minutes: 21 × 300 = 105 hours, under 200.
      { participantId: half.participantId, present: true, calledIn: false, minutesAttended: 300 },
    ];
    for (const l of lessons) {
      const res = await put(teacher, l.id, bodyFor());
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    // 20 × 600 minutes = 200 hours on Saturday 2027-03-20. Two weeks later is Saturday 2027-04-03, so the
    // next working day Monday 2027-04-05 (Easter Monday 2027 is 29 March).
    expect(await signals(full.participantId)).toEqual([{ cause: 'progress.testDue', period: 'h200', addressee: 'provider', due: '2027-04-05' }]);
    expect(await signals(half.participantId)).toEqual([]);

    // Recording the same lesson again, and running the rules again, raises nothing new.
    const last = lessons[lessons.length - 1] as { id: string };
    expect((await put(teacher, last.id, bodyFor())).status).toBe(200);
    expect(await t.koers.db.transaction(async (tx) => raiseHoursSignals(tx, await hoursFactsOf(tx, t.koers.contracts, full.participantId), '2027-03-22'))).toBe(0);
    expect(await signals(full.participantId)).toHaveLength(1);
  });

  it('a report moment every three months from the first lesson raises a progress-report signal (R-HRS-3, 001 §2.3.1)', async () => {
    // Centraal Gelderland: a report every 3 months from the start; the referral has no start date yet,
    // so the first lesson (Monday 2027-01-04) counts as the start.
    const schedule = [{ weekday: 1, startTime: '09:00', minutes: 180, kind: 'language' }];
    // Referred on the day of the first lesson: the cadence never starts before the referral date.
    t.clock.setToday('2027-01-04');
    const { teacher, members, lessons } = await groupWith({ municipality: 'arnhem', provider: 'echt-nederlands' }, schedule, '2027-01-04', '2027-01-04', 1);
    const [m] = members as [Referred];
    t.clock.setToday('2027-07-10');
    const res = await put(teacher, (lessons[0] as { id: string }).id, [{ participantId: m.participantId, present: true, calledIn: false }]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // Moments 2027-04-04 and 2027-07-04 (both Sundays); two weeks later are Sundays too, so the Mondays after.
    expect(await signals(m.participantId)).toEqual([
      { cause: 'progress.reportDue', period: '2027-04-04', addressee: 'provider', due: '2027-04-19' },
      { cause: 'progress.reportDue', period: '2027-07-04', addressee: 'provider', due: '2027-07-19' },
    ]);
    expect(await t.koers.db.transaction(async (tx) => raiseHoursSignals(tx, await hoursFactsOf(tx, t.koers.contracts, m.participantId), '2027-07-10'))).toBe(0);
  });

  it('a placement and lesson dated before the referral owe no report before the referral date (R-HRS-3, issue #10)', async () => {
    // Referred on 2027-03-01, but placed and taught from Monday 2026-01-05: the old code counted the
    // cadence from that lesson and raised four reports "due" in 2026, before the referral existed.
    t.clock.setToday('2027-03-01');
    const schedule = [{ weekday: 1, startTime: '09:00', minutes: 180, kind: 'language' }];
    const { teacher, members, lessons } = await groupWith({ municipality: 'arnhem', provider: 'echt-nederlands' }, schedule, '2026-01-05', '2026-01-05', 1);
    const [m] = members as [Referred];
    t.clock.setToday('2027-07-10');
    const res = await put(teacher, (lessons[0] as { id: string }).id, [{ participantId: m.participantId, present: true, calledIn: false }]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const found = await signals(m.participantId);
    for (const s of found) {
      expect(s.period > '2027-03-01', JSON.stringify(s)).toBe(true);
      expect(s.due > '2027-03-01', JSON.stringify(s)).toBe(true);
    }
    // Three months from the referral date: 2027-06-01 (a Tuesday), due two weeks later.
    expect(found).toEqual([{ cause: 'progress.reportDue', period: '2027-06-01', addressee: 'provider', due: '2027-06-15' }]);
  });
});
