// R-CON-3 / R-CON-4: every deadline of every shipped contract file, from dates across Christmas and
// New Year and across King's Day, Ascension and Whit Monday. The expected dates are counted by hand
// on a calendar (comments), not computed with the code under test.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContracts } from '../platform/contracts.js';
import { findVersionInForce } from './contract.js';
import { computeDeadline } from './deadline.js';
import { pendingSteps, urgency, type ReferralTimeline } from './steps.js';

const registry = loadContracts(path.resolve(import.meta.dirname, '../../contracts'));

// From Wednesday 2026-12-23: 25/26 Dec and 1 Jan are holidays.
const FROM_CHRISTMAS: Record<string, string> = {
  '5 workingDays': '2026-12-31', // Thu 24, Mon 28, Tue 29, Wed 30, Thu 31
  '10 workingDays': '2027-01-08', // … Mon 4, Tue 5, Wed 6, Thu 7, Fri 8 (Fri 1 Jan is New Year)
  '20 workingDays': '2027-01-22',
  '30 workingDays': '2027-02-05',
  '1 weeks': '2026-12-30',
  '2 weeks': '2027-01-06',
  '6 weeks': '2027-02-03',
  '6 months': '2027-06-23',
};
// From Monday 2027-04-26: King's Day Tue 27 Apr, Liberation Day Wed 5 May (no lustrum year, so a
// working day), Ascension Thu 6 May, Whit Monday 17 May.
const FROM_KINGS_DAY: Record<string, string> = {
  '5 workingDays': '2027-05-04', // Wed 28, Thu 29, Fri 30, Mon 3, Tue 4
  '10 workingDays': '2027-05-12', // Wed 5, Fri 7, Mon 10, Tue 11, Wed 12
  '20 workingDays': '2027-05-27', // skips Mon 17 May
  '30 workingDays': '2027-06-10',
  '1 weeks': '2027-05-03',
  '2 weeks': '2027-05-10',
  '6 weeks': '2027-06-07',
  '6 months': '2027-10-26',
};

describe('R-CON-3 deadlines of every contract file', () => {
  for (const contract of registry.contracts) {
    for (const [label, from, expected] of [
      ['over Christmas', '2026-12-23', FROM_CHRISTMAS],
      ['over King\'s Day, Ascension and Whitsun', '2027-04-26', FROM_KINGS_DAY],
    ] as const) {
      it(`${contract.id}: every deadline ${label}`, () => {
        const version = findVersionInForce(contract, from);
        expect(version, `${contract.id} has a version in force on ${from}`).toBeDefined();
        if (version === undefined) return;
        for (const [name, d] of Object.entries(version.deadlines)) {
          const key = `${d.amount} ${d.unit}`;
          expect(expected[key], `${contract.id}.${name} (${key}) has a hand-counted expectation`).toBeDefined();
          expect(computeDeadline(from, d, version.holidayCalendar), `${contract.id}.${name}`).toBe(expected[key]);
        }
      });
    }
  }
});

const westfriesland = findVersionInForce(registry.byId('westfriesland') ?? registry.contracts[0]!, '2026-12-23')!;
const base: ReferralTimeline = {
  status: 'referred',
  referredOn: '2026-12-23',
  acknowledgementDueDate: '2026-12-31',
  intakeDate: null,
  intakeHeldOn: null,
  noShowOn: null,
  regularStartInTime: null,
  planVersion: 0,
  planSubmittedOn: null,
  planReturnedOn: null,
  planApprovedOn: null,
  startClassStartedOn: null,
};

describe('pending steps (R-REF-2)', () => {
  it('owes the acknowledgement, then the intake invitation 10 working days after the referral (001 §1.1)', () => {
    expect(pendingSteps(base, westfriesland)).toEqual([{ step: 'acknowledgement', party: 'provider', dueDate: '2026-12-31', period: '2026-12-23' }]);
    expect(pendingSteps({ ...base, status: 'acknowledged' }, westfriesland)).toEqual([{ step: 'intakeInvitation', party: 'provider', dueDate: '2027-01-08', period: '2026-12-23' }]);
  });

  it('R-REF-3: a no-show puts the municipality in the lead; the new invitation is owed only once the new moment is agreed', () => {
    const noShow = { ...base, status: 'intakeNoShow' as const, intakeDate: '2027-01-05', noShowOn: '2027-01-05' };
    expect(pendingSteps(noShow, westfriesland)).toEqual([{ step: 'noShowFollowUp', party: 'municipality', dueDate: '2027-01-12', period: '2027-01-05' }]);
    // 001 §1.1: the invitation term (10 working days) counts from the agreement (docs/contracts.md).
    expect(pendingSteps({ ...noShow, newIntakeAgreedOn: '2027-01-07' }, westfriesland)).toEqual([
      { step: 'intakeInvitation', party: 'provider', dueDate: '2027-01-21', period: '2027-01-05' },
    ]);
  });

  it('R-REF-6: plan 5 working days after intake, approval 5 working days after submission, start 30 working days after approval', () => {
    expect(pendingSteps({ ...base, status: 'intakeHeld', intakeHeldOn: '2027-01-05', regularStartInTime: true }, westfriesland)).toEqual([
      { step: 'learningPlan', party: 'provider', dueDate: '2027-01-12', period: '2027-01-05' },
    ]);
    expect(pendingSteps({ ...base, status: 'planSubmitted', intakeHeldOn: '2027-01-05', regularStartInTime: true, planVersion: 2, planSubmittedOn: '2027-01-11' }, westfriesland)).toEqual([
      { step: 'learningPlanApproval', party: 'municipality', dueDate: '2027-01-18', period: 'v2' },
    ]);
    // 30 working days after Mon 18 Jan 2027: Mon 1 Mar 2027.
    expect(pendingSteps({ ...base, status: 'planSigned', intakeHeldOn: '2027-01-05', regularStartInTime: true, planVersion: 1, planApprovedOn: '2027-01-18' }, westfriesland)).toEqual([
      { step: 'start', party: 'provider', dueDate: '2027-03-01', period: '2027-01-18' },
    ]);
  });

  it('R-REF-4: when the regular start does not fit, a start class is owed within 5 working days after intake and ends within 30', () => {
    const held = { ...base, status: 'planSubmitted' as const, intakeHeldOn: '2027-01-05', regularStartInTime: false, planVersion: 1, planSubmittedOn: '2027-01-08' };
    expect(pendingSteps(held, westfriesland).find((s) => s.step === 'startClassStart')).toEqual({ step: 'startClassStart', party: 'provider', dueDate: '2027-01-12', period: '2027-01-05' });
    const inClass = pendingSteps({ ...held, startClassStartedOn: '2027-01-11' }, westfriesland);
    expect(inClass.some((s) => s.step === 'startClassStart')).toBe(false);
    // 30 working days after Mon 11 Jan 2027: Mon 22 Feb 2027.
    expect(inClass.find((s) => s.step === 'startClassEnd')?.dueDate).toBe('2027-02-22');
    expect(pendingSteps({ ...held, status: 'running', startClassStartedOn: '2027-01-11' }, westfriesland)).toEqual([]);
  });

  it('buckets the work list: overdue, this week, later', () => {
    expect(urgency('2027-01-04', '2027-01-05')).toBe('overdue');
    expect(urgency('2027-01-05', '2027-01-05')).toBe('thisWeek');
    expect(urgency('2027-01-12', '2027-01-05')).toBe('thisWeek');
    expect(urgency('2027-01-13', '2027-01-05')).toBe('later');
  });
});
