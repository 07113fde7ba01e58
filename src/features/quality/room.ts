// Issue #14 (R-SEC-1): who sees which part of the provider quality register — one decision, asked by
// every route of this feature:
// - the contract manager: every provider of every contract of its region (organisation 'region');
// - a provider's coordinator: its own record, under each contract that names it;
// - anyone else, or a contract / provider outside that: undefined, answered with 404 (audited).
// The register names providers and their teachers, never a participant.
import { findVersionInForce, type Contract } from '../../domain/contract.js';
import type { IsoDate } from '../../domain/iso-date.js';
import type { QualityRules } from '../../domain/quality/contract-data.js';
import type { RequestContext } from '../../platform/access.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import { organisationId } from '../organisations/store.js';

export interface QualityRoom {
  contract: Contract;
  provider: Contract['providers'][number];
  providerId: string;
  /** The contract manager may record; the coordinator answers and keeps its teachers. */
  side: 'contractManager' | 'provider';
}

/** The contracts whose register the actor reads, with the providers in each it may see. */
export function roomsOf(ctx: RequestContext, contracts: ContractRegistry): QualityRoom[] {
  const out: QualityRoom[] = [];
  for (const contract of contracts.contracts) {
    for (const provider of contract.providers) {
      const room = roomFor(ctx, contract, provider.code);
      if (room !== undefined) out.push(room);
    }
  }
  return out;
}

function roomFor(ctx: RequestContext, contract: Contract, providerCode: string): QualityRoom | undefined {
  const provider = contract.providers.find((p) => p.code === providerCode);
  if (provider === undefined) return undefined;
  const providerId = organisationId('provider', provider.code);
  if (ctx.actor.role === 'contractManager' && ctx.organisation.kind === 'region' && ctx.organisation.id === organisationId('region', contract.region.code)) {
    return { contract, provider, providerId, side: 'contractManager' };
  }
  if (ctx.actor.role === 'providerCoordinator' && ctx.scope.kind === 'provider' && ctx.scope.providerId === providerId) return { contract, provider, providerId, side: 'provider' };
  return undefined;
}

export function qualityRoomOf(ctx: RequestContext, contracts: ContractRegistry, contractId: string, providerCode: string): QualityRoom | undefined {
  const contract = contracts.contracts.find((c) => c.id === contractId);
  return contract === undefined ? undefined : roomFor(ctx, contract, providerCode);
}

/** The quality rules in force today (R-CON-10), or none outside every version. */
export function rulesOf(contract: Contract, today: IsoDate): QualityRules {
  return findVersionInForce(contract, today)?.quality ?? {};
}
