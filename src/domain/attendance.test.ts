// R-ATT-3, R-ATT-4, R-ATT-5 with the sources' numbers (groundwork for issue #4).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absenceSignals, attendanceRate, belowNorm, monthEnded, type AttendanceFact } from './attendance.js';

const RULES = { normPercent: 80, absencesPerMonth: 3, longAbsenceDays: 7 };
let n = 0;
const lesson = (date: string, over: Partial<AttendanceFact> = {}): AttendanceFact => ({
  sessionId: `s${n++}`,
  date,
  scheduledMinutes: 180,
  attendedMinutes: 180,
  present: true,
  calledIn: false,
  reason: null,
  makeUp: false,
  cancelledByProvider: false,
  ...over,
});
const absent = (date: string, over: Partial<AttendanceFact> = {}) => lesson(date, { present: false, attendedMinutes: 0, calledIn: true, reason: 'ziek', ...over });

describe('attendance rate (R-ATT-3)', () => {
  it('79.9% signals, 80.0% does not (001 §2.3.1)', () => {
    // 1000 offered minutes: 799 attended is 79.9%, 800 is 80.0%.
    const at = (attended: number) => attendanceRate([lesson('2027-03-01', { scheduledMinutes: 1000, attendedMinutes: attended, present: attended > 0 })], '2027-03-01', '2027-03-31');
    expect(at(799).percentage).toBeCloseTo(79.9);
    expect(belowNorm(at(799), RULES)).toBe(true);
    expect(belowNorm(at(800), RULES)).toBe(false);
  });

  it('a lesson the provider cancelled was not offered', () => {
    const r = attendanceRate([lesson('2027-03-01'), absent('2027-03-02', { cancelledByProvider: true })], '2027-03-01', '2027-03-31');
    expect(r).toEqual({ offeredMinutes: 180, attendedMinutes: 180, percentage: 100 });
  });

  it('R-ATT-5: make-up minutes count against missed minutes, never above them', () => {
    const facts = [lesson('2027-03-01'), absent('2027-03-02'), lesson('2027-03-03', { makeUp: true, scheduledMinutes: 120, attendedMinutes: 120 })];
    expect(attendanceRate(facts, '2027-03-01', '2027-03-31')).toMatchObject({ offeredMinutes: 360, attendedMinutes: 300 });
    const plenty = [lesson('2027-03-01'), absent('2027-03-02'), lesson('2027-03-03', { makeUp: true, scheduledMinutes: 600, attendedMinutes: 600 })];
    expect(attendanceRate(plenty, '2027-03-01', '2027-03-31').percentage).toBe(100);
  });

  it('property: the rate lies between 0 and 100 and more attended minutes never lower it', () => {
    const fact = fc.record({ scheduled: fc.integer({ min: 1, max: 300 }), attended: fc.integer({ min: 0, max: 300 }), cancelled: fc.boolean(), makeUp: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 30 }), fc.integer({ min: 0, max: 29 }), (rows, k) => {
        const facts = rows.map((r, i) => lesson(`2027-03-${String(1 + (i % 28)).padStart(2, '0')}`, { scheduledMinutes: r.scheduled, attendedMinutes: Math.min(r.attended, r.scheduled), present: r.attended > 0, cancelledByProvider: r.cancelled, makeUp: r.makeUp }));
        const rate = attendanceRate(facts, '2027-03-01', '2027-03-31');
        if (rate.percentage !== null) expect(rate.percentage).toBeGreaterThanOrEqual(0);
        if (rate.percentage !== null) expect(rate.percentage).toBeLessThanOrEqual(100);
        const target = facts[k];
        if (target === undefined) return;
        const more = facts.map((f) => (f === target ? { ...f, attendedMinutes: f.scheduledMinutes, present: true } : f));
        expect(attendanceRate(more, '2027-03-01', '2027-03-31').attendedMinutes).toBeGreaterThanOrEqual(rate.attendedMinutes);
      }),
    );
  });
});

describe('absence signals (R-ATT-4)', () => {
  const causes = (facts: AttendanceFact[], today = '2027-04-30') => absenceSignals(facts, RULES, today).map((s) => `${s.cause}@${s.period}`);

  it('three absences in one calendar month: one warning for that month (004 §2.4), authorised or not', () => {
    const facts = [absent('2027-03-02'), absent('2027-03-09', { reason: 'afspraak huisarts' }), lesson('2027-03-10'), absent('2027-03-16'), absent('2027-03-23')];
    expect(causes(facts).filter((c) => c.startsWith('absence.frequent'))).toEqual(['absence.frequent@2027-03']);
  });

  it('three absences spread over two months: no warning', () => {
    const facts = [absent('2027-03-23'), absent('2027-03-30'), lesson('2027-03-31'), absent('2027-04-06'), lesson('2027-04-07'), lesson('2027-04-08')];
    expect(causes(facts).filter((c) => c.startsWith('absence.frequent'))).toEqual([]);
  });

  it('the same facts give the same signals however often the rules run', () => {
    const facts = [absent('2027-03-02'), absent('2027-03-09'), absent('2027-03-16')];
    expect(absenceSignals(facts, RULES, '2027-04-30')).toEqual(absenceSignals([...facts].reverse(), RULES, '2027-04-30'));
  });

  it('the first no-show without reason, then each repeat (001 §2.3.2)', () => {
    const facts = [lesson('2027-03-01'), absent('2027-03-02', { calledIn: false, reason: null }), absent('2027-03-03'), absent('2027-03-09', { calledIn: false, reason: null })];
    expect(causes(facts).filter((c) => c.includes('NoShow'))).toEqual(['absence.firstNoShow@first', 'absence.repeatedNoShow@2027-03-09']);
  });

  it('with the contract option, three absences in a month also ask the provider to warn the participant (004 §2.4, issue #10)', () => {
    const facts = [absent('2027-03-01'), absent('2027-03-08'), lesson('2027-03-10'), absent('2027-03-15'), absent('2027-03-22')];
    const warned = (rules: typeof RULES & { frequentAbsence?: { warnParticipant: boolean } }) =>
      absenceSignals(facts, rules, '2027-04-30').filter((s) => s.cause === 'absence.warnParticipant' || s.cause === 'absence.frequent');
    expect(warned({ ...RULES, frequentAbsence: { warnParticipant: true } })).toEqual([
      { cause: 'absence.frequent', period: '2027-03', on: '2027-03-15' },
      { cause: 'absence.warnParticipant', period: '2027-03', on: '2027-03-15' },
    ]);
    expect(warned({ ...RULES, frequentAbsence: { warnParticipant: false } })).toEqual([{ cause: 'absence.frequent', period: '2027-03', on: '2027-03-15' }]);
    expect(warned(RULES)).toEqual([{ cause: 'absence.frequent', period: '2027-03', on: '2027-03-15' }]);
  });

  it('absent longer than a week (003 art. 12.4), once per absence run', () => {
    const facts = [lesson('2027-03-01'), absent('2027-03-02'), absent('2027-03-05'), absent('2027-03-09'), absent('2027-03-12'), lesson('2027-03-15')];
    expect(causes(facts).filter((c) => c.startsWith('absence.longer'))).toEqual(['absence.longerThanWeek@2027-03-02']);
    const week = [absent('2027-03-02'), absent('2027-03-09'), lesson('2027-03-10')];
    expect(causes(week).filter((c) => c.startsWith('absence.longer'))).toEqual([]);
  });

  it('below 80% in a complete month asks for warm contact (001 §2.3.1, R-ATT-4)', () => {
    const facts = [absent('2027-03-01'), lesson('2027-03-02'), lesson('2027-03-03'), lesson('2027-03-04'), lesson('2027-03-05')];
    // 4 of 5 lessons: exactly 80%, no signal once the month is over.
    expect(causes(facts, '2027-04-01')).not.toContain('attendance.belowNorm@2027-03');
    const lower = [absent('2027-03-01'), lesson('2027-03-02'), lesson('2027-03-03'), lesson('2027-03-04')];
    expect(absenceSignals(lower, RULES, '2027-04-01')).toContainEqual({ cause: 'attendance.belowNorm', period: '2027-03', on: '2027-03-31' });
  });

  it('a month that is not over is not judged below the norm, not even on its last day (R-ATT-4, issue #10)', () => {
    // On 1 March only the absence is known: 0% so far, but March has not ended.
    const facts = [absent('2027-03-01'), lesson('2027-03-02'), lesson('2027-03-03'), lesson('2027-03-04'), lesson('2027-03-05')];
    expect(causes(facts, '2027-03-01')).not.toContain('attendance.belowNorm@2027-03');
    const lower = [absent('2027-03-01'), lesson('2027-03-02'), lesson('2027-03-03'), lesson('2027-03-04')];
    expect(causes(lower, '2027-03-31')).not.toContain('attendance.belowNorm@2027-03');
    expect(causes(lower, '2027-04-01')).toContain('attendance.belowNorm@2027-03');
  });

  it('property: no below-norm signal for a month that has not ended, and one per ended month below the norm (R-ATT-4)', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2027-0${1 + (d % 3)}-${String(d).padStart(2, '0')}`);
    const fact = fc.record({ date: day, present: fc.boolean() }).map(({ date, present }) => (present ? lesson(date) : absent(date)));
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 30 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 4 }), (facts, d, m) => {
        const today = `2027-0${m}-${String(Math.min(d, 28)).padStart(2, '0')}`;
        const below = absenceSignals(facts, RULES, today).filter((s) => s.cause === 'attendance.belowNorm');
        for (const s of below) expect(monthEnded(s.period, today) && s.on < today).toBe(true);
        for (const month of new Set(facts.filter((f) => f.date <= today).map((f) => f.date.slice(0, 7)))) {
          const expected = monthEnded(month, today) && belowNorm(attendanceRate(facts, `${month}-01`, `${month}-31`), RULES);
          expect(below.some((s) => s.period === month)).toBe(expected);
        }
      }),
    );
  });
});
