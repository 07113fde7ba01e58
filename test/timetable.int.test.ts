// Issue #12 (R-PRT-2): the participant's timetable — the lessons of their groups this week and next,
// only while they are a member, a lesson the provider cancelled marked so; read by the participant
// itself, audited (R-SEC-2). Access per role: test/isolation.int.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');

describe(`the participant's timetable on ${DB_KIND}`, () => {
  let t: TestKoers;
  let self: Client;
  let participantId = '';

  beforeAll(async () => {
    // Wednesday 2 December 2026: this week is Monday 30 November up to Sunday 13 December with the next.
    t = await startTestKoers({ today: '2026-12-02' });
    const consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    const coordinator = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    const created = await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
    expect(created.status).toBe(201);
    participantId = created.body.id;
    const referralId: string = created.body.referrals[0].id;
    const group = await coordinator.post('/api/v1/groups', {
      name: 'B1 ochtend',
      levelBand: 'a2b1',
      literacy: 'literate',
      location: 'Hoorn, Dampten 10',
      // Tuesdays and Thursdays at nine.
      schedule: [
        { weekday: 2, startTime: '09:00', minutes: 180, kind: 'language' },
        { weekday: 4, startTime: '09:00', minutes: 120, kind: 'knm' },
      ],
      activeFrom: '2026-11-01',
    });
    expect(group.status).toBe(201);
    const generated = await coordinator.post(`/api/v1/groups/${group.body.id}/lessons/generate`, { from: '2026-11-23', to: '2026-12-20' });
    expect(generated.status).toBe(200);
    // A member from Thursday 3 December: the Tuesday before is not theirs.
    expect((await coordinator.post(`/api/v1/groups/${group.body.id}/members`, { participantId, referralId, from: '2026-12-03', literacy: 'literate' })).status).toBe(201);
    self = await Client.loggedIn(t, await aUser(t, 'participant', undefined, participantId));
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('lists the lessons of this week and next from the day they are a member, each with time, place and kind', async () => {
    const res = await self.get(`/api/v1/participants/${participantId}/timetable`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2026-11-30', to: '2026-12-13' });
    const lessons = res.body.lessons as { date: string; startTime: string; minutes: number; kind: string; cancelled: boolean; groupName: string; location: string }[];
    expect(lessons.map((l) => `${l.date} ${l.startTime} ${l.kind} ${l.minutes}`)).toEqual([
      '2026-12-03 09:00 knm 120',
      '2026-12-08 09:00 language 180',
      '2026-12-10 09:00 knm 120',
    ]);
    expect(lessons[0]).toMatchObject({ cancelled: false, groupName: 'B1 ochtend', location: 'Hoorn, Dampten 10' });
  });

  it('the read is audited with the participant as data subject (R-SEC-2)', async () => {
    const rows = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE name = 'lesson.read' AND object_type = 'timetable' AND object_id = $1 AND status = 'ok'`, [participantId]);
    expect(rows[0]?.n).toBeGreaterThanOrEqual(1);
  });
});
