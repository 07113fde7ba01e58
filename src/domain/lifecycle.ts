// The referral-to-start lifecycle (R-REF-2, R-REF-3, R-REF-4, R-REF-6): which step may follow which,
// and who takes it. Pure: the use case loads the referral, asks `decide`, and stores the outcome.
//
// Main track:  referred → acknowledged → intakeInvited → intakeHeld | intakeNoShow
//              intakeNoShow → newIntakeAgreed (the municipality records the agreed intake moment; the status
//              stays intakeNoShow) → intakeInvited (001 §1.1: "Gemeente neemt hierin het voortouw",
//              R-REF-3): the provider may not invite again before the agreement is recorded.
//              intakeHeld → planSubmitted → planApproved | planReturned; planReturned → planSubmitted
//              planApproved → planSigned → running (started in a regular class)
// Start class (R-REF-4) is a side track: it may start once the intake is held (before the plan is
// approved, 001 §1.3), and the regular start ends it.

export const ReferralStatuses = [
  'referred',
  'acknowledged',
  'intakeInvited',
  'intakeNoShow',
  'intakeHeld',
  'planSubmitted',
  'planReturned',
  'planApproved',
  'planSigned',
  'running',
] as const;
export type ReferralStatus = (typeof ReferralStatuses)[number];

import { LifecycleEvents, type LifecycleEvent } from './step-names.js';
export { LifecycleEvents, type LifecycleEvent } from './step-names.js';

export type Party = 'municipality' | 'provider';

/** Who takes each step: the provider runs the route, the municipality decides on the plan (001 §1.4). */
export const actorOf: Record<LifecycleEvent, Party> = {
  acknowledged: 'provider',
  intakeInvited: 'provider',
  intakeHeld: 'provider',
  intakeNoShow: 'provider',
  // 001 §1.1: after a no-show the municipality leads and agrees the new intake moment.
  newIntakeAgreed: 'municipality',
  planSubmitted: 'provider',
  planReturned: 'municipality',
  planApproved: 'municipality',
  planSigned: 'provider',
  startClassStarted: 'provider',
  started: 'provider',
};

const from: Record<LifecycleEvent, readonly ReferralStatus[]> = {
  acknowledged: ['referred'],
  intakeInvited: ['acknowledged', 'intakeNoShow'],
  intakeHeld: ['intakeInvited'],
  intakeNoShow: ['intakeInvited'],
  newIntakeAgreed: ['intakeNoShow'],
  planSubmitted: ['intakeHeld', 'planReturned'],
  planReturned: ['planSubmitted'],
  planApproved: ['planSubmitted'],
  planSigned: ['planApproved'],
  startClassStarted: ['intakeHeld', 'planSubmitted', 'planReturned', 'planApproved', 'planSigned'],
  // 001 §1.4: no start before the municipality's definitive approval.
  started: ['planSigned'],
};

const to: Record<Exclude<LifecycleEvent, 'startClassStarted'>, ReferralStatus> = {
  acknowledged: 'acknowledged',
  intakeInvited: 'intakeInvited',
  intakeHeld: 'intakeHeld',
  intakeNoShow: 'intakeNoShow',
  newIntakeAgreed: 'intakeNoShow',
  planSubmitted: 'planSubmitted',
  planReturned: 'planReturned',
  planApproved: 'planApproved',
  planSigned: 'planSigned',
  started: 'running',
};

/** Dutch names of the states, for reasons shown to users. */
export const statusLabel: Record<ReferralStatus, string> = {
  referred: 'aangemeld',
  acknowledged: 'ontvangst bevestigd',
  intakeInvited: 'uitgenodigd voor intake',
  intakeNoShow: 'niet verschenen op intake',
  intakeHeld: 'intake gehouden',
  planSubmitted: 'leerplan ter goedkeuring',
  planReturned: 'leerplan teruggestuurd',
  planApproved: 'leerplan goedgekeurd',
  planSigned: 'leerplan ondertekend',
  running: 'gestart',
};

export type Decision = { ok: true; status: ReferralStatus } | { ok: false; reason: string };

export interface LifecycleFacts {
  status: ReferralStatus;
  /** Set once a start class has started (R-REF-4). */
  startClassStartedOn: string | null;
  /** R-REF-3: the municipality has recorded the new intake moment since the last no-show. */
  newIntakeAgreed?: boolean;
}

/** R-REF-2: may `party` record `event` now? Returns the next status or the reason it may not. */
export function decide(facts: LifecycleFacts, event: LifecycleEvent, party: Party): Decision {
  if (actorOf[event] !== party) {
    return { ok: false, reason: party === 'provider' ? 'Deze stap zet de gemeente.' : 'Deze stap zet de aanbieder.' };
  }
  if (!from[event].includes(facts.status)) {
    return { ok: false, reason: `Dit kan niet nu de aanmelding de status "${statusLabel[facts.status]}" heeft.` };
  }
  if (facts.status === 'intakeNoShow') {
    const agreed = facts.newIntakeAgreed === true;
    if (event === 'intakeInvited' && !agreed) return { ok: false, reason: 'De gemeente spreekt na een no-show eerst een nieuw intakemoment af; daarna nodigt u opnieuw uit.' };
    if (event === 'newIntakeAgreed' && agreed) return { ok: false, reason: 'Het nieuwe intakemoment is al afgesproken.' };
  }
  if (event === 'startClassStarted') {
    if (facts.startClassStartedOn !== null) return { ok: false, reason: 'De opstartklas is al gestart.' };
    return { ok: true, status: facts.status };
  }
  return { ok: true, status: to[event] };
}

/** The events that could follow now, per party: what the UI offers. */
export function possibleEvents(facts: LifecycleFacts, party: Party): LifecycleEvent[] {
  return LifecycleEvents.filter((e) => decide(facts, e, party).ok);
}
