// R-INV-1, R-INV-2, R-END-2: the billable events of 002 §2.4, on the numbers of the shipped contract
// (contracts/onderwijsroute-haaglanden-holland-rijnland.yaml). € 14.000 route (002 §2.2): product 1 is
// 30% = € 4.200, products 2–6 12% = € 1.680 each, product 7 10% = € 1.400; the PVT € 216 + 21% VAT (002 §2.3).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Contract, findVersionInForce } from '../contract.js';
import { billableEvents, itemAmounts, type BillableEvent, type RouteFacts } from './billable.js';
import type { PaymentSchedule } from './contract-data.js';
import { euro, vatCents } from './money.js';
import { tariffInForce } from './tariff.js';

const FILE = path.resolve(import.meta.dirname, '../../../contracts/onderwijsroute-haaglanden-holland-rijnland.yaml');
const contract = Contract.parse(parse(readFileSync(FILE, 'utf8')));
const START = '2023-02-01';
const schedule: PaymentSchedule = (() => {
  const s = findVersionInForce(contract, START)?.paymentSchedules?.find((x) => x.product === 'education_hbo_wo');
  if (s === undefined) throw new Error('002 schedule missing');
  return s;
})();
const tariff = (product: string) => {
  const t = tariffInForce(contract.tariffs ?? [], product, START);
  if (t === undefined) throw new Error(`no tariff for ${product}`);
  return { amountCents: t.amountCents, vat: t.vat };
};
const ROUTE = tariff('education_hbo_wo');
const PVT = tariff('pvt');

// Reports two weeks or so after each half year (month 6 ends 2023-08-01, month 12 2024-02-01, …).
const REPORTS = [
  { month: 6, deliveredOn: '2023-08-10' },
  { month: 12, deliveredOn: '2024-02-05' },
  { month: 18, deliveredOn: '2024-08-08' },
  { month: 24, deliveredOn: '2025-02-03' },
  { month: 30, deliveredOn: '2025-08-04' },
];

function run(facts: Partial<RouteFacts>, asOf = '2029-01-01', routePrice = ROUTE) {
  return billableEvents({ schedule, routePrice, otherPrices: { pvt: PVT }, facts: { startedOn: START, progressReports: REPORTS, ...facts }, asOf });
}
const rows = (events: BillableEvent[]) => events.map((e) => [e.product, e.item, e.amountCents, e.billableOn, e.basis]);
const total = (events: BillableEvent[]) => events.reduce((s, e) => s + e.amountCents, 0);

describe('the 002 §2.4 schedule as data', () => {
  it('is 30% after month 1, 12% after months 6, 12, 18, 24 and 30 (the last with the PVT), 10% on the PIP result', () => {
    expect(schedule.items.map((i) => [i.code, i.trigger, i.shareBasisPoints])).toEqual([
      ['p1', { type: 'endOfMonth', month: 1 }, 3000],
      ['p2', { type: 'progressReport', month: 6 }, 1200],
      ['p3', { type: 'progressReport', month: 12 }, 1200],
      ['p4', { type: 'progressReport', month: 18 }, 1200],
      ['p5', { type: 'progressReport', month: 24 }, 1200],
      ['p6', { type: 'progressReport', month: 30 }, 1200],
      ['p7', { type: 'resultReached' }, 1000],
    ]);
    expect(schedule.items[5]?.withProducts).toEqual(['pvt']);
  });
  it(`€ 14.000 gives ${euro(420000)}, 5 × ${euro(168000)} and ${euro(140000)}; the PVT ${euro(21600)} + ${euro(4536)} VAT is € 261,36`, () => {
    expect(ROUTE).toEqual({ amountCents: 1400000, vat: { treatment: 'exempt', ratePercent: 0 } });
    expect(itemAmounts(schedule, ROUTE.amountCents)).toEqual([420000, 168000, 168000, 168000, 168000, 168000, 140000]);
    expect(PVT).toEqual({ amountCents: 21600, vat: { treatment: 'standard', ratePercent: 21 } });
    expect(vatCents(PVT.amountCents, PVT.vat.ratePercent)).toBe(4536);
  });
  it('at the staffel price of € 27.000: € 8.100, 5 × € 3.240 and € 2.700', () => {
    expect(itemAmounts(schedule, 2700000)).toEqual([810000, 324000, 324000, 324000, 324000, 324000, 270000]);
  });
});

describe('billable events (R-INV-1)', () => {
  it('a full € 14.000 route with the PIP result: products 1–6 at € 4.200 and € 1.680 on month 1 and each delivered report, the PVT € 216 with product 6, product 7 € 1.400 on the result', () => {
    const r = run({ finishedOn: '2025-12-19', resultReachedOn: '2025-12-19', completedProducts: { pvt: '2023-06-15' } });
    expect(rows(r.events)).toEqual([
      ['education_hbo_wo', 'p1', 420000, '2023-03-01', 'schedule'],
      ['education_hbo_wo', 'p2', 168000, '2023-08-10', 'schedule'],
      ['education_hbo_wo', 'p3', 168000, '2024-02-05', 'schedule'],
      ['education_hbo_wo', 'p4', 168000, '2024-08-08', 'schedule'],
      ['education_hbo_wo', 'p5', 168000, '2025-02-03', 'schedule'],
      ['education_hbo_wo', 'p6', 168000, '2025-08-04', 'schedule'],
      ['pvt', 'p6', 21600, '2025-08-04', 'schedule'],
      ['education_hbo_wo', 'p7', 140000, '2025-12-19', 'schedule'],
    ]);
    expect(total(r.events)).toBe(1400000 + 21600);
    // The store's key per (participant, route): the product number, and the PVT's own code.
    expect(r.events.map((e) => e.key)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'pvt', 'p7']);
  });

  it('a period is paid after its progress report: month 6 ended but no report yet, product 2 waits', () => {
    const r = run({ progressReports: [] }, '2023-09-01');
    expect(rows(r.events)).toEqual([['education_hbo_wo', 'p1', 420000, '2023-03-01', 'schedule']]);
    expect(r.open[0]).toEqual({ item: 'p2', reason: 'waitingForFacts' });
  });

  it('nothing is billable before its day: on 2023-02-28 not even product 1 (month 1 ends 2023-03-01)', () => {
    expect(run({}, '2023-02-28').events).toEqual([]);
    expect(run({}, '2023-03-01').events).toHaveLength(1);
  });
});

describe('settlement (R-INV-2)', () => {
  it('an early finish in month 16 with the PIP result: products 4–6 (3 × € 1.680) and product 7 (€ 1.400) all on the finish date, € 14.000 in all', () => {
    const r = run({ finishedOn: '2024-05-15', resultReachedOn: '2024-05-15' });
    expect(rows(r.events).slice(3)).toEqual([
      ['education_hbo_wo', 'p4', 168000, '2024-05-15', 'earlyFinish'],
      ['education_hbo_wo', 'p5', 168000, '2024-05-15', 'earlyFinish'],
      ['education_hbo_wo', 'p6', 168000, '2024-05-15', 'earlyFinish'],
      ['education_hbo_wo', 'p7', 140000, '2024-05-15', 'schedule'],
    ]);
    expect(total(r.events)).toBe(1400000);
  });

  it('an early finish without the PIP result: products 1–6 (€ 12.600), not product 7', () => {
    const r = run({ finishedOn: '2024-05-15' });
    expect(r.events.map((e) => e.item)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(total(r.events)).toBe(1260000);
    expect(r.open).toEqual([{ item: 'p7', reason: 'resultNotReached' }]);
  });

  it('a drop-out in month 9 (period 6–12): product 3 (€ 1.680) is still paid on its report, products 4–7 not — € 7.560 (54%) in all', () => {
    const r = run({ droppedOutOn: '2023-10-20', progressReports: [REPORTS[0]!, { month: 12, deliveredOn: '2023-11-03' }] });
    expect(rows(r.events)).toEqual([
      ['education_hbo_wo', 'p1', 420000, '2023-03-01', 'schedule'],
      ['education_hbo_wo', 'p2', 168000, '2023-08-10', 'schedule'],
      ['education_hbo_wo', 'p3', 168000, '2023-11-03', 'dropOut'],
    ]);
    expect(total(r.events)).toBe(756000);
    expect(r.open.map((o) => [o.item, o.reason])).toEqual([['p4', 'afterDropOut'], ['p5', 'afterDropOut'], ['p6', 'afterDropOut'], ['p7', 'afterDropOut']]);
  });

  it('a drop-out in month 1 still earns product 1 (€ 4.200) on the drop-out date, and nothing after', () => {
    const r = run({ droppedOutOn: '2023-02-20', progressReports: [] });
    expect(rows(r.events)).toEqual([['education_hbo_wo', 'p1', 420000, '2023-02-20', 'dropOut']]);
  });

  it('three years without finishing: products 1–6 paid (€ 12.600, 90%), product 7 (€ 1.400) only on the later PIP result', () => {
    const before = run({}, '2026-02-01');
    expect(before.events.map((e) => e.item)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(total(before.events)).toBe(1260000);
    const after = run({ resultReachedOn: '2026-06-30', finishedOn: '2026-06-30' }, '2026-07-01');
    expect(rows(after.events).at(-1)).toEqual(['education_hbo_wo', 'p7', 140000, '2026-06-30', 'schedule']);
    expect(total(after.events)).toBe(1400000);
  });

  it('a route change B1 → Onderwijsroute in month 12: € 5.400 (54% of a € 10.000 B1 route) paid, the € 8.600 left over products 4–7: 3 × € 2.243,48 and € 1.869,56', () => {
    const r = run({ routeChange: { paidCents: 540000, itemsPaid: 3 }, finishedOn: '2025-12-19', resultReachedOn: '2025-12-19' });
    expect(rows(r.events)).toEqual([
      ['education_hbo_wo', 'p4', 224348, '2024-08-08', 'schedule'],
      ['education_hbo_wo', 'p5', 224348, '2025-02-03', 'schedule'],
      ['education_hbo_wo', 'p6', 224348, '2025-08-04', 'schedule'],
      ['education_hbo_wo', 'p7', 186956, '2025-12-19', 'schedule'],
    ]);
    expect(total(r.events)).toBe(1400000 - 540000);
    expect(r.open.slice(0, 3).map((o) => o.reason)).toEqual(['alreadyPaid', 'alreadyPaid', 'alreadyPaid']);
  });

  it('a route change after more was paid than the new route costs leaves nothing to bill, never a negative amount', () => {
    const r = run({ routeChange: { paidCents: 1500000, itemsPaid: 3 }, finishedOn: '2025-12-19', resultReachedOn: '2025-12-19' });
    expect(r.events).toEqual([]);
  });
});

describe("the municipality's decision on goals not reached (R-END-2)", () => {
  it('allowed: product 7 (€ 1.400) on the decision date', () => {
    const r = run({ finishedOn: '2025-12-19', finalDecision: { decidedOn: '2026-01-12', mayInvoice: true } });
    expect(rows(r.events).at(-1)).toEqual(['education_hbo_wo', 'p7', 140000, '2026-01-12', 'decision']);
  });
  it('refused: no product 7, marked as refused', () => {
    const r = run({ finishedOn: '2025-12-19', finalDecision: { decidedOn: '2026-01-12', mayInvoice: false } });
    expect(r.events.map((e) => e.item)).not.toContain('p7');
    expect(r.open).toEqual([{ item: 'p7', reason: 'refusedByMunicipality' }]);
  });
});

describe('other triggers (R-CON-6)', () => {
  const hours: PaymentSchedule = {
    product: 'b1_language',
    source: 't',
    items: [
      { code: 'p1', name: 'Start', trigger: { type: 'start' }, shareBasisPoints: 2500, source: 't' },
      { code: 'p2', name: '200 uur', trigger: { type: 'hourMilestone', hours: 200 }, shareBasisPoints: 2000, source: 't' },
      { code: 'p3', name: '400 uur', trigger: { type: 'hourMilestone', hours: 400 }, shareBasisPoints: 5500, source: 't' },
    ],
  };
  it('start and hour milestones: € 10.000 as € 2.500 at the start and € 2.000 when 200 hours are reached; 400 not yet', () => {
    const r = billableEvents({ schedule: hours, routePrice: { amountCents: 1000000, vat: { treatment: 'exempt', ratePercent: 0 } }, facts: { startedOn: START, progressReports: [], hourMilestones: [{ hours: 200, reachedOn: '2023-09-01' }] }, asOf: '2024-01-01' });
    expect(rows(r.events)).toEqual([
      ['b1_language', 'p1', 250000, START, 'schedule'],
      ['b1_language', 'p2', 200000, '2023-09-01', 'schedule'],
    ]);
  });
});
