// The participant-level ladder's routes (issue #14, R-ESC-1). escalation.read for the list and a case
// (consultant, provider's coordinator, contract manager); escalation.record for opening, steps, check-ins
// and closing (consultant, coordinator); escalation.judge for the contract manager's judgement at the last
// step. The room (room.ts) then decides on which cases.
import { IdParam } from '../../platform/http/input.js';
import { ctxOf } from '../../platform/http/access-hook.js';
import { EXPORT_BATCH, pagedSource, sendExport, XLSX_TYPE, type ExportColumn } from '../../platform/http/export.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import * as S from './schemas.js';
import * as E from './service.js';

const open = (c: S.EscalationCase) => c.checkIns.filter((k) => k.heldOn === null).length;
// The person's name only where the answer carries it: the contract manager's file has the pseudonym alone.
const columns: readonly ExportColumn<S.EscalationCase>[] = [
  { header: 'Casusnummer', value: (c) => c.pseudonym, width: 20 },
  { header: 'Inburgeraar', value: (c) => c.person?.name ?? '', width: 28 },
  { header: 'Aanbieder', value: (c) => c.providerCode, width: 24 },
  { header: 'Contract', value: (c) => c.contractId, width: 24 },
  { header: 'Laatste stap', value: (c) => c.steps.at(-1)?.name ?? '', width: 40 },
  { header: 'Datum laatste stap', value: (c) => c.steps.at(-1)?.decidedOn ?? null, type: 'date' },
  { header: 'Monitoring open', value: (c) => open(c), type: 'number' },
  { header: 'Monitoring te laat', value: (c) => c.checkIns.filter((k) => k.overdue).length, type: 'number' },
  { header: 'Oordeel contractmanager', value: (c) => c.judgement?.name ?? '', width: 36 },
  { header: 'Afgesloten', value: (c) => c.closedOn, type: 'date' },
];

export const registerParticipantEscalationRoutes: RouteRegistrar = (app, deps) => {
  const tags = ['participant-escalation'];
  const read = { permission: 'escalation.read' as const };
  const record = { permission: 'escalation.record' as const };
  const judge = { permission: 'escalation.judge' as const };
  const ok = { 200: S.EscalationCase };
  app.get(
    '/api/v1/participant-escalations',
    { config: read, schema: { tags, summary: "The cases in the actor's room (the contract manager's from the last step on, under a pseudonym); search, sort, page", querystring: S.EscalationListQuery, response: { 200: S.EscalationList } } },
    async (req) => {
      const { page, pageSize } = req.query;
      const all = await E.listEscalations(deps, ctxOf(req), req.query);
      return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
    },
  );
  app.get(
    '/api/v1/participant-escalations/export',
    { config: read, schema: { tags, summary: 'The searched and sorted cases as XLSX or CSV (R-EXC-3); the contract manager\'s under their pseudonym only', querystring: S.EscalationExportQuery, produces: [XLSX_TYPE, 'text/csv'] } },
    async (req, reply) => {
      const all = await E.listEscalations(deps, ctxOf(req), req.query);
      const next = pagedSource(EXPORT_BATCH, (page, size) => Promise.resolve(all.slice((page - 1) * size, page * size)));
      return sendExport(reply, { format: req.query.format, fileStem: 'escalaties-inburgeraars', today: deps.clock.today(), sheetName: 'Escalaties', columns, next });
    },
  );
  app.get('/api/v1/participant-escalations/:id', { config: read, schema: { tags, summary: 'One case with its steps and check-ins', params: IdParam, response: ok } }, (req) => E.getEscalation(deps, ctxOf(req), req.params.id));
  app.post('/api/v1/participant-escalations', { config: record, schema: { tags, summary: 'Open a case about a referral with its first step, signal and alignment (000 §5)', body: S.OpenInput, response: ok } }, (req) => E.openEscalation(deps, ctxOf(req), req.body));
  app.post('/api/v1/participant-escalations/:id/steps', { config: record, schema: { tags, summary: 'The next step with date, actors and decision; the improvement plan with its weeks of monitoring', params: IdParam, body: S.StepInput, response: ok } }, (req) => E.takeStep(deps, ctxOf(req), req.params.id, req.body));
  app.post('/api/v1/participant-escalations/:id/check-ins', { config: record, schema: { tags, summary: "A weekly check-in of the plan held; answers its overdue signal", params: IdParam, body: S.CheckInInput, response: ok } }, (req) => E.holdCheckIn(deps, ctxOf(req), req.params.id, req.body));
  app.post('/api/v1/participant-escalations/:id/judgement', { config: judge, schema: { tags, summary: "The contract manager's judgement at the last step, once: the provider acts as agreed or additional effort is required, with grounds (000 §5)", params: IdParam, body: S.JudgementInput, response: ok } }, (req) => E.judgeEscalation(deps, ctxOf(req), req.params.id, req.body));
  app.post('/api/v1/participant-escalations/:id/closure', { config: record, schema: { tags, summary: 'Close the case, once; answers its open check-in signals', params: IdParam, body: S.CloseInput, response: ok } }, (req) => E.closeEscalation(deps, ctxOf(req), req.params.id, req.body));
};
