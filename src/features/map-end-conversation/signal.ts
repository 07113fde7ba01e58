// The facts of "Eindgesprek MAP plannen" for one participant, and the call that raises it. Called in
// the transaction of every change that can make the MAP ready: a MAP theme set
// (src/features/participation/map-themes.ts), an activity registered, corrected or imported
// (src/features/participation/service.ts, import.ts). Imports nothing of the participation service,
// so that it may call this without a cycle.
import type { IsoDate } from '../../domain/contract.js';
import { mapPracticalStatus, MapThemes } from '../../domain/participation.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import { versionOf } from '../../platform/contracts.js';
import type { Queryable } from '../../platform/db.js';
import { raiseMapEndConversationSignal, type MapEndFacts } from '../signals/raisers/map-end-conversation.js';
import { unsafeActivitiesOf } from '../participation/store.js';
import { unsafeThemesDone } from './store.js';

interface MapReferral {
  id: string;
  municipalityId: string;
  providerId: string;
  productCode: string;
  contractId: string;
  contractVersion: number;
  referredOn: string;
}

/** The participant's latest referral for a product of kind `map`, or undefined. Unscoped: the caller decides. */
export async function unsafeMapReferralOf(q: Queryable, contracts: ContractRegistry, participantId: string): Promise<MapReferral | undefined> {
  const rows = await q.query<MapReferral>(
    `SELECT id, municipality_id AS "municipalityId", provider_id AS "providerId", product_code AS "productCode", contract_id AS "contractId", contract_version AS "contractVersion", referred_on::text AS "referredOn"
     FROM referral WHERE participant_id = $1 ORDER BY referred_on DESC, id`,
    [participantId],
  );
  return rows.find((r) => contracts.byId(r.contractId)?.products.find((p) => p.code === r.productCode)?.kind === 'map');
}

/** Themes done and practical minutes now (R-MAP-1, 001 §3). */
export async function unsafeReadiness(q: Queryable, participantId: string): Promise<{ themesDone: number; practicalMinutes: number; requiredMinutes: number; readyForEndConversation: boolean }> {
  const themesDone = await unsafeThemesDone(q, participantId);
  const practical = mapPracticalStatus((await unsafeActivitiesOf(q, participantId)).map((r) => ({ kind: r.kind, product: r.productKind, endDate: r.endDate, minutes: r.minutes })));
  return { themesDone, practicalMinutes: practical.minutes, requiredMinutes: practical.requiredMinutes, readyForEndConversation: themesDone === MapThemes.length && practical.met };
}

async function factsOf(q: Queryable, contracts: ContractRegistry, participantId: string): Promise<MapEndFacts | undefined> {
  const referral = await unsafeMapReferralOf(q, contracts, participantId);
  if (referral === undefined) return undefined;
  const kinds = await q.query<{ kind: string }>(`SELECT DISTINCT kind FROM map_end_conversation WHERE participant_id = $1 AND kind IN ('planned', 'held')`, [participantId]);
  return {
    participantId,
    placement: { municipalityId: referral.municipalityId, providerId: referral.providerId, productCode: referral.productCode },
    version: versionOf(contracts, referral),
    readyForEndConversation: (await unsafeReadiness(q, participantId)).readyForEndConversation,
    planned: kinds.some((k) => k.kind === 'planned'),
    held: kinds.some((k) => k.kind === 'held'),
  };
}

/** Raises "Eindgesprek MAP plannen" when the participant's MAP calls for it (once). */
export async function raiseEndConversationSignal(q: Queryable, contracts: ContractRegistry, participantId: string, today: IsoDate): Promise<number> {
  return raiseMapEndConversationSignal(q, await factsOf(q, contracts, participantId), today);
}
