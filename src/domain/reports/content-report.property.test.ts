// R-MI-2, R-MI-6: shape properties of the content report on random fact sets — a year value of a
// participant flow is distinct participants over the quarters (at least each quarter's, at most their sum),
// a per-referral flow's year is the sum of its quarters, the region (personal readers) is the facts of all
// municipalities and not a sum; the aggregate view shows no count below the threshold and its region is the
// sum of the shown-or-hidden municipality cells; the MI drill-down lists are as long as the MI figures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../calendar.js';
import { contentReport, ContentCountItems, type ContentContract, type ContentReportFacts, type ContentRouteEventFact } from './content-report.js';
import { suppressContentReports } from './content-suppression.js';
import type { ReferralFact, ReportContract } from './facts.js';
import { miMembers, MiDrillItems } from './mi-members.js';
import { periodContaining } from './periods.js';
import { quarterlyManagementInformation } from './quarterly-mi.js';

const CONTRACT: ContentContract = {
  municipalities: [{ code: 'hoorn' }, { code: 'enkhuizen' }],
  products: [
    { code: 'b1_language', kind: 'language', routes: ['b1'] },
    { code: 'z_language', kind: 'language', routes: ['z'] },
    { code: 'z_participation', kind: 'participation', routes: ['z'] },
  ],
  versions: [{ version: 1, validFrom: '2026-01-01' }],
};
const day = fc.integer({ min: 0, max: 600 }).map((n) => addCalendarDays('2026-06-01', n));
const maybe = fc.option(day, { nil: null });
const referral = (i: number): fc.Arbitrary<ReferralFact> =>
  fc
    .record({ participant: fc.integer({ min: 0, max: 9 }), municipality: fc.constantFrom('hoorn', 'enkhuizen'), product: fc.constantFrom('b1_language', 'z_language', 'z_participation'), referredOn: day, intakeHeldOn: maybe, startClassStartedOn: maybe, startedOn: maybe, endedOn: maybe })
    .map((r) => ({ id: `r${i}`, participantId: `p${r.participant}`, municipality: r.municipality, product: r.product, referredOn: r.referredOn, intakeHeldOn: r.intakeHeldOn, startClassStartedOn: r.startClassStartedOn, startedOn: r.startedOn, endedOn: r.endedOn }));
const event: fc.Arbitrary<ContentRouteEventFact> = fc.record({
  referralId: fc.integer({ min: 0, max: 14 }).map((i) => `r${i}`),
  type: fc.constantFrom('routeChanged' as const, 'onHold' as const, 'resumed' as const, 'droppedOut' as const, 'movedAway' as const, 'routeEnded' as const),
  on: day,
  fromRoute: fc.constantFrom('b1' as const, 'z' as const),
  toRoute: fc.constantFrom('b1' as const, 'z' as const, 'b1_entree' as const),
  reason: fc.constantFrom('medical', 'death', 'other', null),
});
const facts: fc.Arbitrary<ContentReportFacts> = fc.integer({ min: 0, max: 15 }).chain((n) =>
  fc.record({
    referrals: fc.tuple(...Array.from({ length: n }, (_, i) => referral(i))),
    routeEvents: fc.array(event, { maxLength: 12 }),
    scalings: fc.array(fc.record({ referralId: fc.integer({ min: 0, max: 14 }).map((i) => `r${i}`), direction: fc.constantFrom('down' as const, 'up' as const), fromLevel: fc.constant('B1'), toLevel: fc.constantFrom('A2', 'B2'), decidedOn: day }), { maxLength: 6 }),
    attendance: fc.constant([]),
    activities: fc.constant([]),
    hours: fc.constant([]),
    groups: fc.constant([]),
    cancelledLessons: fc.constant([]),
  }),
);
const Q4 = periodContaining('quarter', '2027-10-01');
const PARTICIPANT_FLOWS = ['1a', '3b', '3c', '3d', '3e', '4b'] as const;

describe('content report — properties', () => {
  it('year of a participant flow: between the largest quarter and the sum; per-referral flow 1b: the sum; region ≤ sum of municipalities', () => {
    fc.assert(
      fc.property(facts, (f) => {
        for (const scope of ['hoorn', 'enkhuizen', 'region']) {
          for (const { columns } of contentReport(f, Q4, CONTRACT, scope).routes) {
            const quarters = columns.slice(0, -1);
            const year = columns.at(-1);
            for (const item of PARTICIPANT_FLOWS) {
              const qs = quarters.map((c) => c.counts[item]);
              expect(year?.counts[item]).toBeGreaterThanOrEqual(Math.max(...qs));
              expect(year?.counts[item]).toBeLessThanOrEqual(qs.reduce((a, b) => a + b, 0));
            }
            expect(year?.counts['1b']).toBe(quarters.reduce((a, c) => a + c.counts['1b'], 0));
          }
        }
        const region = contentReport(f, Q4, CONTRACT, 'region');
        const parts = ['hoorn', 'enkhuizen'].map((m) => contentReport(f, Q4, CONTRACT, m));
        region.routes.forEach((r, ri) =>
          r.columns.forEach((c, p) => {
            for (const item of ContentCountItems) {
              const sum = parts.reduce((a, m) => a + (m.routes[ri]?.columns[p]?.counts[item] ?? 0), 0);
              expect(c.counts[item]).toBeLessThanOrEqual(sum);
            }
          }),
        );
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('aggregate readers: no shown count between 0 and the threshold, and the region is the sum of the municipality cells', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const byMunicipality = ['hoorn', 'enkhuizen'].map((m) => contentReport(f, Q4, CONTRACT, m));
        const shown = suppressContentReports(byMunicipality, contentReport(f, Q4, CONTRACT, 'region'));
        shown.region.routes.forEach((r, ri) =>
          r.columns.forEach((c, p) => {
            for (const item of ContentCountItems) {
              const cells = shown.municipalities.map((m) => m.routes[ri]?.columns[p]?.counts[item] ?? null);
              for (const v of [...cells, c.counts[item]]) if (v !== null) expect(v === 0 || v >= 5).toBe(true);
              const truth = byMunicipality.reduce((a, m) => a + (m.routes[ri]?.columns[p]?.counts[item] ?? 0), 0);
              if (c.counts[item] !== null) expect(c.counts[item]).toBe(truth);
            }
          }),
        );
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('the MI drill-down lists (1a, 1b, 1c, 2, 3, 5) are as long as the quarterly management information figures', () => {
    const contract: ReportContract = { municipalities: [{ code: 'hoorn', products: ['b1_language'] }], products: [{ code: 'b1_language', kind: 'language' }], versions: [{ version: 1, validFrom: '2026-01-01' }] };
    const attendance = fc.array(fc.record({ referralId: fc.integer({ min: 0, max: 14 }).map((i) => `r${i}`), quarter: fc.constantFrom('2026-Q4', '2027-Q1', '2027-Q2'), offeredMinutes: fc.integer({ min: 0, max: 10 }).map((n) => n * 60), attendedMinutes: fc.integer({ min: 0, max: 600 }) }), { maxLength: 10 });
    fc.assert(
      fc.property(facts, attendance, (f, att) => {
        const referrals = f.referrals.map((r) => ({ ...r, municipality: 'hoorn', product: 'b1_language' }));
        const attended = att.map((a) => ({ ...a, attendedMinutes: Math.min(a.attendedMinutes, a.offeredMinutes) }));
        const q = periodContaining('quarter', '2027-01-01');
        const mi = quarterlyManagementInformation({ referrals, attendance: attended, groups: [], routeChanges: [], ladder: [] }, q, contract, 0);
        const fig = mi.cells[0]?.quarters[0];
        const lengths = Object.fromEntries(MiDrillItems.map((i) => [i, miMembers({ attendance: attended }, referrals, q, i, 80).length]));
        expect(lengths).toEqual({ '1a': fig?.registered, '1b': fig?.intakeHeld, '1c': fig?.startedRunning, '2': fig?.startedInStartClass, '3': fig?.belowAttendanceNorm, '5': fig?.waiting });
      }),
      { numRuns: 200 },
    );
  });
});
