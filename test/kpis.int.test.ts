// Issue #13, R-KPI-1, R-KPI-2, R-KPI-3, R-KPI-4: KPIs 1–4 of 000 §2.2 through GET /api/v1/reports/kpis, read from the tables
// (src/features/reports/kpi-facts.ts) on PGlite and PostgreSQL. A small Westfriesland region built by
// hand — seven Hoorn referrals to Taalpunt — with every value of 2026-Q4 and 2027-Q1 computed on paper
// below (docs/reports.md §3). Targets from westfriesland.yaml: KPI 1 80%, KPI 2 75% (B1) and 80% (Z).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';
import { aDutyTerm, anActivity, anEarnedProduct, anInvoice, aScalingDecision } from './support/kpi-builders.js';
import { aReportReferral, aRouteEvent, type ReportRegion } from './support/report-builders.js';

const WF = 'westfriesland';
const URL = `/api/v1/reports/kpis?contractId=${WF}&quarter=2027-Q1&quarters=2`;

type V = [numerator: number | null, denominator: number, target: number | null];
function line(kpi: string, route: string, q4: V, q1: V, notRegistered = false) {
  const values = [['2026-Q4', q4] as const, ['2027-Q1', q1] as const].map(([quarter, [numerator, denominator, target]]) => {
    const share = numerator === null || denominator === 0 ? null : numerator / denominator;
    return { quarter, numerator, denominator, share, target, meetsTarget: share === null || target === null ? null : share >= target };
  });
  const [a, b] = values.map((v) => v.share);
  return { kpi, route, label: expect.stringContaining('KPI'), notRegistered: notRegistered ? expect.stringContaining('Niet geregistreerd') : null, values, changes: [null, a == null || b == null ? null : b - a] };
}

// On paper. KPI 1: first year = start + 12 months − 1 day. KPI 3: B1 running on some day of the quarter.
const PERSONAL = [
  line('participationRate', 'b1', [1, 1, 0.8], [1, 2, 0.8]), // Q4: k3 (year ends 31 Dec, internship that day); Q1: k1 ✓ (volunteering), k2 ✗ (a local activity is no work)
  line('participationRate', 'z', [0, 0, 0.8], [0, 1, 0.8]), // Q1: k4's year ends 9 Jan, its work experience starts 10 Jan
  line('dutyMetWithinTerm', 'b1', [null, 0, 0.75], [null, 1, 0.75], true), // k1's term ends 1 Mar 2027; met-on is not registered
  line('dutyMetWithinTerm', 'z', [null, 1, 0.8], [null, 0, 0.8], true), // k4's term ended 15 Dec 2026
  line('downscalingB1', 'b1', [0, 4, null], [1, 3, null]), // Q4 running k1 k2 k3 k5; Q1 k1 k2 k5, k2 down B1 → A2 on 1 Feb (k1's up-scaling counts not)
  line('completedWithinRoutePrice', 'b1', [1, 1, null], [0, 1, null]), // k3 € 10.000 = the price of its start (tariff from 1 Jan 2026); k5 € 10.500 > € 10.000
  line('completedWithinRoutePrice', 'z', [0, 0, null], [1, 1, null]), // k6 € 7.000 = the Z price
];

describe(`KPIs 1–4 on ${DB_KIND}`, () => {
  let t: TestKoers;
  let hoorn: Client;
  let enkhuizen: Client;
  let taalpunt: Client;
  let leerhuis: Client;
  let manager: Client;

  beforeAll(async () => {
    t = await startTestKoers({ today: '2027-04-10' });
    const user = await aUser(t, 'consultant', 'hoorn');
    const r: ReportRegion = { db: t.koers.db, userId: user.id, contractId: WF };
    hoorn = await Client.loggedIn(t, user);
    enkhuizen = await Client.loggedIn(t, await aUser(t, 'consultant', 'enkhuizen'));
    taalpunt = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    leerhuis = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'leerhuis-noord'));
    manager = await Client.loggedIn(t, await aUser(t, 'contractManager', 'westfriesland'));
    const b1 = (d: Parameters<typeof aReportReferral>[4]) => aReportReferral(r, 'hoorn', 'taalpunt-westfriesland', 'b1_language', d);
    const z = (d: Parameters<typeof aReportReferral>[4]) => aReportReferral(r, 'hoorn', 'taalpunt-westfriesland', 'z_language', d);
    const invoiced = async (ref: Awaited<ReturnType<typeof b1>>, amounts: number[]) => {
      const events = [];
      for (const [i, a] of amounts.entries()) events.push({ id: await anEarnedProduct(r, ref, `p${String(i)}`, '2026-10-01', a), amountCents: a });
      await anInvoice(r, ref, '2026-10-15', events);
    };

    const k1 = await b1({ referredOn: '2026-01-20', startedOn: '2026-02-15' });
    await anActivity(r, k1, 'volunteering', '2026-06-01');
    await aDutyTerm(r, k1, 'b1', '2027-03-01');
    await aScalingDecision(r, k1, 'up', 'B1', 'B2', '2027-02-10');
    const k2 = await b1({ referredOn: '2026-03-01', startedOn: '2026-03-31' });
    await anActivity(r, k2, 'localActivity', '2026-05-01');
    await aScalingDecision(r, k2, 'down', 'B1', 'A2', '2027-02-01');
    const k3 = await b1({ referredOn: '2025-12-01', startedOn: '2026-01-01', endedOn: '2026-12-20' });
    await anActivity(r, k3, 'internship', '2026-12-31');
    await invoiced(k3, [600000, 400000]);
    const k4 = await z({ referredOn: '2025-12-01', startedOn: '2026-01-10' });
    await anActivity(r, k4, 'workExperience', '2027-01-10');
    await aDutyTerm(r, k4, 'z', '2026-12-15');
    const k5 = await b1({ referredOn: '2026-04-01', startedOn: '2026-04-15', endedOn: '2027-03-01' });
    await invoiced(k5, [1000000, 50000]);
    const k6 = await z({ referredOn: '2026-04-01', startedOn: '2026-05-01', endedOn: '2027-02-15' });
    await invoiced(k6, [700000]);
    // k7 dropped out in Q1 before it started: no KPI counts it.
    const k7 = await b1({ referredOn: '2027-01-05' });
    await aRouteEvent(r, k7, 'droppedOut', '2027-01-20', { reason: 'other', note: '' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("the consultant of Hoorn and the provider: every value of both quarters as on paper, with the contract's targets and the change", async () => {
    for (const c of [hoorn, taalpunt]) {
      const res = await c.get(URL);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ contractId: WF, quarter: '2027-Q1', quarters: ['2026-Q4', '2027-Q1'], audience: 'personal' });
      expect(res.body.kpis).toEqual(PERSONAL);
    }
  });

  it('another municipality and another provider see none of these referrals; the default trend is four quarters', async () => {
    const empty = PERSONAL.map((l) => ({ ...l, values: l.values.map((v) => ({ ...v, numerator: v.numerator === null ? null : 0, denominator: 0, share: null, meetsTarget: null })), changes: [null, null] }));
    expect((await enkhuizen.get(URL)).body.kpis).toEqual(empty);
    expect((await leerhuis.get(URL)).body.kpis).toEqual(empty);
    expect((await hoorn.get(`/api/v1/reports/kpis?contractId=${WF}&quarter=2027-Q1`)).body.quarters).toEqual(['2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1']);
  });

  it('the contract manager: a numerator or denominator of 1–4 is hidden and hides the share; zeros shown', async () => {
    const res = await manager.get(URL);
    expect(res.status).toBe(200);
    expect(res.body.audience).toBe('aggregate');
    // Every count here is below 5: a non-zero one is null, a zero stays, a share needs both shown.
    const hide = (n: number | null) => (n === null || n === 0 ? n : null);
    expect(res.body.kpis).toEqual(
      PERSONAL.map((l) => ({
        ...l,
        values: l.values.map((v) => {
          const numerator = hide(v.numerator);
          const denominator = hide(v.denominator);
          const share = numerator === null || denominator === null || denominator === 0 ? null : numerator / denominator;
          return { ...v, numerator, denominator, share, meetsTarget: share === null || v.target === null ? null : share >= v.target };
        }),
        changes: [null, null],
      })),
    );
  });

  it('as XLSX and PDF; a trend of 9 quarters is 400; outside the contract 404', async () => {
    const xlsx = await manager.get(`/api/v1/reports/kpis/export?contractId=${WF}&quarter=2027-Q1&format=xlsx`);
    expect([xlsx.status, xlsx.headers.get('content-type')]).toEqual([200, expect.stringContaining('spreadsheetml')]);
    const pdf = await taalpunt.get(`/api/v1/reports/kpis/export?contractId=${WF}&quarter=2027-Q1&format=pdf`);
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, expect.stringContaining('application/pdf')]);
    const many = await hoorn.get(`/api/v1/reports/kpis?contractId=${WF}&quarter=2027-Q1&quarters=9`);
    expect(many.status).toBe(400); // schema validation, as for a malformed quarter (docs/reports.md §6)
    expect(many.headers.get('content-type')).toContain('application/problem+json');
    expect((await hoorn.get(`/api/v1/reports/kpis?contractId=centraal-gelderland&quarter=2027-Q1`)).status).toBe(404);
  });
});
