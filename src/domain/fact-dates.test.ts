// The rule for dates that cannot be (issue #10 item 4; R-REF-2, R-HRS-2, R-RTE-1, R-RTE-3).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from './calendar.js';
import { checkHappenedOn, checkPlannedOn } from './fact-dates.js';

const bounds = { today: '2026-12-01', referredOn: '2026-03-02', termStartsOn: '2026-01-01' };

describe('checkHappenedOn', () => {
  it('accepts today, the referral day and every day between', () => {
    expect(checkHappenedOn('2026-12-01', bounds)).toBeNull();
    expect(checkHappenedOn('2026-03-02', bounds)).toBeNull();
  });

  it('refuses a day after today', () => {
    expect(checkHappenedOn('2026-12-02', bounds)).toMatchObject({ code: 'inFuture' });
  });

  it('refuses a 400-hour test dated before the referral, with the referral date in Dutch', () => {
    expect(checkHappenedOn('2026-03-01', bounds)).toEqual({ code: 'beforeReferral', reason: 'Deze datum ligt vóór de aanmelding (2 maart 2026).' });
  });

  it('refuses a route event before the term starts (R-RTE-1) before it looks at the referral', () => {
    expect(checkHappenedOn('2025-12-31', bounds)).toMatchObject({ code: 'beforeTerm', reason: expect.stringContaining('1 januari 2026') });
  });

  it('without a referral or term only the future is refused', () => {
    expect(checkHappenedOn('2001-01-01', { today: '2026-12-01' })).toBeNull();
  });

  it('property: a date is accepted exactly when it lies from the later lower bound up to today', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (offset, sinceTerm, sinceReferral) => {
        const today = '2026-12-01';
        const termStartsOn = addCalendarDays(today, -sinceTerm);
        const referredOn = addCalendarDays(today, -sinceReferral);
        const on = addCalendarDays(today, offset);
        const ok = on <= today && on >= termStartsOn && on >= referredOn;
        expect(checkHappenedOn(on, { today, termStartsOn, referredOn }) === null).toBe(ok);
      }),
    );
  });
});

describe('checkPlannedOn', () => {
  it('accepts an intake in three weeks and one on the last day of the six months', () => {
    expect(checkPlannedOn('2026-12-22', bounds)).toBeNull();
    expect(checkPlannedOn('2027-06-01', bounds)).toBeNull();
  });

  it('refuses an intake in 2029 with a reason asking to check the year', () => {
    expect(checkPlannedOn('2029-01-04', bounds)).toEqual({ code: 'tooFarAhead', reason: 'Deze datum ligt meer dan 6 maanden vooruit (na 1 juni 2027). Kijk het jaartal na.' });
  });

  it('refuses an intake planned before the referral', () => {
    expect(checkPlannedOn('2026-02-27', bounds)).toMatchObject({ code: 'beforeReferral' });
  });
});
