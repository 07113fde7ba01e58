// The below-norm attendance signal judged on complete months (R-ATT-4, issue #10 item 4) and the norm
// taken from the contract version in force for the participant's referral (R-CON-7, R-ATT-3, issue #10
// item 3), through the API on a real Koers. Westfriesland: consultant of Hoorn, provider Taalpunt.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
const CONTRACTS = path.resolve(import.meta.dirname, '../contracts');

interface Member {
  participantId: string;
  referralId: string;
}

interface World {
  t: TestKoers;
  consultant: Client;
  coordinator: Client;
  teacher: Client;
  teacherUserId: string;
}

async function aWorld(contractsDir?: string): Promise<World> {
  const t = await startTestKoers({ today: '2027-02-22', ...(contractsDir !== undefined ? { config: { contractsDir } } : {}) });
  const teacherUser = await aUser(t, 'teacher', 'taalpunt-westfriesland');
  return {
    t,
    consultant: await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn')),
    coordinator: await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland')),
    teacher: await Client.loggedIn(t, teacherUser),
    teacherUserId: teacherUser.id,
  };
}

/** A copy of the contract files with the Westfriesland file changed by `edit`. */
function contractsWith(edit: (yaml: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'koers-contracts-'));
  cpSync(CONTRACTS, dir, { recursive: true });
  const file = path.join(dir, 'westfriesland.yaml');
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error('the edit changed nothing in westfriesland.yaml');
  writeFileSync(file, after);
  return dir;
}

/** Participants referred to Taalpunt, in one Monday group of 100-minute lessons from 1 March to 5 April 2027. */
async function aMarchGroup(w: World, size: number): Promise<{ members: Member[]; lessons: { id: string; date: string }[] }> {
  const members: Member[] = [];
  for (let i = 0; i < size; i++) {
    const res = await w.consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    members.push({ participantId: res.body.id, referralId: res.body.referrals[0].id });
  }
  const g = await w.coordinator.post('/api/v1/groups', {
    name: 'B1 maandag',
    levelBand: 'a2b1',
    literacy: 'literate',
    location: 'Hoorn, Grote Noord 1',
    teacherUserId: w.teacherUserId,
    schedule: [{ weekday: 1, startTime: '09:00', minutes: 100, kind: 'language' }],
    activeFrom: '2027-03-01',
  });
  expect(g.status, JSON.stringify(g.body)).toBe(201);
  for (const m of members) {
    const placed = await w.coordinator.post(`/api/v1/groups/${g.body.id}/members`, { participantId: m.participantId, referralId: m.referralId, from: '2027-03-01', literacy: 'literate' });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  }
  const gen = await w.coordinator.post(`/api/v1/groups/${g.body.id}/lessons/generate`, { from: '2027-03-01', to: '2027-04-05' });
  expect(gen.body.created).toBe(6); // 1, 8, 15, 22 and 29 March, 5 April
  return { members, lessons: gen.body.lessons };
}

/** Records one lesson: minutes attended per member (0 = absent with a reason). */
async function record(w: World, lessonId: string, minutes: ReadonlyMap<string, number>) {
  const body = [...minutes].map(([participantId, m]) =>
    m === 0 ? { participantId, present: false, calledIn: true, reason: 'illness' } : { participantId, present: true, calledIn: false, minutesAttended: m },
  );
  const res = await w.teacher.request('PUT', `/api/v1/lessons/${lessonId}/attendance`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function signalsOf(w: World, participantId: string, cause: string) {
  return w.t.koers.db.query<{ period: string; addressee: string; status: string; due: string }>(
    `SELECT period, addressee, status, to_char(due_date, 'YYYY-MM-DD') AS due FROM signal
     WHERE subject_type = 'participant' AND subject_id = $1 AND cause = $2 ORDER BY period`,
    [participantId, cause],
  );
}

describe(`the below-norm signal judges complete months only (R-ATT-4, issue #10) on ${DB_KIND}`, () => {
  let w: World;
  beforeAll(async () => {
    w = await aWorld();
  });
  afterAll(async () => {
    await w?.t.stop();
  });

  it('raises nothing while March runs, nothing when March ends at 80%, and a signal dated 31 March when it ends below', async () => {
    const { members, lessons } = await aMarchGroup(w, 2);
    const [recovers, stays] = members as [Member, Member];
    // Each lesson recorded on its day. 1 March: both absent; the month so far is 0%, but March is not over.
    // Then the one attends the other four March lessons (400 of 500 = 80%), the other three (60%).
    for (const [i, l] of lessons.entries()) {
      w.t.clock.setToday(l.date);
      await record(w, l.id, new Map([[recovers.participantId, i === 0 ? 0 : 100], [stays.participantId, i <= 1 ? 0 : 100]]));
      // Until March has ended (the last lesson, 5 April, is recorded in April) no month is judged.
      if (l.date < '2027-04-01') {
        expect(await signalsOf(w, recovers.participantId, 'attendance.belowNorm'), l.date).toEqual([]);
        expect(await signalsOf(w, stays.participantId, 'attendance.belowNorm'), l.date).toEqual([]);
      }
    }
    expect(await signalsOf(w, recovers.participantId, 'attendance.belowNorm')).toEqual([]);
    expect(await signalsOf(w, stays.participantId, 'attendance.belowNorm')).toEqual([{ period: '2027-03', addressee: 'municipality', status: 'open', due: '2027-03-31' }]);
  });
});

describe(`the norm comes from the contract version of the referral (R-CON-7, R-ATT-3, issue #10) on ${DB_KIND}`, () => {
  let dir: string;
  let strict: World;
  let normal: World;
  beforeAll(async () => {
    dir = contractsWith((yaml) => yaml.replace(/absenceProtocol:\n(\s+)normPercent: 80\n/, 'absenceProtocol:\n$1normPercent: 85\n'));
    strict = await aWorld(dir);
    normal = await aWorld();
  });
  afterAll(async () => {
    await strict?.t.stop();
    await normal?.t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** 82% in March (410 of 500 minutes), then present on 5 April, which judges March. */
  async function at82(w: World): Promise<string> {
    const { members, lessons } = await aMarchGroup(w, 1);
    const { participantId } = members[0] as Member;
    for (const [i, l] of lessons.entries()) {
      w.t.clock.setToday(l.date);
      await record(w, l.id, new Map([[participantId, i === 4 ? 10 : 100]]));
    }
    return participantId;
  }
  const ratesOf = async (w: World, query: string) => {
    const res = await w.consultant.get(`/api/v1/attendance-rates?from=2027-03-01&to=2027-03-31&${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { normPercent: number; total: number; items: { participantId: string; rate: number; normPercent: number; belowNorm: boolean }[] };
  };

  it('at 85%, 82% attendance raises the below-norm signal and the below-norm filter and the file include the participant', async () => {
    const id = await at82(strict);
    expect(await signalsOf(strict, id, 'attendance.belowNorm')).toEqual([{ period: '2027-03', addressee: 'municipality', status: 'open', due: '2027-03-31' }]);
    const below = await ratesOf(strict, 'belowNorm=true');
    expect(below.items.find((i) => i.participantId === id)).toMatchObject({ rate: 82, normPercent: 85, belowNorm: true });
    expect(below.normPercent).toBe(85);
    expect((await ratesOf(strict, 'belowNorm=false')).items.map((i) => i.participantId)).not.toContain(id);
    const summary = await strict.consultant.get('/api/v1/attendance-rates/summary?from=2027-03-01&to=2027-03-31');
    expect(summary.body).toMatchObject({ normPercent: 85, total: 1, belowNorm: 1 });
    const file = await strict.consultant.get(`/api/v1/participants/${id}/attendance?from=2027-03-01&to=2027-03-31`);
    expect(file.body).toMatchObject({ rate: { percentage: 82 }, belowNorm: true });
  });

  it('at the shipped 80%, the same 82% raises nothing and is not below the norm anywhere', async () => {
    const id = await at82(normal);
    expect(await signalsOf(normal, id, 'attendance.belowNorm')).toEqual([]);
    expect((await ratesOf(normal, 'belowNorm=true')).items.map((i) => i.participantId)).not.toContain(id);
    expect((await ratesOf(normal, 'belowNorm=false')).items.find((i) => i.participantId === id)).toMatchObject({ rate: 82, normPercent: 80, belowNorm: false });
    const file = await normal.consultant.get(`/api/v1/participants/${id}/attendance?from=2027-03-01&to=2027-03-31`);
    expect(file.body).toMatchObject({ rate: { percentage: 82 }, belowNorm: false });
  });
});

describe(`the official warning to the participant on frequent absence is a contract option (004 §2.4, R-ATT-4, issue #10) on ${DB_KIND}`, () => {
  let dir: string;
  let on: World;
  let off: World;
  beforeAll(async () => {
    dir = contractsWith((yaml) => yaml.replace(/frequentAbsence:\n(\s+)warnParticipant: true\n/, 'frequentAbsence:\n$1warnParticipant: false\n'));
    on = await aWorld();
    off = await aWorld(dir);
  });
  afterAll(async () => {
    await on?.t.stop();
    await off?.t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Absent on 1, 8 and 15 March: the third absence in one calendar month. */
  async function threeAbsences(w: World): Promise<string> {
    const { members, lessons } = await aMarchGroup(w, 1);
    const { participantId } = members[0] as Member;
    for (const l of lessons.slice(0, 3)) {
      w.t.clock.setToday(l.date);
      await record(w, l.id, new Map([[participantId, 0]]));
    }
    return participantId;
  }
  const causesFor = async (c: Client, participantId: string) =>
    ((await c.get('/api/v1/signals')).body.items as { cause: string; participant: { id: string } | null }[])
      .filter((s) => s.participant?.id === participantId)
      .map((s) => s.cause)
      .sort();

  it('on (Westfriesland as shipped): the provider is asked to send the warning, the consultant is told of the absence', async () => {
    const id = await threeAbsences(on);
    expect(await signalsOf(on, id, 'absence.warnParticipant')).toEqual([{ period: '2027-03', addressee: 'provider', status: 'open', due: '2027-03-15' }]);
    expect(await causesFor(on.coordinator, id)).toContain('absence.warnParticipant');
    expect(await causesFor(on.consultant, id)).toContain('absence.frequent');
  });

  it('off: the consultant is told of the absence and the provider gets no warning to send', async () => {
    const id = await threeAbsences(off);
    expect(await signalsOf(off, id, 'absence.warnParticipant')).toEqual([]);
    expect(await causesFor(off.coordinator, id)).not.toContain('absence.warnParticipant');
    expect(await causesFor(off.consultant, id)).toContain('absence.frequent');
  });
});
