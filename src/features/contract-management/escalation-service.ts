// Issue #14 (R-ESC-2, 000 §5): the contract-level ladder per provider of a contract — its case with the
// steps taken, the next step, and Koers' proposal with the patterns that call for it (a KPI below target
// quarters running, deadline compliance below the norm, a rise in distinct complainants from the complaints
// register, counts only: src/features/complaints/service.ts complaintSeries). The patterns are
// judged on the report services' figures as the contract manager sees them (figures.ts): aggregates,
// suppressed below the threshold, so no pattern ever rests on one participant. The contract manager
// decides; each step keeps date, decision, grounds and the patterns shown, frozen.
import { randomUUID } from 'node:crypto';
import type { Contract } from '../../domain/contract.js';
import { nextStep, patternsFor, proposeStep, refuseClose, refuseStep, triggeredPatterns, type LadderCase, type TriggeredPattern } from '../../domain/contract-management/ladder.js';
import type { LadderStepName } from '../../domain/contract-management/contract-data.js';
import { searchAndSortProviders, type LadderSort } from '../../domain/contract-management/provider-list.js';
import type { IsoDate } from '../../domain/iso-date.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, unprocessable } from '../../platform/errors.js';
import { contractOf, quarterOf } from '../reports/steering-input.js';
import { addCalendarDays } from '../../domain/calendar.js';
import { periodContaining } from '../../domain/reports/periods.js';
import { complaintSeries } from '../complaints/service.js';
import { kpiRoutesOf, meetingFigures } from './figures.js';
import type { Deps } from './meetings-service.js';
import { requireRoom } from './room.js';
import type { EscalationOverview } from './schemas.js';
import { caseById, casesOf, closeCase, insertCase, insertStep, type CaseRow } from './store.js';

const NO_FACTS: Record<TriggeredPattern['kind'], string | null> = {
  kpiBelowTarget: null,
  deadlineComplianceBelowNorm: null,
  complaintsRising: null,
};

const caseOf = (row: CaseRow | undefined): LadderCase | undefined => (row === undefined ? undefined : { steps: row.steps, closedOn: row.closedOn });

function ladderOf(contract: Contract) {
  const cm = contract.contractManagement;
  if (cm === undefined) throw unprocessable('contractId', 'noLadder', 'Dit contract kent geen escalatieladder op contractniveau.');
  return cm;
}

/** The patterns per provider for the quarter, from the figures the actor may see. */
async function patternsByProvider(deps: Deps, ctx: RequestContext, contract: Contract, quarterId: string): Promise<Map<string, TriggeredPattern[]>> {
  const cm = ladderOf(contract);
  const quarter = quarterOf(quarterId);
  const running = Math.max(1, ...cm.patterns.map((p) => (p.kind === 'kpiBelowTarget' ? p.quartersRunning : 1)));
  const figures = await meetingFigures(deps, ctx, contract, quarter, running);
  // The complaints register (R-CM-3): the quarter and the one before, distinct complainants per provider.
  const complaints = await complaintSeries(deps.db, contract, [periodContaining('quarter', addCalendarDays(quarter.start, -1)), quarter]);
  const triggered = triggeredPatterns(cm.patterns, { quarter: quarter.id, kpis: figures.kpiSeries, compliance: figures.compliance, complaints });
  return new Map(contract.providers.map((p) => [p.code, patternsFor(triggered, p.code, kpiRoutesOf(contract, p.code, quarter))]));
}

/**
 * The ladder per provider of the contract, the providers searched and sorted (the shared list features):
 * `page` and `pageSize` cut one page (the export asks for all). Aggregates only: no person in it.
 */
export async function escalationOverview(deps: Deps, ctx: RequestContext, query: { contractId: string; quarter: string; q?: string | undefined; sort: LadderSort; page?: number; pageSize?: number }): Promise<EscalationOverview> {
  const contract = contractOf(deps.contracts, query.contractId);
  await requireRoom(deps, ctx, contract, contract.id, true);
  const cm = ladderOf(contract);
  const patterns = await patternsByProvider(deps, ctx, contract, query.quarter);
  const cases = await casesOf(deps.db, contract.id);
  const stepName = (s: LadderStepName) => cm.ladder.find((l) => l.step === s)?.name ?? s;
  const overview: EscalationOverview = {
    contractId: contract.id,
    quarter: query.quarter,
    ladder: cm.ladder.map((s) => ({ step: s.step, name: s.name, requiresTerm: s.requiresTerm })),
    patternsWithoutFacts: cm.patterns.flatMap((p) => (NO_FACTS[p.kind] === null ? [] : [{ kind: p.kind, reason: NO_FACTS[p.kind] ?? '' }])),
    total: 0,
    page: query.page ?? 1,
    pageSize: query.pageSize ?? contract.providers.length,
    providers: contract.providers.map((p) => {
      const row = cases.find((c) => c.providerCode === p.code);
      const c = caseOf(row);
      const proposal = proposeStep(cm.ladder, c, patterns.get(p.code) ?? []);
      const next = nextStep(cm.ladder, c);
      return {
        provider: p.code,
        name: p.name,
        caseId: row?.id ?? null,
        steps: (row?.closedOn === null ? row.steps : []).map((s) => ({ ...s, name: stepName(s.step) })),
        closedOn: row?.closedOn ?? null,
        nextStep: next === null ? null : { step: next.step, name: next.name, requiresTerm: next.requiresTerm },
        proposal: proposal === null ? null : { step: proposal.step.step, name: proposal.step.name, patterns: proposal.patterns },
      };
    }),
  };
  const found = searchAndSortProviders(overview.providers, query.q, query.sort);
  const from = (overview.page - 1) * overview.pageSize;
  await recordAudit(deps.db, deps.crypto, ctx, { name: 'managementInformation.read', status: 'ok', subjects: [], objectType: 'escalation', objectId: contract.id, summary: `${query.quarter}: ladder read, aggregates only` });
  return { ...overview, total: found.length, providers: found.slice(from, from + overview.pageSize) };
}

export interface OpenStep {
  contractId: string;
  provider: string;
  quarter: string;
  step: LadderStepName;
  decidedOn: IsoDate;
  decision: string;
  grounds: string;
  termUntil: IsoDate | null;
}

/** POST: the contract manager opens the next step for a provider; the patterns of the quarter are frozen with it. */
export async function openStep(deps: Deps, ctx: RequestContext, body: OpenStep): Promise<{ id: string }> {
  const contract = contractOf(deps.contracts, body.contractId);
  const room = await requireRoom(deps, ctx, contract, contract.id, true);
  const cm = ladderOf(contract);
  if (!contract.providers.some((p) => p.code === body.provider)) throw unprocessable('provider', 'unknown', 'Deze aanbieder hoort niet bij het contract.');
  const row = (await casesOf(deps.db, contract.id)).find((c) => c.providerCode === body.provider);
  const open = row?.closedOn === null ? row : undefined;
  const refusal = refuseStep(cm.ladder, caseOf(open), { step: body.step, decidedOn: body.decidedOn, decision: body.decision, grounds: body.grounds, termUntil: body.termUntil }, deps.clock.today());
  if (refusal !== null) throw unprocessable(refusal.field, refusal.code, refusal.reason);
  const patterns = (await patternsByProvider(deps, ctx, contract, body.quarter)).get(body.provider) ?? [];
  const caseId = open?.id ?? randomUUID();
  await deps.db.transaction(async (tx) => {
    const at = deps.clock.now();
    if (open === undefined) await insertCase(tx, { id: caseId, contractId: contract.id, providerCode: body.provider, regionId: room.regionId, at });
    const position = (open?.steps.length ?? 0) + 1;
    const stored = await insertStep(tx, { caseId, position, step: body.step, decidedOn: body.decidedOn, decision: body.decision.trim(), grounds: body.grounds.trim(), termUntil: body.termUntil, patterns, at, by: ctx.actor.userId });
    if (!stored) throw new AppError('conflict', 'Er is intussen een andere stap gezet. Laad de pagina opnieuw.');
    await recordAudit(tx, deps.crypto, ctx, { name: 'contractManagement.record', status: 'ok', subjects: [], objectType: 'escalation', objectId: caseId, summary: `${body.provider}: step ${String(position)} ${body.step} on ${body.decidedOn}, ${String(patterns.length)} patterns` });
  });
  return { id: caseId };
}

/** POST: the contract manager closes an open case with its grounds (the improvement seen). */
export async function closeEscalation(deps: Deps, ctx: RequestContext, caseId: string, body: { closedOn: IsoDate; grounds: string }): Promise<void> {
  const found = await caseById(deps.db, caseId);
  const contract = found === undefined ? undefined : deps.contracts.byId(found.contractId);
  await requireRoom(deps, ctx, contract, caseId, true);
  const row = contract === undefined ? undefined : (await casesOf(deps.db, contract.id)).find((c) => c.id === caseId);
  const refusal = refuseClose(caseOf(row), body.closedOn, body.grounds, deps.clock.today());
  if (refusal !== null) throw unprocessable(refusal.field === 'decidedOn' ? 'closedOn' : refusal.field, refusal.code, refusal.reason);
  await deps.db.transaction(async (tx) => {
    if (!(await closeCase(tx, caseId, body.closedOn, body.grounds.trim(), deps.clock.now(), ctx.actor.userId))) throw new AppError('conflict', 'Deze escalatie is intussen afgesloten.');
    await recordAudit(tx, deps.crypto, ctx, { name: 'contractManagement.record', status: 'ok', subjects: [], objectType: 'escalation', objectId: caseId, summary: `closed on ${body.closedOn}` });
  });
}
