// Document use cases (R-REF-7): the municipality can always download what was exchanged about its
// participants — the referral, every learning-plan version, the signed plan. Each request is one
// transaction: the scoped load, the audit line (R-SEC-2, one per data subject) and, for an upload,
// the lifecycle step. A denied attempt commits its audit line and answers 404 (R-SEC-1).
import { createHash, randomUUID } from 'node:crypto';
import { maskBsnsInText } from '../../domain/bsn-in-text.js';
import { statusLabel, type ReferralStatus } from '../../domain/lifecycle.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit, type AuditOperation } from '../../platform/audit.js';
import type { DeniedObject } from '../../platform/audit-denied.js';
import type { Tx } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { productName } from '../organisations/store.js';
import { recordLifecycleEventInTx } from '../referrals/lifecycle.js';
import { auditDenied } from '../referrals/service.js';
import { findReferral } from '../referrals/store.js';
import { pdfFileName, renderLearningPlanPdf, renderReferralPdf } from './pdf.js';
import { checkPdf } from './files.js';
import type { DocumentMeta } from './schemas.js';
import {
  findDocument,
  findLearningPlanForPdf,
  findReferralForPdf,
  insertDocument,
  listReferralDocuments,
  type DocumentMetaRow,
} from './store.js';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'clock' | 'contracts'>;

/** A file to send: the route sets Content-Type and Content-Disposition from it. */
export interface FileOut {
  fileName: string;
  contentType: string;
  content: Buffer;
}

function toMeta(r: DocumentMetaRow): DocumentMeta {
  // R-PAR-2: masked again on the way out, for names stored before the rule caught grouped BSNs (issue #9 hole 8).
  return { id: r.id, kind: r.kind, fileName: maskBsnsInText(r.fileName), contentType: r.contentType, sizeBytes: r.sizeBytes, createdAt: r.createdAt.toISOString(), createdByName: r.createdByName };
}

/** R-SEC-2: a denied attempt names the data subject when the object exists (src/platform/audit-denied.ts). */
async function auditDeniedDocument(tx: Tx, deps: Deps, ctx: RequestContext, name: AuditOperation & `document.${string}`, objectType: DeniedObject, id: string): Promise<void> {
  await auditDenied(tx, deps, ctx, name, objectType, id);
}

/**
 * Reads inside one transaction and renders the answer there too: the audit line commits only when the
 * document was really produced. Rendering a page takes tens of milliseconds, acceptable on PGlite's
 * one session (ARCHITECTURE §6).
 */
async function readAudited<T>(
  deps: Deps,
  ctx: RequestContext,
  name: 'document.list' | 'document.download',
  target: { objectType: DeniedObject; id: string },
  load: (tx: Tx) => Promise<{ subject: { participantId: string; municipalityId: string }; value: T } | undefined>,
): Promise<T> {
  const outcome = await deps.db.transaction(async (tx) => {
    const found = await load(tx);
    if (found === undefined) {
      await auditDeniedDocument(tx, deps, ctx, name, target.objectType, target.id);
      return undefined;
    }
    await recordAudit(tx, deps.crypto, ctx, { name, status: 'ok', subjects: [found.subject], objectType: target.objectType, objectId: target.id });
    return { value: found.value };
  });
  if (outcome === undefined) throw notFound();
  return outcome.value;
}

export async function listDocuments(deps: Deps, ctx: RequestContext, referralId: string): Promise<DocumentMeta[]> {
  return readAudited(deps, ctx, 'document.list', { objectType: 'referral', id: referralId }, async (tx) => {
    const referral = await findReferral(tx, ctx.scope, referralId);
    if (referral === undefined) return undefined;
    const rows = await listReferralDocuments(tx, ctx.scope, referralId);
    return { subject: { participantId: referral.participantId, municipalityId: referral.municipalityId }, value: rows.map(toMeta) };
  });
}

export async function referralPdf(deps: Deps, ctx: RequestContext, referralId: string): Promise<FileOut> {
  return readAudited(deps, ctx, 'document.download', { objectType: 'referral', id: referralId }, async (tx) => {
    const r = await findReferralForPdf(tx, ctx.scope, referralId);
    if (r === undefined) return undefined;
    const content = await renderReferralPdf({
      participant: r.participant,
      municipalityName: r.municipalityName,
      providerName: r.providerName,
      productName: productName(deps.contracts, r.productCode),
      referredOn: r.referredOn,
      acknowledgementDueDate: r.acknowledgementDueDate,
      acknowledgedOn: r.acknowledgedOn,
      statusLabel: r.status in statusLabel ? statusLabel[r.status as ReferralStatus] : r.status,
      contractId: r.contractId,
      contractVersion: r.contractVersion,
      generatedOn: deps.clock.today(),
    });
    const fileName = pdfFileName('aanmelding', r.participant.clientNumber, r.id);
    return { subject: { participantId: r.participantId, municipalityId: r.municipalityId }, value: { fileName, contentType: 'application/pdf', content } };
  });
}

export async function learningPlanPdf(deps: Deps, ctx: RequestContext, planId: string): Promise<FileOut> {
  return readAudited(deps, ctx, 'document.download', { objectType: 'learningPlan', id: planId }, async (tx) => {
    const lp = await findLearningPlanForPdf(tx, ctx.scope, planId);
    if (lp === undefined) return undefined;
    const content = await renderLearningPlanPdf({
      participant: lp.participant,
      municipalityName: lp.municipalityName,
      providerName: lp.providerName,
      productName: productName(deps.contracts, lp.productCode),
      version: lp.version,
      status: lp.status,
      content: lp.content,
      submittedOn: lp.submittedOn,
      submittedAt: lp.submittedAt,
      submittedByName: lp.submittedByName,
      decidedOn: lp.decidedOn,
      decidedAt: lp.decidedAt,
      decidedByName: lp.decidedByName,
      remarks: lp.remarks,
      generatedOn: deps.clock.today(),
    });
    const fileName = pdfFileName('leerplan', lp.participant.clientNumber, lp.referralId, lp.version);
    return { subject: { participantId: lp.participantId, municipalityId: lp.municipalityId }, value: { fileName, contentType: 'application/pdf', content } };
  });
}

export async function downloadDocument(deps: Deps, ctx: RequestContext, id: string): Promise<FileOut> {
  return readAudited(deps, ctx, 'document.download', { objectType: 'document', id }, async (tx) => {
    const d = await findDocument(tx, ctx.scope, id);
    if (d === undefined) return undefined;
    // PGlite answers bytea as Uint8Array, node-postgres as Buffer: one shape for the route.
    const content = Buffer.from(d.content.buffer, d.content.byteOffset, d.content.byteLength);
    return { subject: { participantId: d.participantId, municipalityId: d.municipalityId }, value: { fileName: d.fileName, contentType: d.contentType, content } };
  });
}

// ---- upload of the signed learning plan ----

/**
 * R-REF-6, R-REF-7: the provider uploads the learning plan signed by the participant; storing it takes the
 * lifecycle step planApproved → planSigned in the same transaction, so there is never a signed
 * status without its document, nor a document for a step that was refused (409 stale, 422 wrong status).
 */
export async function uploadSignedLearningPlan(deps: Deps, ctx: RequestContext, referralId: string, input: { lockVersion: number; fileName: string; content: unknown }): Promise<DocumentMeta> {
  const content = checkPdf(input.content);
  const outcome = await deps.db.transaction(async (tx) => {
    const referral = await findReferral(tx, ctx.scope, referralId, true);
    if (referral === undefined) {
      await auditDenied(tx, deps, ctx, 'document.upload', 'referral', referralId);
      return undefined;
    }
    const id = randomUUID();
    const createdAt = deps.clock.now();
    await insertDocument(tx, {
      id,
      municipalityId: referral.municipalityId,
      participantId: referral.participantId,
      referralId,
      kind: 'signedLearningPlan',
      fileName: input.fileName,
      contentType: 'application/pdf',
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      createdAt,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, deps.crypto, ctx, {
      name: 'document.upload',
      status: 'ok',
      subjects: [{ participantId: referral.participantId, municipalityId: referral.municipalityId }],
      objectType: 'document',
      objectId: id,
    });
    await recordLifecycleEventInTx(tx, deps, ctx, referralId, { type: 'planSigned', lockVersion: input.lockVersion, documentId: id });
    const meta: DocumentMeta = { id, kind: 'signedLearningPlan', fileName: input.fileName, contentType: 'application/pdf', sizeBytes: content.length, createdAt: createdAt.toISOString(), createdByName: ctx.actor.name };
    return meta;
  });
  if (outcome === undefined) throw notFound();
  return outcome;
}
