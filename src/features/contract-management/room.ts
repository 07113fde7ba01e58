// Issue #14 (R-CM-1, R-ESC-2, R-SEC-1): who may see a contract's meetings and ladder, on top of the
// report room (src/features/reports/room.ts) so the two never disagree about a contract's reach:
// - the contract manager of the region (the report room's aggregate audience) runs the meetings and
//   the ladder: 'manager';
// - a provider's coordinator (the report room names its provider) reads the meetings it is party to
//   and their actions, and marks its own actions done: 'provider';
// - anyone else, or a contract that does not reach the actor: undefined (404, audited by the caller).
import type { Contract } from '../../domain/contract.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { Crypto } from '../../platform/crypto.js';
import type { Queryable } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { organisationId } from '../organisations/store.js';
import { reportRoomOf } from '../reports/room.js';

export interface MeetingRoom {
  contract: Contract;
  role: 'manager' | 'provider';
  /** The provider's code for role 'provider'. */
  providerCode?: string;
  regionId: string;
}

export async function meetingRoomOf(q: Queryable, ctx: RequestContext, contract: Contract): Promise<MeetingRoom | undefined> {
  const room = await reportRoomOf(q, ctx, contract);
  if (room === undefined) return undefined;
  if (ctx.actor.role === 'contractManager' && room.audience === 'aggregate' && ctx.organisation.kind === 'region') return { contract, role: 'manager', regionId: ctx.organisation.id };
  if (ctx.actor.role === 'providerCoordinator' && room.providerCode !== undefined) return { contract, role: 'provider', providerCode: room.providerCode, regionId: organisationId('region', contract.region.code) };
  return undefined;
}

/** The rooms of every contract that reaches the actor. */
export async function meetingRooms(q: Queryable, ctx: RequestContext, contracts: readonly Contract[]): Promise<MeetingRoom[]> {
  const out: MeetingRoom[] = [];
  for (const c of contracts) {
    const room = await meetingRoomOf(q, ctx, c);
    if (room !== undefined) out.push(room);
  }
  return out;
}

/** The room, or a 404 with an audit line of the refusal (R-SEC-2). `manage`: the contract manager only. */
export async function requireRoom(deps: { db: Queryable; crypto: Crypto }, ctx: RequestContext, contract: Contract | undefined, objectId: string, manage: boolean): Promise<MeetingRoom> {
  const room = contract === undefined ? undefined : await meetingRoomOf(deps.db, ctx, contract);
  if (room === undefined || (manage && room.role !== 'manager')) {
    await recordAudit(deps.db, deps.crypto, ctx, { name: 'managementInformation.read', status: 'error', subjects: [], objectType: 'contractMeeting', objectId, summary: "outside the actor's scope" });
    throw notFound();
  }
  return room;
}
