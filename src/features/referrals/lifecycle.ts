// Lifecycle use cases (R-REF-2, R-REF-3, R-REF-4, R-REF-5, R-REF-6): take a step on a referral, read a
// referral with its timeline. One transaction each: the scoped load, the domain decision, the update
// with optimistic locking, the dated event, the learning-plan version, the audit line and the signal
// engine.
import { checkHappenedOn, checkPlannedOn, type FactDateRefusal } from '../../domain/fact-dates.js';
import { formatDateNl } from '../../domain/levels.js';
import { decide, possibleEvents, type LifecycleFacts, type Party } from '../../domain/lifecycle.js';
import { mapPlanIssues } from '../../domain/map-learning-plan.js';
import { urgency } from '../../domain/steps.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { Tx } from '../../platform/db.js';
import { AppError, notFound, unprocessable } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { educationIntakeOf, stepsOf } from '../signals/raisers/referral-steps.js';
import { notifyEvent } from '../signals/notify.js';
import { queueApprovedPlanForDuo } from '../duo/deliveries.js';
import { runSignalEngineForReferral } from './signal-engine.js';
import { applyStep, decideLearningPlan, insertEvent, insertLearningPlan, listEvents, listLearningPlans, loadTimeline, type ReferralUpdate, type TimelineRow } from './lifecycle-store.js';
import type { ReferralDetail, ReferralEventInput } from './schemas.js';
import { auditDenied, toReferral } from './service.js';
import { findReferral } from './store.js';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'clock' | 'contracts'>;
export type LifecycleInput = ReferralEventInput | { type: 'planSigned'; lockVersion: number; documentId: string };

export function partyOf(ctx: RequestContext): Party | undefined {
  switch (ctx.organisation.kind) {
    case 'municipality':
      return 'municipality';
    case 'provider':
      return 'provider';
    case 'region':
    case 'operator':
    case 'participant':
      return undefined;
  }
}

/** What the lifecycle rules read of a referral (R-REF-2, R-REF-3). */
function factsOf(t: TimelineRow): LifecycleFacts {
  return { status: t.status, startClassStartedOn: t.startClassStartedOn, newIntakeAgreed: t.newIntakeAgreedOn != null };
}

const stale = (): AppError => new AppError('conflict', 'Iemand anders heeft deze aanmelding net gewijzigd. Vernieuw de pagina en probeer het opnieuw.');

/** What a step changes on the referral row, and what its event records. */
function effects(input: LifecycleInput, t: TimelineRow, today: string, now: Date, actor: string): { update: ReferralUpdate; details: Record<string, unknown> } {
  switch (input.type) {
    case 'acknowledged':
      return { update: { acknowledged_at: now, acknowledged_on: today, acknowledged_by: actor }, details: {} };
    case 'intakeInvited':
      return { update: { intake_date: input.intakeDate, intake_location: input.location }, details: { intakeDate: input.intakeDate, location: input.location } };
    case 'intakeHeld':
      return { update: { intake_held_on: input.heldOn, regular_start_in_time: input.regularStartInTime }, details: { heldOn: input.heldOn, regularStartInTime: input.regularStartInTime } };
    case 'intakeNoShow':
      return { update: { intake_no_show_on: input.noShowOn }, details: { noShowOn: input.noShowOn, intakeDate: t.intakeDate } };
    case 'newIntakeAgreed':
      // Nothing on the row changes (the status stays intakeNoShow); the event is the record (R-REF-2).
      return { update: {}, details: { agreedIntakeDate: input.agreedIntakeDate, note: input.note ?? '', noShowOn: t.noShowOn, noShowNumber: t.noShowCount } };
    case 'planSubmitted':
      return { update: { plan_version: t.planVersion + 1, plan_submitted_on: today }, details: { planVersion: t.planVersion + 1 } };
    case 'planReturned':
      return { update: { plan_returned_on: today }, details: { planVersion: input.planVersion, remarks: input.remarks } };
    case 'planApproved':
      return { update: { plan_approved_on: today }, details: { planVersion: input.planVersion } };
    case 'planSigned':
      return { update: { plan_signed_on: today }, details: { documentId: input.documentId } };
    case 'startClassStarted':
      return { update: { start_class_started_on: input.startedOn }, details: { startedOn: input.startedOn } };
    case 'started':
      return { update: { started_on: input.startedOn }, details: { startedOn: input.startedOn } };
  }
}

/**
 * Dates a step records (issue #10 item 4, fact-dates.ts): what happened lies between the referral and
 * today; the intake's planned moment not before the referral and not years ahead.
 */
function checkDates(input: LifecycleInput, t: Pick<TimelineRow, 'referredOn' | 'noShowOn'>, today: string): void {
  const bounds = { today, referredOn: t.referredOn };
  const refuse = (field: string, refusal: FactDateRefusal | null) => {
    if (refusal !== null) throw unprocessable(field, refusal.code, refusal.reason);
  };
  if (input.type === 'intakeInvited') refuse('intakeDate', checkPlannedOn(input.intakeDate, bounds));
  if (input.type === 'intakeHeld') refuse('heldOn', checkHappenedOn(input.heldOn, bounds));
  if (input.type === 'intakeNoShow') refuse('noShowOn', checkHappenedOn(input.noShowOn, bounds));
  if (input.type === 'newIntakeAgreed') {
    // A planned moment, and not before the no-show it follows (R-REF-3).
    refuse('agreedIntakeDate', checkPlannedOn(input.agreedIntakeDate, bounds));
    if (t.noShowOn !== null && input.agreedIntakeDate < t.noShowOn) {
      throw unprocessable('agreedIntakeDate', 'beforeNoShow', `Het nieuwe intakemoment ligt vóór de no-show (${formatDateNl(t.noShowOn)}).`);
    }
  }
  if (input.type === 'startClassStarted' || input.type === 'started') refuse('startedOn', checkHappenedOn(input.startedOn, bounds));
}

/**
 * Takes one lifecycle step on a referral the actor may see (its caller has checked the scope, or uses
 * findReferral with the actor's scope). Throws 404/409/422 as AppError; the transaction then rolls back.
 */
export async function recordLifecycleEventInTx(tx: Tx, deps: Deps, ctx: RequestContext, referralId: string, input: LifecycleInput): Promise<void> {
  const scoped = await findReferral(tx, ctx.scope, referralId, true);
  const party = partyOf(ctx);
  if (scoped === undefined || party === undefined) throw notFound();
  const t = await loadTimeline(tx, referralId);
  if (t === undefined) throw notFound();
  // A stale version first: whoever changed it may have made this step impossible, and 409 says why.
  if (input.lockVersion !== t.lockVersion) throw stale();
  const decision = decide(factsOf(t), input.type, party);
  if (!decision.ok) throw unprocessable('type', 'stepNotAllowed', decision.reason);
  if ((input.type === 'planApproved' || input.type === 'planReturned') && input.planVersion !== t.planVersion) {
    throw new AppError('conflict', `Er is inmiddels een nieuwere versie (${t.planVersion}) van het leerplan.`);
  }
  const today = deps.clock.today();
  const now = deps.clock.now();
  checkDates(input, t, today);
  // R-MAP-1 (001 §3): a MAP referral has its own learning plan, which says how the MAP is used.
  if (input.type === 'planSubmitted' && deps.contracts.byId(t.contractId)?.products.find((p) => p.code === t.productCode)?.kind === 'map') {
    const issues = mapPlanIssues(input.content.map);
    if (issues.length > 0) throw new AppError('unprocessable', issues[0]?.reason ?? 'Het leerplan MAP is niet compleet.', issues);
  }
  const { update, details } = effects(input, t, today, now, ctx.actor.userId);
  if (!(await applyStep(tx, referralId, t.lockVersion, decision.status, update))) throw stale();
  await insertEvent(tx, { referralId, municipalityId: t.municipalityId, type: input.type, occurredOn: today, occurredAt: now, actorUserId: ctx.actor.userId, details });
  if (input.type === 'planSubmitted') {
    await insertLearningPlan(tx, { referralId, municipalityId: t.municipalityId, version: t.planVersion + 1, content: input.content, on: today, at: now, by: ctx.actor.userId });
  }
  if (input.type === 'planApproved' || input.type === 'planReturned') {
    // R-REF-6: the approval is a decision with author and time; two deciders at once: one wins (409 above).
    const decided = await decideLearningPlan(tx, {
      referralId,
      version: input.planVersion,
      status: input.type === 'planApproved' ? 'approved' : 'returned',
      on: today,
      at: now,
      by: ctx.actor.userId,
      remarks: input.type === 'planReturned' ? input.remarks : null,
    });
    if (!decided) throw new AppError('conflict', 'Over deze versie van het leerplan is al besloten.');
    // R-EXC-4 (issue #15): the approved plan is the PIP DUO is owed, queued in this transaction.
    if (input.type === 'planApproved') await queueApprovedPlanForDuo(tx, deps.contracts, { referralId, planVersion: input.planVersion, participantId: t.participantId, municipalityId: t.municipalityId, approvedOn: today });
  }
  await recordAudit(tx, deps.crypto, ctx, {
    name: 'referral.event',
    status: 'ok',
    subjects: [{ participantId: t.participantId, municipalityId: t.municipalityId }],
    objectType: 'referral',
    objectId: referralId,
    summary: input.type,
  });
  await notifyEvent(tx, deps.contracts, t, input.type, today);
  await runSignalEngineForReferral(tx, deps.contracts, referralId, today);
}

async function loadDetail(tx: Tx, deps: Deps, ctx: RequestContext, id: string): Promise<(ReferralDetail & { municipalityId: string }) | undefined> {
  const r = await findReferral(tx, ctx.scope, id);
  const t = r === undefined ? undefined : await loadTimeline(tx, id);
  if (r === undefined || t === undefined) return undefined;
  const today = deps.clock.today();
  const party = partyOf(ctx);
  const facts = factsOf(t);
  const events = await listEvents(tx, id);
  const plans = await listLearningPlans(tx, id);
  return {
    ...toReferral(deps, r),
    municipalityId: t.municipalityId,
    lockVersion: t.lockVersion,
    intake: { date: t.intakeDate, location: t.intakeLocation, heldOn: t.intakeHeldOn, noShowOn: t.noShowOn, regularStartInTime: t.regularStartInTime, newIntakeAgreedOn: t.newIntakeAgreedOn ?? null, agreedIntakeDate: t.agreedIntakeDate },
    startClassStartedOn: t.startClassStartedOn,
    startedOn: t.startedOn,
    educationIntake: educationIntakeOf(deps.contracts, t),
    pendingSteps: stepsOf(deps.contracts, t).map((s) => ({ step: s.step, party: s.party, dueDate: s.dueDate, urgency: urgency(s.dueDate, today) })),
    possibleEvents: party === undefined ? [] : possibleEvents(facts, party),
    events: events.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString(), details: e.details })),
    learningPlans: plans,
  };
}

export async function getReferralDetail(deps: Deps, ctx: RequestContext, id: string): Promise<ReferralDetail> {
  const detail = await deps.db.transaction(async (tx) => {
    const found = await loadDetail(tx, deps, ctx, id);
    if (found === undefined) {
      await auditDenied(tx, deps, ctx, 'referral.read', 'referral', id);
      return undefined;
    }
    await recordAudit(tx, deps.crypto, ctx, { name: 'referral.read', status: 'ok', subjects: [{ participantId: found.participant.id, municipalityId: found.municipalityId }], objectType: 'referral', objectId: id });
    return found;
  });
  if (detail === undefined) throw notFound();
  return withoutInternals(detail);
}

function withoutInternals({ municipalityId: _m, ...detail }: ReferralDetail & { municipalityId: string }): ReferralDetail {
  return detail;
}

export async function recordReferralEvent(deps: Deps, ctx: RequestContext, id: string, input: LifecycleInput): Promise<ReferralDetail> {
  const detail = await deps.db.transaction(async (tx) => {
    if ((await findReferral(tx, ctx.scope, id)) === undefined) {
      await auditDenied(tx, deps, ctx, 'referral.event', 'referral', id);
      return undefined;
    }
    await recordLifecycleEventInTx(tx, deps, ctx, id, input);
    return loadDetail(tx, deps, ctx, id);
  });
  if (detail === undefined) throw notFound();
  return withoutInternals(detail);
}
