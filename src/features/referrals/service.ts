// Referral use cases (R-REF-1, R-REF-2 first steps): load facts, decide with the domain, store the
// outcome with its audit line and the signal engine's run in one transaction.
import { randomUUID } from 'node:crypto';
import { planReferral } from '../../domain/referral.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit, uniqueSubjects, type AuditOperation } from '../../platform/audit.js';
import { auditDenied as auditDeniedLine, type DeniedObject } from '../../platform/audit-denied.js';
import { versionsInForce } from '../../platform/contracts.js';
import type { Tx } from '../../platform/db.js';
import { AppError, notFound, unprocessable } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { findProvider, productName } from '../organisations/store.js';
import { exclusionReason, exclusionsOf } from '../quality/exclusion.js';
import { insertEvent, loadTimeline } from './lifecycle-store.js';
import { recordLifecycleEventInTx } from './lifecycle.js';
import { runSignalEngineForReferral } from './signal-engine.js';
import { EXPORT_BATCH, pagedSource } from '../../platform/http/export.js';
import type { Referral, ReferralCreate, ReferralExportQuery, ReferralListQuery } from './schemas.js';
import { countReferrals, findParticipantToRefer, findReferral, hasOpenReferral, insertReferral, listReferrals as listReferralRows, type ParticipantToRefer, type ReferralRow } from './store.js';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'clock' | 'contracts'>;

export function toReferral(deps: Pick<Deps, 'contracts'>, r: ReferralRow): Referral {
  return {
    id: r.id,
    participant: { id: r.participantId, givenName: r.participantGivenName, familyName: r.participantFamilyName, dateOfBirth: r.participantDateOfBirth, clientNumber: r.participantClientNumber },
    provider: { id: r.providerId, name: r.providerName },
    product: { code: r.productCode, name: productName(deps.contracts, r.productCode) },
    status: r.status,
    referredOn: r.referredOn,
    referredAt: r.referredAt.toISOString(),
    acknowledgementDueDate: r.acknowledgementDueDate,
    acknowledgedAt: r.acknowledgedAt === null ? null : r.acknowledgedAt.toISOString(),
    contractId: r.contractId,
    contractVersion: r.contractVersion,
  };
}

/** Refers a participant already loaded within the consultant's scope. Used by createParticipant too. */
export async function referInTx(
  tx: Tx,
  deps: Deps,
  ctx: RequestContext,
  participant: ParticipantToRefer,
  target: { providerId: string; productCode: string },
  fieldPrefix = '',
): Promise<string> {
  const provider = await findProvider(tx, target.providerId);
  if (provider === undefined) throw unprocessable(`${fieldPrefix}providerId`, 'unknownProvider', 'Deze aanbieder bestaat niet.');
  const today = deps.clock.today();
  const decision = planReferral(versionsInForce(deps.contracts, participant.municipalityCode, today), {
    municipalityCode: participant.municipalityCode,
    providerCode: provider.code,
    productCode: target.productCode,
    referredOn: today,
  });
  if (!decision.ok) {
    const field = decision.refusal.reason === 'productNotTaken' ? 'productCode' : 'providerId';
    throw unprocessable(`${fieldPrefix}${field}`, decision.refusal.reason, decision.refusal.message);
  }
  // R-QLT-3 (003 art. 4.4, 15): an excluded covenant provider takes no new participants.
  const excluded = (await exclusionsOf(tx, [decision.plan.contractId])).find((e) => e.providerId === provider.id);
  if (excluded !== undefined) throw unprocessable(`${fieldPrefix}providerId`, 'providerExcluded', exclusionReason(excluded));
  if (await hasOpenReferral(tx, participant.id, target.productCode)) {
    throw new AppError('conflict', 'Deze inburgeraar is al aangemeld voor dit perceel.', [
      { name: `${fieldPrefix}productCode`, code: 'alreadyReferred', reason: 'Deze inburgeraar is al aangemeld voor dit perceel.' },
    ]);
  }
  const id = randomUUID();
  await insertReferral(tx, {
    id,
    municipalityId: participant.municipalityId,
    participantId: participant.id,
    providerId: provider.id,
    productCode: target.productCode,
    contractId: decision.plan.contractId,
    contractVersion: decision.plan.contractVersion,
    referredOn: today,
    referredAt: deps.clock.now(),
    referredBy: ctx.actor.userId,
    acknowledgementDueDate: decision.plan.acknowledgementDueDate,
  });
  await insertEvent(tx, { referralId: id, municipalityId: participant.municipalityId, type: 'referred', occurredOn: today, occurredAt: deps.clock.now(), actorUserId: ctx.actor.userId, details: { productCode: target.productCode, providerId: provider.id } });
  await recordAudit(tx, deps.crypto, ctx, {
    name: 'referral.create',
    status: 'ok',
    subjects: [{ participantId: participant.id, municipalityId: participant.municipalityId }],
    objectType: 'referral',
    objectId: id,
  });
  await runSignalEngineForReferral(tx, deps.contracts, id, today);
  return id;
}

export async function createReferral(deps: Deps, ctx: RequestContext, input: ReferralCreate): Promise<Referral> {
  const outcome = await deps.db.transaction(async (tx) => {
    const participant = await findParticipantToRefer(tx, ctx.scope, input.participantId);
    if (participant === undefined) {
      await auditDenied(tx, deps, ctx, 'referral.create', 'participant', input.participantId);
      return undefined;
    }
    const id = await referInTx(tx, deps, ctx, participant, input);
    return findReferral(tx, ctx.scope, id);
  });
  if (outcome === undefined) throw notFound();
  return toReferral(deps, outcome);
}

export async function listReferrals(deps: Deps, ctx: RequestContext, query: ReferralListQuery) {
  const filter = { status: query.status, q: query.q };
  const { rows, total } = await deps.db.transaction(async (tx) => {
    const found = await listReferralRows(tx, ctx.scope, filter, { sort: query.sort, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
    const count = await countReferrals(tx, ctx.scope, filter);
    await recordAudit(tx, deps.crypto, ctx, {
      name: 'referral.list',
      status: 'ok',
      subjects: uniqueSubjects(found),
      objectType: 'referral',
    });
    return { rows: found, total: count };
  });
  return { items: rows.map((r) => toReferral(deps, r)), total, page: query.page, pageSize: query.pageSize };
}

/**
 * R-EXC-3: the whole filtered list, in the list's order, for the export. The same store function and
 * scope as the list; each batch is read and audited (one line per participant, summary "export") in its
 * own transaction.
 */
export function referralExportSource(deps: Deps, ctx: RequestContext, query: ReferralExportQuery): () => Promise<readonly Referral[]> {
  const filter = { status: query.status, q: query.q };
  return pagedSource(EXPORT_BATCH, (page, size) =>
    deps.db.transaction(async (tx) => {
      const found = await listReferralRows(tx, ctx.scope, filter, { sort: query.sort, limit: size, offset: (page - 1) * size });
      if (page === 1 || found.length > 0) await recordAudit(tx, deps.crypto, ctx, { name: 'referral.list', status: 'ok', subjects: uniqueSubjects(found), objectType: 'referral', summary: `export ${query.format} batch ${page}: ${found.length} rows` });
      return found.map((r) => toReferral(deps, r));
    }),
  );
}

export async function acknowledgeReferral(deps: Deps, ctx: RequestContext, id: string): Promise<Referral> {
  const outcome = await deps.db.transaction(async (tx) => {
    const referral = await findReferral(tx, ctx.scope, id, true);
    if (referral === undefined) {
      await auditDenied(tx, deps, ctx, 'referral.acknowledge', 'referral', id);
      return undefined;
    }
    if (referral.status !== 'referred') {
      throw new AppError('conflict', 'De ontvangst van deze aanmelding is al bevestigd.');
    }
    // The short form of the lifecycle step (issue #2's endpoint): it acts on the version it just read.
    const t = await loadTimeline(tx, id);
    await recordLifecycleEventInTx(tx, deps, ctx, id, { type: 'acknowledged', lockVersion: t?.lockVersion ?? -1 });
    return findReferral(tx, ctx.scope, id);
  });
  if (outcome === undefined) throw notFound();
  return toReferral(deps, outcome);
}

/** What a consultant may refer to today: the products its municipality takes and who is contracted. */
export async function referralOptions(deps: Deps, ctx: RequestContext) {
  if (ctx.scope.kind !== 'municipality') return { products: [], providers: [], unavailable: [] };
  const rows = await deps.db.query<{ code: string }>('SELECT code FROM municipality WHERE id = $1', [ctx.scope.municipalityId]);
  const code = rows[0]?.code;
  if (code === undefined) return { products: [], providers: [], unavailable: [] };
  const inForce = versionsInForce(deps.contracts, code, deps.clock.today());
  const productCodes = new Set(inForce.flatMap(({ contract }) => contract.municipalities.find((m) => m.code === code)?.products ?? []));
  const byProvider = new Map<string, Set<string>>();
  for (const { version } of inForce) {
    for (const k of version.contracted) {
      const set = byProvider.get(k.provider) ?? new Set<string>();
      k.products.filter((p) => productCodes.has(p)).forEach((p) => set.add(p));
      byProvider.set(k.provider, set);
    }
  }
  const providers = await deps.db.query<{ id: string; code: string; name: string }>('SELECT id, code, name FROM provider WHERE code = ANY($1) ORDER BY name', [[...byProvider.keys()]]);
  // R-QLT-3: an excluded covenant provider is not offered; it is named apart with the reason.
  const exclusions = await exclusionsOf(deps.db, inForce.map(({ contract }) => contract.id));
  const offered = providers.map((p) => ({ id: p.id, name: p.name, productCodes: [...(byProvider.get(p.code) ?? [])] })).filter((p) => p.productCodes.length > 0);
  const exclusionOf = (id: string) => exclusions.find((e) => e.providerId === id);
  return {
    products: [...productCodes].map((c) => ({ code: c, name: productName(deps.contracts, c) })),
    providers: offered.filter((p) => exclusionOf(p.id) === undefined),
    unavailable: offered.flatMap((p) => {
      const e = exclusionOf(p.id);
      return e === undefined ? [] : [{ id: p.id, name: p.name, reason: exclusionReason(e) }];
    }),
  };
}

// Kept here for the participants feature, which imports it with referInTx; defined in src/platform/audit.ts.
export { uniqueSubjects };

/** R-SEC-2: see src/platform/audit-denied.ts. */
export async function auditDenied(tx: Tx, deps: Pick<Deps, 'crypto'>, ctx: RequestContext, name: AuditOperation, objectType: DeniedObject, objectId: string): Promise<void> {
  await auditDeniedLine(tx, deps.crypto, ctx, name, objectType, objectId);
}
