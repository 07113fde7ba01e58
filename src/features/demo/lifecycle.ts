// Demo referrals in every stage of the referral-to-start lifecycle (R-REF-2), with the events and
// learning-plan versions a real history would have, never dated after the demo's today.
import { addCalendarDays } from '../../domain/calendar.js';
import type { IsoDate } from '../../domain/contract.js';
import type { ReferralStatus } from '../../domain/lifecycle.js';

export interface DemoStep {
  type: string;
  on: IsoDate;
  by: 'provider' | 'municipality';
  details: Record<string, unknown>;
}

export interface DemoProgress {
  status: ReferralStatus;
  columns: Record<string, unknown>;
  steps: DemoStep[];
  /** Learning-plan versions: status and the day it was submitted / decided. */
  plans: { version: number; status: 'submitted' | 'returned' | 'approved'; submittedOn: IsoDate; decidedOn: IsoDate | null; remarks: string | null }[];
}

const STAGES: ReferralStatus[] = ['acknowledged', 'intakeInvited', 'intakeNoShow', 'intakeHeld', 'planSubmitted', 'planReturned', 'planApproved', 'planSigned', 'running'];
const WEIGHTS = [20, 10, 5, 10, 10, 5, 10, 10, 20];
const LOCATIONS = ['Hoorn, Grote Noord 1', 'Enkhuizen, Westerstraat 40', 'Medemblik, Nieuwstraat 12', 'Online (Teams)'];

export const DEMO_PLAN = {
  route: 'b1',
  targetLevels: { reading: 'B1', writing: 'A2', listening: 'B1', speaking: 'B1' },
  weeklySchedule: { dayParts: 4, evening: false, weekend: false, online: false, blended: true },
  map: { included: true, practicalPart: 'Vrijwilligerswerk bij de voedselbank', practicalHours: 40 },
  childCare: { needed: true, days: ['mon', 'wed'], times: '08:30-12:30', changes: 'Vanaf de zomer ook vrijdag' },
  expectedDurationMonths: 18,
};

function pickStage(rand: () => number): ReferralStatus {
  let x = rand() * WEIGHTS.reduce((a, b) => a + b, 0);
  for (let i = 0; i < STAGES.length; i++) {
    x -= WEIGHTS[i] ?? 0;
    if (x < 0) return STAGES[i] ?? 'acknowledged';
  }
  return 'running';
}

/** Advances an acknowledged referral to a random stage, stopping before any step would lie after today. */
export function demoProgress(rand: () => number, acknowledgedOn: IsoDate, today: IsoDate): DemoProgress {
  const target = STAGES.indexOf(pickStage(rand));
  const out: DemoProgress = { status: 'acknowledged', columns: {}, steps: [], plans: [] };
  const can = (stage: ReferralStatus, on: IsoDate) => STAGES.indexOf(stage) <= target && on <= today;
  const invitedOn = addCalendarDays(acknowledgedOn, 1 + Math.floor(rand() * 3));
  const intakeDate = addCalendarDays(invitedOn, 3 + Math.floor(rand() * 8));
  if (!can('intakeInvited', invitedOn)) return out;
  const location = LOCATIONS[Math.floor(rand() * LOCATIONS.length)] ?? 'Hoorn';
  out.status = 'intakeInvited';
  out.columns = { intake_date: intakeDate, intake_location: location };
  out.steps.push({ type: 'intakeInvited', on: invitedOn, by: 'provider', details: { intakeDate, location } });
  if (target === STAGES.indexOf('intakeNoShow') && intakeDate <= today) {
    out.status = 'intakeNoShow';
    out.columns.intake_no_show_on = intakeDate;
    out.steps.push({ type: 'intakeNoShow', on: intakeDate, by: 'provider', details: { noShowOn: intakeDate, intakeDate } });
    return out;
  }
  if (!can('intakeHeld', intakeDate) || target === STAGES.indexOf('intakeNoShow')) return out;
  const regularStartInTime = rand() < 0.8;
  out.status = 'intakeHeld';
  Object.assign(out.columns, { intake_held_on: intakeDate, regular_start_in_time: regularStartInTime });
  out.steps.push({ type: 'intakeHeld', on: intakeDate, by: 'provider', details: { heldOn: intakeDate, regularStartInTime } });
  if (!regularStartInTime) {
    const classOn = addCalendarDays(intakeDate, 3);
    if (classOn <= today) {
      out.columns.start_class_started_on = classOn;
      out.steps.push({ type: 'startClassStarted', on: classOn, by: 'provider', details: { startedOn: classOn } });
    }
  }
  const submittedOn = addCalendarDays(intakeDate, 2 + Math.floor(rand() * 4));
  if (!can('planSubmitted', submittedOn)) return out;
  out.status = 'planSubmitted';
  Object.assign(out.columns, { plan_version: 1, plan_submitted_on: submittedOn });
  out.steps.push({ type: 'planSubmitted', on: submittedOn, by: 'provider', details: { planVersion: 1 } });
  out.plans.push({ version: 1, status: 'submitted', submittedOn, decidedOn: null, remarks: null });
  let lastSubmitted = submittedOn;
  if (target === STAGES.indexOf('planReturned')) {
    const returnedOn = addCalendarDays(submittedOn, 2);
    if (returnedOn <= today) {
      const remarks = 'Graag de kinderopvang op vrijdag opnemen.';
      out.status = 'planReturned';
      out.columns.plan_returned_on = returnedOn;
      out.steps.push({ type: 'planReturned', on: returnedOn, by: 'municipality', details: { planVersion: 1, remarks } });
      out.plans[0] = { version: 1, status: 'returned', submittedOn, decidedOn: returnedOn, remarks };
    }
    return out;
  }
  const approvedOn = addCalendarDays(lastSubmitted, 1 + Math.floor(rand() * 4));
  if (!can('planApproved', approvedOn)) return out;
  out.status = 'planApproved';
  out.columns.plan_approved_on = approvedOn;
  out.steps.push({ type: 'planApproved', on: approvedOn, by: 'municipality', details: { planVersion: 1 } });
  out.plans[0] = { version: 1, status: 'approved', submittedOn: lastSubmitted, decidedOn: approvedOn, remarks: null };
  lastSubmitted = approvedOn;
  const signedOn = addCalendarDays(approvedOn, 2);
  if (!can('planSigned', signedOn)) return out;
  out.status = 'planSigned';
  out.columns.plan_signed_on = signedOn;
  out.steps.push({ type: 'planSigned', on: signedOn, by: 'provider', details: {} });
  const startedOn = addCalendarDays(signedOn, 3 + Math.floor(rand() * 20));
  if (!can('running', startedOn)) return out;
  out.status = 'running';
  out.columns.started_on = startedOn;
  out.steps.push({ type: 'started', on: startedOn, by: 'provider', details: { startedOn } });
  return out;
}
