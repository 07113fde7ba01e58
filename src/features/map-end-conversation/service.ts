// The MAP end conversation (issue #12: R-MAP-1, R-MAP-3; 001 §3 and Bijlage 2). Who writes what
// (docs/architecture.md, "MAP end conversation"):
// - the participation or MAP provider of the participant records the preparation (001 §3: "De
//   aanbieder is verantwoordelijk voor de voorbereiding ... op basis van het gespreksformat uit
//   bijlage 2") and proposes the date — the same write decision as the activities (writeRoom);
// - the consultant of the participant's municipality records the date held and the outcome (001 §3:
//   "Het eindgesprek van de MAP vindt plaats tussen de inburgeraar en de gemeente"): a decision of the
//   municipality, hence the permission progress.decide, as for scaling and the final product (R-END-2).
// Everyone who sees the participant reads it. Every save is a new version (append-only, migration
// 0023) against the version the writer read: 409 when someone saved in between, so no fact is lost
// unseen. Reads and saves are audited in their own transaction.
import { checkOutcome, checkPreparation, preparationProgress, type EndPreparation } from '../../domain/map-end-conversation.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { auditDenied } from '../../platform/audit-denied.js';
import type { Queryable, Tx } from '../../platform/db.js';
import { AppError, notFound, unprocessable } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { findParticipantRef } from '../participants/store.js';
import { readParticipant, writeRoom } from '../participation/service.js';
import { unsafeMapReadiness, unsafeMapReferralOf } from '../signals/raisers/map-end-conversation.js';
import { resolveSignals } from '../signals/store.js';
import type { EndConversation, OutcomeInput, PlanningInput, PreparationInput } from './schemas.js';
import { insertEndRow, latestVersion, unsafeEndRowsOf, type EndKind, type EndRow } from './store.js';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'clock' | 'contracts'>;

const meta = (r: EndRow) => ({ version: r.version, recordedBy: r.recordedBy, recordedByOrganisation: r.recordedByOrganisation, recordedAt: r.recordedAt });

async function conversationOf(q: Queryable, participantId: string): Promise<EndConversation> {
  const rows = await unsafeEndRowsOf(q, participantId);
  const latest = (kind: EndKind) => rows.filter((r) => r.kind === kind).sort((a, b) => b.version - a.version)[0];
  const p = latest('preparation');
  const pl = latest('planned');
  const h = latest('held');
  return {
    preparation:
      p?.preparation == null || p.referralId === null
        ? null
        : { ...meta(p), referralId: p.referralId, answers: { ...p.preparation.answers }, choices: { professionalCompetences: [...p.preparation.choices.professionalCompetences], employeeCompetences: [...p.preparation.choices.employeeCompetences] }, parts: preparationProgress(p.preparation) },
    planned: pl?.plannedOn == null || pl.referralId === null ? null : { ...meta(pl), referralId: pl.referralId, plannedOn: pl.plannedOn },
    held:
      h?.heldOn == null || h.outcome === null
        ? null
        : { ...meta(h), heldOn: h.heldOn, outcome: h.outcome, reason: h.reason, themesDone: h.themesDone ?? 0, practicalMinutes: h.practicalMinutes ?? 0 },
    readiness: await unsafeMapReadiness(q, participantId),
    history: rows.map((r) => ({ kind: r.kind, version: r.version, recordedBy: r.recordedBy, recordedAt: r.recordedAt })),
  };
}

export function getEndConversation(deps: Deps, ctx: RequestContext, participantId: string): Promise<EndConversation> {
  return readParticipant(deps, ctx, participantId, (tx) => conversationOf(tx, participantId));
}

const stale = () => new AppError('conflict', 'Het eindgesprek is intussen door iemand anders bijgewerkt. Laad de pagina opnieuw en kijk wat er nu staat.');

async function checkVersion(tx: Tx, participantId: string, kind: EndKind, seen: number): Promise<number> {
  const current = await latestVersion(tx, participantId, kind);
  if (seen !== current) throw stale();
  return current + 1;
}

/** 001 Bijlage 2: the provider's preparation, a new version each save. */
export async function savePreparation(deps: Deps, ctx: RequestContext, participantId: string, body: PreparationInput): Promise<EndConversation> {
  const out = await deps.db.transaction(async (tx) => {
    const room = await writeRoom(tx, deps, ctx, 'participation.record', participantId, body.referralId);
    if (!room.ok) return room;
    // After the access decision: outside the room the answer is 404, whatever the body holds.
    const issues = checkPreparation({ answers: body.answers, choices: body.choices } satisfies EndPreparation);
    if (issues.length > 0) throw new AppError('unprocessable', issues[0]?.reason ?? 'Ongeldige voorbereiding.', issues);
    const version = await checkVersion(tx, participantId, 'preparation', body.version);
    // Empty answers are not kept: "not answered" and "answered with nothing" are the same.
    const answers = Object.fromEntries(Object.entries(body.answers).filter(([, v]) => v.trim() !== ''));
    const id = await insertEndRow(tx, { participantId, municipalityId: room.referral.municipalityId, kind: 'preparation', version, referralId: body.referralId, providerId: room.referral.providerId, preparation: { answers, choices: body.choices }, recordedBy: ctx.actor.userId, recordedAt: deps.clock.now() });
    await recordAudit(tx, deps.crypto, ctx, { name: 'participation.record', status: 'ok', subjects: [{ participantId, municipalityId: room.referral.municipalityId }], objectType: 'mapEndConversation', objectId: id, summary: `preparation version ${version}` });
    return { ok: true as const, value: await conversationOf(tx, participantId) };
  });
  if (!out.ok) throw out.error;
  return out.value;
}

/** The date the provider proposes; answers "Eindgesprek MAP plannen". */
export async function savePlanning(deps: Deps, ctx: RequestContext, participantId: string, body: PlanningInput): Promise<EndConversation> {
  const today = deps.clock.today();
  const out = await deps.db.transaction(async (tx) => {
    const room = await writeRoom(tx, deps, ctx, 'participation.record', participantId, body.referralId);
    if (!room.ok) return room;
    if (body.plannedOn < today) throw unprocessable('plannedOn', 'past', 'Stel een datum voor die vandaag is of later.');
    const version = await checkVersion(tx, participantId, 'planned', body.version);
    const id = await insertEndRow(tx, { participantId, municipalityId: room.referral.municipalityId, kind: 'planned', version, referralId: body.referralId, providerId: room.referral.providerId, plannedOn: body.plannedOn, recordedBy: ctx.actor.userId, recordedAt: deps.clock.now() });
    await recordAudit(tx, deps.crypto, ctx, { name: 'participation.record', status: 'ok', subjects: [{ participantId, municipalityId: room.referral.municipalityId }], objectType: 'mapEndConversation', objectId: id, summary: `planned ${body.plannedOn}` });
    await resolveSignals(tx, { subject: { type: 'participant', id: participantId }, causes: ['map.endConversationDue'] }, 'answered', today);
    return { ok: true as const, value: await conversationOf(tx, participantId) };
  });
  if (!out.ok) throw out.error;
  return out.value;
}

/** The municipality's consultant records the date held and the outcome; "sufficient" only when the MAP is ready (001 §3). */
export async function saveOutcome(deps: Deps, ctx: RequestContext, participantId: string, body: OutcomeInput): Promise<EndConversation> {
  const today = deps.clock.today();
  const out = await deps.db.transaction(async (tx) => {
    const ref = ctx.scope.kind === 'municipality' ? await findParticipantRef(tx, ctx.scope, participantId) : undefined;
    if (ref === undefined) {
      await auditDenied(tx, deps.crypto, ctx, 'participation.record', 'participant', participantId);
      return { ok: false as const, error: notFound() };
    }
    const mapReferral = await unsafeMapReferralOf(tx, deps.contracts, participantId);
    if (mapReferral === undefined) throw unprocessable('outcome', 'noMapReferral', 'Deze inburgeraar heeft geen aanmelding voor de MAP.');
    if (body.heldOn < mapReferral.referredOn) throw unprocessable('heldOn', 'beforeReferral', 'Deze datum ligt vóór de aanmelding voor de MAP.');
    const readiness = await unsafeMapReadiness(tx, participantId);
    const issues = checkOutcome({ ...body, themesDone: readiness.themesDone, practicalMinutes: readiness.practicalMinutes, today });
    if (issues.length > 0) throw new AppError('unprocessable', issues[0]?.reason ?? 'Ongeldige uitkomst.', issues);
    const version = await checkVersion(tx, participantId, 'held', body.version);
    const id = await insertEndRow(tx, {
      participantId,
      municipalityId: ref.municipalityId,
      kind: 'held',
      version,
      referralId: null,
      providerId: null,
      held: { heldOn: body.heldOn, outcome: body.outcome, reason: body.reason, themesDone: readiness.themesDone, practicalMinutes: readiness.practicalMinutes },
      recordedBy: ctx.actor.userId,
      recordedAt: deps.clock.now(),
    });
    await recordAudit(tx, deps.crypto, ctx, { name: 'participation.record', status: 'ok', subjects: [{ participantId, municipalityId: ref.municipalityId }], objectType: 'mapEndConversation', objectId: id, summary: `held ${body.heldOn}: ${body.outcome}` });
    await resolveSignals(tx, { subject: { type: 'participant', id: participantId }, causes: ['map.endConversationDue'] }, 'answered', today);
    return { ok: true as const, value: await conversationOf(tx, participantId) };
  });
  if (!out.ok) throw out.error;
  return out.value;
}
