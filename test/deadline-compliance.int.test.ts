// Issue #13, R-CM-2: deadline compliance per provider and quarter through
// GET /api/v1/reports/deadline-compliance, read from the tables (src/features/reports/compliance-facts.ts)
// on PGlite and PostgreSQL. A small Westfriesland region built by hand — six referrals of Hoorn and
// Enkhuizen to Taalpunt and Leerhuis Noord, with reports and invoices — and "today" 10 April 2027. The
// due dates worked out on paper on Westfriesland's calendar (westfriesland.yaml: acknowledgement 5, intake
// invitation 10, learning plan 5 working days, invoice 6 weeks; New Year's Day, Christmas and Easter
// Monday 29 March 2027 are no working days, Good Friday is). Definitions: docs/reports.md §13.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';
import { acknowledge, aLearningPlanSubmitted, anEarnedProduct, anInvoice, aReferralEvent, aSubmittedReport } from './support/kpi-builders.js';
import { aReportReferral, type ReportRegion } from './support/report-builders.js';

const WF = 'westfriesland';
const URL = `/api/v1/reports/deadline-compliance?contractId=${WF}&quarter=2027-Q1`;
const DEADLINES = ['acknowledgement', 'intakeInvitation', 'learningPlan', 'report', 'invoice'];

/** [on time, late, pending] per deadline, in R-CM-2's order. */
type Triple = [number | null, number | null, number | null];
function figures(...t: Triple[]) {
  return t.map(([onTime, late, pending], i) => {
    const denominator = onTime === null || late === null ? null : onTime + late;
    return { deadline: DEADLINES[i], label: expect.any(String), numerator: onTime, denominator, share: onTime === null || !denominator ? null : onTime / denominator, late, pending };
  });
}
const NONE: Triple = [0, 0, 0];
const rowOf = (body: { rows: { provider: string; figures: unknown[] }[] }, code: string) => body.rows.find((r) => r.provider === code)?.figures;

describe(`deadline compliance on ${DB_KIND}`, () => {
  let t: TestKoers;
  let hoorn: Client;
  let taalpunt: Client;
  let leerhuis: Client;
  let manager: Client;

  beforeAll(async () => {
    t = await startTestKoers({ today: '2027-04-10' });
    const user = await aUser(t, 'consultant', 'hoorn');
    const r: ReportRegion = { db: t.koers.db, userId: user.id, contractId: WF };
    hoorn = await Client.loggedIn(t, user);
    taalpunt = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    leerhuis = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'leerhuis-noord'));
    manager = await Client.loggedIn(t, await aUser(t, 'contractManager', 'westfriesland'));
    const ref = (m: string, p: string, d: Parameters<typeof aReportReferral>[4]) => aReportReferral(r, m, p, 'b1_language', d);

    // Taalpunt.
    const r1 = await ref('hoorn', 'taalpunt-westfriesland', { referredOn: '2027-02-01', intakeHeldOn: '2027-02-17' });
    await acknowledge(r, r1, '2027-02-08', '2027-02-05'); // on time
    await aReferralEvent(r, r1, 'intakeInvited', '2027-02-10'); // due Mon 15 Feb: on time
    await aLearningPlanSubmitted(r, r1, '2027-02-26'); // intake Wed 17 Feb + 5 = Wed 24 Feb: late
    await aLearningPlanSubmitted(r, r1, '2027-03-05', 2); // a second version does not count
    await aSubmittedReport(r, r1, { submittedOn: '2027-03-15', dueOn: '2027-03-15' }); // on time
    const e1 = await anEarnedProduct(r, r1, 'b1_language', '2027-01-04', 100000); // + 6 weeks = Mon 15 Feb
    await anInvoice(r, r1, '2027-02-12', [{ id: e1, amountCents: 100000 }]); // sent 12 Feb: on time
    const e2 = await anEarnedProduct(r, r1, 'b1_period', '2027-02-01', 50000); // due 15 Mar, only on a prepared invoice: late
    await anInvoice(r, r1, '2027-03-01', [{ id: e2, amountCents: 50000 }], 'prepared');
    await anEarnedProduct(r, r1, 'b1_period2', '2027-03-01', 50000); // due 12 Apr: Q2, pending on 10 Apr
    const r2 = await ref('hoorn', 'taalpunt-westfriesland', { referredOn: '2027-03-01' });
    await acknowledge(r, r2, '2027-03-08', '2027-03-10'); // late; no invitation by the due 15 Mar: late
    await aSubmittedReport(r, r2, { submittedOn: null, dueOn: '2027-03-20', createdOn: '2027-03-10' }); // a draft past its due date: late
    const r3 = await ref('hoorn', 'taalpunt-westfriesland', { referredOn: '2027-03-24' });
    await acknowledge(r, r3, '2027-03-31', null); // not acknowledged, past 31 Mar: late
    // r3's invitation: Thu 25, Fri 26 (Good Friday works), Tue 30 … Thu 8 Apr: due in Q2, late on 10 Apr.
    const r4 = await ref('enkhuizen', 'taalpunt-westfriesland', { referredOn: '2026-12-24' });
    await acknowledge(r, r4, '2026-12-31', '2026-12-30'); // due in Q4: not in Q1
    // r4's invitation: Mon 28, 29, 30, 31 Dec, (1 Jan), Mon 4 … Mon 11 Jan: invited on the due day, on time.
    await aReferralEvent(r, r4, 'intakeInvited', '2027-01-11');

    // Leerhuis Noord.
    const r5 = await ref('hoorn', 'leerhuis-noord', { referredOn: '2027-02-01', intakeHeldOn: '2027-02-12' });
    await acknowledge(r, r5, '2027-02-08', '2027-02-08'); // on the due day: on time
    // No invitation registered: the intake held on 12 Feb stands in for it (due 15 Feb): on time.
    await aLearningPlanSubmitted(r, r5, '2027-02-19'); // Fri 12 Feb + 5 = Fri 19 Feb: on time
    const r6 = await ref('enkhuizen', 'leerhuis-noord', { referredOn: '2027-02-02' });
    await acknowledge(r, r6, '2027-02-09', '2027-02-15'); // late; no invitation by Tue 16 Feb: late
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('a provider: its own row only, every figure as on paper', async () => {
    const own = await taalpunt.get(URL);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ contractId: WF, quarter: '2027-Q1', today: '2027-04-10', audience: 'personal' });
    expect(own.body.rows).toEqual([
      {
        provider: 'taalpunt-westfriesland',
        name: 'Taalpunt Westfriesland',
        // acknowledgement r1 ✓ r2 ✗ r3 ✗; invitation r1 ✓ r2 ✗ r4 ✓; plan r1 ✗; reports r1 ✓ r2 ✗; invoices e1 ✓ e2 ✗
        figures: figures([1, 2, 0], [2, 1, 0], [0, 1, 0], [1, 1, 0], [1, 1, 0]),
      },
    ]);
    const other = await leerhuis.get(URL);
    expect(other.body.rows).toEqual([{ provider: 'leerhuis-noord', name: expect.any(String), figures: figures([1, 1, 0], [1, 1, 0], [1, 0, 0], NONE, NONE) }]);
  });

  it('in 2027-Q2 on 10 April: r3\'s invitation (due 8 Apr) is late, the product earned on 1 March (due 12 Apr) pending', async () => {
    const res = await taalpunt.get(`/api/v1/reports/deadline-compliance?contractId=${WF}&quarter=2027-Q2`);
    expect(rowOf(res.body, 'taalpunt-westfriesland')).toEqual(figures(NONE, [0, 1, 0], NONE, NONE, [0, 0, 1]));
  });

  it("the consultant of Hoorn: every provider, Hoorn's referrals only", async () => {
    const res = await hoorn.get(URL);
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: { provider: string }) => r.provider)).toEqual(['taalpunt-westfriesland', 'leerhuis-noord', 'werkwijs-participatie']);
    expect(rowOf(res.body, 'taalpunt-westfriesland')).toEqual(figures([1, 2, 0], [1, 1, 0], [0, 1, 0], [1, 1, 0], [1, 1, 0])); // without Enkhuizen's r4
    expect(rowOf(res.body, 'leerhuis-noord')).toEqual(figures([1, 0, 0], [1, 0, 0], [1, 0, 0], NONE, NONE)); // without Enkhuizen's r6
    expect(rowOf(res.body, 'werkwijs-participatie')).toEqual(figures(NONE, NONE, NONE, NONE, NONE));
  });

  it('the contract manager: per provider, every count of 1–4 hidden and with it the share; zeros shown', async () => {
    const res = await manager.get(URL);
    expect(res.status).toBe(200);
    expect(res.body.audience).toBe('aggregate');
    // Each deadline a table provider × (on time, late): every non-zero count here is below 5, so hidden
    // (primary); a zero stays; a denominator is shown only when both its counts are.
    expect(rowOf(res.body, 'taalpunt-westfriesland')).toEqual(figures([null, null, 0], [null, null, 0], [0, null, 0], [null, null, 0], [null, null, 0]));
    expect(rowOf(res.body, 'leerhuis-noord')).toEqual(figures([null, null, 0], [null, null, 0], [null, 0, 0], NONE, NONE));
    expect(rowOf(res.body, 'werkwijs-participatie')).toEqual(figures(NONE, NONE, NONE, NONE, NONE));
  });

  it('as XLSX and PDF; outside the contract 404; a quarter before 2000 is 422', async () => {
    const xlsx = await hoorn.get(`/api/v1/reports/deadline-compliance/export?contractId=${WF}&quarter=2027-Q1&format=xlsx`);
    expect([xlsx.status, xlsx.headers.get('content-type')]).toEqual([200, expect.stringContaining('spreadsheetml')]);
    const pdf = await manager.get(`/api/v1/reports/deadline-compliance/export?contractId=${WF}&quarter=2027-Q1&format=pdf`);
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, expect.stringContaining('application/pdf')]);
    expect((await taalpunt.get(`/api/v1/reports/deadline-compliance?contractId=centraal-gelderland&quarter=2027-Q1`)).status).toBe(404);
    const far = await hoorn.get(`/api/v1/reports/deadline-compliance?contractId=${WF}&quarter=1999-Q1`);
    expect([far.status, far.body.invalidParams?.[0]?.code]).toEqual([422, 'outOfRange']);
  });
});
