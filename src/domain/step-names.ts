// Names shared by the lifecycle rules, the signal rules and the contract schema (which marks steps
// for mail). Kept apart so contract.ts and steps.ts need not import each other.
export const StepNames = [
  'acknowledgement',
  'intakeInvitation',
  'intakeResult',
  'noShowFollowUp',
  'learningPlan',
  'learningPlanApproval',
  'learningPlanResubmission',
  'signedPlan',
  'start',
  'startClassStart',
  'startClassEnd',
] as const;
export type StepName = (typeof StepNames)[number];

export const LifecycleEvents = [
  'acknowledged',
  'intakeInvited',
  'intakeHeld',
  'intakeNoShow',
  'newIntakeAgreed',
  'planSubmitted',
  'planReturned',
  'planApproved',
  'planSigned',
  'startClassStarted',
  'started',
] as const;
export type LifecycleEvent = (typeof LifecycleEvents)[number];
