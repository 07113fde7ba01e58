// R-MI-6, R-SEC-1: the content report (and the year report, which is its year column) as the contract
// manager and the policy officer see it — counts only, every count through suppressTable, the region
// shown as the SUM of the municipality cells (docs/reports.md §2, "Aggregate readers"). The tables:
// - per-referral flows (1b, 3k, 4c): municipality × quarter, the year as the row total (a referral counts
//   in one quarter of the year, so the year is the sum), the region as the column totals;
// - stocks (1c, 2a, 4a): municipality × quarter; the year is the last quarter's value and is hidden with it;
// - participant flows (1a, 3b–3e, 3g, 3h): municipality × (quarters, year), each column's region total the
//   sum — the year is not the sum of the quarters (distinct participants), so it is its own column;
// - 4b: per period, municipality × reason with the drop-outs (4b) as the row total.
// An average (1c, 3f, 3j, 5b) is shown only when the number it is taken over is at least the threshold;
// the route-change explanations (3b, 3c) are free text about persons and are not shown.
import { SMALL_CELL_THRESHOLD } from '../small-cells.js';
import { suppressTable } from './suppression.js';
import { ContentCountItems, DropOutReasons, type ContentCountItem, type ContentFigures, type ContentReport, type ContentRoute } from './content-report.js';

export interface ShownContentFigures extends Omit<ContentFigures, 'counts' | 'complaints'> {
  counts: Record<ContentCountItem, number | null>;
  /** 5a; null when suppressed. */
  complaints: number | null;
  /** The counts and averages hidden (R-MI-6); empty for a personal reader. */
  suppressed: string[];
}

export interface ShownContentReport extends Omit<ContentReport, 'routes'> {
  routes: { route: ContentRoute; columns: ShownContentFigures[] }[];
}

const PER_REFERRAL: readonly ContentCountItem[] = ['1b', '3k', '4c'];
const STOCKS: readonly ContentCountItem[] = ['1c', '2a', '4a'];
const REASONS = DropOutReasons.map((r) => `4b.${r}` as ContentCountItem);
const PARTICIPANT_FLOWS = ContentCountItems.filter((i) => !PER_REFERRAL.includes(i) && !STOCKS.includes(i) && i !== '4b' && !REASONS.includes(i));

/** The figures as a personal reader sees them: every count shown. */
export function shownAsIs(report: ContentReport): ShownContentReport {
  return { ...report, routes: report.routes.map((r) => ({ route: r.route, columns: r.columns.map((c) => ({ ...c, counts: { ...c.counts }, suppressed: [] })) })) };
}

/**
 * The aggregate readers' view: `byMunicipality` (every municipality of the room, same quarter) and
 * `region` (computed from the facts: only its averages are used, its counts become the sums) in, the
 * municipalities and the region out, suppressed together.
 */
export function suppressContentReports(
  byMunicipality: readonly ContentReport[],
  region: ContentReport,
  threshold = SMALL_CELL_THRESHOLD,
  /** 'runningYear': quarters then the year so far (the content report); 'years': whole years side by side (the year report). */
  columns: 'runningYear' | 'years' = 'runningYear',
): { municipalities: ShownContentReport[]; region: ShownContentReport } {
  const municipalities = byMunicipality.map(shownAsIs);
  const shownRegion = shownAsIs(region);
  const periods = region.periods.length;
  const quarters = periods - 1;
  for (const [ri, route] of shownRegion.routes.entries()) {
    const col = (m: number): ShownContentFigures[] => (municipalities[m] as ShownContentReport).routes[ri]?.columns ?? [];
    const regionCols = route.columns;
    const value = (m: number, p: number, item: ContentCountItem): number => col(m)[p]?.counts[item] ?? 0;
    const set = (cols: ShownContentFigures[], p: number, item: ContentCountItem, v: number | null): void => {
      const c = cols[p];
      if (c === undefined) return;
      c.counts[item] = v;
      if (v === null && !c.suppressed.includes(item)) c.suppressed.push(item);
    };
    const rows = municipalities.map((_, m) => m);
    const all = Array.from({ length: periods }, (_, p) => p);
    if (columns === 'years') {
      // Whole years: no column is made of others; every count item is one table municipality × years.
      for (const item of [...PER_REFERRAL, ...STOCKS, ...PARTICIPANT_FLOWS]) writeColumns(item, all);
    }
    for (const item of columns === 'years' ? [] : PER_REFERRAL) {
      const cells = rows.map((m) => Array.from({ length: quarters }, (_, p) => value(m, p, item)));
      const years = rows.map((m) => value(m, quarters, item));
      const sums = cells.every((line, m) => line.reduce((a, b) => a + b, 0) === years[m]);
      if (!sums) {
        writeColumns(item, all);
        continue;
      }
      const t = suppressTable({ cells }, threshold);
      rows.forEach((m) => {
        for (let p = 0; p < quarters; p++) set(col(m), p, item, t.cells[m]?.[p] ?? null);
        set(col(m), quarters, item, t.rowTotals[m] ?? null);
      });
      for (let p = 0; p < quarters; p++) set(regionCols, p, item, t.columnTotals[p] ?? null);
      set(regionCols, quarters, item, t.grandTotal);
    }
    for (const item of columns === 'years' ? [] : STOCKS) {
      const t = suppressTable({ cells: rows.map((m) => Array.from({ length: quarters }, (_, p) => value(m, p, item))) }, threshold);
      rows.forEach((m) => {
        for (let p = 0; p < quarters; p++) set(col(m), p, item, t.cells[m]?.[p] ?? null);
        set(col(m), quarters, item, t.cells[m]?.[quarters - 1] ?? null); // the year's stock is the last quarter's
      });
      for (let p = 0; p < quarters; p++) set(regionCols, p, item, t.columnTotals[p] ?? null);
      set(regionCols, quarters, item, t.columnTotals[quarters - 1] ?? null);
    }
    if (columns === 'runningYear') for (const item of PARTICIPANT_FLOWS) writeColumns(item, all);
    for (let p = 0; p < periods; p++) {
      const t = suppressTable({ cells: rows.map((m) => REASONS.map((r) => value(m, p, r))) }, threshold);
      rows.forEach((m) => {
        REASONS.forEach((r, k) => set(col(m), p, r, t.cells[m]?.[k] ?? null));
        set(col(m), p, '4b', t.rowTotals[m] ?? null);
      });
      REASONS.forEach((r, k) => set(regionCols, p, r, t.columnTotals[k] ?? null));
      set(regionCols, p, '4b', t.grandTotal);
    }
    // 5a (R-CM-3): a complaint counts in the quarter it was received, so the running year is the row
    // total, as the per-referral flows; whole years side by side are columns of their own.
    const complaint = (m: number, p: number): number => col(m)[p]?.complaints ?? 0;
    const setComplaints = (cols: ShownContentFigures[], p: number, v: number | null): void => {
      const c = cols[p];
      if (c === undefined) return;
      c.complaints = v;
      if (v === null && !c.suppressed.includes('complaints')) c.suppressed.push('complaints');
    };
    const ps = columns === 'years' ? all : all.slice(0, quarters);
    const ct = suppressTable({ cells: rows.map((m) => ps.map((p) => complaint(m, p))) }, threshold);
    rows.forEach((m) => {
      ps.forEach((p, k) => setComplaints(col(m), p, ct.cells[m]?.[k] ?? null));
      if (columns === 'runningYear') setComplaints(col(m), quarters, ct.rowTotals[m] ?? null);
    });
    ps.forEach((p, k) => setComplaints(regionCols, p, ct.columnTotals[k] ?? null));
    if (columns === 'runningYear') setComplaints(regionCols, quarters, ct.grandTotal);
    /** One table municipality × the given periods, the region the column sums. */
    function writeColumns(item: ContentCountItem, ps: number[]): void {
      const t = suppressTable({ cells: rows.map((m) => ps.map((p) => value(m, p, item))) }, threshold);
      rows.forEach((m) => ps.forEach((p, k) => set(col(m), p, item, t.cells[m]?.[k] ?? null)));
      ps.forEach((p, k) => set(regionCols, p, item, t.columnTotals[k] ?? null));
    }
  }
  for (const r of [...municipalities, shownRegion]) for (const route of r.routes) for (const c of route.columns) hideForAggregate(c, threshold);
  return { municipalities, region: shownRegion };
}

/** Averages over fewer than the threshold, and the free-text explanations, are not shown to aggregate readers. */
function hideForAggregate(c: ShownContentFigures, threshold: number): void {
  const hide = (key: 'averageWaitingDays' | 'participationHoursPerParticipant' | 'languageHoursPerParticipant' | 'cancelledLessonsPerGroup' | 'averageAbsencePercent', over: number): void => {
    if (c[key] !== null && over < threshold) {
      c[key] = null;
      c.suppressed.push(key);
    }
  };
  const d = c.denominators ?? { started: 0, zParticipantsRunning: 0, runningGroups: 0, participantsWithLessons: 0 };
  hide('averageWaitingDays', d.started);
  hide('participationHoursPerParticipant', d.zParticipantsRunning);
  hide('languageHoursPerParticipant', d.zParticipantsRunning);
  hide('cancelledLessonsPerGroup', d.runningGroups);
  hide('averageAbsencePercent', d.participantsWithLessons);
  c.changesZToB1Reasons = [];
  c.changesB1ToZReasons = [];
  // The denominators are counts of persons, unsuppressed: not shown to aggregate readers.
  c.denominators = null;
}
