// R-LVL-3 / R-LVL-4 with the numbers of 001 §2.3.3 and 004 §1.2.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, addWorkingDays, workingDaysBetween } from './calendar.js';
import { DEFAULT_SCALING_RULES, type Deadline, type HolidayCalendar } from './contract.js';
import { checkScalingRequest, latestDownscalingRequestOn, newLevelDueOn, nt2Minutes, type ScalingRequest } from './scaling.js';

const rules = DEFAULT_SCALING_RULES;
const down = (over: Partial<ScalingRequest> = {}): ScalingRequest => ({
  direction: 'down',
  skill: 'writing',
  fromLevel: 'B1',
  toLevel: 'A2',
  nt2Lessons: { hours: 600 },
  requestedOn: '2027-06-30',
  termEndsOn: '2027-12-31',
  ...over,
});
const failed = (r: ScalingRequest) =>
  checkScalingRequest(r, rules)
    .checks.filter((c) => !c.passed)
    .map((c) => c.id);

describe('down-scaling conditions (R-LVL-3, 001 §2.3.3)', () => {
  it('defaults are the source numbers: 600 hours, 6 months', () => {
    expect(rules.minNt2HoursForDownscaling).toBe(600);
    expect(rules.minMonthsBeforeTermEnd).toBe(6);
  });

  it('allows B1 → A2 for one skill with 600.0 hours, exactly 6 months before the end of the term', () => {
    const result = checkScalingRequest(down(), rules);
    expect(result.allPassed).toBe(true);
    expect(result.checks.map((c) => c.id)).toEqual(['direction', 'levelRange', 'nt2Hours', 'timeBeforeTermEnd']);
  });

  it('refuses at 590 hours and says why in Dutch', () => {
    const result = checkScalingRequest(down({ nt2Lessons: { hours: 590 } }), rules);
    expect(result.allPassed).toBe(false);
    expect(result.checks.find((c) => c.id === 'nt2Hours')).toEqual({
      id: 'nt2Hours',
      passed: false,
      reason: 'Er zijn 590 uur NT2-les gevolgd. Afschalen kan pas na minimaal 600 uur.',
    });
  });

  it('hours may be given in minutes: 35 999 minutes is refused, 36 000 allowed', () => {
    expect(failed(down({ nt2Lessons: { minutes: 35_999 } }))).toEqual(['nt2Hours']);
    expect(failed(down({ nt2Lessons: { minutes: 36_000 } }))).toEqual([]);
    expect(nt2Minutes({ hours: 600.0 })).toBe(36_000);
    expect(nt2Minutes({ hours: 599.99 })).toBe(35_999);
  });

  it('refuses a request 5 months and 29 days before the end of the term', () => {
    // Term ends 2027-12-31; six months before is 2027-06-30; 2027-07-02 leaves 5 months and 29 days.
    expect(latestDownscalingRequestOn('2027-12-31', rules)).toBe('2027-06-30');
    expect(failed(down({ requestedOn: '2027-07-02' }))).toEqual(['timeBeforeTermEnd']);
    expect(failed(down({ requestedOn: '2027-07-01' }))).toEqual(['timeBeforeTermEnd']);
    expect(failed(down({ requestedOn: '2027-06-30' }))).toEqual([]);
    const late = checkScalingRequest(down({ requestedOn: '2027-07-01' }), rules).checks.find((c) => c.id === 'timeBeforeTermEnd');
    expect(late?.reason).toBe('De aanvraag is te laat. Afschalen moet uiterlijk 6 maanden voor het einde van de termijn worden aangevraagd, dus op 30 juni 2027.');
  });

  it('six months are calendar months, clamped at the month end (term ends 31 August → 28 February)', () => {
    expect(latestDownscalingRequestOn('2027-08-31', rules)).toBe('2027-02-28');
    expect(failed(down({ termEndsOn: '2027-08-31', requestedOn: '2027-02-28' }))).toEqual([]);
    expect(failed(down({ termEndsOn: '2027-08-31', requestedOn: '2027-03-01' }))).toEqual(['timeBeforeTermEnd']);
  });

  it('down must lower the level and may only go from B1 to A2 (001 §2.3.3, 004 §1.2)', () => {
    expect(failed(down({ toLevel: 'B1' }))).toEqual(['direction', 'levelRange']);
    expect(failed(down({ toLevel: 'B2' }))).toEqual(['direction', 'levelRange']);
    expect(failed(down({ toLevel: 'A1' }))).toEqual(['levelRange']);
    expect(failed(down({ fromLevel: 'B2', toLevel: 'B1' }))).toEqual(['levelRange']);
  });

  it('reports every failing condition at once', () => {
    expect(failed(down({ nt2Lessons: { hours: 0 }, requestedOn: '2027-12-01', toLevel: 'A1' }))).toEqual(['levelRange', 'nt2Hours', 'timeBeforeTermEnd']);
  });

  it('property: more hours or an earlier request never turns a passed check into a failed one', () => {
    const day = fc.integer({ min: 0, max: 1500 }).map((n) => addCalendarDays('2025-01-01', n));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 0, max: 5000 }), day, fc.integer({ min: 0, max: 400 }), (minutes, extra, requestedOn, earlier) => {
        const base = failed(down({ nt2Lessons: { minutes }, requestedOn }));
        const better = failed(down({ nt2Lessons: { minutes: minutes + extra }, requestedOn: addCalendarDays(requestedOn, -earlier) }));
        for (const id of better) expect(base).toContain(id);
      }),
    );
  });
});

describe('up-scaling (R-LVL-4, 001 §2.3.3)', () => {
  const up = (over: Partial<ScalingRequest> = {}) => down({ direction: 'up', fromLevel: 'B1', toLevel: 'B2', nt2Lessons: { hours: 0 }, requestedOn: '2027-12-30', ...over });

  it('B1-route parts at B2 and Z-route parts at A2 need no hours and no time before the end of the term', () => {
    expect(checkScalingRequest(up(), rules)).toMatchObject({ allPassed: true });
    expect(checkScalingRequest(up(), rules).checks.map((c) => c.id)).toEqual(['direction', 'levelRange']);
    expect(failed(up({ fromLevel: 'A1', toLevel: 'A2' }))).toEqual([]);
    expect(failed(up({ fromLevel: 'A2', toLevel: 'B1' }))).toEqual([]); // the reverse of down-scaling (004 §1.2)
  });

  it('up must raise the level', () => {
    expect(failed(up({ fromLevel: 'B1', toLevel: 'A2' }))).toEqual(['direction', 'levelRange']);
    expect(failed(up({ fromLevel: 'B2', toLevel: 'B2' }))).toEqual(['direction', 'levelRange']);
  });

  it('rejects a level outside A0..B2', () => {
    expect(() => checkScalingRequest(up({ toLevel: 'C1' as never }), rules)).toThrow(RangeError);
  });
});

describe('new level in place within 20 working days (R-LVL-3, 001 §2.3.3)', () => {
  const cal: HolidayCalendar = { goodFriday: false, liberationDay: 'lustrum', source: 'test' };
  const scalingImplementation: Deadline = { amount: 20, unit: 'workingDays', source: '001 §2.3.3' };
  const version = { deadlines: { scalingImplementation }, holidayCalendar: cal };

  it('decided Tuesday 1 December 2026: due Wednesday 30 December, Christmas Day not counted', () => {
    expect(newLevelDueOn('2026-12-01', version)).toBe('2026-12-30');
    expect(workingDaysBetween('2026-12-01', '2026-12-30', cal)).toBe(20);
  });

  it('property: always exactly 20 working days after the decision', () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => addCalendarDays('2025-01-01', n));
    fc.assert(
      fc.property(day, (decidedOn) => {
        const due = newLevelDueOn(decidedOn, version);
        expect(due).toBe(addWorkingDays(decidedOn, 20, cal));
        expect(workingDaysBetween(decidedOn, due, cal)).toBe(20);
      }),
    );
  });
});
