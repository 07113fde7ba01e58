// Shapes of the referral lifecycle (issue #3, R-REF-2, R-REF-3, R-REF-4, R-REF-6, R-REF-7) as the web
// app reads them.
import type { Party, Referral, Route, Urgency } from './types';

export const stepNames = [
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
export type StepName = (typeof stepNames)[number];

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
] as const;
export type EventType = (typeof eventTypes)[number];

export const levels = ['A0', 'A1', 'A2', 'B1', 'B2'] as const;
export type Level = (typeof levels)[number];
export const skills = ['reading', 'writing', 'listening', 'speaking'] as const;
export type Skill = (typeof skills)[number];
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

/** R-REF-6, R-PAR-5: what a learning plan records. */
export interface LearningPlanContent {
  route: Route;
  targetLevels: Record<Skill, Level>;
  weeklySchedule: { dayParts: number; evening: boolean; weekend: boolean; online: boolean; blended: boolean };
  map: { included: boolean; practicalPart: string; practicalHours: number };
  childCare: { needed: boolean; days: Weekday[]; times: string; changes: string };
  expectedDurationMonths: number;
  notes?: string;
}

export interface LearningPlan {
  id: string;
  version: number;
  status: 'submitted' | 'returned' | 'approved';
  content: LearningPlanContent;
  submittedOn: string;
  submittedByName: string;
  decidedOn: string | null;
  decidedByName: string | null;
  remarks: string | null;
}

export interface PendingStep {
  step: StepName;
  party: Party;
  dueDate: string;
  urgency: Urgency;
}

export interface ReferralEvent {
  id: string;
  type: EventType;
  occurredOn: string;
  occurredAt: string;
  actorName: string;
  actorRole: string;
  organisationName: string | null;
  details: Record<string, unknown>;
}

export interface ReferralDetail extends Referral {
  lockVersion: number;
  intake: {
    date: string | null;
    location: string | null;
    heldOn: string | null;
    noShowOn: string | null;
    regularStartInTime: boolean | null;
    /** R-REF-3: when the municipality recorded the new intake moment after the last no-show. */
    newIntakeAgreedOn: string | null;
    agreedIntakeDate: string | null;
  };
  startClassStartedOn: string | null;
  startedOn: string | null;
  pendingSteps: PendingStep[];
  possibleEvents: string[];
  events: ReferralEvent[];
  /** Newest version first. */
  learningPlans: LearningPlan[];
}

/** The body of POST /referrals/:id/events, without the lockVersion the hook adds. */
export type LifecycleCommand =
  | { type: 'acknowledged' }
  | { type: 'intakeInvited'; intakeDate: string; location: string }
  | { type: 'intakeHeld'; heldOn: string; regularStartInTime: boolean }
  | { type: 'intakeNoShow'; noShowOn: string }
  | { type: 'newIntakeAgreed'; agreedIntakeDate: string; note?: string }
  | { type: 'planSubmitted'; content: LearningPlanContent }
  | { type: 'planApproved'; planVersion: number }
  | { type: 'planReturned'; planVersion: number; remarks: string }
  | { type: 'startClassStarted'; startedOn: string }
  | { type: 'started'; startedOn: string };

export interface ReferralDocument {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: string;
  createdByName: string;
}

export interface OutboxMessage {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  status: string;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
}

export interface OutboxPage {
  items: OutboxMessage[];
  total: number;
  page: number;
  pageSize: number;
}

export interface SystemDate {
  today: string;
  /** Demo mode: the date may be moved. */
  settable: boolean;
}
