// suppressQuarterlyMi by hand (R-MI-6): two municipalities × two products, one quarter.
import { describe, expect, it } from 'vitest';
import type { QuarterlyMi, QuarterlyMiFigures } from './quarterly-mi.js';
import { miCountPaths, suppressQuarterlyMi, valueAt } from './quarterly-mi-suppressed.js';

const ladder = () => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0 });
function f(over: Partial<QuarterlyMiFigures>, language: boolean): QuarterlyMiFigures {
  return {
    quarter: '2027-Q1', contractVersion: 1, registered: 0, intakeHeld: 0, startedRunning: 0, startedInStartClass: 0, belowAttendanceNorm: 0,
    runningGroups: { fastAlfa: 0, a0a1: 0, a1a2: 0, a2b1: 0, z: 0, exam: 0, map: 0 }, waiting: 0, averageWaitingDays: null,
    inMilestone1A: language ? 0 : null, inMilestone1B: language ? 0 : null, transferredToB1: 0, transferredFromB1: 0, transferredToZ: 0, transferredFromZ: 0,
    transferredToEducation: 0, transferredFromEducation: 0, transferredToUnknown: 0,
    ladder: language ? null : { atReferral: ladder(), raisedDuring: ladder(), atEnd: ladder() }, remarks: null, ...over,
  };
}

describe('suppressQuarterlyMi', () => {
  // registered: A lang 6, A part 7, B lang 8, B part 3. B part 3 is primary; each of its lines then has
  // one hidden entry, so B lang 8 (its row) and A part 7 (its column) are hidden, and A lang 6 closes the
  // cycle. Every total stays shown: 13, 11, 14, 10, 24 — and B part can be 1..4 (A lang 6 ± the change).
  const mi: QuarterlyMi = {
    quarter: '2027-Q1',
    quarters: ['2027-Q1'],
    cells: [
      { municipality: 'a', product: 'lang', quarters: [f({ registered: 6, averageWaitingDays: 12.5 }, true)] },
      { municipality: 'a', product: 'part', quarters: [f({ registered: 7 }, false)] },
      { municipality: 'b', product: 'lang', quarters: [f({ registered: 8, averageWaitingDays: 3 }, true)] },
      { municipality: 'b', product: 'part', quarters: [f({ registered: 3 }, false)] },
    ],
  };
  const waits = [new Map([['a/lang', 5], ['b/lang', 4]])];
  const out = suppressQuarterlyMi(mi, waits);

  it('hides the 2×2 of registered counts and shows every region total as the sum', () => {
    expect(out.cells.map((c) => [c.municipality, c.product, c.quarters[0]?.registered, c.quarters[0]?.hidden])).toEqual([
      ['a', 'lang', null, ['registered']],
      ['a', 'part', null, ['registered']],
      ['b', 'lang', null, ['registered', 'averageWaitingDays']],
      ['b', 'part', null, ['registered']],
    ]);
    expect(out.regionTotals.map((t) => [t.product, t.quarters[0]?.registered, t.quarters[0]?.hidden])).toEqual([
      ['lang', 14, []],
      ['part', 10, []],
    ]);
  });

  it('an average over fewer than 5 waits is hidden, over 5 shown; a figure that does not apply stays null and is not hidden', () => {
    expect(out.cells[0]?.quarters[0]?.averageWaitingDays).toBe(12.5);
    expect(out.cells[2]?.quarters[0]?.averageWaitingDays).toBeNull();
    expect(out.cells[0]?.quarters[0]?.ladder).toBeNull();
    expect(out.cells[1]?.quarters[0]?.inMilestone1A).toBeNull();
    expect(out.regionTotals[1]?.quarters[0]?.inMilestone1A).toBeNull();
    expect(out.regionTotals[0]?.quarters[0]?.ladder).toBeNull();
    expect(valueAt(out.regionTotals[1]?.quarters[0] ?? {}, 'ladder.atEnd.3')).toBe(0);
  });

  it('lists every count of Bijlage 5 once: 15 counts (1a, 1b, 1c, 2, 3, 5, 7–15), 7 level bands, 18 ladder steps', () => {
    const paths = miCountPaths(f({}, true));
    expect(paths).toHaveLength(15 + 7 + 18);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).not.toContain('ladder');
    expect(paths).not.toContain('averageWaitingDays');
  });
});
