import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absenceSignals, type AbsenceRules, type AttendanceFact } from './attendance.js';
import { addresseeOf, isSignalCause, SIGNAL_CAUSES, SignalCauses, SignalSubjectTypes, stepCause, stepOfCause } from './signal-cause.js';
import { StepNames } from './step-names.js';

describe('SignalCause: the one list of signal kinds (R-SIG-1)', () => {
  it('has a referral cause for every step, and nothing else about a referral', () => {
    const referral = SignalCauses.filter((c) => SIGNAL_CAUSES[c].subject === 'referral');
    expect(referral.sort()).toEqual(StepNames.map((s) => `referral.${s}`).sort());
    for (const s of StepNames) expect(stepOfCause(stepCause(s))).toBe(s);
  });

  it('names a subject type for every cause and a party for every cause that is not a step', () => {
    for (const c of SignalCauses) {
      const rule = SIGNAL_CAUSES[c];
      expect(SignalSubjectTypes).toContain(rule.subject);
      expect(rule.addressee === null).toBe(rule.subject === 'referral');
      expect(rule.period.length).toBeGreaterThan(0);
    }
  });

  it('lists the participant and provider signals Koers raises today, with their parties (001 §2.3.2, 004 §2.4)', () => {
    const others = Object.fromEntries(SignalCauses.filter((c) => SIGNAL_CAUSES[c].subject !== 'referral').map((c) => [c, SIGNAL_CAUSES[c].addressee]));
    expect(others).toEqual({
      'absence.firstNoShow': 'provider',
      'absence.repeatedNoShow': 'municipality',
      'absence.frequent': 'municipality',
      'absence.warnParticipant': 'provider',
      'attendance.belowNorm': 'municipality',
      'absence.longerThanWeek': 'municipality',
      'progress.testDue': 'provider',
      'progress.reportDue': 'provider',
      'report.finalDue': 'provider',
      'scaling.decisionDue': 'municipality',
      'scaling.levelDue': 'provider',
      'participation.meetingDue': 'provider',
      'map.endConversationDue': 'municipality',
      'exam.passRateLow': 'provider',
      'invoice.sendDue': 'provider',
      'periodicReport.due': 'provider',
      'periodicReport.late': 'provider',
      // Issue #14 (R-CM-1): the provider owns an overdue action of a contract meeting.
      'meetingAction.overdue': 'provider',
      'quality.markConcern': 'contractManager',
      'quality.teacherNorm': 'contractManager',
      'quality.providerExcluded': 'municipality',
      'participantEscalation.checkInOverdue': 'provider',
      'duo.event': 'municipality',
    });
  });

  it('property: every absence signal the rules find is a known participant cause', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2027-03-${String(d).padStart(2, '0')}`);
    const fact = fc.record({ date: day, present: fc.boolean(), calledIn: fc.boolean(), reason: fc.constantFrom(null, 'illness', 'work'), makeUp: fc.boolean(), cancelledByProvider: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 12 }), (raw) => {
        const facts: AttendanceFact[] = raw.map((f, i) => ({ ...f, sessionId: `s${i}`, scheduledMinutes: 120, attendedMinutes: f.present ? 120 : 0 }));
        const rules: AbsenceRules = { normPercent: 80, absencesPerMonth: 3, longAbsenceDays: 7, frequentAbsence: { warnParticipant: true } };
        for (const s of absenceSignals(facts, rules, '2027-05-01')) {
          expect(isSignalCause(s.cause)).toBe(true);
          expect(SIGNAL_CAUSES[s.cause].subject).toBe('participant');
          expect(['municipality', 'provider']).toContain(addresseeOf(s.cause));
        }
      }),
    );
  });

  it('refuses a kind that is not on the list', () => {
    expect(isSignalCause('absence.sometimes')).toBe(false);
    expect(isSignalCause('referral.unknownStep')).toBe(false);
    expect(isSignalCause('toString')).toBe(false);
    expect(stepOfCause('absence.frequent')).toBeNull();
  });
});
