// Deadline compliance per provider and quarter (issue #13, R-CM-2) for the reader's room: a provider's
// coordinator sees its own row; a consultant its municipality's referrals per provider; the contract
// manager and the policy officer every provider's counts, suppressed (R-MI-6) as a table provider ×
// (on time, late) per deadline — a share only from shown counts. Outside the room: 404, audited. The
// read is audited as one aggregate line in its transaction.
import { addMonths } from '../../domain/calendar.js';
import type { Contract } from '../../domain/contract.js';
import { ComplianceDeadlines, deadlineCompliance, type ComplianceDeadline, type ComplianceRow } from '../../domain/reports/deadline-compliance.js';
import type { ReportCell, ReportDocument } from '../../domain/reports/document.js';
import { SUPPRESSED } from '../../domain/reports/document.js';
import type { ReportPeriod } from '../../domain/reports/periods.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { notFound } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { shareOf, suppressCounts } from './aggregate-cells.js';
import { unsafeComplianceFacts } from './compliance-facts.js';
import type { ComplianceQuery } from './compliance-schemas.js';
import type { ReportBuilder, ReportDeps } from './registry.js';
import { reportRoomOf } from './room.js';
import { contractOf, quarterOf } from './steering-input.js';

type Deps = ReportDeps & Pick<AppDeps, 'clock'>;

export const DEADLINE_NL: Record<ComplianceDeadline, string> = {
  acknowledgement: 'Ontvangstbevestiging binnen de termijn (5 werkdagen)',
  intakeInvitation: 'Uitnodiging voor de intake binnen de termijn (10 werkdagen)',
  learningPlan: 'Leerplan binnen de termijn na de intake (5 werkdagen)',
  report: 'Voortgangs- en eindrapportages op tijd',
  invoice: 'Facturen binnen de termijn (6 weken)',
};

export interface ShownFigure {
  deadline: ComplianceDeadline;
  label: string;
  numerator: number | null;
  denominator: number | null;
  share: number | null;
  late: number | null;
  pending: number | null;
}
export interface ComplianceAnswer {
  contractId: string;
  quarter: string;
  today: string;
  audience: 'personal' | 'aggregate';
  rows: { provider: string; name: string; figures: ShownFigure[] }[];
}

const personal = (row: ComplianceRow): ShownFigure[] => row.figures.map((f) => ({ ...f, label: DEADLINE_NL[f.deadline] }));

/** R-MI-6: per deadline a table provider × (on time, late) and one of pending counts, suppressed. */
function aggregate(rows: readonly ComplianceRow[]): ShownFigure[][] {
  const out: ShownFigure[][] = rows.map(() => []);
  ComplianceDeadlines.forEach((deadline, k) => {
    const figs = rows.map((r) => r.figures[k]);
    const decided = suppressCounts(figs.map((f) => ({ onTime: f?.numerator ?? 0, late: f?.late ?? 0 })), ['onTime', 'late'] as const);
    const open = suppressCounts(figs.map((f) => ({ pending: f?.pending ?? 0 })), ['pending'] as const);
    rows.forEach((_, i) => {
      const c = decided.rows[i];
      const numerator = c?.onTime ?? null;
      const late = c?.late ?? null;
      const denominator = numerator === null || late === null ? null : numerator + late;
      out[i]?.push({ deadline, label: DEADLINE_NL[deadline], numerator, denominator, share: shareOf(numerator, denominator), late, pending: open.rows[i]?.pending ?? null });
    });
  });
  return out;
}

async function compute(deps: Deps, ctx: RequestContext, contract: Contract, quarter: ReportPeriod): Promise<ComplianceAnswer | undefined> {
  const room = await reportRoomOf(deps.db, ctx, contract);
  if (room === undefined) {
    await recordAudit(deps.db, deps.crypto, ctx, { name: 'managementInformation.read', status: 'error', subjects: [], objectType: 'deadlineCompliance', objectId: contract.id, summary: "outside the actor's scope" });
    return undefined;
  }
  const providers = contract.providers.filter((p) => room.providerCode === undefined || p.code === room.providerCode);
  const today = deps.clock.today();
  return deps.db.transaction(async (tx) => {
    const steps = await unsafeComplianceFacts(tx, room.factScope, { contractId: contract.id, from: addMonths(quarter.start, -12), to: quarter.end });
    const rows = deadlineCompliance(steps, quarter, contract.versions, providers.map((p) => p.code), today);
    const figures = room.audience === 'aggregate' ? aggregate(rows) : rows.map(personal);
    await recordAudit(tx, deps.crypto, ctx, { name: 'managementInformation.read', status: 'ok', subjects: [], objectType: 'deadlineCompliance', objectId: contract.id, summary: `${quarter.id}: ${String(rows.length)} providers, aggregates only` });
    return {
      contractId: contract.id,
      quarter: quarter.id,
      today,
      audience: room.audience,
      rows: rows.map((r, i) => ({ provider: r.provider, name: providers.find((p) => p.code === r.provider)?.name ?? r.provider, figures: figures[i] ?? [] })),
    };
  });
}

/** GET /api/v1/reports/deadline-compliance. */
export async function deadlineComplianceRead(deps: Deps, ctx: RequestContext, query: ComplianceQuery): Promise<ComplianceAnswer> {
  const answer = await compute(deps, ctx, contractOf(deps.contracts, query.contractId), quarterOf(query.quarter));
  if (answer === undefined) throw notFound();
  return answer;
}

/** Pure: the answer as a ReportDocument — a table per deadline, a row per provider. */
export function complianceDocument(a: ComplianceAnswer, contractName: string): ReportDocument {
  const agg = a.audience === 'aggregate';
  const count = (n: number | null): ReportCell => (n === null && agg ? SUPPRESSED : n);
  return {
    title: `Termijnnaleving ${contractName} — ${a.quarter}`,
    subtitle: `Per aanbieder · ${a.quarter} · stand op ${a.today}`,
    notes: [
      'Berekend uit de geregistreerde datums in Koers (R-CM-2) met de termijnen en de werkdagenkalender van het contract; definities in docs/reports.md.',
      'Een stap telt in het kwartaal waarin de termijn afloopt. Nog niet gedaan en nog niet verlopen: openstaand, niet in het percentage.',
      ...(agg ? ['Aantallen van 1 tot 5 en aantallen waaruit die af te leiden zijn, worden niet getoond; een percentage alleen uit getoonde aantallen.'] : []),
    ],
    sections: ComplianceDeadlines.map((deadline, k) => ({
      heading: DEADLINE_NL[deadline],
      table: {
        columns: ['Aanbieder', 'Op tijd', 'Beoordeeld', 'Percentage op tijd', 'Te laat', 'Openstaand'],
        rows: a.rows.map((r) => {
          const f = r.figures[k];
          return [r.name, count(f?.numerator ?? null), count(f?.denominator ?? null), f?.share ?? null, count(f?.late ?? null), count(f?.pending ?? null)];
        }),
        decimals: [undefined, 0, 0, 1, 0, 0],
        percent: [false, false, false, true, false, false],
      },
    })),
  };
}

/** For the report submission (src/features/reports/registry.ts). */
export function deadlineComplianceDocument(clock: Pick<AppDeps, 'clock'>['clock']): ReportBuilder {
  return async (deps, ctx, input) => {
    const contract = deps.contracts.byId(input.contractId);
    if (contract === undefined || input.period.cadence !== 'quarter') return undefined;
    const answer = await compute({ ...deps, clock }, ctx, contract, input.period);
    return answer === undefined ? undefined : complianceDocument(answer, contract.name);
  };
}
