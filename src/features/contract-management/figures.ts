// Issue #14 (R-CM-1, R-ESC-2): the figures a meeting's agenda and the ladder's patterns are built from,
// read through the report services of issue #13 with the reader's own context — the report instances
// with their status, the KPIs and deadline compliance — so the contract manager gets exactly what the
// report pages show it: aggregates, suppressed below the threshold (R-MI-6), never a person. No SQL
// here: the report services own their facts.
import type { Contract } from '../../domain/contract.js';
import { findVersionInForce } from '../../domain/contract.js';
import type { ComplianceFigure, KpiSeries } from '../../domain/contract-management/ladder.js';
import type { ComplianceInput, KpiInput, ReportInput } from '../../domain/contract-management/meetings.js';
import type { ReportPeriod } from '../../domain/reports/periods.js';
import type { RequestContext } from '../../platform/access.js';
import type { AppDeps } from '../../platform/http/server.js';
import { deadlineComplianceRead } from '../reports/compliance-service.js';
import { listInstances } from '../reports/instances.js';
import { kpisRead } from '../reports/kpi-service.js';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'contracts' | 'clock'>;

export interface MeetingFigures {
  reports: ReportInput[];
  /** The quarter's KPI values (the agenda) and the series up to it (the patterns). */
  kpis: KpiInput[];
  kpiSeries: KpiSeries[];
  compliance: (ComplianceInput & ComplianceFigure)[];
}

/** The report instances whose period ends in the quarter, every page of them. */
async function instancesOf(deps: Deps, ctx: RequestContext, contract: Contract, quarter: ReportPeriod): Promise<ReportInput[]> {
  const out: ReportInput[] = [];
  for (let page = 1; ; page++) {
    const answer = await listInstances(deps, ctx, { contractId: contract.id, from: quarter.start, to: quarter.end, sort: 'dueOn', page, pageSize: 100 });
    out.push(...answer.items.map((i) => ({ id: i.id, kindName: i.kindName, scopeName: i.scopeName, providerName: i.providerName, periodId: i.period.id, dueOn: i.dueOn, status: i.status })));
    if (page * answer.pageSize >= answer.total) return out;
  }
}

/** The figures of the quarter, and of `quarters` quarters up to it for the KPI series. */
export async function meetingFigures(deps: Deps, ctx: RequestContext, contract: Contract, quarter: ReportPeriod, quarters: number): Promise<MeetingFigures> {
  const reports = await instancesOf(deps, ctx, contract, quarter);
  const kpiAnswer = await kpisRead(deps, ctx, { contractId: contract.id, quarter: quarter.id, quarters });
  const kpiSeries = kpiAnswer.kpis.map((k) => ({ key: `${k.kpi}:${k.route}`, label: k.label, route: k.route, values: k.values }));
  const kpis = kpiAnswer.kpis.map((k) => {
    const v = k.values.at(-1);
    return { key: `${k.kpi}:${k.route}`, label: k.label, share: v?.share ?? null, target: v?.target ?? null, meetsTarget: v?.meetsTarget ?? null };
  });
  const complianceAnswer = await deadlineComplianceRead(deps, ctx, { contractId: contract.id, quarter: quarter.id });
  const compliance = complianceAnswer.rows.flatMap((r) =>
    r.figures.map((f) => ({ provider: r.provider, providerName: r.name, deadline: f.deadline, label: `${r.name} — ${f.label}`, share: f.share, denominator: f.denominator })),
  );
  return { reports, kpis, kpiSeries, compliance };
}

/** The KPI routes a provider serves under the version in force at the quarter's end (B1-entree counts as B1, as in the KPIs). */
export function kpiRoutesOf(contract: Contract, provider: string, quarter: ReportPeriod): Set<string> {
  const products = new Set(findVersionInForce(contract, quarter.end)?.contracted.filter((k) => k.provider === provider).flatMap((k) => k.products) ?? []);
  const routes = contract.products.filter((p) => products.has(p.code)).flatMap((p) => p.routes);
  return new Set(routes.flatMap((r) => (r === 'b1' || r === 'b1_entree' ? ['b1'] : r === 'z' ? ['z'] : [])));
}
