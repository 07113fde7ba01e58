// The content report (000 §4.1), the management report (000 §4.2) and the year report (000 §4.3) for the
// reader's room (room.ts, R-SEC-1): the consultant its own municipality (every provider), the provider's
// coordinator every municipality and the region with its own referrals, the contract manager and the
// policy officer suppressed counts only (R-MI-6; content-suppression.ts, management-report.ts). Outside the
// room: 404, audited. Each read is audited in its transaction as one aggregate line without data subjects.
import type { Contract } from '../../domain/contract.js';
import { contentReportDocumentOf } from '../../domain/reports/content-document.js';
import { contentReport, runningYearWindows, type ContentReport, type ContentReportFacts } from '../../domain/reports/content-report.js';
import { shownAsIs, suppressContentReports, type ShownContentReport } from '../../domain/reports/content-suppression.js';
import type { ReportDocument } from '../../domain/reports/document.js';
import { managementReport, managementReportDocumentOf, suppressManagementReport, type ManagementReport } from '../../domain/reports/management-report.js';
import { periodContaining, type ReportPeriod } from '../../domain/reports/periods.js';
import { yearReport, yearWindows } from '../../domain/reports/year-report.js';
import { findVersionInForce } from '../../domain/contract.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { Queryable } from '../../platform/db.js';
import { notFound, unprocessable } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { unsafeContentReportFacts, unsafeManagementReportFacts } from './content-facts.js';
import { readManagementQuality, teacherNormOn } from './management-quality.js';
import { reportRoomOf, type ReportRoom } from './room.js';

export type ContentDeps = Pick<AppDeps, 'db' | 'crypto' | 'contracts'>;

export function contractOrFail(deps: Pick<AppDeps, 'contracts'>, contractId: string): Contract {
  const contract = deps.contracts.byId(contractId);
  if (contract === undefined) throw unprocessable('contractId', 'unknown', 'Dit contract kennen we niet. Kies een contract uit de lijst.');
  return contract;
}

/** '2027-Q1' → the quarter; a year outside 2000–2100 is 422 (the schema has checked the shape). */
export function quarterOf(id: string): ReportPeriod {
  const [year, q] = id.split('-Q').map(Number) as [number, number];
  if (year < 2000 || year > 2100) throw unprocessable('quarter', 'outOfRange', 'Kies een kwartaal tussen 2000 en 2100.');
  return periodContaining('quarter', `${String(year)}-${String(q * 3 - 2).padStart(2, '0')}-01`);
}

export function yearOf(year: number, field = 'year'): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw unprocessable(field, 'outOfRange', 'Kies een jaar tussen 2000 en 2100.');
  return year;
}

/** Which scope the room may ask for: 'region' when the room holds every municipality of the contract, else one of its own. */
export function scopeAllowed(room: ReportRoom, scope: string): boolean {
  if (scope === 'region') return room.contract.municipalities.every((m) => room.municipalities.some((x) => x.code === m.code));
  return room.municipalities.some((m) => m.code === scope);
}

function checkScopeKnown(contract: Contract, scope: string): void {
  if (scope !== 'region' && !contract.municipalities.some((m) => m.code === scope)) throw unprocessable('scope', 'unknown', 'Kies de regio of een gemeente van dit contract.');
}

/** Outside the room: an audited 404. */
export async function denied(deps: ContentDeps, ctx: RequestContext, objectType: string, contract: Pick<Contract, 'id'>): Promise<never> {
  await recordAudit(deps.db, deps.crypto, ctx, { name: 'managementInformation.read', status: 'error', subjects: [], objectType, objectId: contract.id, summary: "outside the actor's scope" });
  throw notFound();
}

export function scopeNameOf(contract: Contract, scope: string): string {
  if (scope === 'region') return `Regio ${contract.region.name}`;
  return `Gemeente ${contract.municipalities.find((m) => m.code === scope)?.name ?? scope}`;
}

/**
 * The shown report of the scope: computed from the room's facts; for aggregate readers every municipality
 * of the room and the region suppressed together (so asking for one municipality shows what the region
 * view shows of it), then the scope picked.
 */
function shownOf(room: ReportRoom, facts: ContentReportFacts, scope: string, build: (scope: string) => ContentReport, columns: 'runningYear' | 'years'): ShownContentReport {
  if (room.audience === 'personal') return shownAsIs(build(scope));
  const all = suppressContentReports(room.municipalities.map((m) => build(m.code)), build('region'), undefined, columns);
  if (scope === 'region') return all.region;
  const i = room.municipalities.findIndex((m) => m.code === scope);
  const one = all.municipalities[i];
  if (one === undefined) throw new Error('scope outside the room');
  return one;
}

interface Computed {
  room: ReportRoom;
  report: ShownContentReport;
}

async function computeContent(deps: ContentDeps, ctx: RequestContext, contract: Contract, kind: 'contentReport' | 'yearReport', period: { quarter?: ReportPeriod; year?: number }, scope: string): Promise<Computed | undefined> {
  checkScopeKnown(contract, scope);
  const room = await reportRoomOf(deps.db, ctx, contract);
  if (room === undefined || !scopeAllowed(room, scope)) return undefined;
  const c = { ...contract, municipalities: room.municipalities };
  // The nine statements run side by side on the pool, before the audit's transaction (service.ts says why:
  // nothing leaves the server before the audit line has committed).
  let report: ShownContentReport;
  if (kind === 'contentReport' && period.quarter !== undefined) {
    const q = period.quarter;
    const windows = runningYearWindows(q);
    const facts = await unsafeContentReportFacts(deps.db, room.factScope, { contractId: contract.id, from: windows[0]?.start ?? q.start, to: q.end });
    report = shownOf(room, facts, scope, (s) => contentReport(facts, q, c, s), 'runningYear');
  } else {
    const year = period.year ?? 0;
    const windows = yearWindows(year);
    const facts = await unsafeContentReportFacts(deps.db, room.factScope, { contractId: contract.id, from: windows[0]?.start ?? `${String(year)}-01-01`, to: `${String(year)}-12-31` });
    report = shownOf(room, facts, scope, (s) => yearReport(facts, year, c, s), 'years');
  }
  return deps.db.transaction(async (tx) => {
    await audit(tx, deps, ctx, kind, contract, `${report.quarter} ${scope}: ${room.audience === 'aggregate' ? 'suppressed aggregates' : 'aggregates only'}`);
    return { room, report };
  });
}

const audit = (q: Queryable, deps: ContentDeps, ctx: RequestContext, objectType: string, contract: Contract, summary: string): Promise<void> =>
  recordAudit(q, deps.crypto, ctx, { name: 'managementInformation.read', status: 'ok', subjects: [], objectType, objectId: contract.id, summary });

/** GET /api/v1/reports/content-report (R-MI-2, 000 §4.1). */
export async function contentReportRead(deps: ContentDeps, ctx: RequestContext, query: { contractId: string; quarter: string; scope: string }) {
  const contract = contractOrFail(deps, query.contractId);
  const computed = await computeContent(deps, ctx, contract, 'contentReport', { quarter: quarterOf(query.quarter) }, query.scope);
  if (computed === undefined) return denied(deps, ctx, 'contentReport', contract);
  return { contractId: contract.id, audience: computed.room.audience, ...computed.report };
}

/** GET /api/v1/reports/year-report (000 §4.3). */
export async function yearReportRead(deps: ContentDeps, ctx: RequestContext, query: { contractId: string; year: number; scope: string }) {
  const contract = contractOrFail(deps, query.contractId);
  const computed = await computeContent(deps, ctx, contract, 'yearReport', { year: yearOf(query.year) }, query.scope);
  if (computed === undefined) return denied(deps, ctx, 'yearReport', contract);
  return { contractId: contract.id, audience: computed.room.audience, ...computed.report };
}

const quarterColumns = (report: ShownContentReport): string[] => report.periods.map((p, i) => (i === report.periods.length - 1 ? `Jaar ${p} t/m ${report.quarter.slice(5)}` : p));

/** For the submission (H4) and the export: the content report of a quarter as a document; undefined outside the room. */
export async function contentReportDocument(deps: ContentDeps, ctx: RequestContext, args: { contractId: string; period: string; scope: string; entered: Readonly<Record<string, string>> }): Promise<ReportDocument | undefined> {
  const contract = contractOrFail(deps, args.contractId);
  const computed = await computeContent(deps, ctx, contract, 'contentReport', { quarter: quarterOf(args.period) }, args.scope);
  if (computed === undefined) return undefined;
  const meta = { kind: 'Inhoudelijke rapportage', contractName: contract.region.name, scopeName: scopeNameOf(contract, args.scope), audience: computed.room.audience };
  return contentReportDocumentOf(computed.report, meta, args.entered, quarterColumns(computed.report));
}

/** For the submission (H4) and the export: the year report (period '2027') as a document; undefined outside the room. */
export async function yearReportDocument(deps: ContentDeps, ctx: RequestContext, args: { contractId: string; period: string; scope: string; entered: Readonly<Record<string, string>> }): Promise<ReportDocument | undefined> {
  const contract = contractOrFail(deps, args.contractId);
  const computed = await computeContent(deps, ctx, contract, 'yearReport', { year: yearOf(Number(args.period), 'period') }, args.scope);
  if (computed === undefined) return undefined;
  const meta = { kind: 'Jaarrapportage', contractName: contract.region.name, scopeName: scopeNameOf(contract, args.scope), audience: computed.room.audience };
  return contentReportDocumentOf(computed.report, meta, args.entered, computed.report.periods.map((p) => `Jaar ${p}`));
}

async function computeManagement(deps: ContentDeps, ctx: RequestContext, contract: Contract, q: ReportPeriod): Promise<{ room: ReportRoom; report: ManagementReport } | undefined> {
  const room = await reportRoomOf(deps.db, ctx, contract);
  if (room === undefined) return undefined;
  return deps.db.transaction(async (tx) => {
    // Items 1, 8, 11 (R-QLT-4): the provider its own; every other reader all the contract's providers.
    const providers = contract.providers.filter((p) => room.providerCode === undefined || p.code === room.providerCode);
    const [facts, quality] = await Promise.all([unsafeManagementReportFacts(tx, room.factScope, { contractId: contract.id, from: q.start, to: q.end }), readManagementQuality(tx, contract.id, providers, { from: q.start, to: q.end }, teacherNormOn(contract, q.end))]);
    const version = findVersionInForce(contract, q.end);
    const computed = managementReport({ ...facts, quality }, q, room.municipalities.map((m) => m.code), version, scopeAllowed(room, 'region'));
    const report = room.audience === 'aggregate' ? suppressManagementReport(computed) : computed;
    await audit(tx, deps, ctx, 'managementReport', contract, `${q.id}: ${room.audience === 'aggregate' ? 'suppressed aggregates' : 'aggregates only'}`);
    return { room, report };
  });
}

/** GET /api/v1/reports/management-report (000 §4.2). */
export async function managementReportRead(deps: ContentDeps, ctx: RequestContext, query: { contractId: string; quarter: string }) {
  const contract = contractOrFail(deps, query.contractId);
  const computed = await computeManagement(deps, ctx, contract, quarterOf(query.quarter));
  if (computed === undefined) return denied(deps, ctx, 'managementReport', contract);
  return { contractId: contract.id, audience: computed.room.audience, ...computed.report };
}

/** For the submission (H4) and the export: the management report of a quarter as a document; undefined outside the room. */
export async function managementReportDocument(deps: ContentDeps, ctx: RequestContext, args: { contractId: string; period: string; scope?: string; entered: Readonly<Record<string, string>> }): Promise<ReportDocument | undefined> {
  const contract = contractOrFail(deps, args.contractId);
  const computed = await computeManagement(deps, ctx, contract, quarterOf(args.period));
  if (computed === undefined) return undefined;
  const nameOf = (scope: string): string => (scope === 'region' ? `Regio ${contract.region.name}` : (contract.municipalities.find((m) => m.code === scope)?.name ?? scope));
  const scopeName = scopeAllowed(computed.room, 'region') ? `Regio ${contract.region.name}` : computed.room.municipalities.map((m) => m.name).join(', ');
  return managementReportDocumentOf(computed.report, { contractName: contract.region.name, scopeName, audience: computed.room.audience, nameOf }, args.entered);
}
