// The provider quality register's routes (issue #14, R-QLT-1, R-QLT-2, R-QLT-3, R-QLT-4). quality.read for
// the register and a record; quality.manage for what the contract manager records; quality.respond for
// the coordinator's answers and teacher register. The room (room.ts) then decides on which provider.
import { ctxOf } from '../../platform/http/access-hook.js';
import { sendExport, XLSX_TYPE, type ExportColumn } from '../../platform/http/export.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import * as S from './schemas.js';
import * as Q from './service.js';

const MEMBERSHIP: Record<string, string> = { applied: 'Aangemeld', admitted: 'Toegelaten', excluded: 'Uitgesloten' };
const MARK: Record<string, string> = { valid: 'Geldig', notYetValid: 'Nog niet geldig', expired: 'Verlopen', withdrawn: 'Ingetrokken' };
const columns: readonly ExportColumn<S.RegisterItem>[] = [
  { header: 'Aanbieder', value: (i) => i.providerName, width: 28 },
  { header: 'Contract', value: (i) => i.contractName, width: 36 },
  { header: 'Lidmaatschap', value: (i) => (i.membership === null ? 'Geen' : MEMBERSHIP[i.membership] ?? i.membership) },
  { header: 'Sinds', value: (i) => i.membershipOn, type: 'date' },
  { header: 'Keurmerk', value: (i) => (i.markState === null ? 'Geen' : MARK[i.markState] ?? i.markState) },
  { header: 'Keurmerk geldig tot', value: (i) => i.markValidUntil, type: 'date' },
  { header: 'Gecertificeerd (%)', value: (i) => i.compliance?.certifiedPercent ?? null, type: 'number', decimals: 1 },
  { header: 'In opleiding (%)', value: (i) => i.compliance?.inTrainingPercent ?? null, type: 'number', decimals: 1 },
  { header: 'Docentnorm', value: (i) => (i.compliance === null || i.compliance.compliant === null ? '' : i.compliance.compliant ? 'Voldoet' : 'Voldoet niet') },
  { header: 'Open bevindingen', value: (i) => i.openFindings, type: 'number' },
];

export const registerQualityRoutes: RouteRegistrar = (app, deps) => {
  const tags = ['quality'];
  const base = '/api/v1/quality/contracts/:contractId/providers/:providerCode';
  const read = { permission: 'quality.read' as const };
  const manage = { permission: 'quality.manage' as const };
  const respond = { permission: 'quality.respond' as const };
  const ok = { 200: S.QualityRecord };

  app.get(
    '/api/v1/quality/providers',
    { config: read, schema: { tags, summary: "The quality register: the providers in the actor's room per contract, with membership, quality mark and teacher compliance; search, sort, page", querystring: S.RegisterListQuery, response: { 200: S.RegisterPage } } },
    async (req) => {
      const { page, pageSize } = req.query;
      const all = await Q.listRegister(deps, ctxOf(req), req.query);
      return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
    },
  );
  app.get(
    '/api/v1/quality/providers/export',
    { config: read, schema: { tags, summary: 'The filtered quality register as XLSX or CSV (R-EXC-3)', querystring: S.RegisterExportQuery, produces: [XLSX_TYPE, 'text/csv'] } },
    async (req, reply) => {
      const all = await Q.listRegister(deps, ctxOf(req), req.query);
      let done = false;
      const next = () => {
        const rows = done ? [] : all;
        done = true;
        return Promise.resolve(rows);
      };
      return sendExport(reply, { format: req.query.format, fileStem: 'kwaliteitsregister', today: deps.clock.today(), sheetName: 'Kwaliteitsregister', columns, next });
    },
  );
  app.get(base, { config: read, schema: { tags, summary: "A provider's record under a contract: KvK, marks, membership, screenings, teachers and compliance, satisfaction, class visits", params: S.RecordParams, response: ok } }, (req) =>
    Q.getRecord(deps, ctxOf(req), req.params),
  );
  app.post(`${base}/kvk`, { config: manage, schema: { tags, summary: 'The Chamber of Commerce data as checked (003 art. 4.2)', params: S.RecordParams, body: S.KvkInput, response: ok } }, (req) => Q.recordKvk(deps, ctxOf(req), req.params, req.body));
  app.post(`${base}/marks`, { config: manage, schema: { tags, summary: 'A Blik op Werk quality mark: since and valid until (003 art. 5.1)', params: S.RecordParams, body: S.MarkInput, response: ok } }, (req) => Q.recordMark(deps, ctxOf(req), req.params, req.body));
  app.post(
    `${base}/marks/:markId/withdrawal`,
    { config: manage, schema: { tags, summary: 'The mark suspended or withdrawn (003 art. 4.4, 14.3); once', params: S.MarkParams, body: S.WithdrawalInput, response: ok } },
    (req) => Q.withdrawMark(deps, ctxOf(req), req.params, req.body),
  );
  app.post(
    `${base}/marks/:markId/audit-reports`,
    { config: manage, schema: { tags, summary: 'An audit report behind the mark (003 art. 5.1 "kan haar audit overleggen")', params: S.MarkParams, body: S.AuditReportInput, response: ok } },
    (req) => Q.addAuditReport(deps, ctxOf(req), req.params, req.body),
  );
  app.post(
    `${base}/membership`,
    { config: manage, schema: { tags, summary: 'Covenant membership: applied, admitted (a mark of a year, or the conversation of 003 art. 5.2), excluded (with grounds and the registered letter)', params: S.RecordParams, body: S.MembershipInput, response: ok } },
    (req) => Q.changeMembership(deps, ctxOf(req), req.params, req.body),
  );
  app.post(`${base}/screenings`, { config: manage, schema: { tags, summary: 'Start a screening (003 art. 4.1, 4.5)', params: S.RecordParams, body: S.ScreeningInput, response: ok } }, (req) =>
    Q.startScreening(deps, ctxOf(req), req.params, req.body),
  );
  app.post(
    `${base}/screenings/:screeningId/items`,
    { config: manage, schema: { tags, summary: 'A requested item received (003 art. 4.2)', params: S.ScreeningParams, body: S.ItemInput, response: ok } },
    (req) => Q.receiveItem(deps, ctxOf(req), req.params, req.body),
  );
  app.post(
    `${base}/screenings/:screeningId/findings`,
    { config: manage, schema: { tags, summary: 'A finding made known to the provider (003 art. 4.3)', params: S.ScreeningParams, body: S.FindingInput, response: ok } },
    (req) => Q.addFinding(deps, ctxOf(req), req.params, req.body),
  );
  app.post(
    `${base}/screenings/:screeningId/findings/:findingId/responses`,
    { config: respond, schema: { tags, summary: "The provider's answer to a finding (hoor en wederhoor, 003 art. 4.5)", params: S.FindingParams, body: S.ResponseInput, response: ok } },
    (req) => Q.respondToFinding(deps, ctxOf(req), req.params, req.body),
  );
  app.post(
    `${base}/screenings/:screeningId/decision`,
    { config: manage, schema: { tags, summary: "The decision, once, after the provider answered every finding; 422 before", params: S.ScreeningParams, body: S.DecisionInput, response: ok } },
    (req) => Q.decideScreening(deps, ctxOf(req), req.params, req.body),
  );
  app.post(`${base}/teachers`, { config: respond, schema: { tags, summary: 'A teacher added to the register (R-QLT-2)', params: S.RecordParams, body: S.TeacherInput, response: ok } }, (req) =>
    Q.addTeacher(deps, ctxOf(req), req.params, req.body),
  );
  app.put(
    `${base}/teachers/:teacherId`,
    { config: respond, schema: { tags, summary: "A teacher's facts changed: a new version; 409 when the version read is not the latest", params: S.TeacherParams, body: S.TeacherUpdate, response: ok } },
    (req) => Q.updateTeacher(deps, ctxOf(req), req.params, req.body),
  );
  app.post(
    `${base}/satisfaction`,
    { config: manage, schema: { tags, summary: 'A customer satisfaction result (003 art. 16.1)', params: S.RecordParams, body: S.SatisfactionInput, response: ok } },
    (req) => Q.recordSatisfaction(deps, ctxOf(req), req.params, req.body),
  );
  app.post(`${base}/class-visits`, { config: manage, schema: { tags, summary: 'A class visit (003 art. 1.4)', params: S.RecordParams, body: S.VisitInput, response: ok } }, (req) =>
    Q.recordVisit(deps, ctxOf(req), req.params, req.body),
  );
};
