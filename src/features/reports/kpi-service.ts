// KPIs 1–4 of 000 §2.2 (issue #13, R-KPI-1, R-KPI-2, R-KPI-3, R-KPI-4) for the reader's room, for the quarter asked for and the
// quarters before it (the trend), against the targets of the contract version in force at each quarter's
// end. The consultant and the provider see the true counts; the contract manager and the policy officer
// a share only where its numerator and denominator are not small counts (1–4 hidden, R-MI-6). KPI 2's
// numerator is not registered (docs/reports.md §3): null, with the reason. Outside the room: 404, audited.
import { ROUTE_NAMES } from '../../domain/route-names.js';
import { findVersionInForce, type Contract } from '../../domain/contract.js';
import type { ReportCell, ReportDocument } from '../../domain/reports/document.js';
import { SUPPRESSED } from '../../domain/reports/document.js';
import type { KpiName, KpiRoute } from '../../domain/reports/kpi-data.js';
import { completedWithinRoutePrice, downscalingB1, dutyMetWithinTerm, kpiTrend, participationRate, type KpiValue } from '../../domain/reports/kpis.js';
import type { ReportPeriod } from '../../domain/reports/periods.js';
import { quartersUpTo } from '../../domain/reports/quarterly-mi.js';
import { suppressSmall } from '../../domain/small-cells.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { notFound } from '../../platform/errors.js';
import { shareOf } from './aggregate-cells.js';
import { unsafeKpiFacts, type KpiFacts } from './kpi-facts.js';
import type { KpiQuery } from './kpi-schemas.js';
import type { ReportBuilder, ReportDeps } from './registry.js';
import { reportRoomOf } from './room.js';
import { contractOf, quarterOf } from './steering-input.js';

const KPI_NL: Record<KpiName, string> = {
  participationRate: 'KPI 1 Participatiegraad: in het eerste jaar in aanraking met (een vorm van) werk',
  dutyMetWithinTerm: 'KPI 2 Inburgeringsplicht voldaan binnen de wettelijke termijn',
  downscalingB1: 'KPI 3 Afschaling binnen de B1-route naar A2 (monitoringsindicator)',
  completedWithinRoutePrice: 'KPI 4 Leerroute afgerond binnen de trajectprijs',
};
const ROUTE_NL: Record<KpiRoute, string> = { b1: ROUTE_NAMES.b1.nl, z: ROUTE_NAMES.z.nl };
const DUTY_NOT_REGISTERED = 'Niet geregistreerd: Koers legt niet vast wanneer de inburgeringsplicht is voldaan (dat besluit DUO). Alleen het aantal deelnemers van wie de termijn afliep is bekend.';

const LINES: [KpiName, KpiRoute][] = [
  ['participationRate', 'b1'], ['participationRate', 'z'], ['dutyMetWithinTerm', 'b1'], ['dutyMetWithinTerm', 'z'], ['downscalingB1', 'b1'], ['completedWithinRoutePrice', 'b1'], ['completedWithinRoutePrice', 'z'],
];

export interface ShownKpiValue {
  quarter: string;
  numerator: number | null;
  denominator: number | null;
  share: number | null;
  target: number | null;
  meetsTarget: boolean | null;
}
export interface KpiLine {
  kpi: KpiName;
  route: KpiRoute;
  label: string;
  notRegistered: string | null;
  values: ShownKpiValue[];
  changes: (number | null)[];
}
export interface KpiAnswer {
  contractId: string;
  quarter: string;
  quarters: string[];
  audience: 'personal' | 'aggregate';
  kpis: KpiLine[];
}

/** One KPI for one quarter, with the targets of the version in force at its end (R-CON-10). */
function computeOne(facts: KpiFacts, contract: Contract, kpi: KpiName, route: KpiRoute, q: ReportPeriod): KpiValue {
  const targets = findVersionInForce(contract, q.end)?.kpiTargets;
  switch (kpi) {
    case 'participationRate':
      return participationRate(facts.referrals, facts.activities, route, q, targets);
    case 'dutyMetWithinTerm':
      return dutyMetWithinTerm(facts.duties, route, q, targets);
    case 'downscalingB1':
      return downscalingB1(facts.referrals, facts.decisions, q, targets);
    case 'completedWithinRoutePrice':
      return completedWithinRoutePrice(facts.completed, route, q, targets);
  }
}

function shown(v: KpiValue, aggregate: boolean, notRegistered: boolean): ShownKpiValue {
  const numerator = notRegistered ? null : aggregate ? suppressSmall(v.numerator) : v.numerator;
  const denominator = aggregate ? suppressSmall(v.denominator) : v.denominator;
  const share = shareOf(numerator, denominator);
  return { quarter: v.quarter, numerator, denominator, share, target: v.target, meetsTarget: share === null || v.target === null ? null : share >= v.target };
}

async function compute(deps: ReportDeps, ctx: RequestContext, contract: Contract, quarter: ReportPeriod, count: number): Promise<KpiAnswer | undefined> {
  const room = await reportRoomOf(deps.db, ctx, contract);
  if (room === undefined) {
    await recordAudit(deps.db, deps.crypto, ctx, { name: 'managementInformation.read', status: 'error', subjects: [], objectType: 'kpis', objectId: contract.id, summary: "outside the actor's scope" });
    return undefined;
  }
  const quarters = quartersUpTo(quarter, count - 1);
  return deps.db.transaction(async (tx) => {
    const facts = await unsafeKpiFacts(tx, room.factScope, contract, quarter.end);
    const kpis = LINES.map(([kpi, route]): KpiLine => {
      const notRegistered = kpi === 'dutyMetWithinTerm';
      const values = kpiTrend(quarters, (q) => computeOne(facts, contract, kpi, route, q)).values.map((v) => shown(v, room.audience === 'aggregate', notRegistered));
      const changes = values.map((v, i) => {
        const before = values[i - 1]?.share;
        return before == null || v.share === null ? null : v.share - before;
      });
      return { kpi, route, label: `${KPI_NL[kpi]} — ${ROUTE_NL[route]}`, notRegistered: notRegistered ? DUTY_NOT_REGISTERED : null, values, changes };
    });
    await recordAudit(tx, deps.crypto, ctx, { name: 'managementInformation.read', status: 'ok', subjects: [], objectType: 'kpis', objectId: contract.id, summary: `${quarter.id}: ${String(quarters.length)} quarters, aggregates only` });
    return { contractId: contract.id, quarter: quarter.id, quarters: quarters.map((q) => q.id), audience: room.audience, kpis };
  });
}

/** GET /api/v1/reports/kpis. */
export async function kpisRead(deps: ReportDeps, ctx: RequestContext, query: KpiQuery): Promise<KpiAnswer> {
  const answer = await compute(deps, ctx, contractOf(deps.contracts, query.contractId), quarterOf(query.quarter), query.quarters);
  if (answer === undefined) throw notFound();
  return answer;
}

/** Pure: the answer as a ReportDocument — a table per KPI line, a row per quarter. */
export function kpiReportDocument(a: KpiAnswer, contractName: string): ReportDocument {
  const agg = a.audience === 'aggregate';
  const count = (n: number | null, notRegistered: boolean): ReportCell => (n === null && agg && !notRegistered ? SUPPRESSED : n);
  return {
    title: `KPI's ${contractName} — ${a.quarter}`,
    subtitle: `${a.quarters[0] ?? ''} t/m ${a.quarter}`,
    notes: [
      "Berekend uit de registratie in Koers (000 §2.2); definities in docs/reports.md §3. Streefwaarde uit de contractversie van het kwartaal.",
      ...(agg ? ['Een teller of noemer van 1 tot 5 wordt niet getoond, en dan ook het percentage niet.'] : []),
    ],
    sections: a.kpis.map((k) => ({
      heading: k.label,
      table: {
        columns: ['Kwartaal', 'Teller', 'Noemer', 'Percentage', 'Streefwaarde', 'Gehaald', 'Verschil met vorig kwartaal'],
        rows: k.values.map((v, i) => [v.quarter, count(v.numerator, k.notRegistered !== null), count(v.denominator, false), v.share, v.target, v.meetsTarget === null ? null : v.meetsTarget ? 'ja' : 'nee', k.changes[i] ?? null]),
        decimals: [undefined, 0, 0, 1, 1, undefined, 1],
        percent: [false, false, false, true, true, false, true],
      },
      text: k.notRegistered,
    })),
  };
}

/** For the report submission (src/features/reports/registry.ts): the quarter and the three before it. */
export const kpiDocument: ReportBuilder = async (deps, ctx, input) => {
  const contract = deps.contracts.byId(input.contractId);
  if (contract === undefined || input.period.cadence !== 'quarter') return undefined;
  const answer = await compute(deps, ctx, contract, input.period, 4);
  return answer === undefined ? undefined : kpiReportDocument(answer, contract.name);
};
