// R-CON-8 / R-MI-6: report periods, due dates from the sources' own wording, instances and status.
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadContracts } from '../../platform/contracts.js';
import { addCalendarDays, compareDates, dayOfWeek } from '../calendar.js';
import type { Contract } from '../contract.js';
import { kpiTargetOf } from './kpi-data.js';
import type { ReportDueRule } from './obligation-data.js';
import { dueDateOf, reportInstances, reportStatus } from './obligations.js';
import { periodContaining, periodsEndingWithin } from './periods.js';

const registry = loadContracts(path.resolve(import.meta.dirname, '../../../contracts'));
const byId = (id: string): Contract => {
  const c = registry.byId(id);
  if (c === undefined) throw new Error(`contract ${id} missing`);
  return c;
};
const SECOND_WEEK: ReportDueRule = { kind: 'weekAfterPeriod', week: 2 };
const BEFORE_20TH: ReportDueRule = { kind: 'beforeDayOfMonthAfterPeriod', day: 20, monthsAfter: 1 };
const FEBRUARY_AFTER: ReportDueRule = { kind: 'withinMonthAfterPeriod', monthsAfter: 2 };

describe('periods', () => {
  it('finds the calendar quarter, half-year, month and year of a date', () => {
    expect(periodContaining('quarter', '2027-02-14')).toEqual({ cadence: 'quarter', id: '2027-Q1', start: '2027-01-01', end: '2027-03-31' });
    expect(periodContaining('quarter', '2026-12-31')).toEqual({ cadence: 'quarter', id: '2026-Q4', start: '2026-10-01', end: '2026-12-31' });
    expect(periodContaining('halfYear', '2027-07-01')).toEqual({ cadence: 'halfYear', id: '2027-H2', start: '2027-07-01', end: '2027-12-31' });
    expect(periodContaining('month', '2028-02-10')).toEqual({ cadence: 'month', id: '2028-02', start: '2028-02-01', end: '2028-02-29' });
    expect(periodContaining('year', '2026-06-15')).toEqual({ cadence: 'year', id: '2026', start: '2026-01-01', end: '2026-12-31' });
  });

  it('lists the periods that end inside a window, and none whose end lies outside it', () => {
    expect(periodsEndingWithin('quarter', '2026-11-15', '2027-06-30').map((p) => p.id)).toEqual(['2026-Q4', '2027-Q1', '2027-Q2']);
    expect(periodsEndingWithin('quarter', '2027-01-01', '2027-06-29').map((p) => p.id)).toEqual(['2027-Q1']);
    expect(periodsEndingWithin('year', '2026-01-01', '2026-12-30')).toEqual([]);
  });
});

describe('due dates in the sources\' words (R-CON-8)', () => {
  it('000 §4 "uiterlijk in de tweede week na afloop van elk kwartaal": Q1 2027 is due in the week of 12-18 April', () => {
    // Q1 2027 ends Wednesday 31 March. The week of 29 March still holds quarter days; the first week
    // after the quarter is Monday 5 - Sunday 11 April, the second Monday 12 - Sunday 18 April.
    expect(dayOfWeek('2027-03-31')).toBe(3);
    expect(dueDateOf(SECOND_WEEK, { end: '2027-03-31' })).toBe('2027-04-18');
    expect(dayOfWeek('2027-04-18')).toBe(7);
    // Q2 2026 ends Tuesday 30 June: first week 6-12 July, second 13-19 July.
    expect(dueDateOf(SECOND_WEEK, { end: '2026-06-30' })).toBe('2026-07-19');
    // A quarter that ends on a Sunday (Q1 2024, 31 March): the first week after it starts the next day.
    expect(dueDateOf(SECOND_WEEK, { end: '2024-03-31' })).toBe('2024-04-14');
  });

  it('001 §4.2 "voor de 20ste van de opvolgende maand": the 19th, also across a year end', () => {
    expect(dueDateOf(BEFORE_20TH, { end: '2026-12-31' })).toBe('2027-01-19');
    expect(dueDateOf(BEFORE_20TH, { end: '2027-03-31' })).toBe('2027-04-19');
  });

  it('000 §4 "uiterlijk in februari na afloop van het jaar": the last day of February, 29 in a leap year', () => {
    expect(dueDateOf(FEBRUARY_AFTER, { end: '2026-12-31' })).toBe('2027-02-28');
    expect(dueDateOf(FEBRUARY_AFTER, { end: '2027-12-31' })).toBe('2028-02-29');
  });
});

describe('the instances each contract owes', () => {
  it('Westfriesland owes for Q1 2027 a content report per municipality and one for the region, and the management report, by 18 April', () => {
    const wf = byId('westfriesland');
    const owed = reportInstances(wf, '2027-01-01', '2027-03-31');
    const municipalities = wf.municipalities.map((m) => m.code);
    expect(municipalities).toHaveLength(7);
    expect(owed.filter((i) => i.report === 'contentReport' && i.scope === 'municipality').map((i) => i.municipality)).toEqual(municipalities);
    expect(owed.map((i) => `${i.report}/${i.scope}`).filter((k) => !k.endsWith('/municipality'))).toEqual(['contentReport/region', 'managementReport/region']);
    expect(owed).toHaveLength(9);
    expect(new Set(owed.map((i) => i.dueOn))).toEqual(new Set(['2027-04-18']));
    expect(owed.every((i) => i.period.id === '2027-Q1' && i.contractVersion === 1)).toBe(true);
    expect(owed[0]?.recipients).toEqual(['contractManager', 'municipalities']);
  });

  it('Westfriesland owes the year 2026 report per municipality and for the region by the end of February 2027', () => {
    const owed = reportInstances(byId('westfriesland'), '2026-01-01', '2026-12-31');
    const year = owed.filter((i) => i.report === 'yearReport');
    expect(year).toHaveLength(8);
    expect(year.every((i) => i.dueOn === '2027-02-28' && i.period.id === '2026')).toBe(true);
    expect(owed).toHaveLength(4 * 9 + 8);
  });

  it('Centraal Gelderland owes one quarterly management information per quarter, split per municipality and product, before the 20th', () => {
    const owed = reportInstances(byId('centraal-gelderland'), '2026-10-01', '2027-03-31');
    expect(owed.map((i) => [i.report, i.period.id, i.dueOn, i.municipality])).toEqual([
      ['quarterlyManagementInformation', '2026-Q4', '2027-01-19', null],
      ['quarterlyManagementInformation', '2027-Q1', '2027-04-19', null],
    ]);
    expect(owed[0]?.breakdown).toEqual(['municipality', 'product']);
    expect(owed[0]?.recipients).toEqual(['contractManager']);
  });

  it('the Onderwijsroute owes its quarterly report to the centre municipalities without a due date; Twente owes none', () => {
    const owed = reportInstances(byId('onderwijsroute-haaglanden-holland-rijnland'), '2027-01-01', '2027-03-31');
    expect(owed.map((i) => [i.report, i.dueOn, i.recipients])).toEqual([['educationQuarterlyReport', null, ['centreMunicipalities']]]);
    expect(reportInstances(byId('twente'), '2026-01-01', '2026-12-31')).toEqual([]);
  });

  it('owes nothing for a period that ends outside every contract version', () => {
    expect(reportInstances(byId('westfriesland'), '2025-01-01', '2025-12-31')).toEqual([]);
  });
});

describe('status (R-MI-6)', () => {
  it('is due until the due date, submitted when in on or before it, late after it', () => {
    expect(reportStatus('2027-04-18', null, '2027-04-18')).toBe('due');
    expect(reportStatus('2027-04-18', null, '2027-04-19')).toBe('late');
    expect(reportStatus('2027-04-18', '2027-04-18', '2027-05-01')).toBe('submitted');
    expect(reportStatus('2027-04-18', '2027-04-19', '2027-04-19')).toBe('late');
    expect(reportStatus(null, null, '2099-01-01')).toBe('due');
    expect(reportStatus(null, '2027-06-01', '2027-06-02')).toBe('submitted');
  });
});

const rule: fc.Arbitrary<ReportDueRule> = fc.oneof(
  fc.record({ kind: fc.constant('weekAfterPeriod' as const), week: fc.integer({ min: 1, max: 52 }) }),
  fc.record({ kind: fc.constant('beforeDayOfMonthAfterPeriod' as const), day: fc.integer({ min: 2, max: 28 }), monthsAfter: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('withinMonthAfterPeriod' as const), monthsAfter: fc.integer({ min: 1, max: 12 }) }),
);
const date = fc.integer({ min: 0, max: 365 * 60 }).map((n) => addCalendarDays('1990-01-01', n));
const cadence = fc.constantFrom('month' as const, 'quarter' as const, 'halfYear' as const, 'year' as const);

describe('properties', () => {
  it('a due date always lies after the period end', () => {
    fc.assert(
      fc.property(rule, cadence, date, (r, c, d) => {
        const p = periodContaining(c, d);
        expect(compareDates(p.start, d) <= 0 && compareDates(d, p.end) <= 0).toBe(true);
        expect(compareDates(dueDateOf(r, p), p.end)).toBe(1);
      }),
    );
  });

  it('late iff submitted after the due date, or not submitted and today past it', () => {
    fc.assert(
      fc.property(fc.option(date, { nil: null }), fc.option(date, { nil: null }), date, (due, submitted, today) => {
        const late = due !== null && (submitted !== null ? submitted > due : today > due);
        expect(reportStatus(due, submitted, today) === 'late').toBe(late);
        expect(reportStatus(due, submitted, today) === 'submitted').toBe(submitted !== null && !late);
      }),
    );
  });
});

describe('KPI targets as contract data (R-KPI-1, R-KPI-2)', () => {
  it('Westfriesland sets 80% for KPI 1 and 75% (B1) / 80% (Z) for KPI 2, and none for KPI 3 and 4; the other contracts none', () => {
    const targets = byId('westfriesland').versions[0]?.kpiTargets;
    expect([kpiTargetOf(targets, 'participationRate', 'b1'), kpiTargetOf(targets, 'participationRate', 'z')]).toEqual([0.8, 0.8]);
    expect([kpiTargetOf(targets, 'dutyMetWithinTerm', 'b1'), kpiTargetOf(targets, 'dutyMetWithinTerm', 'z')]).toEqual([0.75, 0.8]);
    expect([kpiTargetOf(targets, 'downscalingB1', 'b1'), kpiTargetOf(targets, 'completedWithinRoutePrice', 'z')]).toEqual([null, null]);
    for (const id of ['centraal-gelderland', 'onderwijsroute-haaglanden-holland-rijnland', 'twente']) expect(byId(id).versions[0]?.kpiTargets).toBeUndefined();
  });
});
