// SQL of hours (R-HRS-1). Lesson hours come from attendance; hours outside lessons from hours_entry.
import type { IsoDate } from '../../domain/contract.js';
import { countedActivityFacts } from '../../domain/activity-hours.js';
import type { HourKind } from '../../domain/hours.js';
import type { ActivityHours } from '../../domain/participation.js';
import { referralInScope, SqlParams, type Scope } from '../../platform/access.js';
import { versionOf, type ContractRegistry } from '../../platform/contracts.js';
import type { Queryable } from '../../platform/db.js';
import type { HoursFacts } from '../signals/raisers/hours.js';

export interface ReferralRef {
  id: string;
  participantId: string;
  municipalityId: string;
  referredOn: IsoDate;
}

/** The referrals of the batch that lie in the actor's scope (a provider: its own). */
export async function referralsInScope(q: Queryable, scope: Scope, ids: readonly string[]): Promise<Map<string, ReferralRef>> {
  const p = new SqlParams();
  const rows = await q.query<ReferralRef>(
    `SELECT r.id, r.participant_id AS "participantId", r.municipality_id AS "municipalityId", r.referred_on::text AS "referredOn"
     FROM referral r WHERE r.id = ANY(${p.add(ids)}::uuid[]) AND ${referralInScope(scope, p)}`,
    p.values,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export interface EntryRow {
  id: string;
  externalId: string;
  participantId: string;
  referralId: string;
  date: IsoDate;
  kind: HourKind;
  minutes: number;
  startClass: boolean;
  version: number;
}

/** The current versions of the provider's entries with these external ids, locked for the batch. */
export async function currentEntries(q: Queryable, providerId: string, externalIds: readonly string[]): Promise<Map<string, EntryRow>> {
  const rows = await q.query<EntryRow>(
    `SELECT id, external_id AS "externalId", participant_id AS "participantId", referral_id AS "referralId", date::text AS date, kind, minutes,
       start_class AS "startClass", version
     FROM hours_entry WHERE provider_id = $1 AND external_id = ANY($2::text[]) AND NOT superseded FOR UPDATE`,
    [providerId, externalIds],
  );
  return new Map(rows.map((r) => [r.externalId, r]));
}

/**
 * Every hour fact of one participant, at whichever provider: hours are credited across a route change
 * or a switch of provider (R-RTE-1), so the totals are the participant's. Unscoped on purpose: callers
 * check the participant lies in the actor's scope first and return totals only.
 */
export async function unsafeHourFacts(q: Queryable, participantId: string): Promise<{ date: IsoDate; kind: string; minutes: number; source: 'lesson' | 'registered'; startClass: boolean }[]> {
  return q.query(
    `SELECT l.date::text AS date, l.kind, a.minutes_attended AS minutes, 'lesson' AS source, false AS "startClass"
       FROM attendance a JOIN lesson l ON l.id = a.lesson_id
      WHERE a.participant_id = $1 AND a.minutes_attended > 0 AND NOT l.cancelled_by_provider
     UNION ALL
     SELECT e.date::text, e.kind, e.minutes, 'registered', e.start_class
       FROM hours_entry e WHERE e.participant_id = $1 AND NOT e.superseded
     ORDER BY 1`,
    [participantId],
  );
}

/**
 * Issue #12 (R-HRS-1): the current participation activities of one participant, as hours on their end
 * date. The participation feature owns the table; it uses the imports feature, which uses this one, so
 * this one read lives here to keep the features acyclic. Unscoped, as unsafeHourFacts.
 */
export async function unsafeActivityHours(q: Queryable, participantId: string): Promise<ActivityHours[]> {
  return q.query<ActivityHours>(
    `SELECT kind, product_kind AS product, end_date::text AS "endDate", minutes FROM participation_activity WHERE participant_id = $1 AND NOT superseded ORDER BY end_date, id`,
    [participantId],
  );
}

/** The milestones of the contract version of the participant's latest referral, if any. */
export async function latestReferralContract(q: Queryable, participantId: string): Promise<{ contractId: string; contractVersion: number } | undefined> {
  const rows = await q.query<{ contractId: string; contractVersion: number }>(
    `SELECT contract_id AS "contractId", contract_version AS "contractVersion" FROM referral WHERE participant_id = $1 ORDER BY referred_at DESC LIMIT 1`,
    [participantId],
  );
  return rows[0];
}

interface HoursPlacement {
  municipalityId: string;
  providerId: string;
  productCode: string;
  contractId: string;
  contractVersion: number;
  startedOn: IsoDate | null;
  referredOn: IsoDate;
}

const PLACEMENT_COLUMNS = `r.municipality_id AS "municipalityId", r.provider_id AS "providerId", r.product_code AS "productCode",
  r.contract_id AS "contractId", r.contract_version AS "contractVersion", r.started_on::text AS "startedOn", r.referred_on::text AS "referredOn"`;

/**
 * What the hours signals (src/features/signals/raisers/hours.ts) need of one participant: the latest
 * placement's referral governs, as for the absence signals; without a placement in a Koers group, the
 * referral the provider's own system registered hours for. Undefined when neither exists.
 */
export async function hoursFactsOf(q: Queryable, contracts: ContractRegistry, participantId: string): Promise<HoursFacts | undefined> {
  const placed = await q.query<HoursPlacement>(
    `SELECT ${PLACEMENT_COLUMNS} FROM group_member gm JOIN referral r ON r.id = gm.referral_id
     WHERE gm.participant_id = $1 ORDER BY gm.member_from DESC, gm.created_at DESC LIMIT 1`,
    [participantId],
  );
  const placement =
    placed[0] ??
    (
      await q.query<HoursPlacement>(
        `SELECT ${PLACEMENT_COLUMNS} FROM hours_entry e JOIN referral r ON r.id = e.referral_id
         WHERE e.participant_id = $1 AND NOT e.superseded ORDER BY e.date DESC, e.recorded_at DESC LIMIT 1`,
        [participantId],
      )
    )[0];
  if (placement === undefined) return undefined;
  const version = versionOf(contracts, placement);
  // A contract without progress rules configures no hours signals: no facts to read then.
  // Issue #12: participation activities of the kinds the contract counts (progress.activityHoursCount) too.
  const counted = version?.progress?.activityHoursCount ?? [];
  const activities = counted.length === 0 ? [] : countedActivityFacts(await unsafeActivityHours(q, participantId), counted);
  const facts = version?.progress === undefined ? [] : [...(await unsafeHourFacts(q, participantId)), ...activities];
  const { municipalityId, providerId, productCode, startedOn, referredOn } = placement;
  return { participantId, placement: { municipalityId, providerId, productCode, startedOn, referredOn }, version, facts };
}
