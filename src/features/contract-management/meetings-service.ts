// Issue #14 (R-CM-1): the contract meetings — list, plan, read, the proposed agenda, agenda items and
// minutes. The contract manager runs them; a provider reads the meetings it is party to (room.ts).
// Every change is audited in its own transaction. No response holds a participant: the agenda comes
// from the report services' aggregates (figures.ts) and the texts people type.
import { randomUUID } from 'node:crypto';
import type { Contract } from '../../domain/contract.js';
import { meetingDueDate, plannedLate, proposeAgenda, actionOverdue, type ProposedItem } from '../../domain/contract-management/meetings.js';
import type { MeetingType } from '../../domain/contract-management/contract-data.js';
import { periodContaining, type ReportPeriod } from '../../domain/reports/periods.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, notFound, unprocessable } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { quarterOf } from '../reports/steering-input.js';
import { meetingFigures } from './figures.js';
import { actionViews } from './actions-service.js';
import { meetingRooms, requireRoom, type MeetingRoom } from './room.js';
import type { MeetingDetail, MeetingListQuery, MeetingSummary, NewMeeting } from './schemas.js';
import { actionsOf, agendaOf, casesOf, insertAgendaItem, insertMeeting, insertMinutes, minutesOf, removeAgendaItem, unsafeMeetingById, unsafeMeetings, type MeetingRow } from './store.js';

export type Deps = Pick<AppDeps, 'db' | 'crypto' | 'contracts' | 'clock'>;

export const MEETING_TYPE_NL: Record<MeetingType, string> = { execution: 'Uitvoeringsoverleg', contract: 'Contractmanagementgesprek', progress: 'Voortgangsoverleg' };

const audit = (deps: Deps, tx: Parameters<typeof recordAudit>[0], ctx: RequestContext, objectId: string, summary: string, name: 'managementInformation.read' | 'contractManagement.record' = 'contractManagement.record') =>
  recordAudit(tx, deps.crypto, ctx, { name, status: 'ok', subjects: [], objectType: 'contractMeeting', objectId, summary });

const named = (list: readonly { code: string; name: string }[], codes: readonly string[]) => codes.map((code) => ({ code, name: list.find((x) => x.code === code)?.name ?? code }));

function summaryOf(contract: Contract, m: MeetingRow, actions: { done: boolean; overdue: boolean }[]): MeetingSummary {
  const rule = contract.contractManagement?.meetings.find((r) => r.type === m.type);
  const due = rule === undefined ? null : meetingDueDate(rule, quarterOf(m.quarter));
  return {
    id: m.id,
    contractId: contract.id,
    contractName: contract.name,
    type: m.type,
    typeName: MEETING_TYPE_NL[m.type],
    quarter: m.quarter,
    heldOn: m.heldOn,
    dueOn: due,
    plannedLate: plannedLate(due, m.heldOn),
    providers: named(contract.providers, m.providerCodes),
    municipalities: named(contract.municipalities, m.municipalityCodes),
    openActions: actions.filter((a) => !a.done).length,
    overdueActions: actions.filter((a) => a.overdue).length,
  };
}

/** A meeting the actor may see, with its room; 404 (audited) otherwise. A provider must be a party. */
export async function meetingInRoom(deps: Deps, ctx: RequestContext, id: string, manage: boolean): Promise<{ room: MeetingRoom; meeting: MeetingRow }> {
  const meeting = await unsafeMeetingById(deps.db, id);
  const room = await requireRoom(deps, ctx, meeting === undefined ? undefined : deps.contracts.byId(meeting.contractId), id, manage);
  if (meeting === undefined || (room.role === 'provider' && !meeting.providerCodes.includes(room.providerCode ?? ''))) throw notFound();
  return { room, meeting };
}

const SORTS: Record<MeetingListQuery['sort'], (a: MeetingSummary, b: MeetingSummary) => number> = {
  heldOn: (a, b) => a.heldOn.localeCompare(b.heldOn),
  '-heldOn': (a, b) => b.heldOn.localeCompare(a.heldOn),
  quarter: (a, b) => a.quarter.localeCompare(b.quarter),
  '-quarter': (a, b) => b.quarter.localeCompare(a.quarter),
  type: (a, b) => a.typeName.localeCompare(b.typeName, 'nl'),
  '-type': (a, b) => b.typeName.localeCompare(a.typeName, 'nl'),
};

/** Every meeting the actor sees, filtered and sorted (the list and its export). */
export async function meetingSummaries(deps: Deps, ctx: RequestContext, query: Omit<MeetingListQuery, 'page' | 'pageSize'>): Promise<MeetingSummary[]> {
  let contracts = [...deps.contracts.contracts];
  if (query.contractId !== undefined) {
    const c = deps.contracts.byId(query.contractId);
    if (c === undefined) throw unprocessable('contractId', 'unknown', 'Dit contract kennen we niet. Kies een contract uit de lijst.');
    contracts = [c];
  }
  const rooms = await meetingRooms(deps.db, ctx, contracts);
  if (query.contractId !== undefined && rooms.length === 0) await requireRoom(deps, ctx, undefined, query.contractId, false);
  const today = deps.clock.today();
  const out: MeetingSummary[] = [];
  for (const room of rooms) {
    const rows = (await unsafeMeetings(deps.db, [room.contract.id], room.providerCode)).filter((m) => query.type === undefined || m.type === query.type);
    const actions = await actionsOf(deps.db, rows.map((m) => m.id));
    for (const m of rows) out.push(summaryOf(room.contract, m, actions.filter((a) => a.meetingId === m.id).map((a) => ({ done: a.doneOn !== null, overdue: actionOverdue(a.dueOn, a.doneOn !== null, today) }))));
  }
  const needle = query.q?.trim().toLocaleLowerCase('nl') ?? '';
  const hits = out.filter((s) => needle === '' || [s.typeName, s.quarter, s.contractName, ...s.providers.map((p) => p.name)].some((t) => t.toLocaleLowerCase('nl').includes(needle)));
  const sort = SORTS[query.sort];
  return hits.sort((a, b) => sort(a, b) || a.id.localeCompare(b.id));
}

export async function listMeetings(deps: Deps, ctx: RequestContext, query: MeetingListQuery) {
  const all = await meetingSummaries(deps, ctx, query);
  await audit(deps, deps.db, ctx, query.contractId ?? 'all', `${String(all.length)} meetings listed`, 'managementInformation.read');
  const start = (query.page - 1) * query.pageSize;
  return { items: all.slice(start, start + query.pageSize), total: all.length, page: query.page, pageSize: query.pageSize };
}

/** The whole filtered list for the export, audited as one read. */
export async function meetingsForExport(deps: Deps, ctx: RequestContext, query: Omit<MeetingListQuery, 'page' | 'pageSize'>): Promise<MeetingSummary[]> {
  const all = await meetingSummaries(deps, ctx, query);
  await audit(deps, deps.db, ctx, query.contractId ?? 'all', `${String(all.length)} meetings exported`, 'managementInformation.read');
  return all;
}

/** POST: the contract manager plans a meeting of a contract type the contract knows, with its parties. */
export async function createMeeting(deps: Deps, ctx: RequestContext, body: NewMeeting): Promise<{ id: string }> {
  const contract = deps.contracts.byId(body.contractId);
  if (contract === undefined) throw unprocessable('contractId', 'unknown', 'Dit contract kennen we niet. Kies een contract uit de lijst.');
  const room = await requireRoom(deps, ctx, contract, body.contractId, true);
  if (contract.contractManagement?.meetings.some((r) => r.type === body.type) !== true) throw unprocessable('type', 'notInContract', 'Dit contract kent dit soort overleg niet.');
  quarterOf(body.quarter);
  const providers = [...new Set(body.providers)];
  const municipalities = [...new Set(body.municipalities)];
  if (providers.length === 0) throw unprocessable('providers', 'required', 'Kies minstens één aanbieder die aan het overleg deelneemt.');
  const badProvider = providers.findIndex((p) => !contract.providers.some((x) => x.code === p));
  if (badProvider >= 0) throw unprocessable(`providers.${String(badProvider)}`, 'unknown', 'Deze aanbieder hoort niet bij het contract.');
  const badMunicipality = municipalities.findIndex((m) => !contract.municipalities.some((x) => x.code === m));
  if (badMunicipality >= 0) throw unprocessable(`municipalities.${String(badMunicipality)}`, 'unknown', 'Deze gemeente hoort niet bij het contract.');
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    await insertMeeting(tx, { id, contractId: contract.id, type: body.type, quarter: body.quarter, regionId: room.regionId, heldOn: body.heldOn, providers, municipalities, at: deps.clock.now(), by: ctx.actor.userId });
    await audit(deps, tx, ctx, id, `${body.type} meeting ${body.quarter} planned on ${body.heldOn}`);
  });
  return { id };
}

export async function meetingDetail(deps: Deps, ctx: RequestContext, id: string): Promise<MeetingDetail> {
  const { room, meeting } = await meetingInRoom(deps, ctx, id, false);
  const actions = actionViews(room, await actionsOf(deps.db, [id]), deps.clock.today());
  const detail: MeetingDetail = {
    ...summaryOf(room.contract, meeting, actions),
    mayManage: room.role === 'manager',
    agenda: await agendaOf(deps.db, id),
    minutes: await minutesOf(deps.db, id),
    actions,
  };
  await audit(deps, deps.db, ctx, id, 'meeting read', 'managementInformation.read');
  return detail;
}

/** R-CM-1: Koers' proposal for the meeting's quarter, marked where it is on the agenda already. */
async function proposalOf(deps: Deps, ctx: RequestContext, room: MeetingRoom, meeting: MeetingRow): Promise<ProposedItem[]> {
  const contract = room.contract;
  const quarter: ReportPeriod = quarterOf(meeting.quarter);
  const cm = contract.contractManagement;
  const figures = await meetingFigures(deps, ctx, contract, quarter, 1);
  const norm = cm?.patterns.find((p) => p.kind === 'deadlineComplianceBelowNorm');
  const cases = (await casesOf(deps.db, contract.id)).filter((c) => c.closedOn === null && c.steps.length > 0);
  const today = deps.clock.today();
  const others = (await unsafeMeetings(deps.db, [contract.id])).filter((m) => m.id !== meeting.id).map((m) => m.id);
  const overdue = (await actionsOf(deps.db, others)).filter((a) => actionOverdue(a.dueOn, a.doneOn !== null, today));
  return proposeAgenda({
    reports: figures.reports,
    kpis: figures.kpis,
    compliance: figures.compliance,
    complianceNorm: norm?.kind === 'deadlineComplianceBelowNorm' ? norm.normShare : null,
    openCases: cases.map((c) => {
      const last = c.steps.at(-1);
      return { id: c.id, providerName: contract.providers.find((p) => p.code === c.providerCode)?.name ?? c.providerCode, stepName: cm?.ladder.find((s) => s.step === last?.step)?.name ?? last?.step ?? '', termUntil: last?.termUntil ?? null };
    }),
    overdueActions: overdue.map((a) => ({ id: a.id, description: a.description, dueOn: a.dueOn })),
  });
}

export async function meetingProposal(deps: Deps, ctx: RequestContext, id: string) {
  const { room, meeting } = await meetingInRoom(deps, ctx, id, true);
  const items = await proposalOf(deps, ctx, room, meeting);
  const onAgenda = new Set((await agendaOf(deps.db, id)).map((a) => a.sourceKey));
  return { meetingId: id, quarter: meeting.quarter, items: items.map((i) => ({ ...i, onAgenda: onAgenda.has(i.sourceKey) })) };
}

/** Adds a proposal by its key (title and detail taken from the proposal now) or an own item. */
export async function addAgendaItem(deps: Deps, ctx: RequestContext, id: string, body: { sourceKey: string } | { title: string; detail: string }): Promise<{ id: string }> {
  const { room, meeting } = await meetingInRoom(deps, ctx, id, true);
  let item: { source: ProposedItem['source'] | 'own'; sourceKey: string | null; title: string; detail: string };
  if ('sourceKey' in body) {
    const found = (await proposalOf(deps, ctx, room, meeting)).find((p) => p.sourceKey === body.sourceKey);
    if (found === undefined) throw unprocessable('sourceKey', 'notProposed', 'Dit voorstel staat niet (meer) in de voorgestelde agenda. Vernieuw de pagina.');
    item = found;
  } else {
    if (body.title.trim() === '') throw unprocessable('title', 'required', 'Geef het agendapunt een titel.');
    item = { source: 'own', sourceKey: null, title: body.title.trim(), detail: body.detail.trim() };
  }
  const itemId = randomUUID();
  await deps.db.transaction(async (tx) => {
    if (!(await insertAgendaItem(tx, id, { id: itemId, ...item }, deps.clock.now(), ctx.actor.userId))) throw unprocessable('sourceKey', 'onAgenda', 'Dit voorstel staat al op de agenda.');
    await audit(deps, tx, ctx, id, `agenda item added (${item.source})`);
  });
  return { id: itemId };
}

export async function takeOffAgenda(deps: Deps, ctx: RequestContext, id: string, itemId: string): Promise<void> {
  await meetingInRoom(deps, ctx, id, true);
  await deps.db.transaction(async (tx) => {
    if (!(await removeAgendaItem(tx, id, itemId, deps.clock.now(), ctx.actor.userId))) throw notFound();
    await audit(deps, tx, ctx, id, 'agenda item taken off');
  });
}

/** The minutes' next version; 409 when the version read is no longer the latest. */
export async function saveMinutes(deps: Deps, ctx: RequestContext, id: string, body: { text: string; version: number }): Promise<{ version: number }> {
  await meetingInRoom(deps, ctx, id, true);
  return deps.db.transaction(async (tx) => {
    if (!(await insertMinutes(tx, id, body.version, body.text, deps.clock.now(), ctx.actor.userId))) throw new AppError('conflict', 'Het verslag is intussen door iemand anders opgeslagen. Laad de pagina opnieuw.');
    await audit(deps, tx, ctx, id, `minutes version ${String(body.version + 1)}`);
    return { version: body.version + 1 };
  });
}

/** The quarter a date falls in, as the screen offers it for a new meeting. */
export const quarterIdOf = (date: string): string => periodContaining('quarter', date).id;
