// Use cases around a participant's progress file: the overview (status, forecast, levels, reports,
// scaling, exams, route), recording levels and progress tests, and overriding the status (R-HRS-5).
// Each runs in one transaction with its audit line (R-SEC-2).
import { checkHappenedOn } from '../../domain/fact-dates.js';
import { markStateFunded, type ExamPart } from '../../domain/exams.js';
import { isCefrLevel } from '../../domain/levels.js';
import { routeStateOf } from '../../domain/route-state.js';
import { examRulesOf } from '../../domain/contract.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { auditDenied } from '../../platform/audit-denied.js';
import { versionOf } from '../../platform/contracts.js';
import type { Tx } from '../../platform/db.js';
import { notFound, unprocessable } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { findContact } from '../organisations/store.js';
import { resolveSignals } from '../signals/store.js';
import { progressFacts } from './assessment.js';
import type { LevelsBody, OverrideBody, Overview, ProgressTestBody } from './schemas.js';
import {
  currentLevels,
  examAttempts,
  findParticipantFile,
  insertLevels,
  latestReferral,
  listReports,
  listScaling,
  progressTests,
  routeEvents,
  type ParticipantFile,
  type ReferralRef,
} from './store.js';

export type Deps = Pick<AppDeps, 'db' | 'crypto' | 'clock' | 'contracts'>;

/** A refusal whose audit line must be kept: the transaction commits, the caller gets 404. */
export class Denied extends Error {}

/**
 * One transaction per use case. A denial (after its audit line, R-SEC-2) commits what was written so
 * far — only that line, since every use case checks access before it changes anything — and answers 404.
 */
export async function inTransaction<T>(deps: Deps, work: (tx: Tx) => Promise<T>): Promise<T> {
  let denied = false;
  const out = await deps.db.transaction(async (tx) => {
    try {
      return await work(tx);
    } catch (e) {
      if (!(e instanceof Denied)) throw e;
      denied = true;
      return undefined;
    }
  });
  if (denied) throw notFound();
  return out as T;
}

/** The participant in scope, or a logged denial and 404. */
export async function fileOrDeny(tx: Tx, deps: Deps, ctx: RequestContext, participantId: string, op: 'progress.read' | 'progress.record' | 'route.event' | 'scaling.request' | 'report.write' | 'report.download', forUpdate = false): Promise<ParticipantFile> {
  const file = await findParticipantFile(tx, ctx.scope, participantId, forUpdate);
  if (file === undefined) {
    await auditDenied(tx, deps.crypto, ctx, op, 'participant', participantId);
    throw new Denied();
  }
  return file;
}

/** The provider's own referral of this participant: the provider writes only about whom it serves. */
export async function ownReferral(tx: Tx, ctx: RequestContext, participantId: string): Promise<ReferralRef> {
  const referral = ctx.scope.kind === 'provider' ? await latestReferral(tx, ctx.scope, participantId) : undefined;
  if (referral === undefined) throw notFound();
  return referral;
}

/** R-PRT-1: the participant's own municipality and the provider of the referral in scope — no other party's. */
async function contactsOf(tx: Tx, municipalityId: string, providerId: string | undefined): Promise<Overview['contacts']> {
  const municipality = await findContact(tx, 'municipality', municipalityId);
  const provider = providerId === undefined ? undefined : await findContact(tx, 'provider', providerId);
  return [
    ...(municipality === undefined ? [] : [{ role: 'municipality' as const, ...municipality }]),
    ...(provider === undefined ? [] : [{ role: 'provider' as const, ...provider }]),
  ];
}

/** Whether the referral's product (contract data) is participation or MAP rather than language lessons. */
function isWorkProduct(contracts: Deps['contracts'], r: { contractId: string; productCode: string }): boolean {
  const kind = contracts.byId(r.contractId)?.products.find((p) => p.code === r.productCode)?.kind;
  return kind === 'participation' || kind === 'map';
}

export async function getOverview(deps: Deps, ctx: RequestContext, participantId: string): Promise<Overview> {
  return inTransaction(deps, async (tx) => {
    const file = await fileOrDeny(tx, deps, ctx, participantId, 'progress.read');
    const today = deps.clock.today();
    const referral = await latestReferral(tx, ctx.scope, participantId);
    const facts = await progressFacts(tx, deps.contracts, file, referral, today);
    const version = versionOf(deps.contracts, referral);
    const attempts = await examAttempts(tx, participantId);
    // R-LVL-2: the first two attempts per part are state-paid (002 eis 75), counted over every provider.
    const numbered = markStateFunded(
      // A registration not yet taken is ordered by its registration date.
      attempts.map((a) => ({ id: a.id, part: a.part as ExamPart, takenOn: a.takenOn ?? a.registeredOn, level: isCefrLevel(a.level) ? a.level : null, result: a.result })),
      examRulesOf(version),
    );
    const events = await routeEvents(tx, participantId);
    const reports = await listReports(tx, ctx.scope, participantId);
    await recordAudit(tx, deps.crypto, ctx, { name: 'progress.read', status: 'ok', subjects: [{ participantId, municipalityId: file.municipalityId }], objectType: 'participant', objectId: participantId });
    const a = facts.assessment;
    return {
      participant: { id: file.id, givenName: file.givenName, familyName: file.familyName, route: file.route, termEndsOn: file.termEndsOn, termAssumed: file.termAssumed },
      provider: referral === undefined ? null : { name: referral.providerName, referralId: referral.id, work: isWorkProduct(deps.contracts, referral) },
      contacts: await contactsOf(tx, file.municipalityId, referral?.providerId),
      hours: { made: facts.hoursMade, nt2Lessons: facts.nt2LessonHours, target: facts.targetHours },
      attendancePercentage: facts.attendance.percentage,
      status: {
        status: a.status,
        started: a.started,
        computedStatus: a.computedStatus,
        overrideReason: a.overrideReason,
        reasons: a.reasons,
        pacePerWeek: a.pacePerWeek,
        targetReachedOn: a.targetReachedOn,
        milestones: a.milestones,
      },
      levels: facts.levels,
      tests: await progressTests(tx, participantId),
      reports: reports.map(({ content: _c, ...r }) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() })),
      scaling: await listScaling(tx, ctx.scope, participantId),
      exams: attempts.map((x) => {
        const n = numbered.find((m) => m.id === x.id);
        return { id: x.id, part: x.part, level: x.level, registeredOn: x.registeredOn, takenOn: x.takenOn, result: x.result, providerName: x.providerName, attemptNumber: n?.attemptNumber ?? 0, stateFunded: n?.stateFunded ?? false };
      }),
      routeEvents: events.map((e) => ({ id: e.id, type: e.type, onDate: e.onDate, details: e.details, recordedByName: e.recordedByName })),
      routeState: routeStateOf(events),
    };
  });
}

/** R-LVL-1: the provider records target and current level per skill, and the KNM/MAP/PVT status. */
export async function recordLevels(deps: Deps, ctx: RequestContext, participantId: string, body: LevelsBody): Promise<Overview['levels']> {
  if (body.skills.length === 0 && body.components.length === 0) throw unprocessable('skills', 'empty', 'Vul minstens één vaardigheid of onderdeel in.');
  const skills = body.skills.map((s) => s.skill);
  if (new Set(skills).size !== skills.length) throw unprocessable('skills', 'duplicate', 'Een vaardigheid staat twee keer in de lijst.');
  return inTransaction(deps, async (tx) => {
    const file = await fileOrDeny(tx, deps, ctx, participantId, 'progress.record');
    await ownReferral(tx, ctx, participantId);
    const today = deps.clock.today();
    const base = { participantId, municipalityId: file.municipalityId, source: 'provider' as const, sourceId: null, recordedOn: today, recordedBy: ctx.actor.userId };
    await insertLevels(
      tx,
      [
        ...body.skills.map((s) => ({ ...base, skill: s.skill, target: s.target, current: s.current })),
        ...body.components.map((c) => ({ ...base, skill: c.component, target: null, current: c.status })),
      ],
      deps.clock.now(),
    );
    // R-LVL-3, R-LVL-4: recording the level of a skill whose scaling was approved puts the new level in place:
    // the provider's "new level within 20 working days" signal is settled.
    if (skills.length > 0) {
      const approved = await tx.query<{ id: string }>(`SELECT id::text AS id FROM scaling_request WHERE participant_id = $1 AND status = 'approved' AND skill = ANY($2::text[])`, [participantId, skills]);
      await resolveSignals(tx, { subject: { type: 'participant', id: participantId }, causes: ['scaling.levelDue'], periods: approved.map((r) => r.id) }, 'answered', today);
    }
    await recordAudit(tx, deps.crypto, ctx, { name: 'progress.record', status: 'ok', subjects: [{ participantId, municipalityId: file.municipalityId }], objectType: 'levels', objectId: participantId });
    return currentLevels(tx, participantId);
  });
}

/** R-HRS-2/R-HRS-4: a progress test with a result per skill; the results become the current levels. */
export async function recordProgressTest(deps: Deps, ctx: RequestContext, participantId: string, body: ProgressTestBody): Promise<{ id: string }> {
  const today = deps.clock.today();
  if (body.takenOn > today) throw unprocessable('takenOn', 'future', 'Een toets die nog moet komen kunt u niet vastleggen.');
  return inTransaction(deps, async (tx) => {
    const file = await fileOrDeny(tx, deps, ctx, participantId, 'progress.record');
    const referral = await ownReferral(tx, ctx, participantId);
    // Issue #10 item 4 (fact-dates.ts): a test taken before the referral cannot belong to this route (R-HRS-2).
    const refusal = checkHappenedOn(body.takenOn, { today, referredOn: referral.referredOn });
    if (refusal !== null) throw unprocessable('takenOn', refusal.code, refusal.reason);
    const id = crypto.randomUUID();
    await tx.query(
      `INSERT INTO progress_test (id, participant_id, referral_id, municipality_id, milestone_hours, taken_on, results, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
      [id, participantId, referral.id, file.municipalityId, body.milestoneHours, body.takenOn, JSON.stringify(body.results), ctx.actor.userId],
    );
    const targets = new Map((await currentLevels(tx, participantId)).map((l) => [l.skill, l.target]));
    const tested = Object.entries(body.results).flatMap(([skill, level]) => (level === null ? [] : [[skill, level] as const]));
    await insertLevels(
      tx,
      // The target stays what it was (B1 unless scaled); a skill without a target gets B1, the route's norm.
      tested.map(([skill, level]) => ({ participantId, municipalityId: file.municipalityId, skill, target: targets.get(skill) ?? 'B1', current: level, source: 'progressTest', sourceId: id, recordedOn: body.takenOn, recordedBy: ctx.actor.userId })),
      deps.clock.now(),
    );
    // The test that a milestone asked for settles that signal (R-HRS-2).
    if (body.milestoneHours !== null) {
      await resolveSignals(tx, { subject: { type: 'participant', id: participantId }, causes: ['progress.testDue'], periods: [`h${body.milestoneHours}`] }, 'answered', today);
    }
    await recordAudit(tx, deps.crypto, ctx, { name: 'progress.record', status: 'ok', subjects: [{ participantId, municipalityId: file.municipalityId }], objectType: 'progressTest', objectId: id });
    return { id };
  });
}

/** R-HRS-5: the provider overrides the computed status with a written reason (or withdraws it). */
export async function overrideStatus(deps: Deps, ctx: RequestContext, participantId: string, body: OverrideBody): Promise<Overview['status']> {
  await inTransaction(deps, async (tx) => {
    const file = await fileOrDeny(tx, deps, ctx, participantId, 'progress.record');
    await ownReferral(tx, ctx, participantId);
    await tx.query(`INSERT INTO status_override (id, participant_id, municipality_id, status, reason, set_by, set_at) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, now())`, [
      participantId,
      file.municipalityId,
      body.status,
      body.reason,
      ctx.actor.userId,
    ]);
    await recordAudit(tx, deps.crypto, ctx, { name: 'progress.record', status: 'ok', subjects: [{ participantId, municipalityId: file.municipalityId }], objectType: 'statusOverride', objectId: participantId });
  });
  return (await getOverview(deps, ctx, participantId)).status;
}
