// Issue #13: the management report (000 §4.2) and the year report (000 §4.3) through their routes, read
// from the tables on PGlite and PostgreSQL. The region is test/content-report.int.test.ts's (aContentRegion;
// its header lists the facts), plus three invoice lines of Taalpunt: A's line earned 1 Apr, invoiced 13 May
// (€ 1.000, 42 days: six weeks after 1 April is 13 May, on time); E's earned 1 Apr, invoiced 20 May (€ 500,
// 49 days, late); a credit note to Hoorn of € 200 on 1 June.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';
import { aContentRegion } from './support/content-builders.js';
import { column, ZERO_COUNTS } from './support/content-expect.js';
import type { ReportRegion } from './support/report-builders.js';

const WF = 'westfriesland';
const MUNICIPALITIES = ['drechterland', 'enkhuizen', 'hoorn', 'koggenland', 'medemblik', 'opmeer', 'stede-broec'];
// Item 6 (R-CM-3): no complaint is registered in this fixture, so every row counts 0 (test/complaints.int.test.ts counts them).
const row = (scope: string, uniqueParticipants: number | null, invoiced: number | null = 0, credited: number | null = 0) => ({
  scope, uniqueParticipants, invoicedCents: invoiced, creditedCents: credited, turnoverCents: invoiced === null || credited === null ? null : invoiced - credited, complaints: 0,
});
const SIX_WEEKS = { amount: 6, unit: 'weeks' };
const year = (y: string) => [y, `${y}-01-01`, `${y}-12-31`] as const;

describe(`management report and year report on ${DB_KIND}`, () => {
  let t: TestKoers;
  let hoorn: Client;
  let taalpunt: Client;
  let werkwijs: Client;
  let manager: Client;
  let officer: Client;

  beforeAll(async () => {
    t = await startTestKoers({ today: '2027-07-10' });
    const user = await aUser(t, 'consultant', 'hoorn');
    hoorn = await Client.loggedIn(t, user);
    taalpunt = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    werkwijs = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'werkwijs-participatie'));
    manager = await Client.loggedIn(t, await aUser(t, 'contractManager', WF));
    officer = await Client.loggedIn(t, await aUser(t, 'policyOfficer', 'hoorn'));
    const r: ReportRegion = { db: t.koers.db, userId: user.id, contractId: WF };
    await aContentRegion(r);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const mr = (c: Client) => c.get(`/api/v1/reports/management-report?contractId=${WF}&quarter=2027-Q2`);

  it('the provider: unique participants (4), turnover (5) and the invoicing term (14) per municipality and for the region', async () => {
    const res = await mr(taalpunt);
    expect(res.status).toBe(200);
    // Running on some day of Q2 with a Taalpunt referral: Hoorn A, B, C, F (G, D not started); Enkhuizen E (ended 5 May).
    expect(res.body.rows).toEqual([
      ...MUNICIPALITIES.map((m) => (m === 'hoorn' ? row('hoorn', 4, 100_000, 20_000) : m === 'enkhuizen' ? row('enkhuizen', 1, 50_000) : row(m, 0))),
      row('region', 5, 150_000, 20_000),
    ]);
    // Two invoice lines: one within six weeks, one late; (42 + 49) / 2 = 45.5 days.
    expect(res.body.invoicingTerm).toEqual({ deadline: SIX_WEEKS, lines: 2, withinTerm: 1, late: 1, averageDays: 45.5 });
    expect([res.body.suppressed, res.body.contractVersion]).toEqual([[], 1]);
  });

  it('the consultant: its municipality with every provider, no region row; the other provider its own', async () => {
    const own = await mr(hoorn);
    expect(own.body.rows).toEqual([row('hoorn', 4, 100_000, 20_000)]); // F once, with two providers
    expect(own.body.invoicingTerm).toEqual({ deadline: SIX_WEEKS, lines: 1, withinTerm: 1, late: 0, averageDays: 42 });
    const other = await mr(werkwijs);
    expect(other.body.rows).toEqual([...MUNICIPALITIES.map((m) => row(m, m === 'hoorn' ? 1 : 0)), row('region', 1)]);
    expect(other.body.invoicingTerm).toEqual({ deadline: SIX_WEEKS, lines: 0, withinTerm: 0, late: 0, averageDays: null });
  });

  it('the contract manager: small counts hidden, the region the sum (4 + 1 = 5 has several answers), the turnover of the region only', async () => {
    const res = await mr(manager);
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([
      ...MUNICIPALITIES.map((m) => row(m, m === 'hoorn' || m === 'enkhuizen' ? null : 0, null, null)),
      row('region', 5, 150_000, 20_000),
    ]);
    expect(res.body.invoicingTerm).toEqual({ deadline: SIX_WEEKS, lines: null, withinTerm: null, late: null, averageDays: null });
    expect(res.body.suppressed).toEqual(['enkhuizen.uniqueParticipants', 'hoorn.uniqueParticipants', 'invoicingTerm']);
    const officers = await mr(officer);
    expect(officers.body.rows).toEqual([row('hoorn', null, null, null)]);
  });

  it('the year report: the whole year beside the two before it, every cell as computed on paper', async () => {
    const res = await hoorn.get(`/api/v1/reports/year-report?contractId=${WF}&year=2027&scope=hoorn`);
    expect(res.status).toBe(200);
    expect(res.body.periods).toEqual(['2025', '2026', '2027']);
    const none = { started: 0, zParticipantsRunning: 0, runningGroups: 0, participantsWithLessons: 0 };
    expect(res.body.routes.find((r: { route: string }) => r.route === 'b1').columns).toEqual([
      column(year('2025'), { denominators: none }, 0), // before contract version 1
      column(year('2026'), { counts: { ...ZERO_COUNTS, '1a': 1, '1c': 1 }, denominators: none }), // C referred 1 Dec, waiting on 31 Dec
      column(year('2027'), {
        // As the content report's year so far (nothing happens after June): 1c at 31 Dec D, 2a A, B, C.
        counts: { ...ZERO_COUNTS, '1a': 3, '1b': 3, '1c': 1, '2a': 3, '3d': 1, '3h': 1, '4a': 1 },
        averageWaitingDays: 37.7, cancelledLessonsPerGroup: 1, averageAbsencePercent: 16.7,
        denominators: { started: 3, zParticipantsRunning: 0, runningGroups: 1, participantsWithLessons: 1 },
      }),
    ]);
    expect(res.body.routes.find((r: { route: string }) => r.route === 'z').columns).toEqual([
      column(year('2025'), { denominators: none }, 0),
      // F referred 1 Nov 2026 (two referrals, one participant), both started 15 Nov: 14 days each.
      column(year('2026'), { counts: { ...ZERO_COUNTS, '1a': 1, '1b': 2, '2a': 2 }, averageWaitingDays: 14, participationHoursPerParticipant: 0, languageHoursPerParticipant: 0, denominators: { ...none, started: 2, zParticipantsRunning: 1 } }),
      column(year('2027'), {
        counts: { ...ZERO_COUNTS, '1a': 1, '1c': 1, '2a': 2, '3b': 1, '3g': 1 },
        changesZToB1Reasons: ['Taal gaat snel'], participationHoursPerParticipant: 10, languageHoursPerParticipant: 0, localFacilities: ['Bibliotheek Hoorn'],
        denominators: { ...none, zParticipantsRunning: 1 },
      }),
    ]);
  });

  it('the year report for the contract manager: suppressed, no count below the threshold; 404 and 422 where due', async () => {
    const res = await manager.get(`/api/v1/reports/year-report?contractId=${WF}&year=2027&scope=region`);
    expect(res.status).toBe(200);
    for (const r of res.body.routes) for (const c of r.columns) for (const v of Object.values<number | null>(c.counts)) if (v !== null) expect(v === 0 || v >= 5).toBe(true);
    const own = await manager.get(`/api/v1/reports/year-report?contractId=${WF}&year=2027&scope=hoorn`);
    expect(own.body.routes[0].columns.map((c: { counts: Record<string, number | null> }) => c.counts['1a'])).toEqual([0, null, null]); // 2026: C (1), 2027: A, B, D (3)
    expect((await officer.get(`/api/v1/reports/year-report?contractId=${WF}&year=2027&scope=region`)).status).toBe(404);
    expect((await hoorn.get(`/api/v1/reports/year-report?contractId=${WF}&year=1999&scope=hoorn`)).status).toBe(422);
    expect((await hoorn.get(`/api/v1/reports/management-report?contractId=nowhere&quarter=2027-Q2`)).status).toBe(422);
  });

  it('exports both as XLSX and PDF', async () => {
    for (const url of [`/api/v1/reports/management-report/export?contractId=${WF}&quarter=2027-Q2`, `/api/v1/reports/year-report/export?contractId=${WF}&year=2027&scope=region`]) {
      for (const format of ['xlsx', 'pdf']) {
        const res = await taalpunt.bytes(`${url}&format=${format}`);
        expect(res.status, url).toBe(200);
        expect(res.bytes.length).toBeGreaterThan(1000);
      }
    }
    expect((await hoorn.bytes(`/api/v1/reports/year-report/export?contractId=${WF}&year=2027&scope=region&format=pdf`)).status).toBe(404);
  });
});
