// The complaints register's rows (migration 0028, R-CM-3): the reads in a room and the inserts.
// Append-only: nothing here updates or deletes. Every read of rows takes the room's condition
// (room.ts complaintInRoom); the counts take contract ids the caller may see.
import type { ComplaintOutcome } from '../../domain/complaints/handling.js';
import type { IsoDate } from '../../domain/iso-date.js';
import { SqlParams } from '../../platform/access.js';
import type { Queryable } from '../../platform/db.js';
import { complaintInRoom, type ComplaintRoom } from './room.js';

/** A version of the handling: who handles it, the measures, closed with its outcome. */
export interface Handling {
  handledBy: string | null;
  measures: string;
  closedOn: IsoDate | null;
  outcome: ComplaintOutcome | null;
  outcomeNote: string | null;
}

export interface ComplaintRow extends Handling {
  id: string;
  providerId: string;
  contractId: string;
  receivedOn: IsoDate;
  complainantKind: 'participant' | 'organisation';
  referralId: string | null;
  participantId: string | null;
  municipalityId: string | null;
  participantName: string | null;
  organisationName: string | null;
  subject: string;
  version: number;
}

export interface VersionRow extends Handling {
  version: number;
  recordedAt: Date;
  recordedBy: string;
}

// The current version of each complaint (the highest) and the complainant's name where it is a participant.
const SELECT = `SELECT c.id, c.provider_id AS "providerId", c.contract_id AS "contractId", to_char(c.received_on, 'YYYY-MM-DD') AS "receivedOn",
    c.complainant_kind AS "complainantKind", c.referral_id AS "referralId", c.participant_id AS "participantId", c.municipality_id AS "municipalityId",
    CASE WHEN p.id IS NULL THEN NULL ELSE p.given_name || ' ' || p.family_name END AS "participantName", c.organisation_name AS "organisationName", c.subject,
    v.version, v.handled_by AS "handledBy", v.measures, to_char(v.closed_on, 'YYYY-MM-DD') AS "closedOn", v.outcome, v.outcome_note AS "outcomeNote"
  FROM complaint c
  JOIN LATERAL (SELECT * FROM complaint_version x WHERE x.complaint_id = c.id ORDER BY x.version DESC LIMIT 1) v ON true
  LEFT JOIN participant p ON p.id = c.participant_id`;

/** Every complaint in a personal room, received first-to-last; the service filters, sorts and pages (a provider's register is small). */
export function complaintsIn(q: Queryable, room: ComplaintRoom): Promise<ComplaintRow[]> {
  const p = new SqlParams();
  return q.query<ComplaintRow>(`${SELECT} WHERE ${complaintInRoom(room, p)} ORDER BY c.received_on, c.recorded_at, c.id`, p.values);
}

export async function complaintIn(q: Queryable, room: ComplaintRoom, id: string): Promise<ComplaintRow | undefined> {
  const p = new SqlParams();
  const rows = await q.query<ComplaintRow>(`${SELECT} WHERE c.id = ${p.add(id)} AND ${complaintInRoom(room, p)}`, p.values);
  return rows[0];
}

export function versionsOf(q: Queryable, complaintId: string): Promise<VersionRow[]> {
  return q.query<VersionRow>(
    `SELECT x.version, x.handled_by AS "handledBy", x.measures, to_char(x.closed_on, 'YYYY-MM-DD') AS "closedOn", x.outcome, x.outcome_note AS "outcomeNote",
       x.recorded_at AS "recordedAt", (SELECT u.name FROM app_user u WHERE u.id = x.recorded_by) AS "recordedBy"
     FROM complaint_version x WHERE x.complaint_id = $1 ORDER BY x.version`,
    [complaintId],
  );
}

export interface NewComplaint {
  id: string;
  providerId: string;
  contractId: string;
  receivedOn: IsoDate;
  from: { kind: 'participant'; referralId: string; participantId: string; municipalityId: string } | { kind: 'organisation'; name: string };
  subject: string;
}

export async function insertComplaint(q: Queryable, c: NewComplaint, who: { userId: string; at: Date }): Promise<void> {
  const participant = c.from.kind === 'participant' ? c.from : undefined;
  await q.query(
    `INSERT INTO complaint (id, provider_id, contract_id, received_on, complainant_kind, referral_id, participant_id, municipality_id, organisation_name, subject, recorded_at, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [c.id, c.providerId, c.contractId, c.receivedOn, c.from.kind, participant?.referralId ?? null, participant?.participantId ?? null, participant?.municipalityId ?? null, c.from.kind === 'organisation' ? c.from.name : null, c.subject, who.at, who.userId],
  );
}

export interface NewVersion extends Handling {
  version: number;
}

/** The primary key (complaint, version) refuses a concurrent second save of the same version. */
export async function insertVersion(q: Queryable, complaintId: string, v: NewVersion, who: { userId: string; at: Date }): Promise<void> {
  await q.query(
    `INSERT INTO complaint_version (complaint_id, version, handled_by, measures, closed_on, outcome, outcome_note, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [complaintId, v.version, v.handledBy, v.measures, v.closedOn, v.outcome, v.outcomeNote, who.at, who.userId],
  );
}

export interface ComplaintCount {
  contractId: string;
  providerId: string;
  quarter: string;
  received: number;
  fromParticipants: number;
  fromOrganisations: number;
  /** Received in the quarter and closed by today. */
  closed: number;
  upheld: number;
  /** Distinct complainants: a participant, or an organisation by its name (the ladder's pattern, R-ESC-2). */
  complainants: number;
}

/**
 * Counts per contract, provider and quarter of receipt — no row, name or subject. `municipalityIds`
 * narrows to complaints of those municipalities' participants (a municipality's report); omitted: all.
 */
export function complaintCounts(q: Queryable, f: { contractIds: readonly string[]; providerIds?: readonly string[]; municipalityIds?: readonly string[]; from: IsoDate; to: IsoDate }): Promise<ComplaintCount[]> {
  const p = new SqlParams();
  const where = [`c.contract_id = ANY(${p.add([...f.contractIds])}::text[])`, `c.received_on BETWEEN ${p.add(f.from)} AND ${p.add(f.to)}`];
  if (f.providerIds !== undefined) where.push(`c.provider_id = ANY(${p.add([...f.providerIds])}::uuid[])`);
  if (f.municipalityIds !== undefined) where.push(`c.municipality_id = ANY(${p.add([...f.municipalityIds])}::uuid[])`);
  return q.query<ComplaintCount>(
    `SELECT c.contract_id AS "contractId", c.provider_id AS "providerId", to_char(c.received_on, 'YYYY-"Q"Q') AS quarter, count(*)::int AS received,
       count(*) FILTER (WHERE c.complainant_kind = 'participant')::int AS "fromParticipants", count(*) FILTER (WHERE c.complainant_kind = 'organisation')::int AS "fromOrganisations",
       count(*) FILTER (WHERE v.closed_on IS NOT NULL)::int AS closed, count(*) FILTER (WHERE v.outcome IN ('upheld', 'partlyUpheld'))::int AS upheld,
       count(DISTINCT COALESCE(c.participant_id::text, 'org:' || lower(c.organisation_name)))::int AS complainants
     FROM complaint c JOIN LATERAL (SELECT closed_on, outcome FROM complaint_version x WHERE x.complaint_id = c.id ORDER BY x.version DESC LIMIT 1) v ON true
     WHERE ${where.join(' AND ')}
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    p.values,
  );
}
