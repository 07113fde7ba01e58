// The Onderwijsroute quarterly report (issue #13, R-MI-5; 002 eis 17) for the reader's room
// (reportRoomOf): the consultant its municipality, the provider's coordinator its own referrals in every
// municipality, the contract manager and the policy officer suppressed counts (R-MI-6), the region
// column then the sum of the shown municipality columns. Outside the room: undefined (the route answers
// 404, audited). Every read is audited in its transaction as one aggregate line, without data subjects.
import { findVersionInForce, Route, type Contract } from '../../domain/contract.js';
import type { ReportCell, ReportDocument, ReportSection } from '../../domain/reports/document.js';
import { SUPPRESSED } from '../../domain/reports/document.js';
import { educationReport, OutflowReasons, OutflowResults, StatusCategories, type EducationFigures } from '../../domain/reports/education-report.js';
import type { ReportPeriod } from '../../domain/reports/periods.js';
import { routeNameNl } from '../../domain/route-names.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { notFound, unprocessable } from '../../platform/errors.js';
import { suppressCounts } from './aggregate-cells.js';
import { unsafeEducationFacts } from './education-facts.js';
import type { EducationReportQuery } from './education-schemas.js';
import type { EnteredItem, ReportBuilder, ReportDeps } from './registry.js';
import { reportRoomOf } from './room.js';
import { contractOf, quarterOf } from './steering-input.js';

/** Item 7 of eis 17 (the bullets numbered 1–7 in their order): the text the provider enters. */
export const EDUCATION_REPORT_ENTERED: readonly EnteredItem[] = [{ key: '7', label: '7 Klachtenoverzicht en afhandeling' }];
const NOT_REGISTERED = ['7 klachtenoverzicht + afhandeling: niet geregistreerd (het klachtenregister, R-CM-3, is er nog niet); de aanbieder vult het in bij het indienen'];

type Counts<K extends string> = Record<K, number | null>;
export interface ShownFigures {
  status: Counts<(typeof StatusCategories)[number]>;
  running: number | null;
  inflow: number | null;
  referred: number | null;
  throughput: { count: number | null; meanDays: number | null };
  outflowByReason: Counts<(typeof OutflowReasons)[number]>;
  outflowByResult: Counts<(typeof OutflowResults)[number]>;
  transfersByRoute: Counts<Route>;
  transfers: EducationFigures['transfers'];
  complaints: null;
}
export interface EducationReportAnswer {
  contractId: string;
  quarter: string;
  contractVersion: number;
  audience: 'personal' | 'aggregate';
  columns: { municipality: string | null; name: string; figures: ShownFigures }[];
  notRegistered: string[];
}

const ROUTES = Route.options;
const byRoute = (f: EducationFigures): Record<Route, number> => Object.fromEntries(ROUTES.map((r) => [r, f.transfersByRoute[r] ?? 0])) as Record<Route, number>;
const shown = (f: EducationFigures): ShownFigures => ({ ...f, transfersByRoute: byRoute(f) });

/** R-MI-6: each figure a table municipality × categories, suppressed; the region row is the column sums. */
function suppressed(columns: readonly { municipality: string | null; figures: EducationFigures }[]): ShownFigures[] {
  const rows = columns.filter((c) => c.municipality !== null).map((c) => c.figures);
  const region = columns.find((c) => c.municipality === null)?.figures;
  const withRegion = <K extends string>(t: { rows: Counts<K>[]; total: Counts<K> }): Counts<K>[] => (region === undefined ? t.rows : [...t.rows, t.total]);
  const status = withRegion(suppressCounts(rows.map((f) => f.status), StatusCategories));
  const stock = withRegion(suppressCounts(rows.map((f) => ({ running: f.running, inflow: f.inflow, referred: f.referred })), ['running', 'inflow', 'referred']));
  const timed = withRegion(suppressCounts(rows.map((f) => ({ count: f.throughput.count })), ['count']));
  const reason = withRegion(suppressCounts(rows.map((f) => f.outflowByReason), OutflowReasons));
  const result = withRegion(suppressCounts(rows.map((f) => f.outflowByResult), OutflowResults));
  const moved = withRegion(suppressCounts(rows.map(byRoute), ROUTES));
  const all = region === undefined ? rows : [...rows, region];
  return all.map((f, i) => ({
    status: status[i] as ShownFigures['status'],
    running: stock[i]?.running ?? null,
    inflow: stock[i]?.inflow ?? null,
    referred: stock[i]?.referred ?? null,
    // A mean is shown only beside its shown count.
    throughput: { count: timed[i]?.count ?? null, meanDays: timed[i]?.count == null ? null : f.throughput.meanDays },
    outflowByReason: reason[i] as ShownFigures['outflowByReason'],
    outflowByResult: result[i] as ShownFigures['outflowByResult'],
    transfersByRoute: moved[i] as ShownFigures['transfersByRoute'],
    transfers: [], // a reason is free text about a person: never to an aggregate reader
    complaints: null,
  }));
}

/** The report for the room; undefined outside it. `municipality` null: every municipality of the room and the region. */
async function compute(deps: ReportDeps, ctx: RequestContext, contract: Contract, quarter: ReportPeriod, municipality: string | null): Promise<EducationReportAnswer | undefined> {
  const products = contract.products.filter((p) => p.kind === 'education').map((p) => p.code);
  if (products.length === 0) throw unprocessable('contractId', 'noEducationRoute', 'Dit contract heeft geen onderwijsroute. Kies het contract van de Onderwijsroute.');
  if (municipality !== null && !contract.municipalities.some((m) => m.code === municipality)) throw unprocessable('scope', 'unknown', 'Deze gemeente hoort niet bij het contract. Kies de regio of een gemeente van het contract.');
  const room = await reportRoomOf(deps.db, ctx, contract);
  const seen = room?.municipalities.filter((m) => municipality === null || m.code === municipality) ?? [];
  if (room === undefined || seen.length === 0) {
    await recordAudit(deps.db, deps.crypto, ctx, { name: 'managementInformation.read', status: 'error', subjects: [], objectType: 'educationReport', objectId: contract.id, summary: "outside the actor's scope" });
    return undefined;
  }
  return deps.db.transaction(async (tx) => {
    const facts = await unsafeEducationFacts(tx, room.factScope, { contractId: contract.id, products, from: quarter.start, to: quarter.end });
    const columns = educationReport(facts, quarter, seen.map((m) => m.code), municipality === null && seen.length > 1);
    const figures = room.audience === 'aggregate' ? suppressed(columns) : columns.map((c) => shown(c.figures));
    await recordAudit(tx, deps.crypto, ctx, { name: 'managementInformation.read', status: 'ok', subjects: [], objectType: 'educationReport', objectId: contract.id, summary: `${quarter.id}: ${String(columns.length)} columns, aggregates only` });
    return {
      contractId: contract.id,
      quarter: quarter.id,
      contractVersion: findVersionInForce(contract, quarter.end)?.version ?? 0,
      audience: room.audience,
      columns: columns.map((c, i) => ({ municipality: c.municipality, name: c.municipality === null ? `Regio ${contract.region.name}` : (contract.municipalities.find((m) => m.code === c.municipality)?.name ?? c.municipality), figures: figures[i] as ShownFigures })),
      notRegistered: NOT_REGISTERED,
    };
  });
}

/** GET /api/v1/reports/education-report. */
export async function educationReportRead(deps: ReportDeps, ctx: RequestContext, query: EducationReportQuery): Promise<EducationReportAnswer> {
  const contract = contractOf(deps.contracts, query.contractId);
  const answer = await compute(deps, ctx, contract, quarterOf(query.quarter), query.scope === 'region' ? null : query.scope);
  if (answer === undefined) throw notFound();
  return answer;
}

const STATUS_NL = { onTrack: 'Deelnemers met een traject volgens planning', atRisk: 'Deelnemers van wie het traject een risico loopt', behind: 'Deelnemers die in hun traject achterlopen', noReport: 'Deelnemers zonder ingediende voortgangsrapportage' } as const;
const REASON_NL = { completed: 'Afgerond (einde leerroute)', medical: 'Uitval: medisch', death: 'Uitval: overlijden', moved: 'Uitval: verhuizing', other: 'Uitval: andere reden', movedAway: 'Verhuisd naar een andere gemeente' } as const;
const RESULT_NL = { goalsReached: 'Doelen behaald (eindrapportage)', goalsNotReached: 'Doelen niet behaald (eindrapportage)', noFinalReport: 'Nog geen eindrapportage' } as const;

const cell = (n: number | null, aggregate: boolean): ReportCell => (n === null && aggregate ? SUPPRESSED : n);

/** Pure: the answer as a ReportDocument (page, XLSX, PDF). */
export function educationDocument(a: EducationReportAnswer, contractName: string, entered: Readonly<Record<string, string>>): ReportDocument {
  const agg = a.audience === 'aggregate';
  const columns = ['Onderdeel', ...a.columns.map((c) => c.name)];
  const table = (rows: [string, (f: ShownFigures) => number | null][], decimals?: number): ReportSection['table'] => ({
    columns,
    rows: rows.map(([label, pick]) => [label, ...a.columns.map((c) => cell(pick(c.figures), agg && label !== MEAN))]),
    ...(decimals === undefined ? {} : { decimals: [undefined, ...a.columns.map(() => decimals)] }),
  });
  const transfers = a.columns.filter((c) => c.municipality !== null).flatMap((c) => c.figures.transfers.map((t): ReportCell[] => [c.name, t.on, routeNameNl(t.to), t.reason]));
  const sections: ReportSection[] = [
    { heading: '1 Deelnemers naar voortgang (aan het eind van het kwartaal)', table: table(StatusCategories.map((s) => [STATUS_NL[s], (f) => f.status[s]])) },
    {
      heading: '2–4 Lopende trajecten, instroom en doorlooptijd',
      table: table(
        [
          ['2 Lopende trajecten (aan het eind van het kwartaal)', (f) => f.running],
          ['3 Instroom (gestart in het kwartaal)', (f) => f.inflow],
          ['3 Aangemeld in het kwartaal', (f) => f.referred],
          ['4 Uitgestroomd na een start (voor de doorlooptijd)', (f) => f.throughput.count],
          [MEAN, (f) => f.throughput.meanDays],
        ],
        1,
      ),
    },
    { heading: '5 Uitstroom naar reden', table: table(OutflowReasons.map((r) => [REASON_NL[r], (f) => f.outflowByReason[r]])) },
    { heading: '5 Uitstroom naar resultaat', table: table(OutflowResults.map((r) => [RESULT_NL[r], (f) => f.outflowByResult[r]])) },
    { heading: '6 Doorstroom naar een andere route', table: table(ROUTES.map((r) => [routeNameNl(r), (f) => f.transfersByRoute[r]])) },
  ];
  if (!agg) sections.push({ heading: '6 Doorstroom met reden', table: { columns: ['Gemeente', 'Datum', 'Naar route', 'Reden'], rows: transfers } });
  for (const e of EDUCATION_REPORT_ENTERED) sections.push({ heading: e.label, text: entered[e.key] ?? null });
  return {
    title: `Kwartaalrapportage Onderwijsroute ${contractName} — ${a.quarter}`,
    subtitle: `${a.columns.length === 1 ? (a.columns[0]?.name ?? '') : 'Per gemeente en regio'} · ${a.quarter} · contractversie ${String(a.contractVersion)}`,
    notes: [
      'Berekend uit de registratie in Koers (002 eis 17); definities in docs/reports.md.',
      ...(agg ? ['Aantallen van 1 tot 5 en aantallen waaruit die af te leiden zijn, worden niet getoond. De regio is de som van de getoonde gemeenten.'] : []),
      ...a.notRegistered,
    ],
    sections,
  };
}
const MEAN = '4 Gemiddelde doorlooptijd (kalenderdagen van start tot einde)';

/** For the report submission (src/features/reports/registry.ts): the document in the given context's room. */
export const educationReportDocument: ReportBuilder = async (deps, ctx, input) => {
  const contract = deps.contracts.byId(input.contractId);
  if (contract === undefined || input.period.cadence !== 'quarter' || !contract.products.some((p) => p.kind === 'education')) return undefined;
  const answer = await compute(deps, ctx, contract, input.period, input.scope.municipality);
  return answer === undefined ? undefined : educationDocument(answer, contract.name, input.entered);
};
