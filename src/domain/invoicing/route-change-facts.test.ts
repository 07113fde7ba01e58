// R-INV-2: the items a route change counts as paid and the facts of the new route, on the 002 §2.4
// example (B1 → Onderwijsroute in month 12: products 1–3 paid, € 5.400 deducted).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../calendar.js';
import { Contract, findVersionInForce } from '../contract.js';
import { itemsPaidBy, withRouteChange } from './route-change-facts.js';

const FILE = path.resolve(import.meta.dirname, '../../../contracts/onderwijsroute-haaglanden-holland-rijnland.yaml');
const contract = Contract.parse(parse(readFileSync(FILE, 'utf8')));
const START = '2023-02-01';
const schedule = (() => {
  const s = findVersionInForce(contract, START)?.paymentSchedules?.find((x) => x.product === 'education_hbo_wo');
  if (s === undefined) throw new Error('002 schedule missing');
  return s;
})();

describe('route change facts (002 §2.4)', () => {
  it('a change in month 12 (on or after 2024-02-01) counts products 1–3 as paid; a day earlier products 1–2', () => {
    expect(itemsPaidBy(schedule, START, '2024-02-05')).toBe(3);
    expect(itemsPaidBy(schedule, START, '2024-02-01')).toBe(3);
    expect(itemsPaidBy(schedule, START, '2024-01-31')).toBe(2);
    expect(itemsPaidBy(schedule, START, '2023-02-15')).toBe(0);
  });

  it('the new route counts its months from the first start and carries the paid amount', () => {
    const facts = withRouteChange({ startedOn: '2024-02-12', progressReports: [] }, schedule, { changedOn: '2024-02-05', firstStartedOn: START, paidCents: 540000 });
    expect(facts).toEqual({ startedOn: START, progressReports: [], routeChange: { paidCents: 540000, itemsPaid: 3 } });
  });

  it('the items paid never decrease as the change comes later, and stop at the first item without a month', () => {
    fc.assert(
      fc.property(fc.nat(2000), fc.nat(2000), (a, b) => {
        const [early, late] = [addCalendarDays(START, Math.min(a, b)), addCalendarDays(START, Math.max(a, b))];
        expect(itemsPaidBy(schedule, START, early)).toBeLessThanOrEqual(itemsPaidBy(schedule, START, late));
        expect(itemsPaidBy(schedule, START, late)).toBeLessThanOrEqual(6); // product 7 waits for the result
      }),
    );
  });
});
