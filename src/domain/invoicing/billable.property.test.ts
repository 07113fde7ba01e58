// R-INV-1 as properties over arbitrary facts on the 002 §2.4 shape: no product is earned twice on one
// (participant, route), the events never exceed the route price (plus the PVT), and a finished route
// with its PIP result earns exactly the price to the cent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../calendar.js';
import { billableEvents, type RouteFacts } from './billable.js';
import type { PaymentSchedule } from './contract-data.js';

const exempt = { treatment: 'exempt', ratePercent: 0 } as const;
const schedule: PaymentSchedule = {
  product: 'education_hbo_wo',
  source: '002 §2.4',
  items: [
    { code: 'p1', name: 'n', trigger: { type: 'endOfMonth', month: 1 }, shareBasisPoints: 3000, source: 't' },
    ...[6, 12, 18, 24].map((m, i) => ({ code: `p${i + 2}`, name: 'n', trigger: { type: 'progressReport' as const, month: m }, shareBasisPoints: 1200, source: 't' })),
    { code: 'p6', name: 'n', trigger: { type: 'progressReport', month: 30 }, shareBasisPoints: 1200, withProducts: ['pvt'], source: 't' },
    { code: 'h', name: 'n', trigger: { type: 'hourMilestone', hours: 400 }, shareBasisPoints: 0, source: 't' },
    { code: 'p7', name: 'n', trigger: { type: 'resultReached' }, shareBasisPoints: 1000, source: 't' },
  ],
};
const START = '2023-02-01';
const day = fc.integer({ min: 0, max: 1500 }).map((n) => addCalendarDays(START, n));
const facts: fc.Arbitrary<RouteFacts> = fc.record(
  {
    startedOn: fc.constant(START),
    progressReports: fc.array(fc.record({ month: fc.constantFrom(6, 12, 18, 24, 30, 36), deliveredOn: day }), { maxLength: 8 }),
    finishedOn: day,
    droppedOutOn: day,
    resultReachedOn: day,
    finalDecision: fc.record({ decidedOn: day, mayInvoice: fc.boolean() }),
    hourMilestones: fc.array(fc.record({ hours: fc.integer({ min: 1, max: 800 }), reachedOn: day }), { maxLength: 4 }),
    completedProducts: fc.record({ pvt: day }),
    routeChange: fc.record({ paidCents: fc.integer({ min: 0, max: 2_000_000 }), itemsPaid: fc.nat(8) }),
  },
  { requiredKeys: ['startedOn', 'progressReports'] },
);
const price = fc.integer({ min: 0, max: 5_000_000 });
const PVT = 21600;

describe('billable events as properties (R-INV-1)', () => {
  it('no (product, item) twice; never negative or zero lines; at most the route price plus the PVT', () => {
    fc.assert(
      fc.property(facts, price, day, (f, p, asOf) => {
        const { events } = billableEvents({ schedule, routePrice: { amountCents: p, vat: exempt }, otherPrices: { pvt: { amountCents: PVT, vat: exempt } }, facts: f, asOf });
        const keys = events.map((e) => `${e.product}/${e.item}`);
        expect(new Set(keys).size).toBe(keys.length);
        // The store's key per (participant, route) is unique too.
        expect(new Set(events.map((e) => e.key)).size).toBe(events.length);
        expect(events.every((e) => Number.isInteger(e.amountCents) && e.amountCents > 0 && e.billableOn <= asOf)).toBe(true);
        const route = events.filter((e) => e.product === schedule.product).reduce((s, e) => s + e.amountCents, 0);
        expect(route).toBeLessThanOrEqual(p);
      }),
    );
  });

  it('a route finished with its PIP result and no drop-out earns exactly its price (after a change: the price minus what was paid)', () => {
    fc.assert(
      fc.property(facts, price, (f, p) => {
        const finished: RouteFacts = { ...f, finishedOn: f.finishedOn ?? '2025-06-01', resultReachedOn: f.finishedOn ?? '2025-06-01', droppedOutOn: undefined };
        // Periods that ended before the finish must have their reports to be paid.
        finished.progressReports = [6, 12, 18, 24, 30].map((month) => ({ month, deliveredOn: '2027-06-01' }));
        const { events } = billableEvents({ schedule, routePrice: { amountCents: p, vat: exempt }, facts: finished, asOf: '2028-01-01' });
        const sum = events.reduce((s, e) => s + e.amountCents, 0);
        const change = finished.routeChange;
        const rest = change === undefined ? p : change.itemsPaid >= schedule.items.length ? 0 : Math.max(0, p - change.paidCents);
        expect(sum).toBe(rest);
      }),
    );
  });
});
