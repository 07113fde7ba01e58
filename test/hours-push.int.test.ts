// Hours pushed by a provider's own system (issue #4 item 6; R-EXC-1, R-HRS-1): a batch is stored whole or
// not at all with each bad item named, the same Idempotency-Key replays, a resent entry with other
// values is a correction that keeps the old version, and the participant's hours add lessons and
// registered hours and raise the milestone signal (R-HRS-2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

describe(`hours push on ${DB_KIND}`, () => {
  let t: TestKoers;
  let coordinator: Client;
  let consultant: Client;
  let participantId: string;
  let referralId: string;

  const push = (c: Client, key: string, items: unknown[]) => c.request('POST', '/api/v1/hours-batches', { items }, { 'idempotency-key': key });
  const entries = () =>
    t.koers.db.query<{ externalId: string; minutes: number; version: number; superseded: boolean }>(
      `SELECT external_id AS "externalId", minutes, version, superseded FROM hours_entry WHERE participant_id = $1 ORDER BY external_id, version`,
      [participantId],
    );
  const item = (externalId: string, over: Record<string, unknown> = {}) => ({ externalId, participantId, referralId, date: '2027-02-01', kind: 'internship', minutes: 240, ...over });

  beforeAll(async () => {
    t = await startTestKoers({ today: '2027-03-01' });
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    coordinator = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    t.clock.setToday('2027-01-04');
    const res = await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: organisationId('provider', 'taalpunt-westfriesland'), productCode: 'b1_language' } }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    participantId = res.body.id;
    referralId = res.body.referrals[0].id;
    t.clock.setToday('2027-03-01');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('refuses a batch with one bad item among many, names the item and field, and stores nothing', async () => {
    const items = Array.from({ length: 50 }, (_, i) => item(`bad-batch-${i}`));
    items[37] = item('bad-batch-37', { date: '2027-03-02' });
    const res = await push(coordinator, 'k-bad', items);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.invalidParams).toEqual([{ name: 'items[37].date', code: 'future', reason: 'Uren kunnen niet in de toekomst liggen.' }]);
    expect(await entries()).toEqual([]);
    const before = await push(coordinator, 'k-early', [item('early', { date: '2027-01-01' })]);
    expect(before.body.invalidParams[0]).toMatchObject({ name: 'items[0].date', code: 'beforeReferral' });
  });

  it('stores a batch once: the same key replays the answer, the same entries under a new key change nothing', async () => {
    const items = [item('stage-1'), item('stage-2', { kind: 'participation', minutes: 120 })];
    const first = await push(coordinator, 'k-1', items);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ items: 2, created: 2, changed: 0, unchanged: 0 });
    const replay = await push(coordinator, 'k-1', items);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    const again = await push(coordinator, 'k-2', items);
    expect(again.body).toMatchObject({ created: 0, changed: 0, unchanged: 2 });
    expect(await entries()).toHaveLength(2);
    const reused = await push(coordinator, 'k-1', [item('stage-3')]);
    expect(reused.status).toBe(422);
    expect(reused.body.invalidParams[0].name).toBe('Idempotency-Key');
  });

  it('a resent entry with other minutes is a correction: a new version, the old one kept', async () => {
    const res = await push(coordinator, 'k-3', [item('stage-1', { minutes: 180 })]);
    expect(res.body).toMatchObject({ created: 0, changed: 1, unchanged: 0 });
    expect((await entries()).filter((e) => e.externalId === 'stage-1')).toEqual([
      { externalId: 'stage-1', minutes: 240, version: 1, superseded: true },
      { externalId: 'stage-1', minutes: 180, version: 2, superseded: false },
    ]);
    const hours = await consultant.get(`/api/v1/participants/${participantId}/hours`);
    expect(hours.status).toBe(200);
    expect(hours.body).toMatchObject({ registeredMinutes: 300, lessonMinutes: 0, totalMinutes: 300 });
    expect(hours.body.byKind).toMatchObject({ internship: 180, participation: 120, language: 0 });
    expect(hours.body.byWeek).toEqual([{ week: '2027-02-01', minutes: 300 }]);
  });

  it('another provider cannot push for this referral and learns nothing about it', async () => {
    const other = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'leerhuis-noord'));
    const res = await push(other, 'k-other', [item('x-1')]);
    expect(res.status).toBe(422);
    expect(res.body.invalidParams).toEqual([{ name: 'items[0].referralId', code: 'unknown', reason: 'Onbekende aanmelding voor deze inburgeraar bij uw organisatie.' }]);
    expect((await other.get(`/api/v1/participants/${participantId}/hours`)).status).toBe(404);
  });

  it('registered hours count towards the 200-hour milestone and raise its signal once (R-HRS-2)', async () => {
    // 50 days of 240 minutes = 200 hours, plus the 300 minutes above.
    const days = Array.from({ length: 50 }, (_, i) => {
      const d = new Date(Date.UTC(2027, 0, 5 + i));
      return item(`lang-${i}`, { kind: 'language', date: d.toISOString().slice(0, 10) });
    });
    const res = await push(coordinator, 'k-200', days);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const signals = await t.koers.db.query<{ period: string }>(`SELECT period FROM signal WHERE subject_id = $1 AND cause = 'progress.testDue'`, [participantId]);
    expect(signals).toEqual([{ period: 'h200' }]);
    await push(coordinator, 'k-200b', days.map((d) => ({ ...d, minutes: 241 })));
    expect(await t.koers.db.query(`SELECT 1 FROM signal WHERE subject_id = $1 AND cause = 'progress.testDue'`, [participantId])).toHaveLength(1);
    const hours = await coordinator.get(`/api/v1/participants/${participantId}/hours`);
    expect(hours.body.nt2LessonMinutes).toBe(50 * 241);
    expect(hours.body.milestones[0]).toEqual({ hours: 200, reachedOn: expect.any(String) });
  });
});
