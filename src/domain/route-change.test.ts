// R-RTE-1 / R-RTE-2 with the numbers of 001 §2.3.4-2.3.5 and 002 eis 49-50.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from './calendar.js';
import { DEFAULT_ROUTE_CHANGE_RULES, Route } from './contract.js';
import { markStateFunded, type ExamAttempt } from './exams.js';
import { carryOverOnRouteChange, checkRouteChange, latestRouteChangeOn, misfitSignalDueOn, type RouteChangeRequest } from './route-change.js';

const rules = DEFAULT_ROUTE_CHANGE_RULES;
const req = (over: Partial<RouteChangeRequest> = {}): RouteChangeRequest => ({ from: 'b1', to: 'z', termStartedOn: '2026-01-15', requestedOn: '2027-07-15', ...over });

describe('route change within 18 months (R-RTE-1, 001 §2.3.4, 002 eis 50)', () => {
  it('defaults are the source numbers: 18 months, misfit signal within 12 months', () => {
    expect(rules.withinMonthsOfTerm).toBe(18);
    expect(rules.misfitSignalWithinMonths).toBe(12);
    expect(misfitSignalDueOn('2026-01-15', rules)).toBe('2027-01-15');
  });

  it('allowed up to and including the day 18 months after the start of the term', () => {
    expect(latestRouteChangeOn('2026-01-15', rules)).toBe('2027-07-15');
    expect(checkRouteChange(req(), rules)).toMatchObject({ allowed: true, basis: 'withinPeriod', exceptionRequired: false });
    expect(checkRouteChange(req({ requestedOn: '2026-03-01' }), rules).allowed).toBe(true);
    expect(checkRouteChange(req(), rules).reasons).toEqual(['De wijziging valt in de eerste 18 maanden van de termijn (tot en met 15 juli 2027).']);
  });

  it('the day after: refused without an exception reason, allowed with one', () => {
    const late = req({ requestedOn: '2027-07-16' });
    expect(checkRouteChange(late, rules)).toEqual({
      allowed: false,
      basis: null,
      latestRegularChangeOn: '2027-07-15',
      exceptionRequired: true,
      reasons: ['De eerste 18 maanden van de termijn zijn voorbij (tot en met 15 juli 2027).', 'Wijzigen kan nu alleen als uitzondering. De gemeente moet de reden vastleggen.'],
    });
    expect(checkRouteChange({ ...late, exceptionReason: '   ' }, rules).allowed).toBe(false);
    expect(checkRouteChange({ ...late, exceptionReason: null }, rules).allowed).toBe(false);
    const withReason = checkRouteChange({ ...late, exceptionReason: 'Ernstige ziekte; leerbaarheid opnieuw getoetst.' }, rules);
    expect(withReason).toMatchObject({ allowed: true, basis: 'exception', exceptionRequired: true });
    expect(withReason.reasons[1]).toBe('De gemeente maakt een uitzondering: Ernstige ziekte; leerbaarheid opnieuw getoetst.');
  });

  it('a term that starts on 31 August: the 18 months end on the last day of February (calendar months, clamped)', () => {
    expect(latestRouteChangeOn('2026-08-31', rules)).toBe('2028-02-29'); // 2028 is a leap year
    expect(latestRouteChangeOn('2025-08-31', rules)).toBe('2027-02-28');
    expect(checkRouteChange(req({ termStartedOn: '2025-08-31', requestedOn: '2027-02-28' }), rules).allowed).toBe(true);
    expect(checkRouteChange(req({ termStartedOn: '2025-08-31', requestedOn: '2027-03-01' }), rules).allowed).toBe(false);
  });

  it('Onderwijsroute → B1 is possible during the whole term, without an exception', () => {
    for (const from of ['education_mbo', 'education_hbo_wo'] as const) {
      const r = checkRouteChange(req({ from, to: 'b1', requestedOn: '2028-12-31' }), rules);
      expect(r).toMatchObject({ allowed: true, basis: 'educationToB1', exceptionRequired: false });
    }
    // The other way round is bound to the 18 months.
    expect(checkRouteChange(req({ from: 'b1', to: 'education_mbo', requestedOn: '2028-12-31' }), rules).allowed).toBe(false);
    // Onderwijsroute → Z-route too.
    expect(checkRouteChange(req({ from: 'education_mbo', to: 'z', requestedOn: '2028-12-31' }), rules).allowed).toBe(false);
  });

  it('no change to the same route', () => {
    expect(checkRouteChange(req({ to: 'b1' }), rules)).toMatchObject({ allowed: false, reasons: ['De leerroute is al de B1-route.'] });
  });

  it('property: inside the period every change between different routes is allowed; after it, only with a reason or Onderwijsroute → B1', () => {
    const route = fc.constantFrom(...Route.options);
    fc.assert(
      fc.property(route, route, fc.integer({ min: -100, max: 1500 }), fc.option(fc.string(), { nil: null }), (from, to, offset, reason) => {
        fc.pre(from !== to);
        const requestedOn = addCalendarDays('2027-07-15', offset);
        const r = checkRouteChange({ from, to, termStartedOn: '2026-01-15', requestedOn, exceptionReason: reason }, rules);
        const anyTime = from.startsWith('education_') && (to === 'b1' || to === 'b1_entree');
        expect(r.allowed).toBe(offset <= 0 || anyTime || (reason ?? '').trim() !== '');
      }),
    );
  });
});

describe('what carries over (R-RTE-2, 001 §2.3.5)', () => {
  const attempts: ExamAttempt[] = [
    { id: 'x1', part: 'reading', takenOn: '2027-01-10', level: 'B1', result: 'passed' },
    { id: 'x2', part: 'writing', takenOn: '2027-01-10', level: 'B1', result: 'failed' },
  ];

  it('B1 → Z: the hours followed go off the 800-hour Z norm; attempts and passed parts carry over', () => {
    const c = carryOverOnRouteChange('b1', 'z', { followedMinutes: 450 * 60, attempts }, 800);
    expect(c.creditedMinutes).toBe(450 * 60);
    expect(c.remainingNormMinutes).toBe(350 * 60);
    expect(c.attempts).toEqual(attempts);
    expect(c.passedParts).toEqual([{ part: 'reading', level: 'B1', passedOn: '2027-01-10' }]);
    expect(c).toMatchObject({ handoverRequired: true, newLearningPlanRequired: true });
    expect(c.notes).toEqual([
      'De 450 gevolgde uren gaan af van de urennorm van de Z-route.',
      'Van de 800 uur zijn er nog 350 over.',
      'Gedane examenpogingen en behaalde onderdelen tellen mee voor het inburgeringsexamen.',
      'De financiële afwikkeling spreekt de gemeente per inburgeraar af.',
    ]);
  });

  it('more hours than the norm leave nothing, never a negative rest', () => {
    expect(carryOverOnRouteChange('b1', 'z', { followedMinutes: 900 * 60, attempts: [] }, 800).remainingNormMinutes).toBe(0);
    expect(carryOverOnRouteChange('education_mbo', 'b1', { followedMinutes: 60, attempts: [] }).remainingNormMinutes).toBeNull();
  });

  it('B1 → Onderwijsroute: attempts count at least at B1', () => {
    expect(carryOverOnRouteChange('b1', 'education_hbo_wo', { followedMinutes: 0, attempts }).notes).toContain('Gedane examenpogingen en behaalde onderdelen tellen mee, op ten minste niveau B1.');
  });

  it('carried-over attempts keep counting towards the two state-funded attempts (002 eis 75)', () => {
    const c = carryOverOnRouteChange('education_mbo', 'b1', { followedMinutes: 0, attempts });
    const next: ExamAttempt[] = [...c.attempts, { id: 'x3', part: 'writing', takenOn: '2027-06-01', level: 'B1', result: 'failed' }, { id: 'x4', part: 'writing', takenOn: '2027-09-01', level: 'B1', result: 'passed' }];
    expect(markStateFunded(next, { stateFundedAttempts: 2 }).filter((a) => a.part === 'writing').map((a) => a.stateFunded)).toEqual([true, true, false]);
  });
});
