// R-HRS-5 / R-BYD-1: the status rule, its forecast and its two guarantees.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from './calendar.js';
import type { HoursEntry } from './hours.js';
import { CefrLevels, uniformProfile, withCurrent, withTarget } from './levels.js';
import { applyOverride, assessProgress, forecastMilestones, statusRank, weeklyHours, type ProgressInput } from './progress-status.js';

const base = (over: Partial<ProgressInput> = {}): ProgressInput => ({
  today: '2026-06-01',
  termEndsOn: '2028-06-01',
  hoursMade: 235,
  targetHours: 600,
  milestoneHours: [200, 400, 600],
  recentWeeklyHours: [9, 9, 9, 9],
  attendanceRate: 0.9,
  ...over,
});

describe('status rule, examples (R-HRS-5)', () => {
  it('behind: at 9 hours a week the 600 hours come on 12 March 2027, after the end of the term', () => {
    const a = assessProgress(base({ termEndsOn: '2027-01-31' }));
    expect(a.status).toBe('behind');
    expect(a.pacePerWeek).toBe(9);
    expect(a.hoursMissing).toBe(365);
    expect(a.targetReachedOn).toBe('2027-03-12'); // 365 h / 9 h a week = 283.9 days → 284 days
    expect(a.reasons).toEqual(['Met het huidige tempo van 9 uur per week zijn de 600 uur op 12 maart 2027 gehaald, na het einde van de termijn.']);
  });

  it('at risk: the hours are complete in the last 6 months of the term (001 §2.3.3)', () => {
    const a = assessProgress(base({ termEndsOn: '2027-06-01' }));
    expect(a.status).toBe('atRisk');
    expect(a.reasons[0]).toBe(
      'Met het huidige tempo van 9 uur per week zijn de 600 uur op 12 maart 2027 gehaald. Dat is minder dan 6 maanden voor het einde van de termijn (1 juni 2027). Dan is er weinig tijd voor de examens.',
    );
    // The boundary: complete exactly 6 months before the end is still on track.
    expect(assessProgress(base({ termEndsOn: '2027-09-12' })).status).toBe('onTrack');
    expect(assessProgress(base({ termEndsOn: '2027-09-11' })).status).toBe('atRisk');
  });

  it('on track, with the next milestones forecast (R-BYD-1, 000 §4.4)', () => {
    const a = assessProgress(base());
    expect(a.status).toBe('onTrack');
    expect(a.reasons).toEqual(['Met het huidige tempo van 9 uur per week zijn de 600 uur op 12 maart 2027 gehaald, ruim voor het einde van de termijn (1 juni 2028).']);
    expect(a.milestones).toEqual([
      { hours: 400, projectedOn: '2026-10-08', beforeTermEnd: true }, // 165 h / 9 h a week = 128.3 → 129 days
      { hours: 600, projectedOn: '2027-03-12', beforeTermEnd: true },
    ]);
  });

  it('attendance below 80% puts the route at risk (001 §2.3.1); exactly 80% does not', () => {
    const low = assessProgress(base({ attendanceRate: 0.79 }));
    expect(low.status).toBe('atRisk');
    expect(low.reasons).toContain('De aanwezigheid is 79%. Dat is minder dan 80%.');
    expect(assessProgress(base({ attendanceRate: 0.8 })).status).toBe('onTrack');
    expect(assessProgress(base({ attendanceRate: null })).status).toBe('onTrack');
  });

  it('a skill two levels below its own target puts the route at risk; one level does not', () => {
    const profile = withTarget(uniformProfile('B1', 'A2'), 'writing', 'A2');
    expect(assessProgress(base({ levels: profile })).status).toBe('onTrack');
    const a = assessProgress(base({ levels: withCurrent(profile, 'speaking', 'A1') }));
    expect(a.status).toBe('atRisk');
    expect(a.reasons).toContain('Bij de laatste toets was spreken A1. Het doel is B1. Dat is nog 2 niveaus hoger.');
  });

  it('pace zero means behind, no pace yet means at risk, and no dates are forecast', () => {
    const zero = assessProgress(base({ recentWeeklyHours: [0, 0, 0, 0] }));
    expect(zero.status).toBe('behind');
    expect(zero.targetReachedOn).toBeNull();
    expect(zero.milestones.every((m) => m.projectedOn === null && !m.beforeTermEnd)).toBe(true);
    expect(zero.reasons).toEqual(['In de afgelopen 4 weken zijn geen uren gevolgd. Zo worden de 600 uur niet gehaald.']);
    const crawl = assessProgress(base({ recentWeeklyHours: [0, 0, 0, 1e-9] }));
    expect(crawl.status).toBe('behind');
    expect(crawl.reasons).toEqual(['Met het huidige tempo van 0 uur per week worden de 600 uur niet gehaald voor het einde van de termijn.']);
    const none = assessProgress(base({ recentWeeklyHours: [] }));
    expect(none.status).toBe('atRisk');
    expect(none.pacePerWeek).toBeNull();
  });

  it('Z-route: 800 hours; hours complete means no hour reason against the status', () => {
    const z = assessProgress(base({ targetHours: 800, hoursMade: 800, recentWeeklyHours: [] }));
    expect(z.status).toBe('onTrack');
    expect(z.targetReachedOn).toBe('2026-06-01');
    expect(z.reasons).toEqual(['De 800 uur zijn gehaald.']);
  });

  it('R-BYD-1: the forecast of a Z-route ends at its norm of 800 hours, not at the contract\'s last milestone 600', () => {
    const z = assessProgress(base({ targetHours: 800, hoursMade: 150, termEndsOn: '2029-06-01' }));
    expect(z.milestones.map((m) => m.hours)).toEqual([200, 400, 600, 800]);
    expect(z.milestones.at(-1)).toEqual({ hours: 800, projectedOn: z.targetReachedOn, beforeTermEnd: true });
    // B1: the norm 600 is the last milestone; a listed 800 is no step on that route.
    expect(forecastMilestones([200, 400, 600, 800], 600)).toEqual([200, 400, 600]);
    expect(forecastMilestones([], 800)).toEqual([800]);
  });

  it('R-BYD-1: before the route starts the participant is not behind: no start date yet, or one after today, and no hours', () => {
    // Eight weeks without lessons, because the lessons have not begun: before, this read "behind".
    const waiting = assessProgress(base({ hoursMade: 0, recentWeeklyHours: [0, 0, 0, 0, 0, 0, 0, 0], attendanceRate: null, startedOn: null }));
    expect(waiting).toMatchObject({ status: 'onTrack', started: false, pacePerWeek: null, targetReachedOn: null });
    expect(waiting.reasons).toEqual(['De lessen zijn nog niet begonnen.']);
    const planned = assessProgress(base({ hoursMade: 0, recentWeeklyHours: [0, 0, 0, 0], startedOn: '2026-06-15' }));
    expect(planned).toMatchObject({ status: 'onTrack', started: false });
    expect(planned.reasons).toEqual(['De lessen zijn nog niet begonnen. Ze beginnen op 15 juni 2026.']);
    // From the start date on, the rule judges the pace as before.
    expect(assessProgress(base({ hoursMade: 0, recentWeeklyHours: [0, 0, 0, 0], startedOn: '2026-06-01' }))).toMatchObject({ status: 'behind', started: true });
    // Not started with little of the term left is at risk, never behind.
    const late = assessProgress(base({ hoursMade: 0, recentWeeklyHours: [0, 0], startedOn: null, termEndsOn: '2026-10-01' }));
    expect(late.status).toBe('atRisk');
    expect(late.reasons[1]).toBe('Het einde van de termijn (1 oktober 2026) is minder dan 6 maanden weg. Dan is er weinig tijd voor de 600 uur en de examens.');
    // Hours made are lessons followed: the route has started even when no start date is recorded.
    expect(assessProgress(base({ hoursMade: 40, recentWeeklyHours: [0, 0, 0, 0], startedOn: null }))).toMatchObject({ status: 'behind', started: true });
  });

  it('R-PRT-1: hours before a recorded start date (a start class, participation) do not start the route: not behind', () => {
    // 30 hours of start class in weeks long past, the route starts on 15 June: before, this read "behind"
    // (no hours in the recent weeks), and the participant read "U loopt achter" before their route began.
    const early = assessProgress(base({ hoursMade: 30, recentWeeklyHours: [0, 0, 0, 0], startedOn: '2026-06-15' }));
    expect(early).toMatchObject({ status: 'onTrack', started: false, pacePerWeek: null });
    expect(early.reasons).toEqual(['De route begint op 15 juni 2026. De 30 uur van daarvoor tellen mee.']);
    // On the start date the rule judges the pace again.
    expect(assessProgress(base({ today: '2026-06-15', hoursMade: 30, recentWeeklyHours: [0, 0, 0, 0], startedOn: '2026-06-15' }))).toMatchObject({ status: 'behind', started: true });
  });

  it('term over: hours missing is behind; hours made but a skill below target is behind too', () => {
    const over = assessProgress(base({ today: '2028-06-01', hoursMade: 550 }));
    expect(over.status).toBe('behind');
    expect(over.reasons[0]).toBe('De termijn is voorbij (1 juni 2028), maar er ontbreken nog 50 uur.');
    const skill = assessProgress(base({ today: '2028-06-02', hoursMade: 610, levels: withCurrent(uniformProfile('B1', 'B1'), 'writing', 'A2') }));
    expect(skill.status).toBe('behind');
    expect(skill.reasons).toContain('De termijn is voorbij en schrijven is A2. Het doel is B1.');
  });

  it('a provider may override the status only with a written reason (R-HRS-5)', () => {
    const a = assessProgress(base({ termEndsOn: '2027-01-31' }));
    const o = applyOverride(a, { status: 'atRisk', reason: ' Verlenging van de termijn is aangevraagd. ' });
    expect(o).toMatchObject({ status: 'atRisk', computedStatus: 'behind', overrideReason: 'Verlenging van de termijn is aangevraagd.' });
    expect(() => applyOverride(a, { status: 'onTrack', reason: '  ' })).toThrow(RangeError);
    expect(applyOverride(a, null)).toMatchObject({ status: 'behind', computedStatus: 'behind', overrideReason: null });
  });
});

describe('weekly hours for the pace', () => {
  it('sums minutes per seven-day window ending today, oldest first, ignoring later entries', () => {
    const e = (date: string, minutes: number, kind: HoursEntry['kind'] = 'language'): HoursEntry => ({ date, kind, minutes, startClass: false });
    const entries = [e('2026-05-31', 180), e('2026-06-01', 360), e('2026-05-25', 540), e('2026-05-18', 60), e('2026-06-02', 600), e('2026-05-26', 120, 'participation')];
    // Windows: (05-11, 05-18], (05-18, 05-25], (05-25, 06-01].
    expect(weeklyHours(entries, '2026-06-01', 3)).toEqual([1, 9, 11]);
    expect(weeklyHours(entries, '2026-06-01', 3, ['language'])).toEqual([1, 9, 9]);
    expect(weeklyHours([], '2026-06-01', 0)).toEqual([]);
  });
});

describe('status rule, properties (R-HRS-5)', () => {
  const day = fc.integer({ min: 0, max: 2000 }).map((n) => addCalendarDays('2025-01-01', n));
  const level = fc.constantFrom(...CefrLevels);
  const levels = fc.option(
    fc.record({ target: level, current: fc.option(level, { nil: null }) }).map(({ target, current }) => uniformProfile(target, current)),
    { nil: null },
  );
  const input = fc.record({
    today: day,
    termEndsOn: day,
    hoursMade: fc.double({ min: 0, max: 900, noNaN: true }),
    targetHours: fc.constantFrom(600, 800),
    milestoneHours: fc.constant([200, 400, 600]),
    recentWeeklyHours: fc.array(fc.double({ min: 0, max: 40, noNaN: true }), { maxLength: 8 }),
    attendanceRate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    levels,
  });

  it('(a) more hours on the same day at the same pace never make the status worse', () => {
    fc.assert(
      fc.property(input, fc.double({ min: 0, max: 500, noNaN: true }), (i, extra) => {
        const before = assessProgress(i);
        const after = assessProgress({ ...i, hoursMade: i.hoursMade + extra });
        expect(statusRank(after.status)).toBeLessThanOrEqual(statusRank(before.status));
      }),
      { numRuns: 500 },
    );
  });

  it('(b) no time left and hours missing is never on track (it is behind)', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 400 }), (i, late) => {
        const today = addCalendarDays(i.termEndsOn, late);
        fc.pre(i.hoursMade < i.targetHours);
        const a = assessProgress({ ...i, today });
        expect(a.status).not.toBe('onTrack');
        expect(a.status).toBe('behind');
      }),
      { numRuns: 500 },
    );
  });

  it('the forecast\'s last milestone is always the route\'s norm (R-BYD-1)', () => {
    fc.assert(
      fc.property(input, (i) => {
        const a = assessProgress(i);
        if (i.hoursMade < i.targetHours) expect(a.milestones.at(-1)?.hours).toBe(i.targetHours);
        for (const m of a.milestones) expect(m.hours).toBeLessThanOrEqual(i.targetHours);
      }),
    );
  });

  it('before the start date, with no hours made, the status is never "behind" (R-BYD-1)', () => {
    const notYet = fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 800 }));
    fc.assert(
      fc.property(input, notYet, (i, ahead) => {
        const startedOn = ahead === null ? null : addCalendarDays(i.today, ahead);
        const a = assessProgress({ ...i, hoursMade: 0, startedOn });
        expect(a.status).not.toBe('behind');
        expect(a.started).toBe(false);
        expect(a.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('every status comes with at least one reason, and forecasts never lie before today', () => {
    fc.assert(
      fc.property(input, (i) => {
        const a = assessProgress(i);
        expect(a.reasons.length).toBeGreaterThan(0);
        for (const m of a.milestones) if (m.projectedOn !== null) expect(m.projectedOn >= i.today).toBe(true);
      }),
    );
  });
});
