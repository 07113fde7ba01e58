// "Eindgesprek MAP plannen" (R-MAP-1, 001 §3): when a participant's MAP is ready — all eight themes
// done and the practical part's 40 hours met — and no end conversation is planned or held, a signal to
// the municipality, which holds the conversation. Raised once per participant (period 'map'): the
// identity makes every rerun a no-op. Planning or holding the conversation answers it
// (src/features/map-end-conversation/service.ts). A theme set back after the signal leaves it open:
// the consultant was asked, and closes it (raised signals are facts, as for the 200-hour meeting).
// Called in the transaction of every change that can make the MAP ready: a MAP theme set, an activity
// registered, corrected or imported (src/features/participation/). It reads the tables itself (no
// import of a feature), so that those features may call it without a cycle.
import type { IsoDate } from '../../../domain/contract.js';
import { computeDeadline } from '../../../domain/deadline.js';
import { endConversationToPlan } from '../../../domain/map-end-conversation.js';
import { mapPracticalStatus, MapThemes, type ParticipationActivityKind } from '../../../domain/participation.js';
import type { ContractRegistry } from '../../../platform/contracts.js';
import { versionOf } from '../../../platform/contracts.js';
import type { Queryable } from '../../../platform/db.js';
import { raiseSignals } from '../store.js';

export interface MapReferral {
  id: string;
  municipalityId: string;
  providerId: string;
  productCode: string;
  contractId: string;
  contractVersion: number;
  referredOn: IsoDate;
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

export interface MapReadiness {
  themesDone: number;
  practicalMinutes: number;
  requiredMinutes: number;
  readyForEndConversation: boolean;
}

/** Themes done and practical minutes now (R-MAP-1, 001 §3), from migration 0020's tables. Unscoped. */
export async function unsafeMapReadiness(q: Queryable, participantId: string): Promise<MapReadiness> {
  const themes = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM map_theme_progress WHERE participant_id = $1 AND status = 'done'`, [participantId]);
  const activities = await q.query<{ kind: ParticipationActivityKind; product: 'participation' | 'map'; endDate: IsoDate; minutes: number }>(
    `SELECT kind, product_kind AS product, end_date::text AS "endDate", minutes FROM participation_activity WHERE participant_id = $1 AND NOT superseded`,
    [participantId],
  );
  const themesDone = themes[0]?.n ?? 0;
  const practical = mapPracticalStatus(activities);
  return { themesDone, practicalMinutes: practical.minutes, requiredMinutes: practical.requiredMinutes, readyForEndConversation: themesDone === MapThemes.length && practical.met };
}

/** Raises "Eindgesprek MAP plannen" when the participant's MAP calls for it (once); returns how many are new (0 or 1). */
export async function raiseEndConversationSignal(q: Queryable, contracts: ContractRegistry, participantId: string, today: IsoDate): Promise<number> {
  const referral = await unsafeMapReferralOf(q, contracts, participantId);
  if (referral === undefined) return 0;
  const kinds = await q.query<{ kind: string }>(`SELECT DISTINCT kind FROM map_end_conversation WHERE participant_id = $1 AND kind IN ('planned', 'held')`, [participantId]);
  const facts = {
    readyForEndConversation: (await unsafeMapReadiness(q, participantId)).readyForEndConversation,
    planned: kinds.some((k) => k.kind === 'planned'),
    held: kinds.some((k) => k.kind === 'held'),
  };
  if (!endConversationToPlan(facts)) return 0;
  const version = versionOf(contracts, referral);
  return raiseSignals(
    q,
    [
      {
        cause: 'map.endConversationDue',
        subject: { type: 'participant', id: participantId },
        period: 'map',
        addressee: 'municipality',
        // Assumption (001 §3 names no term): planned within the contract's progress-report term, as the
        // 200-hour meeting is.
        dueDate: version?.deadlines.progressReport === undefined ? today : computeDeadline(today, version.deadlines.progressReport, version.holidayCalendar),
        municipalityId: referral.municipalityId,
        providerId: referral.providerId,
        participantId,
        productCode: referral.productCode,
      },
    ],
    today,
  );
}
