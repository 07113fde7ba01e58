// Issue #14 (R-CM-1, R-ESC-2): contract meetings with agenda, minutes and actions, and the contract-level
// ladder. The contract manager of the region runs them; a provider's coordinator reads the meetings it
// is party to and marks its own actions done; anyone else gets 404 (room.ts). No response carries a
// participant: the figures are the report services' aggregates, the rest is what people typed.
import { ctxOf } from '../../platform/http/access-hook.js';
import { sendExport, type ExportColumn } from '../../platform/http/export.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { addAction, listActions, markAction } from './actions-service.js';
import { closeEscalation, escalationOverview, openStep } from './escalation-service.js';
import { addAgendaItem, createMeeting, listMeetings, meetingDetail, meetingProposal, meetingsForExport, saveMinutes, takeOffAgenda } from './meetings-service.js';
import {
  ActionDoneBody, ActionItem, ActionList, ActionListQuery, CloseCaseBody, Created, EscalationExportQuery, EscalationOverview, EscalationQuery, IdParams, ItemParams, MeetingDetail, MeetingExportQuery, MeetingListQuery, MeetingPage,
  MinutesBody, NewAction, NewAgendaItem, NewMeeting, OpenStepBody, Proposal, type MeetingSummary,
} from './schemas.js';
import { z } from 'zod';

const tags = ['contract-management'];

const COLUMNS: ExportColumn<MeetingSummary>[] = [
  { header: 'Overleg', value: (m) => m.typeName, width: 28 },
  { header: 'Contract', value: (m) => m.contractName, width: 40 },
  { header: 'Kwartaal', value: (m) => m.quarter },
  { header: 'Datum', value: (m) => m.heldOn, type: 'date' },
  { header: 'Uiterlijk', value: (m) => m.dueOn, type: 'date' },
  { header: 'Aanbieders', value: (m) => m.providers.map((p) => p.name).join(', '), width: 40 },
  { header: 'Open actiepunten', value: (m) => m.openActions, type: 'number' },
  { header: 'Actiepunten over de datum', value: (m) => m.overdueActions, type: 'number' },
];

// R-ESC-2: the ladder per provider; the patterns are aggregates (never one participant).
const LADDER_COLUMNS: ExportColumn<EscalationOverview['providers'][number]>[] = [
  { header: 'Aanbieder', value: (p) => p.name, width: 28 },
  { header: 'Laatste stap', value: (p) => p.steps.at(-1)?.name ?? '', width: 40 },
  { header: 'Datum laatste stap', value: (p) => p.steps.at(-1)?.decidedOn ?? null, type: 'date' },
  { header: 'Verbetertermijn tot', value: (p) => p.steps.at(-1)?.termUntil ?? null, type: 'date' },
  { header: 'Volgende stap', value: (p) => p.nextStep?.name ?? '', width: 40 },
  { header: 'Voorstel', value: (p) => p.proposal?.name ?? '', width: 40 },
  { header: 'Patronen', value: (p) => (p.proposal?.patterns ?? []).map((x) => x.detail).join('; '), width: 60 },
];

export const registerContractManagementRoutes: RouteRegistrar = (app, deps) => {
  app.get('/api/v1/contract-meetings', { config: { permission: 'meeting.read' }, schema: { tags, summary: 'R-CM-1: the meetings the actor sees — the contract manager its region\'s, a provider those it is party to — searched, sorted and paged', querystring: MeetingListQuery, response: { 200: MeetingPage } } }, (req) =>
    listMeetings(deps, ctxOf(req), req.query),
  );
  app.get('/api/v1/contract-meetings/export', { config: { permission: 'meeting.read' }, schema: { tags, summary: 'R-EXC-3: the same list as CSV or XLSX', querystring: MeetingExportQuery } }, async (req, reply) => {
    let pending: MeetingSummary[] | null = await meetingsForExport(deps, ctxOf(req), req.query);
    const next = (): Promise<MeetingSummary[]> => {
      const batch = pending ?? [];
      pending = null;
      return Promise.resolve(batch);
    };
    return sendExport(reply, { format: req.query.format, fileStem: 'overleggen', today: deps.clock.today(), sheetName: 'Overleggen', columns: COLUMNS, next });
  });
  app.post('/api/v1/contract-meetings', { config: { permission: 'meeting.manage' }, schema: { tags, summary: 'R-CM-1: the contract manager plans a meeting (type, quarter it is about, date, parties); a date after the contract\'s due date is recorded and shown as late', body: NewMeeting, response: { 201: Created } } }, async (req, reply) =>
    reply.code(201).send(await createMeeting(deps, ctxOf(req), req.body)),
  );
  app.get('/api/v1/contract-meetings/:id', { config: { permission: 'meeting.read' }, schema: { tags, summary: 'R-CM-1: one meeting with its agenda, minutes and actions', params: IdParams, response: { 200: MeetingDetail } } }, (req) => meetingDetail(deps, ctxOf(req), req.params.id));
  app.get('/api/v1/contract-meetings/:id/proposal', { config: { permission: 'meeting.manage' }, schema: { tags, summary: 'R-CM-1: the proposed agenda — reports due, submitted and late, KPIs off target, deadline compliance below the norm, open contract-level cases, overdue actions — as aggregates', params: IdParams, response: { 200: Proposal } } }, (req) =>
    meetingProposal(deps, ctxOf(req), req.params.id),
  );
  app.post('/api/v1/contract-meetings/:id/agenda-items', { config: { permission: 'meeting.manage' }, schema: { tags, summary: 'Adds a proposed item (by its key) or an own item to the agenda', params: IdParams, body: NewAgendaItem, response: { 201: Created } } }, async (req, reply) =>
    reply.code(201).send(await addAgendaItem(deps, ctxOf(req), req.params.id, req.body)),
  );
  app.delete('/api/v1/contract-meetings/:id/agenda-items/:itemId', { config: { permission: 'meeting.manage' }, schema: { tags, summary: 'Takes an item off the agenda (kept, with who and when)', params: ItemParams } }, async (req, reply) => {
    await takeOffAgenda(deps, ctxOf(req), req.params.id, req.params.itemId);
    return reply.code(204).send();
  });
  app.put('/api/v1/contract-meetings/:id/minutes', { config: { permission: 'meeting.manage' }, schema: { tags, summary: 'Saves the minutes as a new version; 409 when the version read is not the latest', params: IdParams, body: MinutesBody, response: { 200: z.object({ version: z.number().int() }) } } }, (req) =>
    saveMinutes(deps, ctxOf(req), req.params.id, req.body),
  );
  app.post('/api/v1/contract-meetings/:id/actions', { config: { permission: 'meeting.manage' }, schema: { tags, summary: 'R-CM-1: records an action item with its owner (the contract manager or a provider taking part) and due date', params: IdParams, body: NewAction, response: { 201: Created } } }, async (req, reply) =>
    reply.code(201).send(await addAction(deps, ctxOf(req), req.params.id, req.body)),
  );
  app.get('/api/v1/contract-meeting-actions', { config: { permission: 'meeting.read' }, schema: { tags, summary: 'The actions of the meetings the actor sees: open, overdue, done or all', querystring: ActionListQuery, response: { 200: ActionList } } }, (req) => listActions(deps, ctxOf(req), req.query));
  app.put('/api/v1/contract-meeting-actions/:id/done', { config: { permission: 'meeting.actionDone' }, schema: { tags, summary: 'Marks an action done (or open again): a provider its own, the contract manager any; done answers its overdue signal', params: IdParams, body: ActionDoneBody, response: { 200: ActionItem } } }, (req) =>
    markAction(deps, ctxOf(req), req.params.id, req.body.done),
  );
  app.get('/api/v1/escalations', { config: { permission: 'meeting.manage' }, schema: { tags, summary: 'R-ESC-2: the contract-level ladder per provider — steps taken, the next step, and the proposal with the patterns that triggered it (never one participant); providers searched, sorted and paged', querystring: EscalationQuery, response: { 200: EscalationOverview } } }, (req) =>
    escalationOverview(deps, ctxOf(req), req.query),
  );
  app.get('/api/v1/escalations/export', { config: { permission: 'meeting.manage' }, schema: { tags, summary: 'R-ESC-2, R-EXC-3: the contract-level ladder per provider, searched and sorted, as CSV or XLSX (aggregates only)', querystring: EscalationExportQuery } }, async (req, reply) => {
    let pending: EscalationOverview['providers'] | null = (await escalationOverview(deps, ctxOf(req), req.query)).providers;
    const next = (): Promise<EscalationOverview['providers']> => {
      const batch = pending ?? [];
      pending = null;
      return Promise.resolve(batch);
    };
    return sendExport(reply, { format: req.query.format, fileStem: `escalaties-contract-${req.query.contractId}-${req.query.quarter}`, today: deps.clock.today(), sheetName: 'Escalaties contract', columns: LADDER_COLUMNS, next });
  });
  app.post('/api/v1/escalations/steps', { config: { permission: 'meeting.manage' }, schema: { tags, summary: 'R-ESC-2: the contract manager opens the next step for a provider with date, decision, grounds and (where the step has one) the term; steps go in order', body: OpenStepBody, response: { 201: Created } } }, async (req, reply) =>
    reply.code(201).send(await openStep(deps, ctxOf(req), req.body)),
  );
  app.post('/api/v1/escalations/:id/close', { config: { permission: 'meeting.manage' }, schema: { tags, summary: 'R-ESC-2: closes a provider\'s case with its grounds', params: IdParams, body: CloseCaseBody } }, async (req, reply) => {
    await closeEscalation(deps, ctxOf(req), req.params.id, req.body);
    return reply.code(204).send();
  });
};
