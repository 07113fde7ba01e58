// The participant-level ladder's service (issue #14, R-ESC-1, 000 §5). The consultant and the provider's
// coordinator open a case about a referral in their room, take its steps in order, hold the plan's weekly
// check-ins and close it; the contract manager reads the cases at the last step under their pseudonym.
// Every read and change is audited in its transaction, with the participant as data subject for those
// who see the person (R-SEC-2); the contract manager's lines name no data subject.
import { randomBytes, randomUUID } from 'node:crypto';
import { compareDates } from '../../domain/calendar.js';
import { JUDGEMENT_NL, nextParticipantStep, overdueCheckIns, refuseJudgement, refuseParticipantStep, STEP_NL, type JudgementRefusal, type Refusal } from '../../domain/escalation/participant-ladder.js';
import { searchAndSort } from '../../domain/escalation/participant-list.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { Tx } from '../../platform/db.js';
import { notFound, unprocessable } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { organisationId } from '../organisations/store.js';
import { findReferral } from '../referrals/store.js';
import { escalationRoomOf, type EscalationRoom } from './room.js';
import type * as S from './schemas.js';
import { dueDatesOf, resolveCheckInSignals } from './signals.js';
import { casesIn, insertCase, insertCheckIn, insertClosure, insertJudgement, insertStep, stepsAndCheckIns, type CaseRow, type CheckInRow, type StepRow } from './store.js';
import type { z } from 'zod';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'clock' | 'contracts'>;
type Op = 'participantEscalation.read' | 'participantEscalation.record';

const REASONS: Record<Refusal['code'], string> = {
  closed: 'Deze escalatie is gesloten.',
  ladderEnd: 'De laatste stap is al gezet: de contractmanager is ingeschakeld.',
  notNext: 'Deze stap is niet de volgende: de stappen gaan op volgorde (000 §5).',
  future: 'Deze datum ligt in de toekomst.',
  beforeLast: 'Deze datum ligt vóór de vorige stap.',
  empty: 'Vul dit in.',
  planWeeks: 'Het verbeterplan heeft 1 tot 26 weken wekelijkse monitoring; andere stappen geen.',
};

const subjectOf = (c: CaseRow) => [{ participantId: c.participantId, municipalityId: c.municipalityId }];

/** `judging`: the contract manager's judgement (audited as a record); every other record is the consultant's and the coordinator's. */
async function roomOrNotFound(tx: Tx, deps: Deps, ctx: RequestContext, op: Op, objectId?: string, judging = false): Promise<EscalationRoom> {
  const room = escalationRoomOf(ctx, deps.contracts);
  const allowed = room !== undefined && (op === 'participantEscalation.read' || judging === (room.side === 'contractManager'));
  if (room === undefined || !allowed) {
    await recordAudit(tx, deps.crypto, ctx, { name: op, status: 'error', subjects: [], objectType: 'participantEscalation', ...(objectId === undefined ? {} : { objectId }), summary: "outside the actor's room" });
    throw notFound();
  }
  return room;
}

async function caseOrNotFound(tx: Tx, deps: Deps, ctx: RequestContext, room: EscalationRoom, id: string, op: Op): Promise<CaseRow> {
  const [row] = await casesIn(tx, room, id);
  if (row !== undefined) return row;
  await recordAudit(tx, deps.crypto, ctx, { name: op, status: 'error', subjects: [], objectType: 'participantEscalation', objectId: id, summary: 'not found in the room' });
  throw notFound();
}

function toCase(deps: Deps, room: EscalationRoom, c: CaseRow, steps: readonly StepRow[], checkIns: readonly CheckInRow[], today: string): S.EscalationCase {
  const own = steps.filter((s) => s.escalationId === c.id);
  const held = checkIns.filter((k) => k.escalationId === c.id);
  const due = dueDatesOf(own);
  const overdue = new Set(overdueCheckIns(due, new Set(held.map((k) => k.dueOn)), today, c.closedOn));
  const provider = deps.contracts.byId(c.contractId)?.providers.find((p) => organisationId('provider', p.code) === c.providerId);
  const personal = room.side !== 'contractManager';
  return {
    id: c.id,
    pseudonym: c.pseudonym,
    contractId: c.contractId,
    providerCode: provider?.code ?? '',
    person: personal ? { participantId: c.participantId, name: c.participantName, referralId: c.referralId } : null,
    reason: personal ? c.reason : null,
    steps: own.map((s) => ({ step: s.step, name: STEP_NL[s.step], decidedOn: s.decidedOn, actors: s.actors, decision: s.decision, planWeeks: s.planWeeks })),
    nextStep: c.closedOn === null ? nextParticipantStep(own) : null,
    checkIns: due.map((d) => {
      const k = held.find((x) => x.dueOn === d);
      return { dueOn: d, heldOn: k?.heldOn ?? null, note: k?.note ?? null, overdue: overdue.has(d) };
    }),
    closedOn: c.closedOn,
    closureGrounds: c.closureGrounds,
    judgement: c.judgedOn === null || c.judgement === null ? null : { judgedOn: c.judgedOn, decision: c.judgement, name: JUDGEMENT_NL[c.judgement], grounds: c.judgementGrounds ?? '' },
  };
}

async function shown(tx: Tx, deps: Deps, room: EscalationRoom, rows: readonly CaseRow[]): Promise<S.EscalationCase[]> {
  const { steps, checkIns } = await stepsAndCheckIns(tx, rows.map((r) => r.id));
  return rows.map((r) => toCase(deps, room, r, steps, checkIns, deps.clock.today()));
}

/**
 * The cases in the room as the actor sees them, searched and sorted (the list pages them, the export writes
 * them all). The audit line names the participants of the cases found; the contract manager's none. A
 * participant filter is the personal sides' only: the contract manager may not probe a person's cases.
 */
export function listEscalations(deps: Deps, ctx: RequestContext, f: z.infer<typeof S.EscalationFilterQuery>): Promise<S.EscalationCase[]> {
  return deps.db.transaction(async (tx) => {
    const room = await roomOrNotFound(tx, deps, ctx, 'participantEscalation.read');
    if (f.participant !== undefined && room.side === 'contractManager') throw unprocessable('participant', 'notAllowed', 'De contractmanager ziet escalaties alleen onder hun casusnummer.');
    const rows = (await casesIn(tx, room)).filter((r) => f.participant === undefined || r.participantId === f.participant);
    const found = searchAndSort(
      (await shown(tx, deps, room, rows)).map((c) => ({ ...c, name: c.person?.name ?? null })),
      f.q,
      f.sort,
    );
    const subjects = room.side === 'contractManager' ? [] : rows.filter((r) => found.some((c) => c.id === r.id)).flatMap(subjectOf);
    await recordAudit(tx, deps.crypto, ctx, { name: 'participantEscalation.read', status: 'ok', subjects, objectType: 'participantEscalation', summary: `${found.length} cases` });
    return found.map(({ name: _name, ...c }) => c);
  });
}

export function getEscalation(deps: Deps, ctx: RequestContext, id: string): Promise<S.EscalationCase> {
  return deps.db.transaction(async (tx) => {
    const room = await roomOrNotFound(tx, deps, ctx, 'participantEscalation.read', id);
    const row = await caseOrNotFound(tx, deps, ctx, room, id, 'participantEscalation.read');
    await recordAudit(tx, deps.crypto, ctx, { name: 'participantEscalation.read', status: 'ok', subjects: room.side === 'contractManager' ? [] : subjectOf(row), objectType: 'participantEscalation', objectId: id });
    return (await shown(tx, deps, room, [row]))[0] as S.EscalationCase;
  });
}

const who = (deps: Deps, ctx: RequestContext) => ({ userId: ctx.actor.userId, at: deps.clock.now() });
const refuse = (r: Refusal | null) => {
  if (r !== null) throw unprocessable(r.field, r.code, REASONS[r.code]);
};

/** One change to a case in the room: the change, its audit line, the case as shown. */
function change(deps: Deps, ctx: RequestContext, id: string, what: string, apply: (tx: Tx, row: CaseRow, steps: StepRow[], checkIns: CheckInRow[]) => Promise<void>): Promise<S.EscalationCase> {
  return deps.db.transaction(async (tx) => {
    const room = await roomOrNotFound(tx, deps, ctx, 'participantEscalation.record', id);
    const row = await caseOrNotFound(tx, deps, ctx, room, id, 'participantEscalation.record');
    const { steps, checkIns } = await stepsAndCheckIns(tx, [id]);
    await apply(tx, row, steps, checkIns);
    await recordAudit(tx, deps.crypto, ctx, { name: 'participantEscalation.record', status: 'ok', subjects: subjectOf(row), objectType: 'participantEscalation', objectId: id, summary: what });
    const [after] = await casesIn(tx, room, id);
    return (await shown(tx, deps, room, after === undefined ? [] : [after]))[0] as S.EscalationCase;
  });
}

/** Opens a case about a referral in the room, with its first step (signal and alignment). */
export function openEscalation(deps: Deps, ctx: RequestContext, b: z.infer<typeof S.OpenInput>): Promise<S.EscalationCase> {
  const today = deps.clock.today();
  return deps.db.transaction(async (tx) => {
    const room = await roomOrNotFound(tx, deps, ctx, 'participantEscalation.record');
    const referral = await findReferral(tx, ctx.scope, b.referralId);
    if (referral === undefined) throw unprocessable('referralId', 'unknown', 'Deze aanmelding bestaat niet of u heeft er geen toegang toe.');
    refuse(refuseParticipantStep([], false, { step: 'signalAndAlignment', decidedOn: b.decidedOn, actors: b.actors, decision: b.decision, planWeeks: null }, today));
    const id = randomUUID();
    // A pseudonym with no part of any id: the year and random letters (000 §5: the contract manager never sees the person).
    const pseudonym = `Casus ${today.slice(0, 4)}-${randomBytes(3).toString('hex').toUpperCase()}`;
    const base = { id, referralId: referral.id, participantId: referral.participantId, municipalityId: referral.municipalityId, providerId: referral.providerId, contractId: referral.contractId, pseudonym, reason: b.reason };
    await insertCase(tx, base, who(deps, ctx));
    await insertStep(tx, { escalationId: id, sequence: 1, step: 'signalAndAlignment', decidedOn: b.decidedOn, actors: b.actors, decision: b.decision, planWeeks: null }, who(deps, ctx));
    const [row] = await casesIn(tx, room, id);
    if (row === undefined) throw new Error('case not found after insert');
    await recordAudit(tx, deps.crypto, ctx, { name: 'participantEscalation.record', status: 'ok', subjects: subjectOf(row), objectType: 'participantEscalation', objectId: id, summary: 'opened' });
    return (await shown(tx, deps, room, [row]))[0] as S.EscalationCase;
  });
}

export function takeStep(deps: Deps, ctx: RequestContext, id: string, b: z.infer<typeof S.StepInput>): Promise<S.EscalationCase> {
  return change(deps, ctx, id, `step ${b.step}`, async (tx, row, steps) => {
    refuse(refuseParticipantStep(steps, row.closedOn !== null, b, deps.clock.today()));
    await insertStep(tx, { escalationId: id, sequence: steps.length + 1, ...b }, who(deps, ctx));
  });
}

export function holdCheckIn(deps: Deps, ctx: RequestContext, id: string, b: z.infer<typeof S.CheckInInput>): Promise<S.EscalationCase> {
  const today = deps.clock.today();
  return change(deps, ctx, id, `check-in ${b.dueOn}`, async (tx, row, steps, checkIns) => {
    if (row.closedOn !== null) throw unprocessable('dueOn', 'closed', REASONS.closed);
    if (!dueDatesOf(steps).includes(b.dueOn)) throw unprocessable('dueOn', 'notDue', 'Op deze datum valt geen wekelijkse monitoring van het verbeterplan.');
    if (checkIns.some((k) => k.dueOn === b.dueOn)) throw unprocessable('dueOn', 'already', 'Deze monitoring is al vastgelegd.');
    if (compareDates(b.heldOn, today) > 0) throw unprocessable('heldOn', 'future', REASONS.future);
    const plan = steps.find((s) => s.step === 'improvementPlan');
    if (plan !== undefined && compareDates(b.heldOn, plan.decidedOn) < 0) throw unprocessable('heldOn', 'beforePlan', 'Deze datum ligt vóór het verbeterplan.');
    await insertCheckIn(tx, { escalationId: id, ...b }, who(deps, ctx));
    await resolveCheckInSignals(tx, row.participantId, id, [b.dueOn], today);
  });
}

export function closeEscalation(deps: Deps, ctx: RequestContext, id: string, b: z.infer<typeof S.CloseInput>): Promise<S.EscalationCase> {
  const today = deps.clock.today();
  return change(deps, ctx, id, 'closed', async (tx, row, steps) => {
    if (row.closedOn !== null) throw unprocessable('closedOn', 'closed', REASONS.closed);
    if (compareDates(b.closedOn, today) > 0) throw unprocessable('closedOn', 'future', REASONS.future);
    const last = steps.at(-1);
    if (last !== undefined && compareDates(b.closedOn, last.decidedOn) < 0) throw unprocessable('closedOn', 'beforeLast', REASONS.beforeLast);
    await insertClosure(tx, id, b.closedOn, b.grounds, who(deps, ctx));
    // Closed: the case monitors no more; its open check-in signals are answered.
    await resolveCheckInSignals(tx, row.participantId, id, dueDatesOf(steps), today);
  });
}

const JUDGEMENT_REASONS: Record<JudgementRefusal['code'], string> = {
  closed: REASONS.closed,
  notCalledIn: 'De contractmanager is nog niet ingeschakeld: eerst de laatste stap van de escalatie (000 §5).',
  already: 'Het oordeel van de contractmanager is al vastgelegd.',
  future: REASONS.future,
  beforeStep: 'Deze datum ligt vóór de stap waarin de contractmanager werd ingeschakeld.',
  empty: 'Vul de onderbouwing in.',
};

/**
 * 000 §5: the contract manager, called in at the last step, records its own judgement on the case under its
 * pseudonym — once, with decision, grounds and date. Its audit line names no data subject, like its reads.
 */
export function judgeEscalation(deps: Deps, ctx: RequestContext, id: string, b: z.infer<typeof S.JudgementInput>): Promise<S.EscalationCase> {
  const today = deps.clock.today();
  return deps.db.transaction(async (tx) => {
    const room = await roomOrNotFound(tx, deps, ctx, 'participantEscalation.record', id, true);
    const row = await caseOrNotFound(tx, deps, ctx, room, id, 'participantEscalation.record');
    const { steps } = await stepsAndCheckIns(tx, [id]);
    const refusal = refuseJudgement(steps, row.closedOn !== null, row.judgedOn !== null, b, today);
    if (refusal !== null) throw unprocessable(refusal.field, refusal.code, JUDGEMENT_REASONS[refusal.code]);
    await insertJudgement(tx, id, b, who(deps, ctx));
    await recordAudit(tx, deps.crypto, ctx, { name: 'participantEscalation.record', status: 'ok', subjects: [], objectType: 'participantEscalation', objectId: id, summary: `judged ${b.decision}` });
    const [after] = await casesIn(tx, room, id);
    return (await shown(tx, deps, room, after === undefined ? [] : [after]))[0] as S.EscalationCase;
  });
}
