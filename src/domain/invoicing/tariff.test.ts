// R-CON-5 and R-INV-3: the tariff in force and both staffel tables of 002 §2.2, band by band, on the
// shipped contract file; a count outside the tables is "not covered", never a guessed price.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Contract, findVersionInForce } from '../contract.js';
import { minimumGroupCents } from './billable.js';
import type { Tariff } from './contract-data.js';
import { routePrice, staffelPrice, tariffInForce } from './tariff.js';

const FILE = path.resolve(import.meta.dirname, '../../../contracts/onderwijsroute-haaglanden-holland-rijnland.yaml');
const contract = Contract.parse(parse(readFileSync(FILE, 'utf8')));
const staffel = contract.staffels?.find((s) => s.product === 'education_hbo_wo');
if (staffel === undefined) throw new Error('002 staffel missing');
const priceOf = (year: number, count: number) => {
  const p = staffelPrice(staffel, year, count);
  return p.kind === 'band' ? p.amountCents : p.kind;
};

describe('tariff in force (R-CON-5)', () => {
  const exempt = { treatment: 'exempt', ratePercent: 0 } as const;
  const tariffs: Tariff[] = [
    { product: 'x', validFrom: '2024-01-01', validTo: '2024-12-31', amountCents: 1400000, vat: exempt, source: 't' },
    { product: 'x', validFrom: '2025-01-01', amountCents: 1442000, vat: exempt, source: 't' },
  ];
  it('indexation is a new version: € 14.000 through 2024-12-31, € 14.420 from 2025-01-01, none before 2024', () => {
    expect(tariffInForce(tariffs, 'x', '2024-12-31')?.amountCents).toBe(1400000);
    expect(tariffInForce(tariffs, 'x', '2025-01-01')?.amountCents).toBe(1442000);
    expect(tariffInForce(tariffs, 'x', '2023-12-31')).toBeUndefined();
    expect(tariffInForce(tariffs, 'y', '2024-06-01')).toBeUndefined();
  });
  it('the shipped 002 file: the route € 14.000 VAT-exempt, the PVT € 216 at 21% VAT (002 §2.1, §2.3)', () => {
    expect(tariffInForce(contract.tariffs ?? [], 'education_hbo_wo', '2024-03-01')).toMatchObject({ amountCents: 1400000, vat: { treatment: 'exempt', ratePercent: 0 } });
    expect(tariffInForce(contract.tariffs ?? [], 'pvt', '2024-03-01')).toMatchObject({ amountCents: 21600, vat: { treatment: 'standard', ratePercent: 21 } });
  });
});

describe('staffel over two intake moments (R-INV-3, 002 §2.2 first table)', () => {
  it.each([
    [20, 2700000], [25, 2700000], // 20-25: € 27.000
    [26, 1900000], [30, 1900000], // 26-30: € 19.000
    [31, 1400000], [50, 1400000], // 31-50: € 14.000
    [51, 1400000], [100, 1400000], // 51-100: € 14.000
  ])('2024, %i participants: %i cents per participant', (count, cents) => {
    expect(priceOf(2024, count)).toBe(cents);
  });
  it('19 and 101 participants are not covered by the table: flagged for a decision, no price', () => {
    expect(staffelPrice(staffel, 2024, 19)).toEqual({ kind: 'notCovered', table: 'regular', count: 19, reason: expect.stringContaining('19') });
    expect(priceOf(2024, 101)).toBe('notCovered');
    expect(priceOf(2023, 0)).toBe('notCovered');
  });
});

describe('start-year staffel, one intake moment (R-INV-3, 002 §2.2 second table)', () => {
  it.each([
    [10, 2700000], [12, 2700000], // 10-12: € 27.000
    [13, 1900000], [19, 1900000], // 13-19: € 19.000
    [20, 1400000], // 20: € 14.000
    [21, 1400000], [60, 1400000], // >20: € 14.000
  ])('2022, %i participants: %i cents per participant', (count, cents) => {
    expect(priceOf(2022, count)).toBe(cents);
  });
  it('2022 with 9 registered (fewer than 10): product 1 at the highest price for 10 — 10 × 30% × € 27.000 = € 81.000', () => {
    const p = staffelPrice(staffel, 2022, 9);
    expect(p).toEqual({ kind: 'minimumGroup', table: 'start-year', scheduleItem: 'p1', asCount: 10, priceCents: 2700000 });
    const schedule = findVersionInForce(contract, '2022-09-01')?.paymentSchedules?.[0];
    expect(schedule && p.kind === 'minimumGroup' ? minimumGroupCents(schedule, p) : undefined).toBe(8100000);
  });
});

describe('the price of a route (R-CON-5 with R-INV-3)', () => {
  it('the tariff alone without a cohort (€ 14.000); with 22 in the cohort the staffel € 27.000, still VAT-exempt', () => {
    expect(routePrice(contract, 'education_hbo_wo', '2024-02-01')).toMatchObject({ kind: 'price', amountCents: 1400000 });
    expect(routePrice(contract, 'education_hbo_wo', '2024-02-01', { year: 2024, count: 22 })).toMatchObject({ kind: 'price', amountCents: 2700000, vat: { treatment: 'exempt' } });
  });
  it('15 in a normal year needs a decision; before the term there is no tariff', () => {
    expect(routePrice(contract, 'education_hbo_wo', '2024-02-01', { year: 2024, count: 15 })).toMatchObject({ kind: 'decisionNeeded', staffel: { kind: 'notCovered', count: 15 } });
    expect(routePrice(contract, 'education_hbo_wo', '2022-06-30')).toEqual({ kind: 'noTariff', product: 'education_hbo_wo', date: '2022-06-30' });
  });
});
