// Use cases of the portfolio (issue #12, R-MAP-3). Who may do what (docs/architecture.md, "Portfolio"):
// - reading (items, files, the Bijlage 3 part, the PDF): everyone whose scope holds the participant —
//   the consultant of its municipality (who takes the portfolio over at the end conversation), every
//   provider it is referred to (the language provider too), the participant itself;
// - writing: the participation or MAP provider, under its own participation or MAP referral: the same
//   decision as for activities (writeRoom in src/features/participation/service.ts), so the language
//   provider is refused with 403 and outside the scope the answer is 404. A file is added to an item by
//   the provider that added the item. The Bijlage 3 part is written under a MAP or B1-route
//   participation referral only: a Z-route portfolio has none (src/domain/portfolio.ts).
// Every read and change is audited in its own transaction; nothing is ever overwritten.
import { createHash, randomUUID } from 'node:crypto';
import { annexCompleteness, emptyAnnex, missingItemNl, portfolioKind, type PortfolioProduct } from '../../domain/portfolio.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { auditDenied } from '../../platform/audit-denied.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Queryable, Tx } from '../../platform/db.js';
import { AppError, notFound, unprocessable } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { checkPdf } from '../documents/files.js';
import { pdfFileName } from '../documents/pdf.js';
import type { FileOut } from '../documents/service.js';
import { findParticipantRef } from '../participants/store.js';
import { productOf, writeRoom } from '../participation/service.js';
import { renderPortfolioPdf } from './pdf.js';
import type { PortfolioAnnex, PortfolioAnnexWrite, PortfolioFile, PortfolioItem, PortfolioItemCreate, PortfolioItemList } from './schemas.js';
import { insertAnnex, insertFile, insertItem, unsafeFile, unsafeItemOwner, unsafeItemsOf, unsafeLatestAnnex, unsafePdfFacts, unsafeReferralProducts } from './store.js';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'clock' | 'contracts'>;

const otherProvider = () => new AppError('forbidden', 'Alleen de aanbieder die dit onderdeel toevoegde, voegt er een bestand aan toe.');

/** Runs a read of one participant in scope, audited; 404 (audited as denied) outside it. */
async function readPortfolio<T>(deps: Deps, ctx: RequestContext, participantId: string, summary: string, read: (tx: Tx) => Promise<T>): Promise<T> {
  const out = await deps.db.transaction(async (tx) => {
    const ref = await findParticipantRef(tx, ctx.scope, participantId);
    if (ref === undefined) {
      await auditDenied(tx, deps.crypto, ctx, 'portfolio.read', 'participant', participantId);
      return undefined;
    }
    const value = await read(tx);
    await recordAudit(tx, deps.crypto, ctx, { name: 'portfolio.read', status: 'ok', subjects: [{ participantId, municipalityId: ref.municipalityId }], objectType: 'participant', objectId: participantId, summary });
    return { value };
  });
  if (out === undefined) throw notFound();
  return out.value;
}

/** Which portfolio the participant has, from the products of all its referrals. */
async function kindOf(q: Queryable, contracts: ContractRegistry, participantId: string): Promise<PortfolioAnnex['kind']> {
  const products = (await unsafeReferralProducts(q, participantId)).map((r) => productOf(contracts, r)).filter((p): p is PortfolioProduct & NonNullable<typeof p> => p !== undefined);
  return portfolioKind(products);
}

/** The Bijlage 3 part with its completeness (null for a Z-route portfolio: no completeness rule, R-MAP-3). */
export async function annexOf(q: Queryable, contracts: ContractRegistry, participantId: string): Promise<Omit<PortfolioAnnex, 'writeReferralId'>> {
  const kind = await kindOf(q, contracts, participantId);
  const latest = await unsafeLatestAnnex(q, participantId);
  const content = latest?.content ?? emptyAnnex();
  const c = annexCompleteness(content);
  return {
    kind,
    version: latest?.version ?? 0,
    content,
    recordedBy: latest?.recordedBy ?? null,
    recordedAt: latest?.recordedAt ?? null,
    completeness: kind === 'annex' ? { complete: c.complete, missing: c.missing.map((m) => ({ ...m, label: missingItemNl(m) })) } : null,
  };
}

export function listItems(deps: Deps, ctx: RequestContext, participantId: string): Promise<PortfolioItemList> {
  return readPortfolio(deps, ctx, participantId, 'items', async (tx) => ({ items: await unsafeItemsOf(tx, participantId) }));
}

/**
 * The referral the acting provider saves the Bijlage 3 part under: its latest MAP or B1-route
 * participation referral of the participant (a participant can also have a Z-route one with it).
 */
async function annexReferralOf(q: Queryable, contracts: ContractRegistry, ctx: RequestContext, participantId: string): Promise<string | null> {
  if (ctx.scope.kind !== 'provider') return null;
  const rows = await q.query<{ id: string; contractId: string; productCode: string }>(
    `SELECT id, contract_id AS "contractId", product_code AS "productCode" FROM referral WHERE participant_id = $1 AND provider_id = $2 ORDER BY referred_on DESC, id`,
    [participantId, ctx.scope.providerId],
  );
  return rows.find((r) => annexReferral(contracts, r))?.id ?? null;
}

async function annexFor(q: Queryable, contracts: ContractRegistry, ctx: RequestContext, participantId: string): Promise<PortfolioAnnex> {
  return { ...(await annexOf(q, contracts, participantId)), writeReferralId: await annexReferralOf(q, contracts, ctx, participantId) };
}

export function getAnnex(deps: Deps, ctx: RequestContext, participantId: string): Promise<PortfolioAnnex> {
  return readPortfolio(deps, ctx, participantId, 'annex', (tx) => annexFor(tx, deps.contracts, ctx, participantId));
}

/** R-MAP-3: the participation or MAP provider adds evidence, a reflection or an assignment. */
export async function addItem(deps: Deps, ctx: RequestContext, participantId: string, body: PortfolioItemCreate): Promise<PortfolioItem> {
  const out = await deps.db.transaction(async (tx) => {
    const room = await writeRoom(tx, deps, ctx, 'portfolio.record', participantId, body.referralId);
    if (!room.ok) return room;
    const id = randomUUID();
    await insertItem(tx, { id, participantId, referralId: body.referralId, providerId: room.referral.providerId, municipalityId: room.referral.municipalityId, kind: body.kind, title: body.title, body: body.body, theme: body.theme, recordedBy: ctx.actor.userId, recordedAt: deps.clock.now() });
    await recordAudit(tx, deps.crypto, ctx, { name: 'portfolio.record', status: 'ok', subjects: [{ participantId, municipalityId: room.referral.municipalityId }], objectType: 'portfolioItem', objectId: id, summary: `added ${body.kind}` });
    const item = (await unsafeItemsOf(tx, participantId)).find((i) => i.id === id);
    if (item === undefined) throw new Error('portfolio item vanished in its own transaction');
    return { ok: true as const, item };
  });
  if (!out.ok) throw out.error;
  return out.item;
}

/**
 * A file with an item, under the document rules (R-REF-7): a PDF by its content, at most 5 MB, the name
 * cleaned by the route (cleanFileName: a BSN in it masked). Checked before the transaction: bad input
 * changes nothing.
 */
export async function addFile(deps: Deps, ctx: RequestContext, itemId: string, input: { fileName: string; content: unknown }): Promise<PortfolioFile> {
  const content = checkPdf(input.content, 'het bestand bij dit portfolio-onderdeel');
  const out = await deps.db.transaction(async (tx) => {
    const owner = await unsafeItemOwner(tx, itemId);
    const visible = owner !== undefined && (await findParticipantRef(tx, ctx.scope, owner.participantId)) !== undefined;
    if (owner === undefined || !visible) {
      await auditDenied(tx, deps.crypto, ctx, 'portfolio.record', 'participant', owner?.participantId ?? itemId);
      return { ok: false as const, error: notFound() };
    }
    if (ctx.scope.kind !== 'provider' || ctx.scope.providerId !== owner.providerId) {
      // Visible, not this provider's item (the language provider, the consultant): 403, audited.
      await recordAudit(tx, deps.crypto, ctx, { name: 'portfolio.record', status: 'error', subjects: [{ participantId: owner.participantId, municipalityId: owner.municipalityId }], objectType: 'portfolioItem', objectId: itemId, summary: "another provider's item" });
      return { ok: false as const, error: otherProvider() };
    }
    const room = await writeRoom(tx, deps, ctx, 'portfolio.record', owner.participantId, owner.referralId);
    if (!room.ok) return room;
    const id = randomUUID();
    const recordedAt = deps.clock.now();
    await insertFile(tx, { id, itemId, participantId: owner.participantId, municipalityId: owner.municipalityId, fileName: input.fileName, contentType: 'application/pdf', sha256: createHash('sha256').update(content).digest('hex'), content, recordedBy: ctx.actor.userId, recordedAt });
    await recordAudit(tx, deps.crypto, ctx, { name: 'portfolio.record', status: 'ok', subjects: [{ participantId: owner.participantId, municipalityId: owner.municipalityId }], objectType: 'portfolioFile', objectId: id, summary: `file with item ${itemId}` });
    return { ok: true as const, file: { id, fileName: input.fileName, contentType: 'application/pdf', sizeBytes: content.length, recordedAt: recordedAt.toISOString(), recordedBy: ctx.actor.name } };
  });
  if (!out.ok) throw out.error;
  return out.file;
}

export async function downloadFile(deps: Deps, ctx: RequestContext, fileId: string): Promise<FileOut> {
  const out = await deps.db.transaction(async (tx) => {
    const f = await unsafeFile(tx, fileId);
    const ref = f === undefined ? undefined : await findParticipantRef(tx, ctx.scope, f.participantId);
    if (f === undefined || ref === undefined) {
      await auditDenied(tx, deps.crypto, ctx, 'portfolio.read', 'participant', f?.participantId ?? fileId);
      return undefined;
    }
    await recordAudit(tx, deps.crypto, ctx, { name: 'portfolio.read', status: 'ok', subjects: [{ participantId: f.participantId, municipalityId: ref.municipalityId }], objectType: 'portfolioFile', objectId: fileId, summary: 'file downloaded' });
    // PGlite answers bytea as Uint8Array, node-postgres as Buffer: one shape for the route.
    return { fileName: f.fileName, contentType: f.contentType, content: Buffer.from(f.content.buffer, f.content.byteOffset, f.content.byteLength) };
  });
  if (out === undefined) throw notFound();
  return out;
}

/** The annex is kept under a MAP or B1-route participation referral (001 Bijlage 3); not under a Z-route one. */
function annexReferral(contracts: ContractRegistry, referral: { contractId: string; productCode: string }): boolean {
  const p = productOf(contracts, referral);
  return p !== undefined && portfolioKind([p]) === 'annex';
}

/** R-MAP-3: a new version of the Bijlage 3 part; the version read must be the current one (409 otherwise). */
export async function writeAnnex(deps: Deps, ctx: RequestContext, participantId: string, body: PortfolioAnnexWrite): Promise<PortfolioAnnex> {
  const out = await deps.db.transaction(async (tx) => {
    const room = await writeRoom(tx, deps, ctx, 'portfolio.record', participantId, body.referralId);
    if (!room.ok) return room;
    if (!annexReferral(deps.contracts, room.referral)) throw unprocessable('referralId', 'noAnnex', 'Bij deze aanmelding hoort geen Bijlage 3-deel: dat is er alleen voor de MAP en de B1-route participatie. Voeg bewijsstukken en reflecties toe.');
    const current = (await unsafeLatestAnnex(tx, participantId))?.version ?? 0;
    if (body.version !== current) throw new AppError('conflict', 'Dit deel van het portfolio is intussen gewijzigd. Laad het opnieuw en vul dan aan.');
    const { referralId, version: _seen, ...content } = body;
    await insertAnnex(tx, { id: randomUUID(), participantId, version: current + 1, referralId, providerId: room.referral.providerId, municipalityId: room.referral.municipalityId, content, recordedBy: ctx.actor.userId, recordedAt: deps.clock.now() });
    await recordAudit(tx, deps.crypto, ctx, { name: 'portfolio.record', status: 'ok', subjects: [{ participantId, municipalityId: room.referral.municipalityId }], objectType: 'portfolioAnnex', objectId: participantId, summary: `version ${current + 1}` });
    return { ok: true as const, annex: await annexFor(tx, deps.contracts, ctx, participantId) };
  });
  if (!out.ok) throw out.error;
  return out.annex;
}

/** The whole portfolio as one PDF, for the hand-over to the municipality at the end conversation (001 Bijlage 3). */
export function portfolioPdf(deps: Deps, ctx: RequestContext, participantId: string): Promise<FileOut> {
  return readPortfolio(deps, ctx, participantId, 'pdf', async (tx) => {
    const facts = await unsafePdfFacts(tx, participantId);
    if (facts === undefined) throw notFound();
    const items = await unsafeItemsOf(tx, participantId);
    const annex = await annexOf(tx, deps.contracts, participantId);
    const content = await renderPortfolioPdf({ ...facts, items, annex, generatedOn: deps.clock.today() });
    return { fileName: pdfFileName('portfolio', facts.participant.clientNumber, participantId), contentType: 'application/pdf', content };
  });
}
