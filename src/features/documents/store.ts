// Document queries (R-REF-7). Every read of personal data carries the actor's scope in its SQL
// (STYLE 1, 5); the one unscoped helper carries `unsafe` in its name and feeds audit lines only.
import { participantInScope, referralInScope, SqlParams, type Scope } from '../../platform/access.js';
import type { Queryable } from '../../platform/db.js';
import type { LearningPlanContentShape, PdfParticipant } from './pdf.js';

export type DocumentKind = 'signedLearningPlan' | 'report' | 'other';

export interface DocumentMetaRow {
  id: string;
  participantId: string;
  municipalityId: string;
  kind: DocumentKind;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
  createdByName: string;
}

export interface DocumentContentRow extends DocumentMetaRow {
  /** Buffer from node-postgres, Uint8Array from PGlite. */
  content: Uint8Array;
}

const META = `d.id, d.participant_id AS "participantId", d.municipality_id AS "municipalityId", d.kind, d.file_name AS "fileName",
  d.content_type AS "contentType", d.size_bytes AS "sizeBytes", d.created_at AS "createdAt", u.name AS "createdByName"`;

/** The documents of one referral, newest first; the referral itself must lie in the scope. */
export async function listReferralDocuments(q: Queryable, scope: Scope, referralId: string): Promise<DocumentMetaRow[]> {
  const p = new SqlParams();
  return q.query<DocumentMetaRow & Record<string, unknown>>(
    `SELECT ${META} FROM document d JOIN referral r ON r.id = d.referral_id JOIN app_user u ON u.id = d.created_by
     WHERE d.referral_id = ${p.add(referralId)} AND ${referralInScope(scope, p)}
     ORDER BY d.created_at DESC, d.id DESC LIMIT 500`,
    p.values,
  );
}

/**
 * One stored document with its bytes (R-SEC-1). A document of a referral is visible to whoever may see
 * that referral — a provider sees its own referrals' documents, not another provider's; a document
 * without a referral is visible with its participant.
 */
export async function findDocument(q: Queryable, scope: Scope, id: string): Promise<DocumentContentRow | undefined> {
  const p = new SqlParams();
  const rows = await q.query<DocumentContentRow & Record<string, unknown>>(
    `SELECT ${META}, d.content FROM document d JOIN participant p ON p.id = d.participant_id JOIN app_user u ON u.id = d.created_by
     WHERE d.id = ${p.add(id)} AND CASE WHEN d.referral_id IS NULL THEN ${participantInScope(scope, p)}
       ELSE EXISTS (SELECT 1 FROM referral dr WHERE dr.id = d.referral_id AND ${referralInScope(scope, p, 'dr')}) END`,
    p.values,
  );
  return rows[0];
}

export interface NewDocument {
  id: string;
  municipalityId: string;
  participantId: string;
  referralId: string | null;
  kind: DocumentKind;
  fileName: string;
  contentType: string;
  sha256: string;
  content: Buffer;
  createdAt: Date;
  createdBy: string;
}

export async function insertDocument(q: Queryable, d: NewDocument): Promise<void> {
  await q.query(
    `INSERT INTO document (id, municipality_id, participant_id, referral_id, kind, file_name, content_type, size_bytes, sha256, content, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [d.id, d.municipalityId, d.participantId, d.referralId, d.kind, d.fileName, d.contentType, d.content.length, d.sha256, d.content, d.createdAt, d.createdBy],
  );
}

/** What both PDFs say about the participant and the parties (R-PAR-2: last four BSN digits only). */
interface PdfFacts {
  participantId: string;
  municipalityId: string;
  municipalityName: string;
  providerName: string;
  productCode: string;
  participant: PdfParticipant;
}

const PARTIES = `r.participant_id AS "participantId", r.municipality_id AS "municipalityId", m.name AS "municipalityName",
  pr.name AS "providerName", r.product_code AS "productCode",
  json_build_object('givenName', p.given_name, 'familyName', p.family_name, 'dateOfBirth', to_char(p.date_of_birth, 'YYYY-MM-DD'),
                    'clientNumber', p.client_number, 'bsnLastFour', p.bsn_last_four) AS participant`;
const PARTIES_FROM = `JOIN participant p ON p.id = r.participant_id JOIN municipality m ON m.id = r.municipality_id JOIN provider pr ON pr.id = r.provider_id`;

export interface ReferralPdfRow extends PdfFacts {
  id: string;
  status: string;
  referredOn: string;
  acknowledgementDueDate: string;
  acknowledgedOn: string | null;
  contractId: string;
  contractVersion: number;
}

export async function findReferralForPdf(q: Queryable, scope: Scope, id: string): Promise<ReferralPdfRow | undefined> {
  const p = new SqlParams();
  const rows = await q.query<ReferralPdfRow & Record<string, unknown>>(
    `SELECT r.id, r.status, r.referred_on AS "referredOn", r.acknowledgement_due_date AS "acknowledgementDueDate",
            r.acknowledged_on AS "acknowledgedOn", r.contract_id AS "contractId", r.contract_version AS "contractVersion", ${PARTIES}
     FROM referral r ${PARTIES_FROM}
     WHERE r.id = ${p.add(id)} AND ${referralInScope(scope, p)}`,
    p.values,
  );
  return rows[0];
}

export interface LearningPlanPdfRow extends PdfFacts {
  id: string;
  referralId: string;
  version: number;
  status: 'submitted' | 'returned' | 'approved';
  content: LearningPlanContentShape;
  submittedOn: string;
  submittedAt: Date;
  submittedByName: string;
  decidedOn: string | null;
  decidedAt: Date | null;
  decidedByName: string | null;
  remarks: string | null;
}

/** A learning-plan version is visible exactly when its referral is (R-SEC-1). */
export async function findLearningPlanForPdf(q: Queryable, scope: Scope, id: string): Promise<LearningPlanPdfRow | undefined> {
  const p = new SqlParams();
  const rows = await q.query<LearningPlanPdfRow & Record<string, unknown>>(
    `SELECT lp.id, lp.referral_id AS "referralId", lp.version, lp.status, lp.content, lp.submitted_on AS "submittedOn",
            lp.submitted_at AS "submittedAt", su.name AS "submittedByName", lp.decided_on AS "decidedOn", lp.decided_at AS "decidedAt",
            du.name AS "decidedByName", lp.remarks, ${PARTIES}
     FROM learning_plan lp JOIN referral r ON r.id = lp.referral_id ${PARTIES_FROM}
     JOIN app_user su ON su.id = lp.submitted_by LEFT JOIN app_user du ON du.id = lp.decided_by
     WHERE lp.id = ${p.add(id)} AND ${referralInScope(scope, p)}`,
    p.values,
  );
  return rows[0];
}

