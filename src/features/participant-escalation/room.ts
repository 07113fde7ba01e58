// Issue #14 (R-ESC-1, R-SEC-1): who sees which participant-level escalation case — one decision, asked
// by every route of this feature:
// - a consultant: the cases of its municipality's referrals, with the person ('municipality');
// - a provider's coordinator: the cases of its own referrals, with the person ('provider');
// - the contract manager: the cases of its region's contracts that reached the last step, under their
//   pseudonym — no name, BSN, client number, participant or referral id ('contractManager', 000 §5);
// - anyone else: undefined, answered with 404 (audited by the caller).
import type { RequestContext, SqlParams } from '../../platform/access.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import { organisationId } from '../organisations/store.js';

export type EscalationRoom =
  | { side: 'municipality'; municipalityId: string }
  | { side: 'provider'; providerId: string }
  | { side: 'contractManager'; contractIds: readonly string[] };

export function escalationRoomOf(ctx: RequestContext, contracts: ContractRegistry): EscalationRoom | undefined {
  if (ctx.actor.role === 'consultant' && ctx.scope.kind === 'municipality') return { side: 'municipality', municipalityId: ctx.scope.municipalityId };
  if (ctx.actor.role === 'providerCoordinator' && ctx.scope.kind === 'provider') return { side: 'provider', providerId: ctx.scope.providerId };
  if (ctx.actor.role === 'contractManager' && ctx.organisation.kind === 'region') {
    const regionId = ctx.organisation.id;
    return { side: 'contractManager', contractIds: contracts.contracts.filter((c) => organisationId('region', c.region.code) === regionId).map((c) => c.id) };
  }
  return undefined;
}

/** SQL condition: case row `alias` lies in the room (the contract manager's: at the last step only). */
export function escalationInRoom(room: EscalationRoom, p: SqlParams, alias = 'e'): string {
  switch (room.side) {
    case 'municipality':
      return `${alias}.municipality_id = ${p.add(room.municipalityId)}`;
    case 'provider':
      return `${alias}.provider_id = ${p.add(room.providerId)}`;
    case 'contractManager':
      return `(${alias}.contract_id = ANY(${p.add([...room.contractIds])}::text[]) AND EXISTS (SELECT 1 FROM participant_escalation_step room_s WHERE room_s.escalation_id = ${alias}.id AND room_s.step = 'contractManager'))`;
  }
}
