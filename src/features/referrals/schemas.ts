import { z } from 'zod';
import { Route } from '../../domain/contract.js';
import { LifecycleEvents, ReferralStatuses } from '../../domain/lifecycle.js';
import { MapThemes } from '../../domain/participation.js';
import { StepNames } from '../../domain/step-names.js';
import { ExportFormat } from '../../platform/http/export.js';
import { int, IsoDate, queryInt, str } from '../../platform/http/input.js';

export const ReferralStatus = z.enum(ReferralStatuses);

export const Referral = z.object({
  id: z.uuid(),
  participant: z.object({
    id: z.uuid(),
    givenName: z.string(),
    familyName: z.string(),
    dateOfBirth: z.string().describe('Tells two participants of the same name apart in a list (never the BSN)'),
    clientNumber: z.string().nullable().describe("The municipality's client number"),
  }),
  provider: z.object({ id: z.uuid(), name: z.string() }),
  product: z.object({ code: z.string(), name: z.string() }),
  status: ReferralStatus,
  referredOn: z.string(),
  referredAt: z.string(),
  acknowledgementDueDate: z.string().describe('R-CON-3: computed from the contract version in force on referredOn'),
  acknowledgedAt: z.string().nullable(),
  contractId: z.string(),
  contractVersion: z.number().int(),
});
export type Referral = z.infer<typeof Referral>;

export const ReferralTarget = z.object({
  providerId: z.uuid('Kies een aanbieder.'),
  productCode: str().min(1, 'Kies een perceel.').max(64),
});

export const ReferralCreate = ReferralTarget.extend({ participantId: z.uuid('Kies een inburgeraar.') });
export type ReferralCreate = z.infer<typeof ReferralCreate>;

export const ReferralSort = z.enum(['waiting', 'dueDate', '-dueDate', 'name', '-name', 'referredOn', '-referredOn', 'status', '-status']);

/** The list's filter and order; the export takes the same (and no page). */
export const ReferralFilterQuery = z.object({
  status: ReferralStatus.optional(),
  q: str().trim().max(100).optional().describe("Part of the participant's name, client number or the provider's name"),
  sort: ReferralSort.default('dueDate').describe('dueDate: the acknowledgement deadline, earliest first; waiting: still to acknowledge first (earliest deadline on top), then the latest referred'),
});
export const ReferralListQuery = ReferralFilterQuery.extend({
  page: queryInt().min(1).default(1),
  pageSize: queryInt().min(1).max(1000).default(1000),
});
export type ReferralListQuery = z.infer<typeof ReferralListQuery>;
export const ReferralExportQuery = ReferralFilterQuery.extend({ format: ExportFormat });
export type ReferralExportQuery = z.infer<typeof ReferralExportQuery>;

export const ReferralPage = z.object({ items: z.array(Referral), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const ReferralOptions = z.object({
  products: z.array(z.object({ code: z.string(), name: z.string() })),
  providers: z.array(z.object({ id: z.uuid(), name: z.string(), productCodes: z.array(z.string()) })),
  /** R-QLT-3 (issue #14): contracted providers that cannot be chosen now, with the reason (an exclusion from the covenant). */
  unavailable: z.array(z.object({ id: z.uuid(), name: z.string(), reason: z.string() })),
});

// R-REF-6: the learning plan's content.
const Level = z.enum(['A0', 'A1', 'A2', 'B1', 'B2']);
export const LearningPlanContent = z.object({
  route: Route,
  targetLevels: z.object({ reading: Level, writing: Level, listening: Level, speaking: Level }),
  weeklySchedule: z.object({
    dayParts: int().min(1, 'Minimaal 1 dagdeel.').max(10, 'Maximaal 10 dagdelen.'),
    evening: z.boolean(),
    weekend: z.boolean(),
    online: z.boolean(),
    blended: z.boolean(),
  }),
  map: z.object({
    included: z.boolean(),
    practicalPart: str().max(2000),
    practicalHours: int().min(0).max(2000),
    // 001 §3, issue #12: how each MAP theme is dealt with; a MAP referral's own plan names all eight (src/domain/map-learning-plan.ts).
    themes: z.array(z.object({ theme: z.enum(MapThemes), approach: str().max(1000, 'Hoogstens 1000 tekens.') })).max(8).optional(),
  }),
  // R-PAR-5: child care needs are part of the plan (001 §1.5).
  childCare: z.object({
    needed: z.boolean(),
    days: z.array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])).max(7),
    times: str().max(500),
    changes: str().max(2000),
  }),
  expectedDurationMonths: int().min(1, 'Minimaal 1 maand.').max(60, 'Maximaal 60 maanden.'),
  notes: str().max(5000).optional(),
});
export type LearningPlanContent = z.infer<typeof LearningPlanContent>;

const lock = { lockVersion: int().min(0) };
export const ReferralEventInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('acknowledged'), ...lock }),
  z.object({ type: z.literal('intakeInvited'), ...lock, intakeDate: IsoDate, location: str().trim().min(1, 'Vul de plaats van de intake in.').max(200) }),
  z.object({ type: z.literal('intakeHeld'), ...lock, heldOn: IsoDate, regularStartInTime: z.boolean() }),
  z.object({ type: z.literal('intakeNoShow'), ...lock, noShowOn: IsoDate }),
  // R-REF-3, 001 §1.1: the municipality records the new intake moment it agreed after a no-show.
  z.object({ type: z.literal('newIntakeAgreed'), ...lock, agreedIntakeDate: IsoDate, note: str().trim().max(2000, 'Schrijf maximaal 2000 tekens.').optional() }),
  z.object({ type: z.literal('planSubmitted'), ...lock, content: LearningPlanContent }),
  z.object({ type: z.literal('planApproved'), ...lock, planVersion: int().min(1) }),
  z.object({ type: z.literal('planReturned'), ...lock, planVersion: int().min(1), remarks: str().trim().min(1, 'Schrijf op wat er anders moet.').max(5000) }),
  z.object({ type: z.literal('startClassStarted'), ...lock, startedOn: IsoDate }),
  z.object({ type: z.literal('started'), ...lock, startedOn: IsoDate }),
]);
export type ReferralEventInput = z.infer<typeof ReferralEventInput>;

export const ReferralDetail = Referral.extend({
  lockVersion: z.number().int(),
  intake: z.object({
    date: z.string().nullable(),
    location: z.string().nullable(),
    heldOn: z.string().nullable(),
    noShowOn: z.string().nullable(),
    regularStartInTime: z.boolean().nullable(),
    newIntakeAgreedOn: z.string().nullable().describe('R-REF-3: when the municipality recorded the new intake moment after the last no-show'),
    agreedIntakeDate: z.string().nullable().describe('R-REF-3: the intake moment the municipality agreed after the last no-show'),
  }),
  startClassStartedOn: z.string().nullable(),
  startedOn: z.string().nullable(),
  educationIntake: z
    .object({ nextIntakeMoment: z.string(), latestStart: z.string(), fitsLimit: z.boolean(), bridgingOfferNeeded: z.boolean(), startDueDate: z.string() })
    .nullable()
    .describe('R-REF-5: Onderwijsroute intake moment, six-months-after-PIP limit and bridging offer'),
  pendingSteps: z.array(z.object({ step: z.enum(StepNames), party: z.enum(['municipality', 'provider']), dueDate: z.string(), urgency: z.enum(['overdue', 'thisWeek', 'later']) })),
  possibleEvents: z.array(z.enum(LifecycleEvents)),
  events: z.array(
    z.object({
      id: z.uuid(),
      type: z.string(),
      occurredOn: z.string(),
      occurredAt: z.string(),
      actorName: z.string(),
      actorRole: z.string(),
      organisationName: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
  learningPlans: z.array(
    z.object({
      id: z.uuid(),
      version: z.number().int(),
      status: z.enum(['submitted', 'returned', 'approved']),
      content: LearningPlanContent,
      submittedOn: z.string(),
      submittedByName: z.string(),
      decidedOn: z.string().nullable(),
      decidedByName: z.string().nullable(),
      remarks: z.string().nullable(),
    }),
  ),
});
export type ReferralDetail = z.infer<typeof ReferralDetail>;
