// Property (issue #10 item 4): no computed due date lies before the fact that triggers it. For every
// shipped contract version, fact sequences on random dates in lifecycle order (R-REF-2, R-REF-3,
// R-REF-4, R-REF-5), every pending step's due date is on or after its trigger.
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadContracts } from '../platform/contracts.js';
import { addCalendarDays } from './calendar.js';
import { computeDeadline } from './deadline.js';
import { educationIntake } from './education.js';
import { ReferralStatuses, type ReferralStatus } from './lifecycle.js';
import { pendingSteps, type PendingStep, type ReferralTimeline } from './steps.js';

const registry = loadContracts(path.resolve(import.meta.dirname, '../../contracts'));
const versions = registry.contracts.flatMap((c) => c.versions);

/** The fact a step follows from (the trigger), read from the timeline. */
function triggerOf(s: PendingStep, t: ReferralTimeline): string | null {
  switch (s.step) {
    case 'acknowledgement':
      return t.referredOn;
    case 'intakeInvitation':
      return t.status === 'intakeNoShow' ? (t.newIntakeAgreedOn ?? null) : t.referredOn;
    case 'intakeResult':
      return t.referredOn; // the planned intake: an invitation follows the referral
    case 'noShowFollowUp':
      return t.noShowOn;
    case 'learningPlan':
    case 'startClassStart':
      return t.intakeHeldOn;
    case 'learningPlanApproval':
      return t.planSubmittedOn;
    case 'learningPlanResubmission':
      return t.planReturnedOn;
    case 'signedPlan':
    case 'start':
      return t.planApprovedOn;
    case 'startClassEnd':
      return t.startClassStartedOn;
    default:
      return null;
  }
}

const gap = fc.integer({ min: 0, max: 90 });
const arbitrary = fc.record({
  version: fc.constantFrom(...versions),
  referredOffset: fc.integer({ min: 0, max: 5 * 365 }),
  status: fc.constantFrom(...ReferralStatuses),
  gaps: fc.array(gap, { minLength: 8, maxLength: 8 }),
  regularStartInTime: fc.boolean(),
  startClass: fc.boolean(),
  // The PIP is signed before the referral or after it (R-REF-5); null for a route without PIP.
  pipOffset: fc.option(fc.integer({ min: -400, max: 120 }), { nil: null }),
});

type Facts = typeof arbitrary extends fc.Arbitrary<infer T> ? T : never;

/** Builds the facts a referral in `status` has, each on or after the one before. */
function timelineOf(x: Facts): ReferralTimeline {
  const { version, status, gaps } = x;
  const order: readonly ReferralStatus[] = ReferralStatuses;
  const reached = (s: ReferralStatus) => order.indexOf(status) >= order.indexOf(s);
  const referredOn = addCalendarDays('2024-01-01', x.referredOffset);
  let day = referredOn;
  const next = (i: number) => (day = addCalendarDays(day, gaps[i] ?? 0));
  if (reached('acknowledged')) next(0);
  const intakeDate = reached('intakeInvited') ? next(1) : null;
  const noShowOn = status === 'intakeNoShow' ? intakeDate : null;
  const intakeHeldOn = reached('intakeHeld') && status !== 'intakeNoShow' ? next(2) : null;
  // R-REF-3: after a no-show the municipality may have agreed the new moment (gap 2 is free then).
  const newIntakeAgreedOn = noShowOn !== null && x.startClass ? addCalendarDays(noShowOn, gaps[2] ?? 0) : null;
  const planSubmittedOn = reached('planSubmitted') ? next(3) : null;
  const planReturnedOn = status === 'planReturned' ? next(4) : null;
  const planApprovedOn = reached('planApproved') ? next(5) : null;
  const startClassStartedOn = intakeHeldOn !== null && x.startClass && !x.regularStartInTime ? addCalendarDays(intakeHeldOn, gaps[6] ?? 0) : null;
  const pip = x.pipOffset === null || version.educationRoute === undefined ? null : educationIntake(addCalendarDays(referredOn, x.pipOffset), version.educationRoute);
  return {
    status,
    referredOn,
    acknowledgementDueDate: computeDeadline(referredOn, version.deadlines.acknowledgement, version.holidayCalendar),
    intakeDate,
    intakeHeldOn,
    noShowOn,
    newIntakeAgreedOn,
    regularStartInTime: intakeHeldOn === null ? null : x.regularStartInTime,
    planVersion: planSubmittedOn === null ? 0 : 1,
    planSubmittedOn,
    planReturnedOn,
    planApprovedOn,
    startClassStartedOn,
    startDueOverride: pip?.startDueDate ?? null,
  };
}

describe('pendingSteps: no due date before its trigger', () => {
  it('holds for random fact sequences under every shipped contract version', () => {
    fc.assert(
      fc.property(arbitrary, (x) => {
        const t = timelineOf(x);
        for (const s of pendingSteps(t, x.version)) {
          const trigger = triggerOf(s, t);
          expect(trigger, `${s.step} has a trigger`).not.toBeNull();
          expect(s.dueDate >= (trigger ?? ''), `${s.step} due ${s.dueDate} before its trigger ${String(trigger)} (${JSON.stringify(t)})`).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('R-REF-5: the Onderwijsroute start after a late approval (the counterexample the property found)', () => {
  it('a plan approved on 2024-02-02, after the PIP moment of 2024-02-01, owes the start at the next intake moment, 2024-09-01', () => {
    const version = versions.find((v) => v.educationRoute !== undefined);
    if (version === undefined) throw new Error('a shipped contract has an Onderwijsroute');
    const t: ReferralTimeline = {
      status: 'planSigned',
      referredOn: '2024-01-01',
      acknowledgementDueDate: '2024-01-08',
      intakeDate: '2024-01-01',
      intakeHeldOn: '2024-01-01',
      noShowOn: null,
      regularStartInTime: true,
      planVersion: 1,
      planSubmittedOn: '2024-01-30',
      planReturnedOn: null,
      planApprovedOn: '2024-02-02',
      startClassStartedOn: null,
      startDueOverride: '2024-02-01',
    };
    expect(pendingSteps(t, version)).toEqual([{ step: 'start', party: 'provider', dueDate: '2024-09-01', period: '2024-02-02' }]);
  });
});
