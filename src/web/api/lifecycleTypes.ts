// Shapes of the referral lifecycle (issue #3, R-REF-2, R-REF-3, R-REF-4, R-REF-6, R-REF-7) as the web
// app names them; every type is taken from the generated contract (schema.gen.ts).
import type { Answer, Body, ItemOf } from './wire';

export type ReferralDetail = Answer<'/api/v1/referrals/{id}', 'get'>;
export type PendingStep = ItemOf<ReferralDetail['pendingSteps']>;
export type StepName = PendingStep['step'];
export type ReferralEvent = ItemOf<ReferralDetail['events']>;
export type LearningPlan = ItemOf<ReferralDetail['learningPlans']>;
export type LearningPlanContent = LearningPlan['content'];
export type Level = LearningPlanContent['targetLevels']['reading'];
export type Skill = keyof LearningPlanContent['targetLevels'];
export type Weekday = ItemOf<LearningPlanContent['childCare']['days']>;

/** Each value of a union once, in display order; `satisfies` below makes the compiler check both ways. */
type Exactly<T extends string> = readonly T[] & { length: number };
const complete =
  <T extends string>() =>
  <const L extends Exactly<T>>(list: L & ([T] extends [L[number]] ? unknown : 'misses a value')) =>
    list;

export const stepNames = complete<StepName>()([
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
]);

// The wire names an event's type as a string; these are the ones the web has words for.
export const eventTypes = [
  'referred',
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
] as const satisfies readonly ReferralEvent['type'][];
export type EventType = (typeof eventTypes)[number];

export const levels = complete<Level>()(['A0', 'A1', 'A2', 'B1', 'B2']);
export const skills = complete<Skill>()(['reading', 'writing', 'listening', 'speaking']);
export const weekdays = complete<Weekday>()(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

type WithoutLockVersion<T> = T extends unknown ? Omit<T, 'lockVersion'> : never;
/** The body of POST /referrals/:id/events, without the lockVersion the hook adds. */
export type LifecycleCommand = WithoutLockVersion<Body<'/api/v1/referrals/{id}/events', 'post'>>;

export type ReferralDocument = ItemOf<Answer<'/api/v1/referrals/{id}/documents', 'get'>['items']>;

export type OutboxPage = Answer<'/api/v1/outbox', 'get'>;
export type OutboxMessage = ItemOf<OutboxPage['items']>;

export type SystemDate = Answer<'/api/v1/today', 'get'>;
