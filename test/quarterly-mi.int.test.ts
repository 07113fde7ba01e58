// Issue #13, R-MI-1: the quarterly management information through GET /api/v1/reports/quarterly-mi, read
// from the tables (src/features/reports/facts.ts, attendance aggregated per referral and quarter in SQL) on
// PGlite and PostgreSQL. A small region of Centraal Gelderland built by hand — seven participants in
// Arnhem and Duiven, two providers — with every cell of 2026-Q4 (1 Oct – 31 Dec) and 2027-Q1 (1 Jan –
// 31 Mar) computed on paper below (docs/reports.md §1 has the definitions). The room (R-SEC-1): the
// consultant sees its municipality's cells with every provider's referrals; a provider's coordinator
// every cell of the contract with its own referrals only; a provider the contract does not name gets 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceRate, type AttendanceFact } from '../src/domain/attendance.js';
import { organisationId } from '../src/features/organisations/store.js';
import { unsafeQuarterlyMiFacts } from '../src/features/reports/facts.js';
import { aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';
import { aLadderStep, aLessonAttended, aPlacement, aReportGroup, aReportReferral, aRouteEvent, type ReportRegion } from './support/report-builders.js';

const CG = 'centraal-gelderland';
const PRODUCTS = ['z_language', 'b1_language', 'z_participation', 'b1_participation', 'map'];
const LANGUAGE = new Set(['z_language', 'b1_language']);
const ZERO_LADDER = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0 };
const ZERO_GROUPS = { fastAlfa: 0, a0a1: 0, a1a2: 0, a2b1: 0, z: 0, exam: 0, map: 0 };

/** The figures of a cell with nothing in it; `over` sets what the paper sums below give. */
function figures(quarter: string, product: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  const milestones = LANGUAGE.has(product) ? 0 : null; // items 7–8: only the language products have 1A/1B in centraal-gelderland.yaml
  return {
    quarter, contractVersion: 1, registered: 0, intakeHeld: 0, startedRunning: 0, startedInStartClass: 0, belowAttendanceNorm: 0,
    runningGroups: ZERO_GROUPS, waiting: 0, averageWaitingDays: null, inMilestone1A: milestones, inMilestone1B: milestones,
    transferredToB1: 0, transferredFromB1: 0, transferredToZ: 0, transferredFromZ: 0, transferredToEducation: 0, transferredFromEducation: 0, transferredToUnknown: 0,
    ladder: LANGUAGE.has(product) ? null : { atReferral: ZERO_LADDER, raisedDuring: ZERO_LADDER, atEnd: ZERO_LADDER },
    remarks: null,
    ...over,
  };
}

interface Cell {
  municipality: string;
  product: string;
  quarters: Record<string, unknown>[];
}
const cellOf = (body: { cells: Cell[] }, municipality: string, product: string): Cell | undefined => body.cells.find((c) => c.municipality === municipality && c.product === product);
/** The columns of 2026-Q4 and 2027-Q1 (the last two of a 2027-Q1 answer). */
const lastTwo = (c: Cell | undefined) => c?.quarters.slice(-2);

describe(`quarterly management information on ${DB_KIND}`, () => {
  let t: TestKoers;
  let arnhem: Client;
  let duiven: Client;
  let newbees: Client;
  let sagenn: Client;
  let scalabor: Client;
  let taalpunt: Client;
  let manager: Client;
  let referralA = '';

  beforeAll(async () => {
    t = await startTestKoers({ today: '2027-04-10' });
    const user = await aUser(t, 'consultant', 'arnhem');
    const r: ReportRegion = { db: t.koers.db, userId: user.id, contractId: CG };
    arnhem = await Client.loggedIn(t, user);
    duiven = await Client.loggedIn(t, await aUser(t, 'consultant', 'duiven'));
    newbees = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'newbees'));
    sagenn = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'sagenn'));
    scalabor = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'scalabor'));
    taalpunt = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    manager = await Client.loggedIn(t, await aUser(t, 'contractManager', 'centraal-gelderland'));

    // Arnhem, B1 language, Newbees unless said otherwise.
    const a = await aReportReferral(r, 'arnhem', 'newbees', 'b1_language', { referredOn: '2026-10-05', intakeHeldOn: '2026-10-20', startedOn: '2026-11-02' });
    referralA = a.referralId;
    const b = await aReportReferral(r, 'arnhem', 'newbees', 'b1_language', { referredOn: '2026-09-10', startClassStartedOn: '2026-10-01', startedOn: '2026-12-01', endedOn: '2027-02-10' });
    await aReportReferral(r, 'arnhem', 'newbees', 'b1_language', { referredOn: '2026-11-15', intakeHeldOn: '2027-01-10' }); // c: waiting
    const d = await aReportReferral(r, 'arnhem', 'sagenn', 'b1_language', { referredOn: '2026-10-01', startedOn: '2026-10-15' });
    await aRouteEvent(r, d, 'routeChanged', '2027-02-01', { fromRoute: 'b1', toRoute: 'z' });
    const g1 = await aReportGroup(r, 'newbees', 'a2b1');
    const g2 = await aReportGroup(r, 'newbees', 'fastAlfa');
    await aPlacement(r, g1, a, '2026-11-02');
    await aPlacement(r, g2, b, '2026-10-01', '2026-12-01'); // member_to exclusive: a member up to 30 Nov
    await aPlacement(r, g1, b, '2026-12-01');
    // a, Q4: Nov 240/240; Dec 120/240 plus a make-up lesson of 60 (up to the 120 missed) → 480 offered, 420 attended = 87.5%: not below.
    await aLessonAttended(r, g1, a, { date: '2026-11-10', minutes: 240 }, 240);
    await aLessonAttended(r, g1, a, { date: '2026-12-08', minutes: 240 }, 120);
    await aLessonAttended(r, g1, a, { date: '2026-12-15', minutes: 60, kind: 'makeUp' }, 60);
    // a, Q1: Jan 180/240; a Feb lesson cancelled by the provider offers nothing → 180/240 = 75%: below 80.
    await aLessonAttended(r, g1, a, { date: '2027-01-12', minutes: 240 }, 180);
    await aLessonAttended(r, g1, a, { date: '2027-02-09', minutes: 240, cancelledByProvider: true }, 0);
    // b, Q4: Oct 160/200 = exactly 80%: not below (R-ATT-3 compares whole minutes).
    await aLessonAttended(r, g2, b, { date: '2026-10-06', minutes: 200 }, 160);

    // Arnhem, Z-route participation: e started in Q4, raised a ladder step in Q1; f registered in Q1.
    const e = await aReportReferral(r, 'arnhem', 'newbees', 'z_participation', { referredOn: '2026-10-10', startedOn: '2026-11-01' });
    const f = await aReportReferral(r, 'arnhem', 'newbees', 'z_participation', { referredOn: '2027-02-01' });
    const g3 = await aReportGroup(r, 'newbees', 'z');
    await aPlacement(r, g3, e, '2026-11-01');
    await aLadderStep(r, e, 'atReferral', 2, '2026-10-10');
    await aLadderStep(r, e, 'during', 4, '2027-01-20');
    await aLadderStep(r, f, 'atReferral', 3, '2027-02-01');

    // Duiven, B1 language: g waits from 1 Dec, starts in a start class on 4 Jan.
    await aReportReferral(r, 'duiven', 'newbees', 'b1_language', { referredOn: '2026-12-01', startClassStartedOn: '2027-01-04' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('the consultant of Arnhem: its five cells, every figure of 2026-Q4 and 2027-Q1 as computed on paper, every provider counted', async () => {
    const res = await arnhem.get(`/api/v1/reports/quarterly-mi?contractId=${CG}&quarter=2027-Q1`);
    expect(res.status).toBe(200);
    expect(res.body.quarters).toEqual(['2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1']);
    expect(res.body.cells.map((c: Cell) => `${c.municipality}/${c.product}`)).toEqual(PRODUCTS.map((p) => `arnhem/${p}`));
    expect(lastTwo(cellOf(res.body, 'arnhem', 'b1_language'))).toEqual([
      figures('2026-Q4', 'b1_language', {
        registered: 3, // a 5 Oct, c 15 Nov, d 1 Oct (b was referred in Q3)
        intakeHeld: 1, // a 20 Oct
        startedRunning: 3, // a 2 Nov, b 1 Oct (start class), d 15 Oct
        startedInStartClass: 1, // b
        belowAttendanceNorm: 0, // a 87.5%, b exactly 80%
        runningGroups: { ...ZERO_GROUPS, a2b1: 1, fastAlfa: 1 }, // g1 (a, b from Dec), g2 (b Oct–Nov)
        waiting: 1, // c
        averageWaitingDays: 21, // a 28 days, b 21 (10 Sep → 1 Oct), d 14: 63 / 3
        inMilestone1A: 3, // a, b, d started less than 6 months before 31 Dec
        inMilestone1B: 0,
      }),
      figures('2027-Q1', 'b1_language', {
        intakeHeld: 1, // c 10 Jan
        startedRunning: 3, // a, b (ended 10 Feb, in the quarter), d
        belowAttendanceNorm: 1, // a 75%
        runningGroups: { ...ZERO_GROUPS, a2b1: 1 }, // g1 only; b left g2 on 30 Nov
        waiting: 1, // c
        inMilestone1A: 2, // a (2 Nov + 6 months = 2 May), d (15 Oct → 15 Apr); b ended
        inMilestone1B: 0,
        transferredFromB1: 1, // d, b1 → z on 1 Feb
        transferredToZ: 1,
      }),
    ]);
    expect(lastTwo(cellOf(res.body, 'arnhem', 'z_participation'))).toEqual([
      figures('2026-Q4', 'z_participation', {
        registered: 1, // e
        startedRunning: 1,
        runningGroups: { ...ZERO_GROUPS, z: 1 }, // g3
        averageWaitingDays: 22, // e 10 Oct → 1 Nov
        ladder: { atReferral: { ...ZERO_LADDER, 2: 1 }, raisedDuring: ZERO_LADDER, atEnd: ZERO_LADDER },
      }),
      figures('2027-Q1', 'z_participation', {
        registered: 1, // f
        startedRunning: 1, // e
        runningGroups: { ...ZERO_GROUPS, z: 1 },
        waiting: 1, // f
        ladder: { atReferral: { ...ZERO_LADDER, 3: 1 }, raisedDuring: { ...ZERO_LADDER, 4: 1 }, atEnd: ZERO_LADDER }, // f at 3; e raised 2 → 4 on 20 Jan
      }),
    ]);
    for (const p of ['z_language', 'b1_participation', 'map']) expect(lastTwo(cellOf(res.body, 'arnhem', p))).toEqual([figures('2026-Q4', p), figures('2027-Q1', p)]);
    // The column of 2026-Q4 asked for on its own is the same column.
    const q4 = await arnhem.get(`/api/v1/reports/quarterly-mi?contractId=${CG}&quarter=2026-Q4`);
    expect(q4.body.quarters.at(-1)).toBe('2026-Q4');
    expect(cellOf(q4.body, 'arnhem', 'b1_language')?.quarters.at(-1)).toEqual(cellOf(res.body, 'arnhem', 'b1_language')?.quarters[2]);
  });

  it('a provider\'s coordinator: every cell of the contract, with its own referrals only', async () => {
    const res = await newbees.get(`/api/v1/reports/quarterly-mi?contractId=${CG}&quarter=2027-Q1`);
    expect(res.status).toBe(200);
    expect(res.body.cells).toHaveLength(9 * PRODUCTS.length);
    expect(lastTwo(cellOf(res.body, 'arnhem', 'b1_language'))).toEqual([
      figures('2026-Q4', 'b1_language', {
        registered: 2, // a, c — d is Sagenn's
        intakeHeld: 1,
        startedRunning: 2, // a, b
        startedInStartClass: 1,
        runningGroups: { ...ZERO_GROUPS, a2b1: 1, fastAlfa: 1 },
        waiting: 1,
        averageWaitingDays: 24.5, // (28 + 21) / 2
        inMilestone1A: 2,
        inMilestone1B: 0,
      }),
      figures('2027-Q1', 'b1_language', { intakeHeld: 1, startedRunning: 2, belowAttendanceNorm: 1, runningGroups: { ...ZERO_GROUPS, a2b1: 1 }, waiting: 1, inMilestone1A: 1, inMilestone1B: 0 }),
    ]);
    expect(lastTwo(cellOf(res.body, 'duiven', 'b1_language'))).toEqual([
      figures('2026-Q4', 'b1_language', { registered: 1, waiting: 1 }),
      // 1 Dec → 4 Jan = 34 days; running on 31 Mar, started less than 6 months before.
      figures('2027-Q1', 'b1_language', { startedRunning: 1, startedInStartClass: 1, averageWaitingDays: 34, inMilestone1A: 1, inMilestone1B: 0 }),
    ]);
  });

  it('another provider sees none of these participants: Sagenn only its own d, Scalabor nothing, a provider outside the contract 404', async () => {
    const s = await sagenn.get(`/api/v1/reports/quarterly-mi?contractId=${CG}&quarter=2027-Q1`);
    expect(lastTwo(cellOf(s.body, 'arnhem', 'b1_language'))).toEqual([
      figures('2026-Q4', 'b1_language', { registered: 1, startedRunning: 1, averageWaitingDays: 14, inMilestone1A: 1 }),
      figures('2027-Q1', 'b1_language', { startedRunning: 1, inMilestone1A: 1, transferredFromB1: 1, transferredToZ: 1 }),
    ]);
    expect(lastTwo(cellOf(s.body, 'arnhem', 'z_participation'))).toEqual([figures('2026-Q4', 'z_participation'), figures('2027-Q1', 'z_participation')]);
    const empty = await scalabor.get(`/api/v1/reports/quarterly-mi?contractId=${CG}&quarter=2027-Q1`);
    expect(empty.status).toBe(200);
    for (const c of empty.body.cells as Cell[]) expect(c.quarters).toEqual(['2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1'].map((q) => figures(q, c.product)));
    expect((await taalpunt.get(`/api/v1/reports/quarterly-mi?contractId=${CG}&quarter=2027-Q1`)).status).toBe(404);
    // The consultant of another municipality: its own cells only, without Arnhem's participants.
    const du = await duiven.get(`/api/v1/reports/quarterly-mi?contractId=${CG}&quarter=2027-Q1`);
    expect(du.body.cells.map((c: Cell) => c.municipality)).toEqual(PRODUCTS.map(() => 'duiven'));
    expect(cellOf(du.body, 'duiven', 'b1_language')?.quarters.at(-1)).toEqual(figures('2027-Q1', 'b1_language', { startedRunning: 1, startedInStartClass: 1, averageWaitingDays: 34, inMilestone1A: 1 }));
    // The contract manager gets the counts suppressed (R-MI-6): Duiven's one participant is not shown.
    const cm = await manager.get(`/api/v1/reports/quarterly-mi?contractId=${CG}&quarter=2027-Q1`);
    expect([cm.status, cm.body.audience]).toEqual([200, 'aggregate']);
    expect(cellOf(cm.body, 'duiven', 'b1_language')?.quarters.at(-1)).toMatchObject({ startedRunning: null, startedInStartClass: null, averageWaitingDays: null, inMilestone1A: null });
  });

  it('the reader aggregates attendance per referral and quarter in SQL exactly as attendanceRate() does over each month of the raw lessons', async () => {
    const lesson = (date: string, scheduledMinutes: number, attendedMinutes: number, over: Partial<AttendanceFact> = {}): AttendanceFact => ({
      sessionId: date, date, scheduledMinutes, attendedMinutes, present: attendedMinutes > 0, calledIn: true, reason: null, makeUp: false, cancelledByProvider: false, ...over,
    });
    // Referral a's lessons as built above.
    const raw = [lesson('2026-11-10', 240, 240), lesson('2026-12-08', 240, 120), lesson('2026-12-15', 60, 60, { makeUp: true }), lesson('2027-01-12', 240, 180), lesson('2027-02-09', 240, 0, { cancelledByProvider: true })];
    const facts = await unsafeQuarterlyMiFacts(t.koers.db, { kind: 'municipality', municipalityId: organisationId('municipality', 'arnhem') }, { contractId: CG, from: '2026-04-01', to: '2027-03-31' });
    // Make-up minutes make up missed minutes of their own month (R-ATT-5): each month by attendanceRate, summed per quarter.
    const quarters: [string, [string, string][]][] = [
      ['2026-Q4', [['2026-10-01', '2026-10-31'], ['2026-11-01', '2026-11-30'], ['2026-12-01', '2026-12-31']]],
      ['2027-Q1', [['2027-01-01', '2027-01-31'], ['2027-02-01', '2027-02-28'], ['2027-03-01', '2027-03-31']]],
    ];
    expect(facts.attendance.filter((m) => m.referralId === referralA)).toEqual(
      quarters.map(([quarter, months]) => {
        const rates = months.map(([from, to]) => attendanceRate(raw, from, to));
        return { referralId: referralA, quarter, offeredMinutes: rates.reduce((n, r) => n + r.offeredMinutes, 0), attendedMinutes: rates.reduce((n, r) => n + r.attendedMinutes, 0) };
      }),
    );
    // Q4: Nov 240 of 240 + Dec 120 attended and 60 made up of the 120 missed; Q1: Jan 180 of 240, Feb's cancelled lesson offers nothing.
    expect(facts.attendance.filter((m) => m.referralId === referralA).map((m) => [m.quarter, m.offeredMinutes, m.attendedMinutes])).toEqual([['2026-Q4', 480, 420], ['2027-Q1', 240, 180]]);
  });

  it('a bad quarter or contract is a problem with a Dutch reason, and each read is audited as one aggregate line', async () => {
    const bad = await arnhem.get(`/api/v1/reports/quarterly-mi?contractId=${CG}&quarter=2027-Q5`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.invalidParams).toEqual([expect.objectContaining({ name: 'quarter', reason: expect.stringContaining('kwartaal') })]);
    const far = await arnhem.get(`/api/v1/reports/quarterly-mi?contractId=${CG}&quarter=1999-Q4`);
    expect([far.status, far.body.invalidParams?.[0]?.code]).toEqual([422, 'outOfRange']);
    const unknown = await arnhem.get(`/api/v1/reports/quarterly-mi?contractId=nergens&quarter=2027-Q1`);
    expect(unknown.status).toBe(422);
    expect(unknown.body.invalidParams).toEqual([{ name: 'contractId', code: 'unknown', reason: expect.stringContaining('contract') }]);
    const before = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE name = 'managementInformation.read' AND object_type = 'quarterlyMi' AND status = 'ok' AND data_subject_ref IS NULL`);
    await arnhem.get(`/api/v1/reports/quarterly-mi?contractId=${CG}&quarter=2027-Q1`);
    const after = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE name = 'managementInformation.read' AND object_type = 'quarterlyMi' AND status = 'ok' AND data_subject_ref IS NULL`);
    expect((after[0]?.n ?? 0) - (before[0]?.n ?? 0)).toBe(1);
  });
});
