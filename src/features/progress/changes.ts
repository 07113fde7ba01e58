// Scaling (R-LVL-3, R-LVL-4), exams (R-LVL-2) and route events (R-RTE-1, R-RTE-2, R-RTE-3, R-RTE-4,
// R-END-1): the provider asks, the municipality decides; the pure rules of src/domain say what passes.
// Each change is one transaction with its audit line and, where a deadline follows, its signal
// (R-SIG-1).
import { randomUUID } from 'node:crypto';
import { routeChangeRulesOf, scalingRulesOf } from '../../domain/contract.js';
import { checkHappenedOn, checkPlannedOn } from '../../domain/fact-dates.js';
import { finalReportDueOn } from '../../domain/final-report.js';
import { isCefrLevel } from '../../domain/levels.js';
import { checkRouteChange } from '../../domain/route-change.js';
import { checkScalingRequest, newLevelDueOn } from '../../domain/scaling.js';
import type { ScalingCause } from '../../domain/signal-cause.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { auditDenied } from '../../platform/audit-denied.js';
import { versionOf } from '../../platform/contracts.js';
import type { Tx } from '../../platform/db.js';
import { AppError, notFound, unprocessable } from '../../platform/errors.js';
import { raiseSignals, resolveSignals } from '../signals/store.js';
import { progressFacts } from './assessment.js';
import { raisePassRateSignals } from './pass-rate.js';
import { Denied, fileOrDeny, inTransaction, ownReferral, type Deps } from './overview.js';
import type { ExamCreate, RouteEventBody, ScalingCreate, ScalingDecision } from './schemas.js';
import { currentLevels, findScaling, insertLevels, latestReferral, type ReferralRef, type ScalingRow } from './store.js';

type ChangeCause = ScalingCause | 'report.finalDue';

async function raiseSignal(tx: Tx, s: { cause: ChangeCause; participantId: string; period: string; municipalityId: string; providerId: string; productCode: string; addressee: 'provider' | 'municipality'; due: string; today: string }): Promise<void> {
  const { cause, participantId, period, municipalityId, providerId, productCode, addressee, due, today } = s;
  await raiseSignals(tx, [{ cause, subject: { type: 'participant', id: participantId }, period, addressee, dueDate: due, municipalityId, providerId, participantId, productCode }], today);
}

/** R-LVL-3, R-LVL-4: the provider asks to scale one skill; Koers records which conditions pass and which fail. */
export async function requestScaling(deps: Deps, ctx: RequestContext, participantId: string, body: ScalingCreate): Promise<ScalingRow> {
  return inTransaction(deps, async (tx) => {
    const file = await fileOrDeny(tx, deps, ctx, participantId, 'scaling.request');
    const referral = await ownReferral(tx, ctx, participantId);
    const today = deps.clock.today();
    const level = (await currentLevels(tx, participantId)).find((l) => l.skill === body.skill);
    // The level being scaled is the skill's target (B1 in the B1-route unless agreed otherwise).
    const fromLevel = level !== undefined && isCefrLevel(level.target) ? level.target : file.route === 'z' ? 'A1' : 'B1';
    const facts = await progressFacts(tx, deps.contracts, file, referral, today);
    const version = versionOf(deps.contracts, referral);
    const result = checkScalingRequest(
      { direction: body.direction, skill: body.skill, fromLevel, toLevel: body.toLevel, nt2Lessons: { hours: facts.nt2LessonHours }, requestedOn: today, termEndsOn: file.termEndsOn },
      scalingRulesOf(version),
    );
    const id = randomUUID();
    await tx.query(
      `INSERT INTO scaling_request (id, participant_id, referral_id, municipality_id, provider_id, skill, direction, from_level, to_level, reason, checks, all_checks_passed, requested_on, requested_by, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'requested')`,
      [id, participantId, referral.id, file.municipalityId, referral.providerId, body.skill, body.direction, fromLevel, body.toLevel, body.reason, JSON.stringify(result.checks), result.allPassed, today, ctx.actor.userId],
    );
    // R-SIG-1: a pending approval is a signal on the municipality's work list. The sources set no term
    // for this decision (001 §2.3.3 only for the new level afterwards), so it is due from today.
    await raiseSignal(tx, { cause: 'scaling.decisionDue', participantId, period: id, municipalityId: file.municipalityId, providerId: referral.providerId, productCode: referral.productCode, addressee: 'municipality', due: today, today });
    await recordAudit(tx, deps.crypto, ctx, { name: 'scaling.request', status: 'ok', subjects: [{ participantId, municipalityId: file.municipalityId }], objectType: 'scalingRequest', objectId: id, summary: `${body.direction} ${body.skill}` });
    const row = await findScaling(tx, ctx.scope, id);
    if (row === undefined) throw notFound();
    return row;
  });
}

/**
 * R-LVL-3: the municipality approves or refuses in writing. Approving despite a failed check needs a
 * reason, which is kept. An approval sets the skill's new target and asks the provider to have the new
 * level in place within 20 working days (001 §2.3.3), as a signal.
 */
export async function decideScaling(deps: Deps, ctx: RequestContext, id: string, body: ScalingDecision): Promise<ScalingRow> {
  return inTransaction(deps, async (tx) => {
    const row = await findScaling(tx, ctx.scope, id);
    if (row === undefined || ctx.scope.kind !== 'municipality') {
      await auditDenied(tx, deps.crypto, ctx, 'scaling.decide', 'scalingRequest', id);
      throw new Denied();
    }
    if (row.status !== 'requested') throw unprocessable('decision', 'decided', 'Over dit verzoek is al beslist.');
    if (body.decision === 'approved' && !row.allChecksPassed && body.reason === '') {
      throw unprocessable('reason', 'required', 'Niet alle voorwaarden zijn gehaald. Schrijf op waarom u toch goedkeurt.');
    }
    if (body.decision === 'refused' && body.reason === '') throw unprocessable('reason', 'required', 'Schrijf op waarom u het verzoek afwijst.');
    const today = deps.clock.today();
    const referral = (await tx.query<ReferralRef>(`SELECT contract_id AS "contractId", contract_version AS "contractVersion", product_code AS "productCode" FROM referral WHERE id = $1`, [row.referralId]))[0];
    const version = versionOf(deps.contracts, referral);
    const dueOn = body.decision === 'approved' && version !== undefined ? newLevelDueOn(today, version) : null;
    await tx.query(`UPDATE scaling_request SET status = $2, decided_on = $3, decided_by = $4, decision_reason = $5, new_level_due_on = $6 WHERE id = $1`, [id, body.decision, today, ctx.actor.userId, body.reason, dueOn]);
    await resolveSignals(tx, { subject: { type: 'participant', id: row.participantId }, causes: ['scaling.decisionDue'], periods: [id] }, 'answered', today);
    if (body.decision === 'approved') {
      const level = (await currentLevels(tx, row.participantId)).find((l) => l.skill === row.skill);
      await insertLevels(tx, [{ participantId: row.participantId, municipalityId: row.municipalityId, skill: row.skill, target: row.toLevel, current: level?.current ?? null, source: 'scaling', sourceId: id, recordedOn: today, recordedBy: ctx.actor.userId }], deps.clock.now());
      if (dueOn !== null) {
        await raiseSignal(tx, { cause: 'scaling.levelDue', participantId: row.participantId, period: id, municipalityId: row.municipalityId, providerId: row.providerId, productCode: referral?.productCode ?? '', addressee: 'provider', due: dueOn, today });
      }
    }
    await recordAudit(tx, deps.crypto, ctx, { name: 'scaling.decide', status: 'ok', subjects: [{ participantId: row.participantId, municipalityId: row.municipalityId }], objectType: 'scalingRequest', objectId: id, summary: body.decision });
    const saved = await findScaling(tx, ctx.scope, id);
    if (saved === undefined) throw notFound();
    return saved;
  });
}

/** R-LVL-2: a registration or attempt per exam part; the result may follow later. */
export async function recordExam(deps: Deps, ctx: RequestContext, participantId: string, body: ExamCreate): Promise<{ id: string }> {
  const today = deps.clock.today();
  if (body.registeredOn > today) throw unprocessable('registeredOn', 'future', 'De aanmelddatum kan niet in de toekomst liggen.');
  if (body.result !== 'pending' && body.takenOn === null) throw unprocessable('takenOn', 'required', 'Vul de examendatum in bij een uitslag.');
  if (body.takenOn !== null && body.takenOn < body.registeredOn) throw unprocessable('takenOn', 'beforeRegistration', 'De examendatum ligt vóór de aanmelding.');
  return inTransaction(deps, async (tx) => {
    const file = await fileOrDeny(tx, deps, ctx, participantId, 'progress.record');
    const referral = await ownReferral(tx, ctx, participantId);
    const id = randomUUID();
    await tx.query(
      `INSERT INTO exam_attempt (id, participant_id, municipality_id, provider_id, part, level, registered_on, taken_on, result, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())`,
      [id, participantId, file.municipalityId, referral.providerId, body.part, body.level, body.registeredOn, body.takenOn, body.result, ctx.actor.userId],
    );
    await recordAudit(tx, deps.crypto, ctx, { name: 'progress.record', status: 'ok', subjects: [{ participantId, municipalityId: file.municipalityId }], objectType: 'examAttempt', objectId: id });
    if (body.result !== 'pending') await raisePassRateSignals(tx, deps.contracts, referral.providerId, today);
    return { id };
  });
}

export async function recordExamResult(deps: Deps, ctx: RequestContext, id: string, body: { takenOn: string; result: 'passed' | 'failed' }): Promise<{ id: string }> {
  if (body.takenOn > deps.clock.today()) throw unprocessable('takenOn', 'future', 'Een uitslag van een examen dat nog moet komen kunt u niet vastleggen.');
  return inTransaction(deps, async (tx) => {
    const rows =
      ctx.scope.kind === 'provider'
        ? await tx.query<{ participantId: string; municipalityId: string; result: string; registeredOn: string }>(
            `SELECT participant_id AS "participantId", municipality_id AS "municipalityId", result, registered_on::text AS "registeredOn" FROM exam_attempt WHERE id = $1 AND provider_id = $2 FOR UPDATE`,
            [id, ctx.scope.providerId],
          )
        : [];
    const row = rows[0];
    if (row === undefined) {
      await recordAudit(tx, deps.crypto, ctx, { name: 'access.denied', status: 'error', subjects: [], objectType: 'examAttempt', objectId: id });
      throw new Denied();
    }
    if (row.result !== 'pending') throw unprocessable('result', 'decided', 'Deze uitslag is al vastgelegd. Leg een nieuwe poging apart vast.');
    if (body.takenOn < row.registeredOn) throw unprocessable('takenOn', 'beforeRegistration', 'De examendatum ligt vóór de aanmelding.');
    await tx.query(`UPDATE exam_attempt SET taken_on = $2, result = $3 WHERE id = $1`, [id, body.takenOn, body.result]);
    await recordAudit(tx, deps.crypto, ctx, { name: 'progress.record', status: 'ok', subjects: [{ participantId: row.participantId, municipalityId: row.municipalityId }], objectType: 'examAttempt', objectId: id, summary: body.result });
    if (ctx.scope.kind === 'provider') await raisePassRateSignals(tx, deps.contracts, ctx.scope.providerId, deps.clock.today());
    return { id };
  });
}

// R-RTE-1, R-RTE-2, R-RTE-3, R-RTE-4: which party records which event. The municipality decides the
// route, a move and a switch (001 §2.3.4-2.3.5); both parties record a pause, its end, a drop-out, the
// hand-over and the end.
const MUNICIPALITY_ONLY = new Set(['routeChanged', 'movedAway', 'providerSwitched']);

export async function recordRouteEvent(deps: Deps, ctx: RequestContext, participantId: string, body: RouteEventBody): Promise<{ id: string }> {
  const today = deps.clock.today();
  if (body.on > today && body.type !== 'onHold') throw unprocessable('on', 'future', 'Deze datum ligt in de toekomst.');
  if (body.type === 'onHold' && body.expectedEndOn < body.on) throw unprocessable('expectedEndOn', 'beforeStart', 'De verwachte einddatum ligt vóór het begin van de pauze.');
  return inTransaction(deps, async (tx) => {
    const file = await fileOrDeny(tx, deps, ctx, participantId, 'route.event', true);
    if (MUNICIPALITY_ONLY.has(body.type) && ctx.scope.kind !== 'municipality') {
      throw new AppError('unprocessable', 'Dit besluit neemt de gemeente.', [{ name: 'type', code: 'notYours', reason: 'Dit besluit neemt de gemeente.' }]);
    }
    const referral = await latestReferral(tx, ctx.scope, participantId);
    // Issue #10 item 4 (fact-dates.ts): a route event lies after the term's start (R-RTE-1 counts from it)
    // and the referral; a pause may be planned ahead, every other event has happened.
    const bounds = { today, termStartsOn: file.termStartsOn, referredOn: referral?.referredOn ?? null };
    const refusal = body.type === 'onHold' ? checkPlannedOn(body.on, bounds) : checkHappenedOn(body.on, bounds);
    if (refusal !== null) throw unprocessable('on', refusal.code, refusal.reason);
    const details: Record<string, unknown> = { ...body };
    delete details.type;
    delete details.on;
    if (body.type === 'routeChanged') {
      const version = versionOf(deps.contracts, referral);
      const decision = checkRouteChange(
        { from: file.route, to: body.toRoute, termStartedOn: file.termStartsOn, requestedOn: body.on, exceptionReason: body.exceptionReason === '' ? null : body.exceptionReason },
        routeChangeRulesOf(version),
      );
      if (body.toRoute === file.route) throw unprocessable('toRoute', 'same', 'Dit is al de leerroute van deze inburgeraar.');
      if (!decision.allowed) {
        throw new AppError('unprocessable', decision.reasons.join(' '), [{ name: 'exceptionReason', code: 'exceptionRequired', reason: decision.reasons.join(' ') }]);
      }
      details.fromRoute = file.route;
      details.basis = decision.basis;
      // R-RTE-2: hours, exam attempts and passed parts stay with the participant (they are not tied to a
      // route in Koers); the new route is the participant's from now on.
      await tx.query(`UPDATE participant SET route = $2 WHERE id = $1`, [participantId, body.toRoute]);
    }
    const id = randomUUID();
    await tx.query(`INSERT INTO route_event (id, participant_id, municipality_id, referral_id, type, on_date, details, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())`, [
      id,
      participantId,
      file.municipalityId,
      referral?.id ?? null,
      body.type,
      body.on,
      JSON.stringify(details),
      ctx.actor.userId,
    ]);
    // R-END-1 (000 §4.5): the route ends or the participant leaves it: the final report is due in 2 weeks.
    if ((body.type === 'routeEnded' || body.type === 'droppedOut' || body.type === 'movedAway') && referral !== undefined) {
      const version = versionOf(deps.contracts, referral);
      if (version !== undefined) {
        await raiseSignal(tx, { cause: 'report.finalDue', participantId, period: body.on, municipalityId: file.municipalityId, providerId: referral.providerId, productCode: referral.productCode, addressee: 'provider', due: finalReportDueOn(body.on, version), today });
      }
    }
    await recordAudit(tx, deps.crypto, ctx, { name: 'route.event', status: 'ok', subjects: [{ participantId, municipalityId: file.municipalityId }], objectType: 'routeEvent', objectId: id, summary: body.type });
    return { id };
  });
}
