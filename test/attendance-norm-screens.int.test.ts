// The screens follow the contract's attendance norm (R-ATT-3, R-CON-7, issue #10 item 3): with a
// Westfriesland contract whose absenceProtocol.normPercent is 85, the participant's attendance answer,
// the group page's member rows and the plain-Dutch progress report say 85, not a fixed 80.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
const CONTRACTS = path.resolve(import.meta.dirname, '../contracts');

describe(`the screens take the norm from the contract (R-ATT-3, issue #10) on ${DB_KIND}`, () => {
  let dir: string;
  let t: TestKoers;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'koers-contracts-'));
    cpSync(CONTRACTS, dir, { recursive: true });
    const file = path.join(dir, 'westfriesland.yaml');
    const before = readFileSync(file, 'utf8');
    const after = before.replace(/absenceProtocol:\n(\s+)normPercent: 80\n/, 'absenceProtocol:\n$1normPercent: 85\n');
    expect(after).not.toBe(before);
    writeFileSync(file, after);
    t = await startTestKoers({ today: '2027-02-22', config: { contractsDir: dir } });
  });
  afterAll(async () => {
    await t?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('at 85%, the attendance answer, the group members and the plain-Dutch report say 85', async () => {
    const consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    const coordinator = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    const teacherUser = await aUser(t, 'teacher', 'taalpunt-westfriesland');
    const teacher = await Client.loggedIn(t, teacherUser);
    const p = await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    const participantId: string = p.body.id;
    const g = await coordinator.post('/api/v1/groups', {
      name: 'B1 maandag',
      levelBand: 'a2b1',
      literacy: 'literate',
      location: 'Hoorn, Grote Noord 1',
      teacherUserId: teacherUser.id,
      schedule: [{ weekday: 1, startTime: '09:00', minutes: 100, kind: 'language' }],
      activeFrom: '2027-03-01',
    });
    expect(g.status, JSON.stringify(g.body)).toBe(201);
    const placed = await coordinator.post(`/api/v1/groups/${g.body.id}/members`, { participantId, referralId: p.body.referrals[0].id, from: '2027-03-01', literacy: 'literate' });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const gen = await coordinator.post(`/api/v1/groups/${g.body.id}/lessons/generate`, { from: '2027-03-01', to: '2027-03-29' });
    expect(gen.status, JSON.stringify(gen.body)).toBe(200);
    // 410 of 500 minutes in March: 82%, above 80 but below 85.
    for (const [i, l] of (gen.body.lessons as { id: string; date: string }[]).entries()) {
      t.clock.setToday(l.date);
      const res = await teacher.request('PUT', `/api/v1/lessons/${l.id}/attendance`, [{ participantId, present: true, calledIn: false, minutesAttended: i === 4 ? 10 : 100 }]);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }

    const file = await consultant.get(`/api/v1/participants/${participantId}/attendance?from=2027-03-01&to=2027-03-31`);
    expect(file.status, JSON.stringify(file.body)).toBe(200);
    expect(file.body).toMatchObject({ rate: { percentage: 82 }, belowNorm: true, normPercent: 85 });

    const group = await coordinator.get(`/api/v1/groups/${g.body.id}`);
    expect(group.status, JSON.stringify(group.body)).toBe(200);
    expect(group.body.members).toEqual([expect.objectContaining({ participantId, attendanceThisMonth: 82, normPercent: 85 })]);

    const draft = await coordinator.post(`/api/v1/participants/${participantId}/progress-reports`, { kind: 'progress' });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect(draft.body.content.attendancePercentage).toBe(82);
    expect(draft.body.plainDutch).toContain('U was bij 82% van de lessen. Dat is te weinig: de regel is 85%.');
  });
});
