// R-HRS-1, R-HRS-2, R-HRS-3 (groundwork for issue #4).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { milestonesReached, minutesByKind, reportCadenceStart, reportMoments, routeHourNorm, type HoursEntry } from './hours.js';

const week = (date: string, hours: number, over: Partial<HoursEntry> = {}): HoursEntry => ({ date, kind: 'language', minutes: hours * 60, startClass: false, ...over });

describe('hours (R-HRS-1, R-HRS-2)', () => {
  it('counts per kind, start-class hours included (R-REF-4)', () => {
    const m = minutesByKind([week('2027-01-04', 10, { startClass: true }), week('2027-01-11', 10), week('2027-01-11', 4, { kind: 'participation' })]);
    expect(m.language).toBe(20 * 60);
    expect(m.participation).toBe(4 * 60);
  });

  it('crosses 200/400/600 on the day the hours are reached (000 §4.4)', () => {
    const entries = Array.from({ length: 70 }, (_, i) => week(new Date(Date.UTC(2027, 0, 4 + 7 * i)).toISOString().slice(0, 10), 10));
    expect(milestonesReached(entries, [200, 400, 600])).toEqual([
      { milestoneHours: 200, reachedOn: '2027-05-17' }, // the 20th week
      { milestoneHours: 400, reachedOn: '2027-10-04' },
      { milestoneHours: 600, reachedOn: '2028-02-21' },
    ]);
    expect(milestonesReached(entries.slice(0, 19), [200, 400, 600])).toEqual([]); // 190 hours
  });

  it('property: more hours never un-reach a milestone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 80 }), fc.integer({ min: 1, max: 40 }), (hours, extra) => {
        const entries = hours.map((h, i) => week(new Date(Date.UTC(2027, 0, 4 + 7 * i)).toISOString().slice(0, 10), h));
        const before = milestonesReached(entries, [200, 400, 600]).length;
        const after = milestonesReached([...entries, week('2030-01-07', extra)], [200, 400, 600]).length;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});

describe('report cadence (R-HRS-3)', () => {
  it('every three months from the start (001 §2.3.1), from the 31st without drifting', () => {
    expect(reportMoments('2027-01-31', 3, '2027-12-31')).toEqual(['2027-04-30', '2027-07-31', '2027-10-31']);
  });
  it('every half year (002 eis 19)', () => {
    expect(reportMoments('2027-03-15', 6, '2028-09-15')).toEqual(['2027-09-15', '2028-03-15', '2028-09-15']);
  });
});

describe('routeHourNorm', () => {
  it('is 800 hours in the Z-route and 600 otherwise (001 §1.3)', () => {
    expect(routeHourNorm('z')).toBe(800);
    expect(routeHourNorm('b1')).toBe(600);
    expect(routeHourNorm('education_hbo_wo')).toBe(600);
  });
});

// Issue #10 item 4: "a progress report showed as due in 2025, before its referral".
describe('report cadence start (R-HRS-3)', () => {
  const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10));

  it('is the referral start, else the first fact, never before the referral date', () => {
    expect(reportCadenceStart('2027-03-01', '2027-04-01', '2027-01-04')).toBe('2027-04-01');
    expect(reportCadenceStart('2027-03-01', null, '2027-03-08')).toBe('2027-03-08');
    // A placement with lessons before the referral: the cadence counts from the referral date.
    expect(reportCadenceStart('2027-03-01', null, '2025-01-06')).toBe('2027-03-01');
    expect(reportCadenceStart('2027-03-01', null, undefined)).toBeUndefined();
  });

  it('property: no report moment lies on or before the referral date, nor before the start', () => {
    fc.assert(
      fc.property(day, fc.option(day, { nil: null }), fc.option(day, { nil: undefined }), fc.constantFrom(3, 6), day, (referredOn, startedOn, firstFactOn, every, until) => {
        const start = reportCadenceStart(referredOn, startedOn, firstFactOn);
        if (start === undefined) return startedOn === null && firstFactOn === undefined;
        return reportMoments(start, every, until).every((m) => m > referredOn && m > start && m >= (startedOn ?? firstFactOn ?? start));
      }),
    );
  });
});
