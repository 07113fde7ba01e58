// The quality register's service (issue #14, R-QLT-1, R-QLT-2, R-QLT-3, R-QLT-4). Who writes what
// (docs/quality-register.md): the region's contract manager records KvK data, quality marks with their
// audit reports and withdrawal, covenant membership, screenings (items, findings, decision), satisfaction
// results and class visits; the provider's coordinator answers its screening's findings (hoor en
// wederhoor) and keeps its teacher register. Outside the room: 404, the attempt audited. Every change is
// a new row (migration 0026), audited and followed by the provider's quality signals in its transaction.
import { compareDates } from '../../domain/calendar.js';
import type { IsoDate } from '../../domain/iso-date.js';
import { membershipRefusal } from '../../domain/quality/membership.js';
import { admissionRefusal } from '../../domain/quality/quality-mark.js';
import { decisionRefusal, responseRefusal } from '../../domain/quality/screening.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { Tx } from '../../platform/db.js';
import { AppError, notFound, unprocessable } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { reconcileQuality } from './signals.js';
import { currentMark, readRecord, registerItems } from './record.js';
import { qualityRoomOf, roomsOf, rulesOf, type QualityRoom } from './room.js';
import type { QualityRecord, RegisterItem } from './schemas.js';
import type * as S from './schemas.js';
import type { z } from 'zod';
import { insertRow, marksOf, membershipsOf, nextMembershipSequence, screeningsOf, teachersOf, unsafeScreeningOwner, type QualityTable } from './store.js';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'clock' | 'contracts'>;
type Side = QualityRoom['side'];

const sortKey: Record<(typeof S.QualitySorts)[number], (i: RegisterItem) => string | number> = {
  provider: (i) => i.providerName.toLocaleLowerCase('nl'),
  contract: (i) => i.contractName.toLocaleLowerCase('nl'),
  membership: (i) => i.membership ?? '~',
  markValidUntil: (i) => i.markValidUntil ?? '9999-12-31',
  // Breaches first, then the lowest certified share.
  compliance: (i) => (i.compliance?.compliant === false ? 0 : 1) * 1000 + (i.compliance?.certifiedPercent ?? 999),
};

/** The register's rows in the actor's room, filtered and sorted (the list and the export share it). */
export async function listRegister(deps: Deps, ctx: RequestContext, f: z.infer<typeof S.RegisterFilterQuery>): Promise<RegisterItem[]> {
  const today = deps.clock.today();
  const needle = f.q?.toLocaleLowerCase('nl') ?? '';
  const rooms = roomsOf(ctx, deps.contracts).filter((r) => (f.contract === undefined || r.contract.id === f.contract) && (needle === '' || r.provider.name.toLocaleLowerCase('nl').includes(needle) || r.provider.code.includes(needle)));
  return deps.db.transaction(async (tx) => {
    const items = await registerItems(tx, rooms, today);
    await recordAudit(tx, deps.crypto, ctx, { name: 'quality.read', status: 'ok', subjects: [], objectType: 'qualityRegister', summary: `${items.length} providers` });
    const key = sortKey[f.sort];
    return items.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      return ka < kb ? -1 : ka > kb ? 1 : a.providerCode.localeCompare(b.providerCode) || a.contractId.localeCompare(b.contractId);
    });
  });
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** One transaction: the room (404 audited outside it, or on the wrong side), the change, its audit line, the signals, the record. */
async function inRoom(deps: Deps, ctx: RequestContext, params: { contractId: string; providerCode: string }, side: Side | 'either', what: string, change: (tx: Tx, room: QualityRoom, today: IsoDate) => Promise<string | null>): Promise<QualityRecord> {
  const today = deps.clock.today();
  const out: Outcome<QualityRecord> = await deps.db.transaction(async (tx) => {
    const room = qualityRoomOf(ctx, deps.contracts, params.contractId, params.providerCode);
    const objectId = `${params.contractId}/${params.providerCode}`;
    if (room === undefined || (side !== 'either' && room.side !== side)) {
      await recordAudit(tx, deps.crypto, ctx, { name: side === 'either' ? 'quality.read' : 'quality.record', status: 'error', subjects: [], objectType: 'qualityRecord', objectId, summary: "outside the actor's room or not found" });
      return { ok: false, error: notFound() };
    }
    const changed = await change(tx, room, today);
    if (changed !== null) {
      await recordAudit(tx, deps.crypto, ctx, { name: 'quality.record', status: 'ok', subjects: [], objectType: 'qualityRecord', objectId, summary: `${what} ${changed}` });
      await reconcileQuality(tx, deps.contracts, today, room.providerId);
    } else {
      await recordAudit(tx, deps.crypto, ctx, { name: 'quality.read', status: 'ok', subjects: [], objectType: 'qualityRecord', objectId });
    }
    return { ok: true, value: await readRecord(tx, room, today) };
  });
  if (!out.ok) throw out.error;
  return out.value;
}

export function getRecord(deps: Deps, ctx: RequestContext, params: z.infer<typeof S.RecordParams>): Promise<QualityRecord> {
  return inRoom(deps, ctx, params, 'either', 'read', () => Promise.resolve(null));
}

const who = (deps: Deps, ctx: RequestContext) => ({ userId: ctx.actor.userId, at: deps.clock.now() });
const notAfterToday = (field: string, date: IsoDate, today: IsoDate) => {
  if (compareDates(date, today) > 0) throw unprocessable(field, 'future', 'Deze datum ligt in de toekomst.');
};

/** A change by the contract manager: one row into `table`. */
function managerInsert<B>(table: QualityTable, what: string, values: (room: QualityRoom, body: B, today: IsoDate, tx: Tx) => Promise<Record<string, unknown>> | Record<string, unknown>) {
  return (deps: Deps, ctx: RequestContext, params: z.infer<typeof S.RecordParams>, body: B) =>
    inRoom(deps, ctx, params, 'contractManager', what, async (tx, room, today) => insertRow(tx, table, await values(room, body, today, tx), who(deps, ctx)));
}

export const recordKvk = managerInsert<z.infer<typeof S.KvkInput>>('provider_kvk_record', 'kvk', (room, b, today) => {
  notAfterToday('checkedOn', b.checkedOn, today);
  return { provider_id: room.providerId, kvk_number: b.kvkNumber, trade_name: b.tradeName, legal_form: b.legalForm, address: b.address, checked_on: b.checkedOn };
});

export const recordMark = managerInsert<z.infer<typeof S.MarkInput>>('quality_mark', 'mark', (room, b) => {
  if (compareDates(b.validUntil, b.since) < 0) throw unprocessable('validUntil', 'beforeSince', 'De einddatum ligt vóór de begindatum van het keurmerk.');
  return { provider_id: room.providerId, since: b.since, valid_until: b.validUntil };
});

async function markOf(tx: Tx, room: QualityRoom, markId: string) {
  const mark = (await marksOf(tx, [room.providerId])).find((m) => m.id === markId);
  if (mark === undefined) throw notFound();
  return mark;
}

export function withdrawMark(deps: Deps, ctx: RequestContext, params: z.infer<typeof S.MarkParams>, b: z.infer<typeof S.WithdrawalInput>): Promise<QualityRecord> {
  return inRoom(deps, ctx, params, 'contractManager', 'withdrawal', async (tx, room, today) => {
    const mark = await markOf(tx, room, params.markId);
    if (mark.withdrawnOn !== null) throw unprocessable('withdrawnOn', 'already', 'Dit keurmerk is al geschorst of ingetrokken.');
    notAfterToday('withdrawnOn', b.withdrawnOn, today);
    if (compareDates(b.withdrawnOn, mark.since) < 0) throw unprocessable('withdrawnOn', 'beforeSince', 'Deze datum ligt vóór de begindatum van het keurmerk.');
    await insertRow(tx, 'quality_mark_withdrawal', { mark_id: mark.id, withdrawn_on: b.withdrawnOn, reason: b.reason }, who(deps, ctx));
    return mark.id;
  });
}

export function addAuditReport(deps: Deps, ctx: RequestContext, params: z.infer<typeof S.MarkParams>, b: z.infer<typeof S.AuditReportInput>): Promise<QualityRecord> {
  return inRoom(deps, ctx, params, 'contractManager', 'auditReport', async (tx, room, today) => {
    const mark = await markOf(tx, room, params.markId);
    notAfterToday('auditedOn', b.auditedOn, today);
    return insertRow(tx, 'quality_audit_report', { mark_id: mark.id, title: b.title, audited_on: b.auditedOn, summary: b.summary }, who(deps, ctx));
  });
}

const MEMBERSHIP_REASONS = {
  state: 'Deze stap kan niet vanuit de huidige stand van het lidmaatschap.',
  on: 'Deze datum ligt vóór de vorige stap van het lidmaatschap.',
  letterSentOn: { required: 'Vul de datum van de aangetekende brief in (003 art. 4.7).', beforeDecision: 'De brief kan niet vóór het besluit zijn verstuurd.' },
  grounds: 'Vul de onderbouwing in.',
} as const;

export function changeMembership(deps: Deps, ctx: RequestContext, params: z.infer<typeof S.RecordParams>, b: z.infer<typeof S.MembershipInput>): Promise<QualityRecord> {
  return inRoom(deps, ctx, params, 'contractManager', 'membership', async (tx, room, today) => {
    const rules = rulesOf(room.contract, today);
    if (rules.covenant === undefined) throw unprocessable('state', 'noCovenant', 'Dit contract kent geen convenant met lidmaatschap.');
    notAfterToday('on', b.on, today);
    const last = (await membershipsOf(tx, [room.contract.id], [room.providerId])).at(-1);
    const refusal = membershipRefusal(last, { state: b.state, on: b.on, grounds: b.grounds, letterSentOn: b.letterSentOn });
    if (refusal !== null) {
      const reason = refusal.field === 'letterSentOn' ? MEMBERSHIP_REASONS.letterSentOn[refusal.reason] : MEMBERSHIP_REASONS[refusal.field];
      throw unprocessable(refusal.field, refusal.reason, reason);
    }
    if (b.conversationOn !== null && b.state !== 'admitted') throw unprocessable('conversationOn', 'onlyAdmission', 'Een gesprek met de Projectgroep hoort bij een toelating.');
    if (b.state === 'excluded' && b.letterSentOn !== null && compareDates(b.letterSentOn, today) > 0) throw unprocessable('letterSentOn', 'future', 'Deze datum ligt in de toekomst.');
    if (b.state === 'admitted') {
      // 003 art. 5.1–5.2: admitted with a mark held a year, or after the conversation with the Projectgroep.
      const mark = currentMark(await marksOf(tx, [room.providerId]), b.on);
      const why = admissionRefusal(mark, b.on, rules.qualityMark, b.conversationOn !== null);
      if (why === 'markTooYoung') throw unprocessable('conversationOn', why, 'Het keurmerk is korter dan een jaar geldig: toelating kan alleen na een gesprek met de Projectgroep (003 art. 5.2). Vul de datum van dat gesprek in.');
      if (why === 'noMark') throw unprocessable('state', why, 'Deze aanbieder heeft geen keurmerk van Blik op Werk (003 art. 5.1).');
      if (why === 'markNotValid') throw unprocessable('state', why, 'Het keurmerk van Blik op Werk is verlopen of ingetrokken: toelating is niet mogelijk.');
    }
    return insertRow(
      tx,
      'covenant_membership',
      { contract_id: room.contract.id, provider_id: room.providerId, sequence: await nextMembershipSequence(tx, room.contract.id, room.providerId), state: b.state, effective_on: b.on, grounds: b.grounds, conversation_on: b.conversationOn, letter_sent_on: b.state === 'excluded' ? b.letterSentOn : null },
      who(deps, ctx),
    );
  });
}

export const startScreening = managerInsert<z.infer<typeof S.ScreeningInput>>('screening', 'screening', (room, b, today) => {
  if (rulesOf(room.contract, today).screening === undefined) throw unprocessable('startedOn', 'noScreening', 'Dit contract kent geen screening van aanbieders.');
  notAfterToday('startedOn', b.startedOn, today);
  return { contract_id: room.contract.id, provider_id: room.providerId, started_on: b.startedOn, reason: b.reason };
});

/** The screening in the path, of this room's contract and provider, with its findings and decision. */
async function screeningOf(tx: Tx, room: QualityRoom, screeningId: string) {
  const owner = await unsafeScreeningOwner(tx, screeningId);
  if (owner === undefined || owner.contractId !== room.contract.id || owner.providerId !== room.providerId) throw notFound();
  const all = await screeningsOf(tx, room.contract.id, room.providerId);
  const s = all.screenings.find((x) => x.id === screeningId);
  if (s === undefined) throw notFound();
  const findings = all.findings.filter((f) => f.screeningId === screeningId).map((f) => ({ ...f, respondedOn: all.responses.find((r) => r.findingId === f.id)?.respondedOn ?? null }));
  return { screening: s, findings, items: all.items.filter((i) => i.screeningId === screeningId) };
}

const undecided = (s: { outcome: string | null }) => {
  if (s.outcome !== null) throw unprocessable('screening', 'alreadyDecided', 'Over deze screening is al besloten.');
};

export function receiveItem(deps: Deps, ctx: RequestContext, params: z.infer<typeof S.ScreeningParams>, b: z.infer<typeof S.ItemInput>): Promise<QualityRecord> {
  return inRoom(deps, ctx, params, 'contractManager', 'screeningItem', async (tx, room, today) => {
    const { screening, items } = await screeningOf(tx, room, params.screeningId);
    undecided(screening);
    if (!(rulesOf(room.contract, today).screening?.items ?? []).includes(b.item)) throw unprocessable('item', 'notRequested', 'Dit onderdeel hoort niet bij de screening van dit contract.');
    if (items.some((i) => i.item === b.item)) throw unprocessable('item', 'already', 'Dit onderdeel is al ontvangen.');
    notAfterToday('receivedOn', b.receivedOn, today);
    if (compareDates(b.receivedOn, screening.startedOn) < 0) throw unprocessable('receivedOn', 'beforeStart', 'Deze datum ligt vóór het begin van de screening.');
    return insertRow(tx, 'screening_item_receipt', { screening_id: screening.id, item: b.item, received_on: b.receivedOn, note: b.note }, who(deps, ctx));
  });
}

export function addFinding(deps: Deps, ctx: RequestContext, params: z.infer<typeof S.ScreeningParams>, b: z.infer<typeof S.FindingInput>): Promise<QualityRecord> {
  return inRoom(deps, ctx, params, 'contractManager', 'finding', async (tx, room, today) => {
    const { screening } = await screeningOf(tx, room, params.screeningId);
    undecided(screening);
    notAfterToday('foundOn', b.foundOn, today);
    if (compareDates(b.foundOn, screening.startedOn) < 0) throw unprocessable('foundOn', 'beforeStart', 'Deze datum ligt vóór het begin van de screening.');
    return insertRow(tx, 'screening_finding', { screening_id: screening.id, text: b.text, found_on: b.foundOn }, who(deps, ctx));
  });
}

/** 003 art. 4.5 hoor en wederhoor: the provider's answer to a finding of its own screening. */
export function respondToFinding(deps: Deps, ctx: RequestContext, params: z.infer<typeof S.FindingParams>, b: z.infer<typeof S.ResponseInput>): Promise<QualityRecord> {
  return inRoom(deps, ctx, params, 'provider', 'response', async (tx, room, today) => {
    const { screening, findings } = await screeningOf(tx, room, params.screeningId);
    if (!findings.some((f) => f.id === params.findingId)) throw notFound();
    if (responseRefusal(screening.outcome !== null) !== null) throw unprocessable('text', 'alreadyDecided', 'Over deze screening is al besloten; een reactie kan niet meer.');
    return insertRow(tx, 'screening_response', { finding_id: params.findingId, text: b.text, responded_on: today }, who(deps, ctx));
  });
}

export function decideScreening(deps: Deps, ctx: RequestContext, params: z.infer<typeof S.ScreeningParams>, b: z.infer<typeof S.DecisionInput>): Promise<QualityRecord> {
  return inRoom(deps, ctx, params, 'contractManager', 'decision', async (tx, room, today) => {
    const { screening, findings } = await screeningOf(tx, room, params.screeningId);
    const why = decisionRefusal(screening.outcome !== null, findings);
    if (why === 'alreadyDecided') throw unprocessable('outcome', why, 'Over deze screening is al besloten.');
    if (why === 'awaitingResponse') throw unprocessable('outcome', why, 'De aanbieder heeft nog niet op elke bevinding gereageerd (hoor en wederhoor, 003 art. 4.5).');
    notAfterToday('decidedOn', b.decidedOn, today);
    if (compareDates(b.decidedOn, screening.startedOn) < 0) throw unprocessable('decidedOn', 'beforeStart', 'Deze datum ligt vóór het begin van de screening.');
    await insertRow(tx, 'screening_decision', { screening_id: screening.id, outcome: b.outcome, grounds: b.grounds, decided_on: b.decidedOn }, who(deps, ctx));
    return screening.id;
  });
}

const vogNotFuture = (vogOn: IsoDate | null, today: IsoDate) => vogOn !== null && notAfterToday('vogOn', vogOn, today);

/** R-QLT-2: the coordinator adds a teacher to its register. */
export function addTeacher(deps: Deps, ctx: RequestContext, params: z.infer<typeof S.RecordParams>, b: z.infer<typeof S.TeacherInput>): Promise<QualityRecord> {
  return inRoom(deps, ctx, params, 'provider', 'teacher', async (tx, room, today) => {
    vogNotFuture(b.vogOn, today);
    const id = await insertRow(tx, 'teacher', { provider_id: room.providerId, registered_on: b.registeredOn }, who(deps, ctx));
    await insertRow(tx, 'teacher_version', { teacher_id: id, version: 1, name: b.name, qualification: b.qualification, alfa_specialised: b.alfaSpecialised, vog_on: b.vogOn, left_on: null }, who(deps, ctx));
    return id;
  });
}

export function updateTeacher(deps: Deps, ctx: RequestContext, params: z.infer<typeof S.TeacherParams>, b: z.infer<typeof S.TeacherUpdate>): Promise<QualityRecord> {
  return inRoom(deps, ctx, params, 'provider', 'teacherVersion', async (tx, room, today) => {
    const current = (await teachersOf(tx, [room.providerId])).find((t) => t.id === params.teacherId);
    if (current === undefined) throw notFound();
    if (current.version !== b.version) throw new AppError('conflict', 'Deze docent is intussen door iemand anders bijgewerkt. Laad de pagina opnieuw.');
    vogNotFuture(b.vogOn, today);
    if (b.leftOn !== null && compareDates(b.leftOn, current.registeredOn) < 0) throw unprocessable('leftOn', 'beforeRegistered', 'Deze datum ligt vóór de inschrijving van de docent.');
    await insertRow(tx, 'teacher_version', { teacher_id: current.id, version: current.version + 1, name: b.name, qualification: b.qualification, alfa_specialised: b.alfaSpecialised, vog_on: b.vogOn, left_on: b.leftOn }, who(deps, ctx));
    return `${current.id} v${current.version + 1}`;
  });
}

export const recordSatisfaction = managerInsert<z.infer<typeof S.SatisfactionInput>>('satisfaction_result', 'satisfaction', (room, b, today) => {
  notAfterToday('surveyedOn', b.surveyedOn, today);
  return { contract_id: room.contract.id, provider_id: room.providerId, surveyed_on: b.surveyedOn, conducted_by: b.conductedBy, score: b.score, respondents: b.respondents, summary: b.summary };
});

export const recordVisit = managerInsert<z.infer<typeof S.VisitInput>>('class_visit', 'classVisit', (room, b, today) => {
  notAfterToday('visitedOn', b.visitedOn, today);
  return { contract_id: room.contract.id, provider_id: room.providerId, visited_on: b.visitedOn, announced: b.announced, findings: b.findings };
});
