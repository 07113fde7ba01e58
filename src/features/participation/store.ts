// SQL of participation activities and the participation ladder (issue #12, migration 0020). Reads are
// by participant: callers check the participant lies in the actor's scope first (findParticipantRef),
// then every activity of that participant is shown, whichever provider registered it (the language
// provider reads what the participation provider did: docs/architecture.md, "Participation").
import { randomUUID } from 'node:crypto';
import type { IsoDate } from '../../domain/contract.js';
import type { LadderMoment, ParticipationActivityKind } from '../../domain/participation.js';
import type { Queryable } from '../../platform/db.js';
import { groupBy } from '../../domain/group-by.js';

export interface ProviderReferral {
  id: string;
  participantId: string;
  municipalityId: string;
  providerId: string;
  productCode: string;
  contractId: string;
  contractVersion: number;
  referredOn: IsoDate;
}

/** A referral of this participant to this provider, or undefined (another provider's is not told apart from none). */
export async function providerReferral(q: Queryable, providerId: string, participantId: string, referralId: string): Promise<ProviderReferral | undefined> {
  const rows = await q.query<ProviderReferral>(
    `SELECT id, participant_id AS "participantId", municipality_id AS "municipalityId", provider_id AS "providerId", product_code AS "productCode",
       contract_id AS "contractId", contract_version AS "contractVersion", referred_on::text AS "referredOn"
     FROM referral WHERE id = $1 AND provider_id = $2 AND participant_id = $3`,
    [referralId, providerId, participantId],
  );
  return rows[0];
}

export interface ActivityRow {
  rowId: string;
  id: string;
  version: number;
  participantId: string;
  referralId: string;
  providerId: string;
  providerName: string;
  municipalityId: string;
  productKind: 'participation' | 'map';
  productCode: string;
  contractId: string;
  contractVersion: number;
  kind: ParticipationActivityKind;
  organisation: string;
  localFacility: boolean;
  localFacilityName: string | null;
  startDate: IsoDate;
  endDate: IsoDate;
  minutes: number;
  note: string | null;
  externalId: string | null;
  recordedBy: string;
  recordedAt: string;
}

const ACTIVITY_COLUMNS = `a.id AS "rowId", a.activity_id AS id, a.version, a.participant_id AS "participantId", a.referral_id AS "referralId",
  a.provider_id AS "providerId", pr.name AS "providerName", a.municipality_id AS "municipalityId", a.product_kind AS "productKind",
  r.product_code AS "productCode", r.contract_id AS "contractId", r.contract_version AS "contractVersion", a.kind, a.organisation,
  a.local_facility AS "localFacility", a.local_facility_name AS "localFacilityName", a.start_date::text AS "startDate", a.end_date::text AS "endDate",
  a.minutes, a.note, a.external_id AS "externalId", u.name AS "recordedBy", a.recorded_at AS "recordedAt"`;
const ACTIVITY_FROM = `participation_activity a JOIN provider pr ON pr.id = a.provider_id JOIN referral r ON r.id = a.referral_id JOIN app_user u ON u.id = a.recorded_by`;

type RawActivity = Omit<ActivityRow, 'recordedAt'> & { recordedAt: Date | string };
const normalise = (r: RawActivity): ActivityRow => ({ ...r, recordedAt: new Date(r.recordedAt).toISOString() });

/** The current version of every activity of one participant, at whichever provider (see the file comment). */
export async function unsafeActivitiesOf(q: Queryable, participantId: string): Promise<ActivityRow[]> {
  return (await unsafeActivitiesOfMany(q, [participantId])).get(participantId) ?? [];
}

/**
 * The same for many participants in one statement (the participation list: one read per page instead
 * of one per row), grouped by participant in the same order as unsafeActivitiesOf.
 */
export async function unsafeActivitiesOfMany(q: Queryable, participantIds: readonly string[]): Promise<Map<string, ActivityRow[]>> {
  const rows = await q.query<RawActivity>(
    `SELECT ${ACTIVITY_COLUMNS} FROM ${ACTIVITY_FROM} WHERE a.participant_id = ANY($1::uuid[]) AND NOT a.superseded ORDER BY a.start_date, a.recorded_at, a.activity_id`,
    [participantIds],
  );
  return groupBy(rows.map(normalise), (r) => r.participantId);
}

/** The current version of one activity, locked for a correction. Unscoped: the caller decides. */
export async function unsafeCurrentActivity(q: Queryable, activityId: string): Promise<ActivityRow | undefined> {
  const locked = await q.query<{ id: string }>(`SELECT id FROM participation_activity WHERE activity_id = $1 AND NOT superseded FOR UPDATE`, [activityId]);
  if (locked[0] === undefined) return undefined;
  const rows = await q.query<RawActivity>(`SELECT ${ACTIVITY_COLUMNS} FROM ${ACTIVITY_FROM} WHERE a.id = $1`, [locked[0].id]);
  return rows[0] === undefined ? undefined : normalise(rows[0]);
}

export interface NewActivity {
  activityId: string;
  version: number;
  participantId: string;
  referralId: string;
  providerId: string;
  municipalityId: string;
  productKind: 'participation' | 'map';
  kind: ParticipationActivityKind;
  organisation: string;
  localFacility: boolean;
  localFacilityName: string | null;
  startDate: IsoDate;
  endDate: IsoDate;
  minutes: number;
  note: string | null;
  externalId: string | null;
  recordedBy: string;
  recordedAt: Date;
}

/** Writes a version; a correction first marks the version it replaces superseded (kept, never overwritten). */
export async function insertActivityVersion(q: Queryable, a: NewActivity, supersedes?: string): Promise<void> {
  if (supersedes !== undefined) await q.query(`UPDATE participation_activity SET superseded = true WHERE id = $1`, [supersedes]);
  await q.query(
    `INSERT INTO participation_activity (id, activity_id, version, participant_id, referral_id, provider_id, municipality_id, kind, product_kind, organisation,
       local_facility, local_facility_name, start_date, end_date, minutes, note, external_id, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
    [
      randomUUID(),
      a.activityId,
      a.version,
      a.participantId,
      a.referralId,
      a.providerId,
      a.municipalityId,
      a.kind,
      a.productKind,
      a.organisation,
      a.localFacility,
      a.localFacilityName,
      a.startDate,
      a.endDate,
      a.minutes,
      a.note,
      a.externalId,
      a.recordedBy,
      a.recordedAt,
    ],
  );
}

export interface LadderRow {
  id: string;
  referralId: string;
  providerName: string;
  step: number;
  moment: LadderMoment;
  recordedOn: IsoDate;
  recordedBy: string;
  recordedAt: string;
}

/** Every ladder record of one participant, oldest first (append-only: R-MAP-4). Unscoped, as above. */
export async function unsafeLadderOf(q: Queryable, participantId: string): Promise<LadderRow[]> {
  return (await unsafeLadderOfMany(q, [participantId])).get(participantId) ?? [];
}

/** The ladder history of many participants in one statement, grouped by participant (the participation list). */
export async function unsafeLadderOfMany(q: Queryable, participantIds: readonly string[]): Promise<Map<string, LadderRow[]>> {
  const rows = await q.query<Omit<LadderRow, 'recordedAt'> & { participantId: string; recordedAt: Date | string }>(
    `SELECT s.id, s.participant_id AS "participantId", s.referral_id AS "referralId", pr.name AS "providerName", s.step, s.moment, s.recorded_on::text AS "recordedOn", u.name AS "recordedBy", s.recorded_at AS "recordedAt"
     FROM participation_ladder_step s JOIN provider pr ON pr.id = s.provider_id JOIN app_user u ON u.id = s.recorded_by
     WHERE s.participant_id = ANY($1::uuid[]) ORDER BY s.recorded_on, s.recorded_at, s.id`,
    [participantIds],
  );
  const out = new Map<string, LadderRow[]>();
  for (const [id, list] of groupBy(rows, (r) => r.participantId)) out.set(id, list.map(({ participantId: _p, ...r }) => ({ ...r, recordedAt: new Date(r.recordedAt).toISOString() })));
  return out;
}

export async function insertLadderStep(
  q: Queryable,
  s: { participantId: string; referralId: string; providerId: string; municipalityId: string; step: number; moment: LadderMoment; recordedOn: IsoDate; recordedBy: string; recordedAt: Date },
): Promise<string> {
  const id = randomUUID();
  await q.query(
    `INSERT INTO participation_ladder_step (id, participant_id, referral_id, provider_id, municipality_id, step, moment, recorded_on, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [id, s.participantId, s.referralId, s.providerId, s.municipalityId, s.step, s.moment, s.recordedOn, s.recordedBy, s.recordedAt],
  );
  return id;
}
