// Issue #13, R-MI-6, R-SEC-1: the quarterly management information for the aggregate readers — the
// contract manager of Centraal Gelderland (every municipality) and the policy officer of Duiven (its own) —
// and the export of the same cells as XLSX and PDF. A hand-built 2027-Q1 (all referrals in it):
//   Arnhem  z_language        6 referred (Sagenn) 10 Jan, none started
//   Arnhem  b1_language       7 referred (Sagenn) 10 Jan, 5 of them started 10 Feb (31 days' wait)
//   Duiven  b1_language       3 referred (Sagenn)  5 Jan, 2 of them started 25 Jan (20 days) — the municipality of three
//   Rheden  z_participation   5 referred (Newbees) 1 Feb;  b1_participation 6 referred 1 Feb
// Every cell's expected value is written below with the suppression worked out by hand (docs/reports.md §5).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfGlyphText } from './support/pdf-text.js';
import { aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';
import { aReportReferral, type ReportRegion } from './support/report-builders.js';

const CG = 'centraal-gelderland';
const MUNICIPALITIES = ['arnhem', 'doesburg', 'duiven', 'lingewaard', 'overbetuwe', 'rheden', 'rozendaal', 'westervoort', 'zevenaar'];
const PRODUCTS = ['z_language', 'b1_language', 'z_participation', 'b1_participation', 'map'];
const LANGUAGE = new Set(['z_language', 'b1_language']);
const ZERO_LADDER = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0 };
const ZERO_GROUPS = { fastAlfa: 0, a0a1: 0, a1a2: 0, a2b1: 0, z: 0, exam: 0, map: 0 };

function figures(quarter: string, product: string, over: Record<string, unknown> = {}, hidden: string[] = []): Record<string, unknown> {
  const milestones = LANGUAGE.has(product) ? 0 : null;
  return {
    quarter, contractVersion: 1, registered: 0, intakeHeld: 0, startedRunning: 0, startedInStartClass: 0, belowAttendanceNorm: 0,
    runningGroups: ZERO_GROUPS, waiting: 0, averageWaitingDays: null, inMilestone1A: milestones, inMilestone1B: milestones,
    transferredToB1: 0, transferredFromB1: 0, transferredToZ: 0, transferredFromZ: 0, transferredToEducation: 0, transferredFromEducation: 0, transferredToUnknown: 0,
    ladder: LANGUAGE.has(product) ? null : { atReferral: ZERO_LADDER, raisedDuring: ZERO_LADDER, atEnd: ZERO_LADDER },
    remarks: null,
    ...over,
    hidden,
  };
}

interface Cell {
  municipality: string;
  product: string;
  quarters: Record<string, unknown>[];
}
const q1 = (cells: Cell[], m: string, p: string) => cells.find((c) => c.municipality === m && c.product === p)?.quarters.at(-1);
const h = null; // a hidden count

/**
 * 2027-Q1 for the contract manager, per cell, as suppressTable hides it (rows: the nine municipalities,
 * columns: the five products; totals = sums).
 * - registered (1a): Duiven b1 3 is primary, and so its row total 3. The rule "no line with one hidden
 *   entry" then hides Arnhem b1 7 (its column), Arnhem z 6 (Arnhem's row), the z total 6, Rheden zp 5 and
 *   the zp total 5 and Rheden's total 11 (the totals row and the row-totals column). Shown: Arnhem 13,
 *   b1 total 10, bp total 6, Rheden bp 6, grand 27. Not derivable: with Duiven b1 = d (1..4), Rheden zp =
 *   27 − 13 − 6 − d = 8 − d, Arnhem b1 = 10 − d, Arnhem z = 3 + d fits every shown figure for d = 1 and d = 4.
 * - startedRunning (1c), inMilestone1A (7): Arnhem b1 5 and Duiven b1 2: Duiven primary, Arnhem with it
 *   (its column); the b1 total 7 is shown: d = 1..4 with Arnhem 7 − d.
 * - waiting (5): Arnhem z 6, Arnhem b1 2, Duiven b1 1, Rheden zp 5, bp 6: everything but zeros and the
 *   grand total 20 is hidden.
 * - averageWaitingDays (6): Arnhem b1 31 over 5 waits is shown; Duiven's 20 over 2 waits is hidden.
 */
const EXPECTED_Q1: Record<string, [Record<string, unknown>, string[]]> = {
  'arnhem/z_language': [{ registered: h, waiting: h }, ['registered', 'waiting']],
  'arnhem/b1_language': [{ registered: h, startedRunning: h, waiting: h, averageWaitingDays: 31, inMilestone1A: h }, ['registered', 'startedRunning', 'waiting', 'inMilestone1A']],
  'duiven/b1_language': [{ registered: h, startedRunning: h, waiting: h, averageWaitingDays: h, inMilestone1A: h }, ['registered', 'startedRunning', 'waiting', 'inMilestone1A', 'averageWaitingDays']],
  'rheden/z_participation': [{ registered: h, waiting: h }, ['registered', 'waiting']],
  'rheden/b1_participation': [{ registered: 6, waiting: h }, ['waiting']],
};

describe(`quarterly management information for aggregate readers on ${DB_KIND}`, () => {
  let t: TestKoers;
  let manager: Client;
  let officer: Client;
  let consultant: Client;

  beforeAll(async () => {
    t = await startTestKoers({ today: '2027-04-10' });
    const user = await aUser(t, 'consultant', 'duiven');
    const r: ReportRegion = { db: t.koers.db, userId: user.id, contractId: CG };
    consultant = await Client.loggedIn(t, user);
    manager = await Client.loggedIn(t, await aUser(t, 'contractManager', 'centraal-gelderland'));
    officer = await Client.loggedIn(t, await aUser(t, 'policyOfficer', 'duiven'));
    const many = async (n: number, municipality: string, provider: string, product: string, referredOn: string, started: number, startedOn?: string) => {
      for (let i = 0; i < n; i++) await aReportReferral(r, municipality, provider, product, { referredOn, ...(i < started && startedOn !== undefined ? { startedOn } : {}) });
    };
    await many(6, 'arnhem', 'sagenn', 'z_language', '2027-01-10', 0);
    await many(7, 'arnhem', 'sagenn', 'b1_language', '2027-01-10', 5, '2027-02-10');
    await many(3, 'duiven', 'sagenn', 'b1_language', '2027-01-05', 2, '2027-01-25');
    await many(5, 'rheden', 'newbees', 'z_participation', '2027-02-01', 0);
    await many(6, 'rheden', 'newbees', 'b1_participation', '2027-02-01', 0);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('the contract manager: every cell of 2027-Q1 suppressed as worked out by hand, earlier quarters all zero, no participant id', async () => {
    const res = await manager.get(`/api/v1/reports/quarterly-mi?contractId=${CG}&quarter=2027-Q1`);
    expect(res.status).toBe(200);
    expect(res.body.audience).toBe('aggregate');
    const cells = res.body.cells as Cell[];
    expect(cells.map((c) => `${c.municipality}/${c.product}`)).toEqual(MUNICIPALITIES.flatMap((m) => PRODUCTS.map((p) => `${m}/${p}`)));
    for (const c of cells) {
      const [over, hidden] = EXPECTED_Q1[`${c.municipality}/${c.product}`] ?? [{}, []];
      expect(c.quarters).toEqual([...['2026-Q2', '2026-Q3', '2026-Q4'].map((q) => figures(q, c.product)), figures('2027-Q1', c.product, over, hidden)]);
    }
    // The region per product: the sums of the cells, suppressed with them.
    const totals = res.body.regionTotals as { product: string; quarters: Record<string, unknown>[] }[];
    expect(totals.map((x) => x.product)).toEqual(PRODUCTS);
    const total = (p: string) => totals.find((x) => x.product === p)?.quarters.at(-1);
    expect(total('z_language')).toEqual(figures('2027-Q1', 'z_language', { registered: h, waiting: h }, ['registered', 'waiting']));
    expect(total('b1_language')).toEqual(figures('2027-Q1', 'b1_language', { registered: 10, startedRunning: 7, waiting: h, inMilestone1A: 7 }, ['waiting']));
    expect(total('z_participation')).toEqual(figures('2027-Q1', 'z_participation', { registered: h, waiting: h }, ['registered', 'waiting']));
    expect(total('b1_participation')).toEqual(figures('2027-Q1', 'b1_participation', { registered: 6, waiting: h }, ['waiting']));
    expect(total('map')).toEqual(figures('2027-Q1', 'map'));
    // No shown count of a cell is below the threshold but zero, and the municipality of three shows none.
    const counts = (f: Record<string, unknown>): number[] => Object.values(f).flatMap((v) => (typeof v === 'number' ? [v] : v !== null && typeof v === 'object' && !Array.isArray(v) ? counts(v as Record<string, unknown>) : []));
    for (const c of cells) for (const f of c.quarters) for (const n of counts({ ...f, contractVersion: null, averageWaitingDays: null })) expect(n === 0 || n >= 5).toBe(true);
    expect(counts({ ...q1(cells, 'duiven', 'b1_language'), contractVersion: null }).every((n) => n === 0)).toBe(true);
    // The hidden Duiven b1 registered (3) cannot be derived: two fillings that agree with every shown
    // number give 1 and 4 (see EXPECTED_Q1's comment), checked against the shown figures here.
    for (const d of [1, 4]) {
      const filled = { arnhemZ: 3 + d, arnhemB1: 10 - d, duivenB1: d, rhedenZp: 8 - d, rhedenBp: 6 };
      expect(filled.arnhemZ + filled.arnhemB1).toBe(13); // Arnhem's row total, shown by suppressTable (not in the answer: fewer facts to the reader)
      expect(filled.arnhemB1 + filled.duivenB1).toBe(total('b1_language')?.registered);
      expect(filled.rhedenBp).toBe(total('b1_participation')?.registered);
      expect(filled.arnhemZ + filled.arnhemB1 + filled.duivenB1 + filled.rhedenZp + filled.rhedenBp).toBe(27);
      expect(Math.min(...Object.values(filled))).toBeGreaterThanOrEqual(1);
    }
    expect(JSON.stringify(res.body)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  });

  it('the policy officer of Duiven: its own five cells, every count of its three participants hidden', async () => {
    const res = await officer.get(`/api/v1/reports/quarterly-mi?contractId=${CG}&quarter=2027-Q1`);
    expect(res.status).toBe(200);
    const cells = res.body.cells as Cell[];
    expect(cells.map((c) => `${c.municipality}/${c.product}`)).toEqual(PRODUCTS.map((p) => `duiven/${p}`));
    // One row: each count is its own column total, so a small one hides itself and nothing else is small.
    expect(q1(cells, 'duiven', 'b1_language')).toEqual(
      figures('2027-Q1', 'b1_language', { registered: h, startedRunning: h, waiting: h, averageWaitingDays: h, inMilestone1A: h }, ['registered', 'startedRunning', 'waiting', 'inMilestone1A', 'averageWaitingDays']),
    );
    for (const p of PRODUCTS.filter((x) => x !== 'b1_language')) expect(q1(cells, 'duiven', p)).toEqual(figures('2027-Q1', p));
    const b1Total = (res.body.regionTotals as { product: string; quarters: Record<string, unknown>[] }[]).find((x) => x.product === 'b1_language')?.quarters.at(-1);
    expect(b1Total).toEqual(figures('2027-Q1', 'b1_language', { registered: h, startedRunning: h, waiting: h, inMilestone1A: h }, ['registered', 'startedRunning', 'waiting', 'inMilestone1A']));
  });

  it('the consultant of Duiven still sees its true counts; the export gives the same cells as XLSX and PDF', async () => {
    const own = await consultant.get(`/api/v1/reports/quarterly-mi?contractId=${CG}&quarter=2027-Q1`);
    expect([own.body.audience, own.body.regionTotals]).toEqual(['personal', undefined]);
    const duivenB1 = { registered: 3, startedRunning: 2, waiting: 1, averageWaitingDays: 20, inMilestone1A: 2 };
    const { hidden: _none, ...personal } = figures('2027-Q1', 'b1_language', duivenB1);
    expect(q1(own.body.cells as Cell[], 'duiven', 'b1_language')).toEqual(personal);

    const xlsx = await manager.bytes(`/api/v1/reports/quarterly-mi/export?contractId=${CG}&quarter=2027-Q1&format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toBe('attachment; filename="kwartaal-mi-2027-04-10.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const after = (heading: string, label: string) => {
      const at = rows.findIndex((r) => r[0] === heading);
      return rows.slice(at).find((r) => r[0] === label);
    };
    expect(rows[0]).toEqual(['Kwartaalmanagementinformatie Centraal Gelderland — 2027-Q1']);
    expect(after('Duiven — B1-route taal', '1a Aantal aangemeld')).toEqual(['1a Aantal aangemeld', 0, 0, 0, 'niet getoond']);
    expect(after('Arnhem — B1-route taal', '6 Gemiddelde tijd op wachtlijst (kalenderdagen)')).toEqual(['6 Gemiddelde tijd op wachtlijst (kalenderdagen)', 'n.v.t.', 'n.v.t.', 'n.v.t.', 31]);
    expect(after('Regio, som van de gemeenten — B1-route taal', '1a Aantal aangemeld')).toEqual(['1a Aantal aangemeld', 0, 0, 0, 10]);

    const pdf = await officer.bytes(`/api/v1/reports/quarterly-mi/export?contractId=${CG}&quarter=2027-Q1&format=pdf`);
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const text = pdfGlyphText(pdf.bytes);
    expect(text).toContain('Kwartaalmanagementinformatie Centraal Gelderland — 2027-Q1');
    expect(text).toContain('Gemeente Duiven');
    expect(text).toContain('1a Aantal aangemeld000niet getoond');

    const bad = await manager.get(`/api/v1/reports/quarterly-mi/export?contractId=${CG}&quarter=2027-Q1&format=docx`);
    expect([bad.status, bad.body.invalidParams?.[0]?.name]).toEqual([400, 'format']);
  });
});
