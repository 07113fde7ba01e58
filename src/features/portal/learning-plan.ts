// Issue #12 (R-PRT-2, "my learning plan"): the approved learning plan of the participant's latest
// referral in the actor's room (R-REF-6), and the copy the participant signed (R-REF-7). The participant
// reads their own; the municipality and the provider what referralInScope gives them. A draft or returned
// version is not shown: what counts is what the municipality approved. Each read is audited (R-SEC-2);
// outside one's room (or without an approved plan, for the PDF) a logged denial and 404.
import { z } from 'zod';
import { referralInScope, SqlParams, type RequestContext, type Scope } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { auditDenied } from '../../platform/audit-denied.js';
import type { Queryable } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { LearningPlanContent } from '../referrals/schemas.js';
import { findParticipantRef } from '../participants/store.js';

type Deps = Pick<AppDeps, 'db' | 'crypto'>;

export const MyLearningPlan = z.object({
  plan: z
    .object({
      id: z.uuid(),
      version: z.number().int(),
      approvedOn: z.string(),
      providerName: z.string(),
      content: LearningPlanContent,
    })
    .nullable()
    .describe('The approved version of the latest referral; null while none is approved'),
  signed: z.object({ uploadedOn: z.string() }).nullable().describe('The signed copy (R-REF-7), downloadable at …/learning-plan/signed.pdf'),
});
export type MyLearningPlan = z.infer<typeof MyLearningPlan>;

interface PlanRow {
  id: string;
  referralId: string;
  version: number;
  approvedOn: string;
  providerName: string;
  content: z.infer<typeof LearningPlanContent>;
}

async function approvedPlan(q: Queryable, scope: Scope, participantId: string): Promise<PlanRow | undefined> {
  const p = new SqlParams();
  const rows = await q.query<PlanRow>(
    `SELECT lp.id, lp.referral_id AS "referralId", lp.version, lp.decided_on::text AS "approvedOn", pr.name AS "providerName", lp.content
     FROM referral r JOIN learning_plan lp ON lp.referral_id = r.id AND lp.status = 'approved' JOIN provider pr ON pr.id = r.provider_id
     WHERE r.participant_id = ${p.add(participantId)} AND ${referralInScope(scope, p)}
     ORDER BY r.referred_at DESC, lp.version DESC LIMIT 1`,
    p.values,
  );
  return rows[0];
}

interface SignedRow {
  id: string;
  uploadedOn: string;
  fileName: string;
  contentType: string;
  content: Uint8Array;
}

async function signedCopy(q: Queryable, referralId: string, withContent: boolean): Promise<SignedRow | undefined> {
  const rows = await q.query<SignedRow>(
    `SELECT id, (created_at AT TIME ZONE 'Europe/Amsterdam')::date::text AS "uploadedOn", file_name AS "fileName", content_type AS "contentType"${withContent ? ', content' : ''}
     FROM document WHERE referral_id = $1 AND kind = 'signedLearningPlan' ORDER BY created_at DESC, id LIMIT 1`,
    [referralId],
  );
  return rows[0];
}

export async function getMyLearningPlan(deps: Deps, ctx: RequestContext, participantId: string): Promise<MyLearningPlan> {
  const out = await deps.db.transaction(async (tx) => {
    const participant = await findParticipantRef(tx, ctx.scope, participantId);
    if (participant === undefined) {
      await auditDenied(tx, deps.crypto, ctx, 'participant.read', 'participant', participantId);
      return undefined;
    }
    const plan = await approvedPlan(tx, ctx.scope, participantId);
    const signed = plan === undefined ? undefined : await signedCopy(tx, plan.referralId, false);
    await recordAudit(tx, deps.crypto, ctx, { name: 'participant.read', status: 'ok', subjects: [{ participantId, municipalityId: participant.municipalityId }], objectType: 'learningPlan', objectId: plan?.id ?? participantId });
    return {
      plan: plan === undefined ? null : { id: plan.id, version: plan.version, approvedOn: plan.approvedOn, providerName: plan.providerName, content: plan.content },
      signed: signed === undefined ? null : { uploadedOn: signed.uploadedOn },
    };
  });
  if (out === undefined) throw notFound();
  return out;
}

export interface SignedFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export async function getMySignedLearningPlan(deps: Deps, ctx: RequestContext, participantId: string): Promise<SignedFile> {
  const out = await deps.db.transaction(async (tx) => {
    const participant = await findParticipantRef(tx, ctx.scope, participantId);
    const plan = participant === undefined ? undefined : await approvedPlan(tx, ctx.scope, participantId);
    const signed = plan === undefined ? undefined : await signedCopy(tx, plan.referralId, true);
    if (participant === undefined || signed === undefined) {
      await auditDenied(tx, deps.crypto, ctx, 'document.download', 'participant', participantId);
      return undefined;
    }
    await recordAudit(tx, deps.crypto, ctx, { name: 'document.download', status: 'ok', subjects: [{ participantId, municipalityId: participant.municipalityId }], objectType: 'document', objectId: signed.id });
    // PGlite answers bytea as Uint8Array, node-postgres as Buffer: one shape for the route.
    return { fileName: signed.fileName, contentType: signed.contentType, content: Buffer.from(signed.content.buffer, signed.content.byteOffset, signed.content.byteLength) };
  });
  if (out === undefined) throw notFound();
  return out;
}
