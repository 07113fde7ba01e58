// R-BYD-1 / R-HRS-5: the forecast, its parameters from the contract, and its shape as properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDates } from './calendar.js';
import { DEFAULT_EXAM_RULES, DEFAULT_FORECAST_RULES, DEFAULT_ROUTE_CHANGE_RULES, DEFAULT_SCALING_RULES, examRulesOf, forecastRulesOf, routeChangeRulesOf, scalingRulesOf, type ContractVersion } from './contract.js';
import { DEFAULT_MILESTONE_HOURS, forecast, forecastMilestones, paceOf, projectDate } from './forecast.js';
import { assessProgress, DEFAULT_PROGRESS_RULE_OPTIONS, progressRuleOptionsOf, type ProgressInput } from './progress-status.js';

describe('forecast (R-BYD-1)', () => {
  it('at 10 hours a week, 50 hours are 35 days away; the norm and each milestone ahead get a date', () => {
    const f = forecast({ today: '2026-06-01', termEndsOn: '2029-06-01', hoursMade: 150, targetHours: 600, milestoneHours: DEFAULT_MILESTONE_HOURS, pacePerWeek: 10 });
    expect(f.milestones.map((m) => [m.hours, m.projectedOn])).toEqual([[200, '2026-07-06'], [400, '2026-11-23'], [600, '2027-04-12']]);
    expect(f.targetReachedOn).toBe('2027-04-12');
  });
  it('no pace, no dates; the norm made is reached today and leaves no milestone', () => {
    expect(forecast({ today: '2026-06-01', termEndsOn: '2029-06-01', hoursMade: 10, targetHours: 600, milestoneHours: [200], pacePerWeek: null })).toEqual({
      targetReachedOn: null,
      milestones: [{ hours: 200, projectedOn: null, beforeTermEnd: false }, { hours: 600, projectedOn: null, beforeTermEnd: false }],
    });
    expect(forecast({ today: '2026-06-01', termEndsOn: '2029-06-01', hoursMade: 600, targetHours: 600, milestoneHours: [200], pacePerWeek: 0 })).toEqual({ targetReachedOn: '2026-06-01', milestones: [] });
  });
  it('paceOf averages the weeks; none is no pace', () => {
    expect(paceOf([4, 8, 12])).toBe(8);
    expect(paceOf([])).toBeNull();
  });

  const date = fc.integer({ min: 0, max: 3650 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));
  const input = fc.record({
    today: date,
    termEndsOn: date,
    hoursMade: fc.double({ min: 0, max: 900, noNaN: true }),
    targetHours: fc.constantFrom(600, 800),
    milestoneHours: fc.array(fc.integer({ min: 1, max: 1000 }), { maxLength: 5 }),
    pacePerWeek: fc.option(fc.double({ min: 0, max: 40, noNaN: true }), { nil: null }),
  });

  it('property: the milestones rise, lie ahead of the hours made and end at the norm', () => {
    fc.assert(
      fc.property(input, (i) => {
        const hours = forecast(i).milestones.map((m) => m.hours);
        expect([...hours].sort((a, b) => a - b)).toEqual(hours);
        for (const h of hours) expect(h).toBeGreaterThan(i.hoursMade);
        if (i.hoursMade < i.targetHours) expect(hours.at(-1)).toBe(i.targetHours);
        expect(forecastMilestones(i.milestoneHours, i.targetHours).at(-1)).toBe(i.targetHours);
      }),
    );
  });

  it('property: no projected date lies before today, and a later milestone is never projected earlier', () => {
    fc.assert(
      fc.property(input, (i) => {
        const dates = forecast(i).milestones.map((m) => m.projectedOn);
        for (const d of dates) if (d !== null) expect(compareDates(d, i.today)).toBeGreaterThanOrEqual(0);
        const known = dates.filter((d): d is string => d !== null);
        expect([...known].sort()).toEqual(known);
      }),
    );
  });

  it('property: a faster pace never reaches the norm later', () => {
    fc.assert(
      fc.property(input, fc.double({ min: 0.1, max: 40, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true }), (i, pace, more) => {
        const slow = projectDate(i.today, 100, pace, i.termEndsOn);
        const fast = projectDate(i.today, 100, pace + more, i.termEndsOn);
        if (slow !== null) expect(fast !== null && compareDates(fast, slow) <= 0).toBe(true);
      }),
    );
  });
});

describe('the forecast parameters come from the contract version (issue #10)', () => {
  const version = (v: Partial<ContractVersion>) => v as Pick<ContractVersion, 'absenceProtocol' | 'forecast'>;
  it('without a version or a forecast section: the defaults (8 weeks, 6 months, 2 levels, 3 months, 80%)', () => {
    expect(forecastRulesOf(undefined)).toEqual(DEFAULT_FORECAST_RULES);
    expect(progressRuleOptionsOf(undefined)).toEqual(DEFAULT_PROGRESS_RULE_OPTIONS);
    expect(DEFAULT_PROGRESS_RULE_OPTIONS).toEqual({ attendanceNorm: 0.8, marginMonths: 6, skillGapForRisk: 2 });
  });
  it('the attendance norm is absenceProtocol.normPercent; margin and skill gap the forecast section', () => {
    const v = version({ absenceProtocol: { normPercent: 85 } as ContractVersion['absenceProtocol'], forecast: { ...DEFAULT_FORECAST_RULES, marginMonths: 9, skillGapForRisk: 1 } });
    expect(progressRuleOptionsOf(v)).toEqual({ attendanceNorm: 0.85, marginMonths: 9, skillGapForRisk: 1 });
  });
  it('at an 85% norm, 84% attendance puts the route at risk and says 85%; 86% does not (R-CON-7)', () => {
    const base: ProgressInput = { today: '2026-06-01', termEndsOn: '2029-06-01', hoursMade: 150, targetHours: 600, milestoneHours: [200, 400, 600], recentWeeklyHours: [10, 10], attendanceRate: 0.84 };
    const options = progressRuleOptionsOf(version({ absenceProtocol: { normPercent: 85 } as ContractVersion['absenceProtocol'] }));
    const low = assessProgress(base, options);
    expect(low.status).toBe('atRisk');
    expect(low.reasons).toContain('De aanwezigheid is 84%. Dat is minder dan 85%.');
    expect(assessProgress({ ...base, attendanceRate: 0.86 }, options).status).toBe('onTrack');
    // The old fixed 80% let 84% pass.
    expect(assessProgress(base).status).toBe('onTrack');
  });
});

describe('every rule section of a version, with its defaults where the version has none (issue #10)', () => {
  it('no version, or a version without the section: the defaults of the sources', () => {
    expect(examRulesOf(undefined)).toEqual(DEFAULT_EXAM_RULES);
    expect(scalingRulesOf(undefined)).toEqual(DEFAULT_SCALING_RULES);
    expect(routeChangeRulesOf({})).toEqual(DEFAULT_ROUTE_CHANGE_RULES);
    expect(forecastRulesOf({})).toEqual(DEFAULT_FORECAST_RULES);
  });
  it('a version with the section: its own numbers', () => {
    const exams = { ...DEFAULT_EXAM_RULES, passRateMonths: 2 };
    expect(examRulesOf({ exams })).toBe(exams);
    const forecastRules = { ...DEFAULT_FORECAST_RULES, paceWeeks: 4 };
    expect(forecastRulesOf({ forecast: forecastRules })).toBe(forecastRules);
  });
});
