// Issue #14 (R-CM-1): the action items of contract meetings — owner (the contract manager or a provider
// of the contract), due date, done. The contract manager records them and may mark any done; a provider
// marks its own done (and sees the actions of the meetings it is party to). Marking done answers the
// overdue signal in the same transaction (action-signals.ts).
import { randomUUID } from 'node:crypto';
import { compareDates } from '../../domain/calendar.js';
import { actionOverdue } from '../../domain/contract-management/meetings.js';
import type { IsoDate } from '../../domain/iso-date.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, notFound, unprocessable } from '../../platform/errors.js';
import { resolveActionSignal } from './action-signals.js';
import { meetingInRoom, type Deps } from './meetings-service.js';
import { meetingRooms, type MeetingRoom } from './room.js';
import type { ActionItem } from './schemas.js';
import { actionsOf, insertAction, insertActionEvent, unsafeActionById, unsafeMeetings, type ActionRow } from './store.js';

export function actionViews(room: MeetingRoom, rows: readonly ActionRow[], today: IsoDate): ActionItem[] {
  return rows.map((a) => ({
    id: a.id,
    meetingId: a.meetingId,
    description: a.description,
    owner: { kind: a.ownerKind, code: a.ownerCode, name: a.ownerKind === 'contractManager' ? room.contract.contractManager.name : (room.contract.providers.find((p) => p.code === a.ownerCode)?.name ?? a.ownerCode ?? '') },
    dueOn: a.dueOn,
    done: a.doneOn !== null,
    doneOn: a.doneOn,
    overdue: actionOverdue(a.dueOn, a.doneOn !== null, today),
    mayMarkDone: room.role === 'manager' || (a.ownerKind === 'provider' && a.ownerCode === room.providerCode),
  }));
}

const audit = (deps: Deps, tx: Parameters<typeof recordAudit>[0], ctx: RequestContext, objectId: string, summary: string) =>
  recordAudit(tx, deps.crypto, ctx, { name: 'contractManagement.record', status: 'ok', subjects: [], objectType: 'contractMeetingAction', objectId, summary });

export async function addAction(deps: Deps, ctx: RequestContext, meetingId: string, body: { description: string; owner: { kind: 'contractManager' } | { kind: 'provider'; provider: string }; dueOn: IsoDate }): Promise<{ id: string }> {
  const { meeting } = await meetingInRoom(deps, ctx, meetingId, true);
  if (body.description.trim().length < 3) throw unprocessable('description', 'required', 'Beschrijf het actiepunt (minstens 3 tekens).');
  const ownerCode = body.owner.kind === 'provider' ? body.owner.provider : null;
  if (ownerCode !== null && !meeting.providerCodes.includes(ownerCode)) throw unprocessable('owner.provider', 'notParty', 'Kies als eigenaar een aanbieder die aan dit overleg deelneemt.');
  if (compareDates(body.dueOn, meeting.heldOn) < 0) throw unprocessable('dueOn', 'beforeMeeting', `Een actiepunt is uiterlijk op of na de datum van het overleg (${meeting.heldOn}).`);
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    await insertAction(tx, { id, meetingId, description: body.description.trim(), ownerKind: body.owner.kind, ownerCode, dueOn: body.dueOn, at: deps.clock.now(), by: ctx.actor.userId });
    await audit(deps, tx, ctx, id, `action recorded for ${ownerCode ?? 'the contract manager'}, due ${body.dueOn}`);
  });
  return { id };
}

/** Done or reopened: the manager any action, a provider only its own. */
export async function markAction(deps: Deps, ctx: RequestContext, actionId: string, done: boolean): Promise<ActionItem> {
  const action = await unsafeActionById(deps.db, actionId);
  if (action === undefined) throw notFound();
  const { room } = await meetingInRoom(deps, ctx, action.meetingId, false);
  if (room.role !== 'manager' && !(action.ownerKind === 'provider' && action.ownerCode === room.providerCode)) throw notFound();
  const today = deps.clock.today();
  if ((action.doneOn !== null) === done) throw unprocessable('done', done ? 'alreadyDone' : 'notDone', done ? 'Dit actiepunt is al gedaan.' : 'Dit actiepunt staat nog open.');
  await deps.db.transaction(async (tx) => {
    if (!(await insertActionEvent(tx, actionId, action.sequence, done ? 'done' : 'reopened', today, deps.clock.now(), ctx.actor.userId))) throw new AppError('conflict', 'Het actiepunt is intussen gewijzigd. Laad de pagina opnieuw.');
    if (done && action.ownerCode !== null) await resolveActionSignal(tx, action.ownerCode, actionId, today);
    await audit(deps, tx, ctx, actionId, done ? 'action done' : 'action reopened');
  });
  const [after] = actionViews(room, (await actionsOf(deps.db, [action.meetingId])).filter((a) => a.id === actionId), today);
  if (after === undefined) throw notFound();
  return after;
}

/** The actions of every meeting the actor sees: open, overdue, done or all. */
export async function listActions(deps: Deps, ctx: RequestContext, query: { contractId?: string | undefined; status: 'open' | 'overdue' | 'done' | 'all' }) {
  const contracts = query.contractId === undefined ? [...deps.contracts.contracts] : [deps.contracts.byId(query.contractId)].filter((c) => c !== undefined);
  if (query.contractId !== undefined && contracts.length === 0) throw unprocessable('contractId', 'unknown', 'Dit contract kennen we niet. Kies een contract uit de lijst.');
  const today = deps.clock.today();
  const items = [];
  for (const room of await meetingRooms(deps.db, ctx, contracts)) {
    const rows = await actionsOf(deps.db, (await unsafeMeetings(deps.db, [room.contract.id], room.providerCode)).map((m) => m.id));
    const views = actionViews(room, rows, today);
    for (const [i, v] of views.entries()) {
      const keep = query.status === 'all' || (query.status === 'done' ? v.done : query.status === 'overdue' ? v.overdue : !v.done);
      const row = rows[i];
      if (keep && row !== undefined) items.push({ ...v, meetingType: row.meetingType, meetingQuarter: row.meetingQuarter, contractId: row.contractId });
    }
  }
  await recordAudit(deps.db, deps.crypto, ctx, { name: 'managementInformation.read', status: 'ok', subjects: [], objectType: 'contractMeetingAction', objectId: query.contractId ?? 'all', summary: `${String(items.length)} actions listed` });
  return { items };
}
