// Issue #14 (R-CM-3, R-SEC-1): who sees which complaints — one decision, asked by every route of this
// feature:
// - a provider's coordinator: its own provider's complaints, with the complainant ('provider');
// - a consultant: the complaints of its municipality's participants — those whose referral is its
//   municipality's — with the complainant; no organisation's complaint ('municipality', assumption in
//   docs/complaints.md: the brief names "those of its participants");
// - the contract manager: counts per provider and quarter of its region's contracts, never a row, a
//   complainant or a subject ('totals');
// - anyone else: undefined, answered with 404 (audited by the caller).
import type { Contract } from '../../domain/contract.js';
import type { RequestContext, SqlParams } from '../../platform/access.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import { organisationId } from '../organisations/store.js';

export type ComplaintRoom =
  | { side: 'provider'; providerId: string }
  | { side: 'municipality'; municipalityId: string }
  | { side: 'totals'; regionId: string; contracts: readonly Contract[] };

export function complaintRoomOf(ctx: RequestContext, contracts: ContractRegistry): ComplaintRoom | undefined {
  if (ctx.actor.role === 'providerCoordinator' && ctx.scope.kind === 'provider') return { side: 'provider', providerId: ctx.scope.providerId };
  if (ctx.actor.role === 'consultant' && ctx.scope.kind === 'municipality') return { side: 'municipality', municipalityId: ctx.scope.municipalityId };
  if (ctx.actor.role === 'contractManager' && ctx.organisation.kind === 'region') {
    const regionId = ctx.organisation.id;
    return { side: 'totals', regionId, contracts: contracts.contracts.filter((c) => organisationId('region', c.region.code) === regionId) };
  }
  return undefined;
}

/** SQL condition: complaint row `alias` lies in a personal room (the totals room reads no rows). */
export function complaintInRoom(room: ComplaintRoom, p: SqlParams, alias = 'c'): string {
  switch (room.side) {
    case 'provider':
      return `${alias}.provider_id = ${p.add(room.providerId)}`;
    case 'municipality':
      return `${alias}.municipality_id = ${p.add(room.municipalityId)}`;
    case 'totals':
      return 'false';
  }
}

/** The contracts under which this provider may register an organisation's complaint: those that name it. */
export function contractsOfProvider(contracts: ContractRegistry, providerId: string): Contract[] {
  return contracts.contracts.filter((c) => c.providers.some((p) => organisationId('provider', p.code) === providerId));
}
