// R-SEC-2: a denied attempt is logged and committed although the caller gets a 404. When the object
// exists elsewhere, the line names its data subject, so the controller sees who tried to look.
// One helper for every feature (it was written three times before).
import type { RequestContext } from './access.js';
import { recordAudit, type AuditOperation } from './audit.js';
import type { Crypto } from './crypto.js';
import type { Queryable } from './db.js';

export type DeniedObject = 'participant' | 'referral' | 'learningPlan' | 'document' | 'group' | 'lesson' | 'progressReport' | 'scalingRequest' | 'invoice' | 'invoiceLine';

// Objects that belong to one participant; a group, a lesson or an invoice has no single data subject.
const OWNER_SQL: Partial<Record<DeniedObject, string>> = {
  participant: 'SELECT id AS "participantId", municipality_id AS "municipalityId" FROM participant WHERE id = $1',
  referral: 'SELECT participant_id AS "participantId", municipality_id AS "municipalityId" FROM referral WHERE id = $1',
  learningPlan: 'SELECT r.participant_id AS "participantId", r.municipality_id AS "municipalityId" FROM learning_plan lp JOIN referral r ON r.id = lp.referral_id WHERE lp.id = $1',
  document: 'SELECT participant_id AS "participantId", municipality_id AS "municipalityId" FROM document WHERE id = $1',
  progressReport: 'SELECT participant_id AS "participantId", municipality_id AS "municipalityId" FROM progress_report WHERE id = $1',
  scalingRequest: 'SELECT participant_id AS "participantId", municipality_id AS "municipalityId" FROM scaling_request WHERE id = $1',
  // An invoice has many data subjects, like a group: its line has one (issue #11).
  invoiceLine: 'SELECT participant_id AS "participantId", municipality_id AS "municipalityId" FROM invoice_line WHERE id = $1',
};

/** Unscoped on purpose, for the audit line of a denied attempt only: never returned to the caller. */
async function unsafeDataSubjectOf(q: Queryable, objectType: DeniedObject, id: string): Promise<{ participantId: string; municipalityId: string } | undefined> {
  const sql = OWNER_SQL[objectType];
  if (sql === undefined) return undefined;
  return (await q.query<{ participantId: string; municipalityId: string }>(sql, [id]))[0];
}

export async function auditDenied(tx: Queryable, crypto: Crypto, ctx: RequestContext, name: AuditOperation, objectType: DeniedObject, objectId: string): Promise<void> {
  const owner = await unsafeDataSubjectOf(tx, objectType, objectId);
  await recordAudit(tx, crypto, ctx, {
    name,
    status: 'error',
    subjects: owner === undefined ? [] : [owner],
    objectType,
    objectId,
    summary: "outside the actor's scope or not found",
  });
}
