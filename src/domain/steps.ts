// Pending steps and their due dates (R-REF-2, R-REF-3, R-REF-4, R-CON-3, R-CON-10): for a referral in
// a given state, which party owes which step by when, computed with the contract version the referral
// was made under. Each pending step is a signal (R-SIG-1) whose identity is (cause, referral, period).
import type { ContractVersion, IsoDate } from './contract.js';
import { computeDeadline } from './deadline.js';
import { educationIntake } from './education.js';
import type { Party, ReferralStatus } from './lifecycle.js';

import type { StepName } from './step-names.js';
export { StepNames, type StepName } from './step-names.js';

export interface ReferralTimeline {
  status: ReferralStatus;
  referredOn: IsoDate;
  /** Stored at referral time (R-CON-10). */
  acknowledgementDueDate: IsoDate;
  intakeDate: IsoDate | null;
  intakeHeldOn: IsoDate | null;
  noShowOn: IsoDate | null;
  /** R-REF-3: the day the municipality recorded the new intake moment after the last no-show. */
  newIntakeAgreedOn?: IsoDate | null;
  /** R-REF-4: the provider's judgement at intake that the regular start fits in the contract's start term. */
  regularStartInTime: boolean | null;
  planVersion: number;
  planSubmittedOn: IsoDate | null;
  planReturnedOn: IsoDate | null;
  planApprovedOn: IsoDate | null;
  startClassStartedOn: IsoDate | null;
  /** R-REF-5: for the Onderwijsroute the start is owed by the intake moment / PIP limit instead. */
  startDueOverride?: IsoDate | null;
}

export interface PendingStep {
  step: StepName;
  party: Party;
  dueDate: IsoDate;
  /** Distinguishes repeated occurrences of one step (a second intake, a second plan version). */
  period: string;
}

/** The steps owed now. Several can be owed at once (a start class next to the plan approval). */
export function pendingSteps(t: ReferralTimeline, version: ContractVersion): PendingStep[] {
  const d = version.deadlines;
  const cal = version.holidayCalendar;
  const due = (from: IsoDate, name: keyof ContractVersion['deadlines']) => computeDeadline(from, d[name], cal);
  const steps: PendingStep[] = [];
  const need = (cond: boolean, from: IsoDate | null): from is IsoDate => cond && from !== null;
  const startDue = (approvedOn: IsoDate): IsoDate => {
    if (t.startDueOverride == null) return due(approvedOn, 'startAfterApproval');
    // R-REF-5: the Onderwijsroute starts at an intake moment. When the moment the PIP pointed to lies
    // before the approval (the plan was approved after it), the start is owed at the next intake moment
    // on or after the approval, never on a day before the approval that triggers it.
    if (t.startDueOverride >= approvedOn) return t.startDueOverride;
    return version.educationRoute === undefined ? due(approvedOn, 'startAfterApproval') : educationIntake(approvedOn, version.educationRoute).nextIntakeMoment;
  };
  switch (t.status) {
    case 'referred':
      steps.push({ step: 'acknowledgement', party: 'provider', dueDate: t.acknowledgementDueDate, period: t.referredOn });
      break;
    case 'acknowledged':
      // 001 §1.1: the invitation within 10 working days after the referral.
      steps.push({ step: 'intakeInvitation', party: 'provider', dueDate: due(t.referredOn, 'intakeInvitation'), period: t.referredOn });
      break;
    case 'intakeInvited':
      if (t.intakeDate !== null) steps.push({ step: 'intakeResult', party: 'provider', dueDate: t.intakeDate, period: t.intakeDate });
      break;
    case 'intakeNoShow':
      if (t.noShowOn !== null) {
        // R-REF-3, 001 §1.1: the municipality takes the lead and agrees a new intake moment; only then the
        // provider's new invitation is owed, within the contract's invitation term counted from the
        // agreement (docs/contracts.md, "Nieuwe intake na een no-show").
        if (t.newIntakeAgreedOn == null) {
          steps.push({ step: 'noShowFollowUp', party: 'municipality', dueDate: due(t.noShowOn, 'acknowledgement'), period: t.noShowOn });
        } else {
          steps.push({ step: 'intakeInvitation', party: 'provider', dueDate: due(t.newIntakeAgreedOn, 'intakeInvitation'), period: t.noShowOn });
        }
      }
      break;
    case 'intakeHeld':
      if (t.intakeHeldOn !== null) steps.push({ step: 'learningPlan', party: 'provider', dueDate: due(t.intakeHeldOn, 'learningPlanAfterIntake'), period: t.intakeHeldOn });
      break;
    case 'planSubmitted':
      if (t.planSubmittedOn !== null) steps.push({ step: 'learningPlanApproval', party: 'municipality', dueDate: due(t.planSubmittedOn, 'learningPlanApproval'), period: `v${t.planVersion}` });
      break;
    case 'planReturned':
      if (t.planReturnedOn !== null) steps.push({ step: 'learningPlanResubmission', party: 'provider', dueDate: due(t.planReturnedOn, 'learningPlanAfterIntake'), period: `v${t.planVersion}` });
      break;
    case 'planApproved':
      if (t.planApprovedOn !== null) steps.push({ step: 'signedPlan', party: 'provider', dueDate: startDue(t.planApprovedOn), period: t.planApprovedOn });
      break;
    case 'planSigned':
      // 001 §1.1 item 5: the start within 30 working days after approval.
      if (t.planApprovedOn !== null) steps.push({ step: 'start', party: 'provider', dueDate: startDue(t.planApprovedOn), period: t.planApprovedOn });
      break;
    case 'running':
      break;
  }
  const beforeStart = t.status !== 'running' && t.intakeHeldOn !== null;
  // R-REF-4: when the regular start does not fit, a start class within 5 working days after intake ...
  if (need(beforeStart && t.regularStartInTime === false && t.startClassStartedOn === null, t.intakeHeldOn)) {
    steps.push({ step: 'startClassStart', party: 'provider', dueDate: due(t.intakeHeldOn, 'startClassStartAfterIntake'), period: t.intakeHeldOn });
  }
  // ... lasting at most 30 working days: the regular start is owed by then.
  if (need(t.status !== 'running', t.startClassStartedOn)) {
    steps.push({ step: 'startClassEnd', party: 'provider', dueDate: due(t.startClassStartedOn, 'startClassMaxDuration'), period: t.startClassStartedOn });
  }
  return steps;
}

/** Work-list buckets (R-SIG-1): overdue, due this week (within 7 days), later. */
export function urgency(dueDate: IsoDate, today: IsoDate): 'overdue' | 'thisWeek' | 'later' {
  if (dueDate < today) return 'overdue';
  const week = new Date(`${today}T00:00:00Z`);
  week.setUTCDate(week.getUTCDate() + 7);
  return dueDate <= week.toISOString().slice(0, 10) ? 'thisWeek' : 'later';
}
