// The tables of migration 0025: report drafts (optimistic lock) and frozen submissions (append-only).
// Unscoped by name: the caller (submission-service.ts) decided the actor may see or write the instance.
import type { Queryable } from '../../platform/db.js';

export interface SubmissionRow {
  instanceKey: string;
  sequence: number;
  contractVersion: number;
  content: string;
  contentHash: string;
  computedAt: string;
  submittedAt: string;
  submittedOn: string;
  submittedBy: string;
  correctionReason: string | null;
}

export interface SubmissionSummary {
  instanceKey: string;
  firstSubmittedOn: string;
  firstSubmittedAt: string;
  firstSubmittedBy: string;
  count: number;
}

const ISO = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Per instance key: its first submission and how many there are. */
export async function unsafeSubmissionSummaries(q: Queryable, keys: readonly string[]): Promise<Map<string, SubmissionSummary>> {
  if (keys.length === 0) return new Map();
  const rows = await q.query<SubmissionSummary>(
    `SELECT s.instance_key AS "instanceKey", s.submitted_on::text AS "firstSubmittedOn", ${ISO('s.submitted_at')} AS "firstSubmittedAt",
       u.name AS "firstSubmittedBy", (SELECT count(*)::int FROM report_submission c WHERE c.instance_key = s.instance_key) AS count
     FROM report_submission s JOIN app_user u ON u.id = s.submitted_by
     WHERE s.sequence = 1 AND s.instance_key = ANY($1::text[])`,
    [[...keys]],
  );
  return new Map(rows.map((r) => [r.instanceKey, r]));
}

/** Every submission of an instance, oldest first. */
export function unsafeSubmissionsOf(q: Queryable, key: string): Promise<SubmissionRow[]> {
  return q.query<SubmissionRow>(
    `SELECT s.instance_key AS "instanceKey", s.sequence, s.contract_version AS "contractVersion", s.content, s.content_hash AS "contentHash",
       ${ISO('s.computed_at')} AS "computedAt", ${ISO('s.submitted_at')} AS "submittedAt", s.submitted_on::text AS "submittedOn",
       u.name AS "submittedBy", s.correction_reason AS "correctionReason"
     FROM report_submission s JOIN app_user u ON u.id = s.submitted_by WHERE s.instance_key = $1 ORDER BY s.sequence`,
    [key],
  );
}

export interface DraftRow {
  entered: Record<string, string>;
  lockVersion: number;
  updatedAt: string;
}

export async function unsafeDraftOf(q: Queryable, key: string): Promise<DraftRow | undefined> {
  const [row] = await q.query<DraftRow>(`SELECT entered, lock_version AS "lockVersion", ${ISO('updated_at')} AS "updatedAt" FROM report_draft WHERE instance_key = $1`, [key]);
  return row;
}

/** Saves the draft if `lockVersion` is the one stored (0: none yet); returns the new version, or undefined when stale. */
export async function unsafeSaveDraft(q: Queryable, key: string, providerId: string, entered: Record<string, string>, lockVersion: number, userId: string, now: Date): Promise<DraftRow | undefined> {
  const json = JSON.stringify(entered);
  const rows =
    lockVersion === 0
      ? await q.query<DraftRow>(
          `INSERT INTO report_draft (instance_key, provider_id, entered, lock_version, updated_at, updated_by) VALUES ($1, $2, $3::jsonb, 1, $4, $5)
           ON CONFLICT (instance_key) DO NOTHING RETURNING entered, lock_version AS "lockVersion", ${ISO('updated_at')} AS "updatedAt"`,
          [key, providerId, json, now.toISOString(), userId],
        )
      : await q.query<DraftRow>(
          `UPDATE report_draft SET entered = $3::jsonb, lock_version = lock_version + 1, updated_at = $4, updated_by = $5
           WHERE instance_key = $1 AND provider_id = $2 AND lock_version = $6 RETURNING entered, lock_version AS "lockVersion", ${ISO('updated_at')} AS "updatedAt"`,
          [key, providerId, json, now.toISOString(), userId, lockVersion],
        );
  return rows[0];
}

export interface NewSubmission {
  id: string;
  instanceKey: string;
  sequence: number;
  contractId: string;
  kind: string;
  periodId: string;
  municipality: string | null;
  providerId: string;
  contractVersion: number;
  content: string;
  contentHash: string;
  computedAt: Date;
  submittedAt: Date;
  submittedOn: string;
  submittedBy: string;
  correctionReason: string | null;
}

/** Appends a submission; false when that sequence number was taken meanwhile (a racing submission). */
export async function unsafeInsertSubmission(q: Queryable, s: NewSubmission): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO report_submission (id, instance_key, sequence, contract_id, report_kind, period_id, municipality_code, provider_id, contract_version, content, content_hash,
       computed_at, submitted_at, submitted_on, submitted_by, correction_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     ON CONFLICT ON CONSTRAINT report_submission_sequence DO NOTHING RETURNING id`,
    [s.id, s.instanceKey, s.sequence, s.contractId, s.kind, s.periodId, s.municipality, s.providerId, s.contractVersion, s.content, s.contentHash,
      s.computedAt.toISOString(), s.submittedAt.toISOString(), s.submittedOn, s.submittedBy, s.correctionReason],
  );
  return rows.length > 0;
}

/** The users a report's recipients are: the region's contract managers, the consultants of the municipalities. */
export async function unsafeRecipientAddresses(q: Queryable, regionCode: string | null, municipalityCodes: readonly string[]): Promise<string[]> {
  const rows = await q.query<{ email: string }>(
    `SELECT u.email FROM app_user u LEFT JOIN region g ON g.id = u.region_id LEFT JOIN municipality m ON m.id = u.municipality_id
     WHERE (u.role = 'contractManager' AND g.code = $1) OR (u.role = 'consultant' AND m.code = ANY($2::text[]))
     ORDER BY u.email`,
    [regionCode, [...municipalityCodes]],
  );
  return rows.map((r) => r.email);
}
