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

/**
 * Issue #16: hoursFactsOf for all participants of an import, set-based. The facts are compressed where
 * no rule looks closer: attended minutes per month from the read model attendance_month (0024; held
 * lessons, minutes never above the lesson's), by day only in the months where a milestone not yet
 * signalled is crossed, and in the first month when the report cadence counts from the first lesson.
 * Hours registered by a provider's system and counted activities as they are. The rules give the same
 * signals on these facts as on every row (raiseHoursSignalsForMany drops the milestones signalled already).
 */
export async function hoursWindowFactsOf(q: Queryable, contracts: ContractRegistry, participantIds: readonly string[], signalled: ReadonlyMap<string, ReadonlySet<string>>): Promise<HoursFacts[]> {
  const ids = [...participantIds];
  const placed = await q.query<HoursPlacement & { participantId: string }>(
    `SELECT DISTINCT ON (gm.participant_id) gm.participant_id AS "participantId", ${PLACEMENT_COLUMNS} FROM group_member gm JOIN referral r ON r.id = gm.referral_id
     WHERE gm.participant_id = ANY($1::uuid[]) ORDER BY gm.participant_id, gm.member_from DESC, gm.created_at DESC`,
    [ids],
  );
  const placements = new Map(placed.map((p) => [p.participantId, p]));
  const unplaced = ids.filter((id) => !placements.has(id));
  if (unplaced.length > 0) {
    const registered = await q.query<HoursPlacement & { participantId: string }>(
      `SELECT DISTINCT ON (e.participant_id) e.participant_id AS "participantId", ${PLACEMENT_COLUMNS} FROM hours_entry e JOIN referral r ON r.id = e.referral_id
       WHERE e.participant_id = ANY($1::uuid[]) AND NOT e.superseded ORDER BY e.participant_id, e.date DESC, e.recorded_at DESC`,
      [unplaced],
    );
    for (const p of registered) placements.set(p.participantId, p);
  }
  type Fact = HoursFacts['facts'][number];
  const out = new Map<string, { facts: HoursFacts; months: Map<string, number>; own: Fact[]; activities: Fact[] }>();
  for (const [participantId, p] of placements) {
    const version = versionOf(contracts, p);
    const { municipalityId, providerId, productCode, startedOn, referredOn } = p;
    out.set(participantId, { facts: { participantId, placement: { municipalityId, providerId, productCode, startedOn, referredOn }, version, facts: [] }, months: new Map(), own: [], activities: [] });
  }
  // A contract without progress rules configures no hours signals: no facts to read then.
  const ruled = [...out.values()].filter((x) => x.facts.version?.progress !== undefined);
  const rids = ruled.map((x) => x.facts.participantId);
  if (rids.length === 0) return [...out.values()].map((x) => x.facts);
  const at = (id: string) => out.get(id) as NonNullable<ReturnType<typeof out.get>>;

  const monthly = await q.query<{ participantId: string; month: string; minutes: number }>(
    `SELECT am.participant_id AS "participantId", to_char(am.month, 'YYYY-MM') AS month, sum(am.attended_minutes + am.made_up_minutes)::int AS minutes
     FROM attendance_month am WHERE am.participant_id = ANY($1::uuid[]) GROUP BY 1, 2 HAVING sum(am.attended_minutes + am.made_up_minutes) > 0`,
    [rids],
  );
  for (const m of monthly) at(m.participantId).months.set(m.month, m.minutes);
  const entries = await q.query<Fact & { participantId: string }>(
    `SELECT participant_id AS "participantId", date::text AS date, kind, minutes, start_class AS "startClass" FROM hours_entry
     WHERE participant_id = ANY($1::uuid[]) AND NOT superseded ORDER BY participant_id, date`,
    [rids],
  );
  for (const { participantId, ...e } of entries) at(participantId).own.push(e);
  const withActivities = ruled.filter((x) => (x.facts.version?.progress?.activityHoursCount ?? []).length > 0).map((x) => x.facts.participantId);
  if (withActivities.length > 0) {
    const rows = await q.query<ActivityHours & { participantId: string }>(
      `SELECT participant_id AS "participantId", kind, product_kind AS product, end_date::text AS "endDate", minutes FROM participation_activity
       WHERE participant_id = ANY($1::uuid[]) AND NOT superseded ORDER BY participant_id, end_date, id`,
      [withActivities],
    );
    const by = new Map<string, ActivityHours[]>();
    for (const { participantId, ...a } of rows) by.set(participantId, [...(by.get(participantId) ?? []), a]);
    for (const [id, list] of by) at(id).activities = countedActivityFacts(list, at(id).facts.version?.progress?.activityHoursCount ?? []);
  }

  // The months to read by day: where a milestone not signalled yet is crossed, and the first month while the
  // start is unset and a report cadence counts from it (R-HRS-3).
  const detail: { id: string; month: string }[] = [];
  for (const x of ruled) {
    const id = x.facts.participantId;
    const sums = new Map(x.months);
    for (const f of [...x.own, ...x.activities]) sums.set(f.date.slice(0, 7), (sums.get(f.date.slice(0, 7)) ?? 0) + f.minutes);
    const order = [...sums.keys()].sort();
    const wanted = new Set<string>();
    const targets = [...(x.facts.version?.progress?.milestoneHours ?? [])].filter((h) => !(signalled.get(id)?.has(`h${h}`) ?? false)).sort((a, b) => a - b);
    let total = 0;
    let next = 0;
    for (const m of order) {
      total += sums.get(m) ?? 0;
      while (next < targets.length && total >= (targets[next] ?? Infinity) * 60) {
        wanted.add(m);
        next += 1;
      }
    }
    const firstLesson = [...x.months.keys()].sort()[0];
    if (x.facts.placement.startedOn === null && firstLesson !== undefined && x.facts.version?.progress?.reportEveryMonths !== undefined) wanted.add(firstLesson);
    for (const m of wanted) if (x.months.has(m)) detail.push({ id, month: m });
  }
  const days = new Map<string, Fact[]>();
  if (detail.length > 0) {
    const rows = await q.query<Fact & { participantId: string }>(
      `WITH w AS (SELECT * FROM unnest($1::uuid[], $2::date[]) AS w(participant_id, month))
       SELECT w.participant_id AS "participantId", l.date, 'language' AS kind, sum(a.minutes_attended)::int AS minutes, false AS "startClass"
       FROM w JOIN LATERAL (SELECT DISTINCT am.group_id FROM attendance_month am WHERE am.participant_id = w.participant_id AND am.month = w.month) g ON true
       JOIN lesson l ON l.group_id = g.group_id AND l.date >= w.month AND l.date < (w.month + interval '1 month')::date
       JOIN LATERAL (SELECT a.minutes_attended FROM attendance a WHERE a.lesson_id = l.id AND a.participant_id = w.participant_id OFFSET 0) a ON true
       WHERE a.minutes_attended > 0 AND NOT l.cancelled_by_provider GROUP BY 1, 2`,
      [detail.map((d) => d.id), detail.map((d) => `${d.month}-01`)],
    );
    for (const { participantId, ...d } of rows) days.set(`${participantId}|${d.date.slice(0, 7)}`, [...(days.get(`${participantId}|${d.date.slice(0, 7)}`) ?? []), d]);
  }
  for (const x of ruled) {
    const id = x.facts.participantId;
    // A month not read by day counts as one fact on its first day: no milestone the rules still raise is crossed inside it.
    const lessons = [...x.months].flatMap(([m, minutes]): Fact[] => days.get(`${id}|${m}`) ?? [{ date: `${m}-01`, kind: 'language', minutes, startClass: false }]);
    // As unsafeHourFacts (ordered by day) then the activities, like hoursFactsOf.
    x.facts = { ...x.facts, facts: [...[...lessons, ...x.own].sort((a, b) => a.date.localeCompare(b.date)), ...x.activities] };
  }
  return [...out.values()].map((x) => x.facts);
}
