// SQL of the MAP end conversation (issue #12, migration 0023). Append-only: inserts and reads, never an
// update. Reads are by participant and unscoped: the service checks the participant lies in the
// actor's scope first (findParticipantRef).
import { randomUUID } from 'node:crypto';
import type { IsoDate } from '../../domain/contract.js';
import type { EndOutcome, EndPreparation } from '../../domain/map-end-conversation.js';
import type { Queryable } from '../../platform/db.js';

export type EndKind = 'preparation' | 'planned' | 'held';

export interface EndRow {
  kind: EndKind;
  version: number;
  referralId: string | null;
  preparation: EndPreparation | null;
  plannedOn: IsoDate | null;
  heldOn: IsoDate | null;
  outcome: EndOutcome | null;
  reason: string | null;
  themesDone: number | null;
  practicalMinutes: number | null;
  recordedBy: string;
  recordedByOrganisation: string | null;
  recordedAt: string;
}

/** Every save for one participant, oldest first. */
export async function unsafeEndRowsOf(q: Queryable, participantId: string): Promise<EndRow[]> {
  const rows = await q.query<Omit<EndRow, 'recordedAt'> & { recordedAt: Date | string }>(
    `SELECT e.kind, e.version, e.referral_id AS "referralId", e.preparation, e.planned_on::text AS "plannedOn", e.held_on::text AS "heldOn", e.outcome, e.reason,
       e.themes_done AS "themesDone", e.practical_minutes AS "practicalMinutes", u.name AS "recordedBy", COALESCE(pr.name, m.name) AS "recordedByOrganisation", e.recorded_at AS "recordedAt"
     FROM map_end_conversation e JOIN app_user u ON u.id = e.recorded_by LEFT JOIN provider pr ON pr.id = u.provider_id LEFT JOIN municipality m ON m.id = u.municipality_id
     WHERE e.participant_id = $1 ORDER BY e.recorded_at, e.kind, e.version`,
    [participantId],
  );
  return rows.map((r) => ({ ...r, recordedAt: new Date(r.recordedAt).toISOString() }));
}

/** The latest version of a kind; locks the participant's rows of that kind so two saves cannot both pass the version check. */
export async function latestVersion(q: Queryable, participantId: string, kind: EndKind): Promise<number> {
  await q.query(`SELECT id FROM participant WHERE id = $1 FOR UPDATE`, [participantId]);
  const rows = await q.query<{ v: number | null }>(`SELECT max(version)::int AS v FROM map_end_conversation WHERE participant_id = $1 AND kind = $2`, [participantId, kind]);
  return rows[0]?.v ?? 0;
}

export interface NewEndRow {
  participantId: string;
  municipalityId: string;
  kind: EndKind;
  version: number;
  referralId: string | null;
  providerId: string | null;
  preparation?: EndPreparation;
  plannedOn?: IsoDate;
  held?: { heldOn: IsoDate; outcome: EndOutcome; reason: string | null; themesDone: number; practicalMinutes: number };
  recordedBy: string;
  recordedAt: Date;
}

export async function insertEndRow(q: Queryable, r: NewEndRow): Promise<string> {
  const id = randomUUID();
  await q.query(
    `INSERT INTO map_end_conversation (id, participant_id, municipality_id, kind, version, referral_id, provider_id, preparation, planned_on, held_on, outcome, reason, themes_done, practical_minutes, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      id,
      r.participantId,
      r.municipalityId,
      r.kind,
      r.version,
      r.referralId,
      r.providerId,
      r.preparation === undefined ? null : JSON.stringify(r.preparation),
      r.plannedOn ?? null,
      r.held?.heldOn ?? null,
      r.held?.outcome ?? null,
      r.held?.reason ?? null,
      r.held?.themesDone ?? null,
      r.held?.practicalMinutes ?? null,
      r.recordedBy,
      r.recordedAt,
    ],
  );
  return id;
}
