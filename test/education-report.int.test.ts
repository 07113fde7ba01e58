// Issue #13, R-MI-5: the Onderwijsroute quarterly report of 002 eis 17 through
// GET /api/v1/reports/education-report, read from the tables (src/features/reports/education-facts.ts) on
// PGlite and PostgreSQL. A small Onderwijsroute region built by hand — twelve referrals in Den Haag and
// Leiden to Voorbereidend Jaar Leiden — with every figure of 2027-Q1 (1 Jan – 31 Mar) computed on paper
// below (docs/reports.md §12). The room (R-SEC-1, R-MI-6): the consultant its own
// municipality, the provider every municipality with its own referrals, the contract manager and the
// policy officer suppressed counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';
import { aSubmittedReport } from './support/kpi-builders.js';
import { aReportReferral, aRouteEvent, type ReportRegion } from './support/report-builders.js';

const OR = 'onderwijsroute-haaglanden-holland-rijnland';
const VJL = 'voorbereidend-jaar-leiden';
const URL = `/api/v1/reports/education-report?contractId=${OR}&quarter=2027-Q1`;
const ZERO_REASONS = { completed: 0, medical: 0, death: 0, moved: 0, other: 0, movedAway: 0 };
const ZERO_RESULTS = { goalsReached: 0, goalsNotReached: 0, noFinalReport: 0 };
const ZERO_ROUTES = { b1: 0, z: 0, education_mbo: 0, education_hbo_wo: 0, b1_entree: 0 };
const TRANSFER = { on: '2027-03-10', to: 'b1', reason: 'Taalniveau nog te laag voor het hbo' };

interface Column {
  municipality: string | null;
  name: string;
  figures: Record<string, unknown>;
}
const column = (body: { columns: Column[] }, code: string | null) => body.columns.find((c) => c.municipality === code)?.figures;

// The figures on paper (personal readers).
const DEN_HAAG = {
  status: { onTrack: 6, atRisk: 0, behind: 0, noReport: 2 }, // a and h1–h5 on track; b's report is of April, c has none
  running: 8, // a, b, c, h1–h5 (d ended on 1 March)
  inflow: 1, // c started 1 Feb (the PVT referral is not an education product)
  referred: 0, // c was referred in November, the others in August
  throughput: { count: 1, meanDays: 181 }, // d: 1 Sep 2026 → 1 Mar 2027 = 30+31+30+31+31+28
  outflowByReason: { ...ZERO_REASONS, completed: 1 },
  outflowByResult: { ...ZERO_RESULTS, goalsReached: 1 }, // d's final report of 10 March
  transfersByRoute: ZERO_ROUTES,
  transfers: [],
  complaints: null,
};
const LEIDEN = {
  status: { onTrack: 0, atRisk: 0, behind: 1, noReport: 0 }, // g (e dropped out; its report does not count)
  running: 1, // g
  inflow: 0,
  referred: 1, // f, 10 Jan
  throughput: { count: 1, meanDays: 348 }, // e: 1 Feb 2026 → 15 Jan 2027 = 365 − 17
  outflowByReason: { ...ZERO_REASONS, medical: 1 },
  outflowByResult: { ...ZERO_RESULTS, noFinalReport: 1 },
  transfersByRoute: { ...ZERO_ROUTES, b1: 1 }, // g on 10 March (its change of 20 December is Q4)
  transfers: [TRANSFER],
  complaints: null,
};
const REGION = {
  status: { onTrack: 6, atRisk: 0, behind: 1, noReport: 2 },
  running: 9,
  inflow: 1,
  referred: 1,
  throughput: { count: 2, meanDays: 264.5 }, // (181 + 348) / 2
  outflowByReason: { ...ZERO_REASONS, completed: 1, medical: 1 },
  outflowByResult: { ...ZERO_RESULTS, goalsReached: 1, noFinalReport: 1 },
  transfersByRoute: { ...ZERO_ROUTES, b1: 1 },
  transfers: [TRANSFER],
  complaints: null,
};
const EMPTY = { status: { onTrack: 0, atRisk: 0, behind: 0, noReport: 0 }, running: 0, inflow: 0, referred: 0, throughput: { count: 0, meanDays: null }, outflowByReason: ZERO_REASONS, outflowByResult: ZERO_RESULTS, transfersByRoute: ZERO_ROUTES, transfers: [], complaints: null };

describe(`Onderwijsroute quarterly report on ${DB_KIND}`, () => {
  let t: TestKoers;
  let denHaag: Client;
  let leiden: Client;
  let vjl: Client;
  let taalpunt: Client;
  let manager: Client;
  let officer: Client;

  beforeAll(async () => {
    t = await startTestKoers({ today: '2027-04-10' });
    const user = await aUser(t, 'consultant', 'den-haag');
    const r: ReportRegion = { db: t.koers.db, userId: user.id, contractId: OR };
    denHaag = await Client.loggedIn(t, user);
    leiden = await Client.loggedIn(t, await aUser(t, 'consultant', 'leiden'));
    vjl = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', VJL));
    taalpunt = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    manager = await Client.loggedIn(t, await aUser(t, 'contractManager', 'haaglanden-holland-rijnland'));
    officer = await Client.loggedIn(t, await aUser(t, 'policyOfficer', 'leiden'));
    const edu = (m: string, d: Parameters<typeof aReportReferral>[4]) => aReportReferral(r, m, VJL, 'education_hbo_wo', d);
    const running = { referredOn: '2026-08-01', startedOn: '2026-09-01' };

    // Den Haag.
    const a = await edu('den-haag', running);
    await aSubmittedReport(r, a, { status: 'atRisk', submittedOn: '2026-12-10' });
    await aSubmittedReport(r, a, { status: 'onTrack', submittedOn: '2027-03-05' }); // the latest by 31 March
    const b = await edu('den-haag', running);
    await aSubmittedReport(r, b, { status: 'behind', submittedOn: '2027-04-02' }); // after the quarter
    await aSubmittedReport(r, b, { status: 'atRisk', submittedOn: null, createdOn: '2027-03-20' }); // a draft counts not
    await edu('den-haag', { referredOn: '2026-11-20', startedOn: '2027-02-01' }); // c
    const d = await edu('den-haag', { ...running, endedOn: '2027-03-01' });
    await aSubmittedReport(r, d, { kind: 'final', status: 'onTrack', submittedOn: '2027-03-10', goalsReached: true });
    for (let i = 0; i < 5; i++) await aSubmittedReport(r, await edu('den-haag', running), { status: 'onTrack', submittedOn: '2027-03-15' }); // h1–h5
    await aReportReferral(r, 'den-haag', VJL, 'pvt', { referredOn: '2026-12-01', startedOn: '2027-02-01' }); // not an education product

    // Leiden.
    const e = await edu('leiden', { referredOn: '2026-01-10', startedOn: '2026-02-01' });
    await aSubmittedReport(r, e, { status: 'behind', submittedOn: '2026-12-01' });
    await aRouteEvent(r, e, 'droppedOut', '2027-01-15', { reason: 'medical', note: '' });
    await edu('leiden', { referredOn: '2027-01-10' }); // f
    const g = await edu('leiden', running);
    await aSubmittedReport(r, g, { status: 'behind', submittedOn: '2027-01-20' });
    await aRouteEvent(r, g, 'routeChanged', '2027-03-10', { fromRoute: 'education_hbo_wo', toRoute: 'b1', reason: TRANSFER.reason });
    await aRouteEvent(r, g, 'routeChanged', '2026-12-20', { fromRoute: 'education_hbo_wo', toRoute: 'z', reason: 'In Q4' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('the provider: every municipality with its own referrals and the region, every figure as on paper', async () => {
    const res = await vjl.get(URL);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ contractId: OR, quarter: '2027-Q1', contractVersion: 1, audience: 'personal', notRegistered: [expect.stringContaining('klachtenoverzicht')] });
    expect(res.body.columns).toHaveLength(22); // 21 municipalities and the region
    expect(column(res.body, 'den-haag')).toEqual(DEN_HAAG);
    expect(column(res.body, 'leiden')).toEqual(LEIDEN);
    expect(column(res.body, null)).toEqual(REGION);
    for (const c of res.body.columns as Column[]) if (c.municipality !== null && c.municipality !== 'den-haag' && c.municipality !== 'leiden') expect(c.figures).toEqual(EMPTY);
  });

  it('the consultant: its own municipality only (no region column for one municipality); another municipality is 404, an unknown one 422', async () => {
    const res = await denHaag.get(URL);
    expect(res.status).toBe(200);
    expect(res.body.columns).toEqual([{ municipality: 'den-haag', name: 'Den Haag', figures: DEN_HAAG }]);
    expect((await leiden.get(`${URL}&scope=leiden`)).body.columns).toEqual([{ municipality: 'leiden', name: 'Leiden', figures: LEIDEN }]);
    expect((await leiden.get(`${URL}&scope=den-haag`)).status).toBe(404);
    const unknown = await leiden.get(`${URL}&scope=amsterdam`);
    expect(unknown.status).toBe(422);
    expect(unknown.body.invalidParams[0]).toMatchObject({ name: 'scope', code: 'unknown' });
  });

  it('outside the contract: another provider 404, a contract without an education route 422', async () => {
    expect((await taalpunt.get(URL)).status).toBe(404);
    const other = await vjl.get('/api/v1/reports/education-report?contractId=westfriesland&quarter=2027-Q1');
    expect(other.status).toBe(422);
    expect(other.body.invalidParams[0]).toMatchObject({ name: 'contractId', code: 'noEducationRoute' });
  });

  it('the policy officer of Leiden: every count of 1–4 hidden (null), zeros shown, no reasons', async () => {
    const res = await officer.get(URL);
    expect(res.status).toBe(200);
    expect(res.body.audience).toBe('aggregate');
    expect(res.body.columns).toEqual([
      {
        municipality: 'leiden',
        name: 'Leiden',
        figures: {
          status: { onTrack: 0, atRisk: 0, behind: null, noReport: 0 },
          running: null, inflow: 0, referred: null,
          throughput: { count: null, meanDays: null }, // the mean goes with its hidden count
          outflowByReason: { ...ZERO_REASONS, medical: null },
          outflowByResult: { ...ZERO_RESULTS, noFinalReport: null },
          transfersByRoute: { ...ZERO_ROUTES, b1: null },
          transfers: [],
          complaints: null,
        },
      },
    ]);
  });

  it('the contract manager: the region column is the sum of the shown municipality cells, and no hidden count follows from it', async () => {
    const res = await manager.get(URL);
    expect(res.status).toBe(200);
    expect(res.body.audience).toBe('aggregate');
    // Item 1 as a table municipality × (onTrack, atRisk, behind, noReport): Den Haag [6, 0, 0, 2], Leiden
    // [0, 0, 1, 0]. Primary: Den Haag's 2, Leiden's 1 and the region's 1 and 2. Den Haag's row then has one
    // hidden count beside its (implied) total 8: its 6 is hidden too, and so the region's 6 in that column.
    expect(column(res.body, 'den-haag')?.status).toEqual({ onTrack: null, atRisk: 0, behind: 0, noReport: null });
    expect(column(res.body, 'leiden')?.status).toEqual({ onTrack: 0, atRisk: 0, behind: null, noReport: 0 });
    expect(column(res.body, null)?.status).toEqual({ onTrack: null, atRisk: 0, behind: null, noReport: null });
    // Items 2–3 as one table (running, inflow, referred): Den Haag [8, 1, 0], Leiden [1, 0, 1]; totals [9, 1, 1].
    // Primary: Den Haag's inflow 1, Leiden's running 1 and referred 1, the totals 1 and 1; Den Haag's 8 and the
    // region's 9 are hidden secondarily: first Den Haag's 8 (else 9 − 8 gives Leiden's 1), then the exact check hides the region's 9.
    expect([column(res.body, 'den-haag'), column(res.body, 'leiden'), column(res.body, null)].map((f) => [f?.running, f?.inflow, f?.referred])).toEqual([
      [null, null, 0],
      [null, 0, null],
      [null, null, null],
    ]);
    for (const c of res.body.columns as Column[]) expect(c.figures.transfers).toEqual([]);
    // The other 19 municipalities show zeros everywhere.
    for (const c of res.body.columns as Column[]) if (c.municipality !== null && c.municipality !== 'den-haag' && c.municipality !== 'leiden') expect(c.figures).toEqual(EMPTY);
  });

  it('as XLSX and PDF, the same room; each read audited as one aggregate line', async () => {
    const count = async () => (await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE name = 'managementInformation.read' AND object_type = 'educationReport' AND status = 'ok' AND data_subject_ref IS NULL`))[0]?.n ?? 0;
    const before = await count();
    const xlsx = await vjl.get(`/api/v1/reports/education-report/export?contractId=${OR}&quarter=2027-Q1&format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const pdf = await manager.get(`/api/v1/reports/education-report/export?contractId=${OR}&quarter=2027-Q1&format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(await count()).toBe(before + 2);
    expect((await taalpunt.get(`/api/v1/reports/education-report/export?contractId=${OR}&quarter=2027-Q1&format=pdf`)).status).toBe(404);
  });
});
