// Issue #14 (R-QLT-1, R-QLT-2, R-QLT-4; 000 §4.2 items 1, 2, 8, 11): the quality register's mark, teachers,
// class visits and satisfaction results reach the management report through the API, on PGlite and PostgreSQL. Twente's
// contract manager records them for NT2 Centrum Oost; the report of 2026-Q2 shows what falls in the quarter
// (a visit of March and a result of July do not), the mark in force on 30 June (its withdrawal of July not
// yet), the provider only its own, and the aggregate readers the same rows whole (per provider, no person).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const TW = 'twente';
const SCHOOL = 'taalschool-twente';
const OOST = 'nt2-centrum-oost';
const rec = (provider: string) => `/api/v1/quality/contracts/${TW}/providers/${provider}`;
const mr = (c: Client, quarter = '2026-Q2') => c.get(`/api/v1/reports/management-report?contractId=${TW}&quarter=${quarter}`);

describe(`the management report's quality items (1, 2, 8, 11) on ${DB_KIND}`, () => {
  let t: TestKoers;
  let manager: Client;
  let oost: Client;
  let school: Client;
  let officer: Client;

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-07-20' });
    manager = await Client.loggedIn(t, await aUser(t, 'contractManager', TW));
    oost = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', OOST));
    school = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', SCHOOL));
    officer = await Client.loggedIn(t, await aUser(t, 'policyOfficer', 'enschede'));
    const ok = async (path: string, body: object) => {
      const res = await manager.post(`${rec(OOST)}${path}`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body as { marks: { id: string; since: string }[] };
    };
    const record = await ok('/marks', { since: '2025-09-01', validUntil: '2028-08-31' });
    const markId = record.marks.find((m) => m.since === '2025-09-01')?.id;
    await ok(`/marks/${String(markId)}/withdrawal`, { withdrawnOn: '2026-07-10', reason: 'Audit niet doorstaan' });
    await ok('/class-visits', { visitedOn: '2026-03-30', announced: true, findings: 'Vorig kwartaal' });
    await ok('/class-visits', { visitedOn: '2026-05-20', announced: false, findings: 'Goede differentiatie' });
    await ok('/satisfaction', { surveyedOn: '2026-06-30', conductedBy: 'blikOpWerk', score: 7.8, respondents: 41, summary: 'Tevreden over de lessen' });
    await ok('/satisfaction', { surveyedOn: '2026-07-01', conductedBy: 'municipality', score: 6, respondents: 12, summary: 'Volgend kwartaal' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const oostQ2 = {
    providerCode: OOST,
    mark: { since: '2025-09-01', validUntil: '2028-08-31', withdrawnOn: null },
    classVisits: [{ visitedOn: '2026-05-20', announced: false, findings: 'Goede differentiatie' }],
    satisfaction: [{ surveyedOn: '2026-06-30', conductedBy: 'blikOpWerk', score: 7.8, respondents: 41, summary: 'Tevreden over de lessen' }],
  };

  it("the contract manager: every provider of the contract, the quarter's visits and results, the mark on the quarter's last day", async () => {
    const res = await mr(manager);
    expect(res.status).toBe(200);
    const byCode = new Map((res.body.quality as { providerCode: string }[]).map((p) => [p.providerCode, p]));
    // Contract order: the two covenant parties, then the demo providers of contracts/twente.yaml.
    expect([...byCode.keys()]).toEqual([SCHOOL, OOST, 'taalpunt-noord', 'nt2-academie-west', 'inburgeringshuis-zuid', 'taalwerkplaats-centrum']);
    expect(byCode.get(OOST)).toMatchObject(oostQ2);
    expect(byCode.get(SCHOOL)).toMatchObject({ classVisits: [], satisfaction: [] });
    // Q3: July's withdrawal and result; no visit.
    const q3 = (await mr(manager, '2026-Q3')).body.quality.find((p: { providerCode: string }) => p.providerCode === OOST);
    expect(q3).toMatchObject({ mark: { withdrawnOn: '2026-07-10' }, classVisits: [], satisfaction: [{ surveyedOn: '2026-07-01', score: 6 }] });
  });

  it('the provider its own only; the aggregate reader the same rows whole', async () => {
    expect((await mr(oost)).body.quality).toMatchObject([oostQ2]);
    expect((await mr(school)).body.quality).toMatchObject([{ providerCode: SCHOOL, classVisits: [], satisfaction: [] }]);
    const agg = await mr(officer);
    expect(agg.body.audience).toBe('aggregate');
    expect(agg.body.quality.find((p: { providerCode: string }) => p.providerCode === OOST)).toMatchObject(oostQ2);
  });

  it("item 2: the teachers in the register on the quarter's last day against the contract's norm (90% / 10%)", async () => {
    type Rec = { teachers: { id: string; version: number; name: string; qualification: string }[] };
    const add = async (on: string, name: string, qualification: string) => {
      t.clock.setToday(on);
      const res = await school.post(`${rec(SCHOOL)}/teachers`, { name, qualification, alfaSpecialised: false, registeredOn: on });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body as Rec;
    };
    // Q2: nine certified and one in training on 30 June (90% and 10%: the norm met).
    for (let i = 1; i <= 9; i++) await add('2026-06-10', `Gecertificeerd ${String(i)}`, 'certified');
    await add('2026-06-10', 'In opleiding', 'inTraining');
    // Q3: a specialist joins on 5 July; on 15 July a certified teacher is recorded as left on 20 June.
    const after = await add('2026-07-05', 'Specialist', 'otherSpecialist');
    const leaver = after.teachers.find((x) => x.name === 'Gecertificeerd 1');
    t.clock.setToday('2026-07-15');
    const left = await school.request('PUT', `${rec(SCHOOL)}/teachers/${String(leaver?.id)}`, { name: 'Gecertificeerd 1', qualification: 'certified', alfaSpecialised: false, leftOn: '2026-06-20', version: leaver?.version });
    expect(left.status, JSON.stringify(left.body)).toBe(200);
    t.clock.setToday('2026-07-20');
    const norm = { minCertifiedPercent: 90, maxInTrainingPercent: 10 };
    const of = async (quarter: string) => ((await mr(manager, quarter)).body.quality as { providerCode: string; teachers: unknown }[]).find((p) => p.providerCode === SCHOOL)?.teachers;
    // Q2 as the register stood on 30 June: the leave recorded in July does not rewrite it.
    expect(await of('2026-Q2')).toEqual({ certified: 9, inTraining: 1, otherSpecialist: 0, norm });
    // Q3 (to 30 September): 8 certified of 10 is 80%, below the norm.
    expect(await of('2026-Q3')).toEqual({ certified: 8, inTraining: 1, otherSpecialist: 1, norm });
    // A provider without teachers counts none; the provider reads its own.
    expect((await mr(oost)).body.quality[0].teachers).toEqual({ certified: 0, inTraining: 0, otherSpecialist: 0, norm });
  });
});
