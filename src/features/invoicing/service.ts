// The invoicing use cases behind the routes (issue #11): scope, validation, audit. The invoicing tables
// are written by store.ts alone; this module reads them within the actor's room.
//
// The room (R-INV-6, R-SEC-1): a provider sees its own invoices in every status; a municipality sees
// those addressed to it only once they are proForma or sent — a prepared invoice is the provider's
// draft. Outside the room the answer is 404.
import type { RequestContext } from '../../platform/access.js';
import { recordAudit, uniqueSubjects } from '../../platform/audit.js';
import type { Queryable } from '../../platform/db.js';
import { AppError, notFound, unprocessable } from '../../platform/errors.js';
import { EXPORT_BATCH, pagedSource } from '../../platform/http/export.js';
import { invoiceDocumentOf, productName } from './document.js';
import { enqueueInvoiceMail } from './mail.js';
import { renderInvoicePdf } from './pdf.js';
import { paymentTermDaysOf, runInvoicing } from './run.js';
import type { CheckInput, CreditInput, InvoiceDetail, InvoiceExportQuery, InvoiceLineOut, InvoiceListQuery, InvoiceSummary, RunInput } from './schemas.js';
import { checkDocument, deniedNotFound, type Deps, findSummary, invoiceFileName, listSummaries, ownerOf } from './scope.js';
import { advanceInvoice, checkLine, creditLines, type InvoicingContext } from './store.js';
import type { LineStatus, VatCategory } from './store-types.js';
import { buildUbl } from './ubl.js';

export function providerOf(ctx: RequestContext): string {
  if (ctx.scope.kind !== 'provider') throw notFound();
  return ctx.scope.providerId;
}

function municipalityOf(ctx: RequestContext): string {
  if (ctx.scope.kind !== 'municipality') throw notFound();
  return ctx.scope.municipalityId;
}

export const invoicingCtx = (deps: Deps, ctx: RequestContext): InvoicingContext => ({ crypto: deps.crypto, clock: deps.clock, who: ctx });

/** No personal data in a summary (numbers, names of organisations, amounts): no audit line. */
export async function listInvoicePage(deps: Deps, ctx: RequestContext, query: InvoiceListQuery): Promise<{ items: InvoiceSummary[]; total: number }> {
  const { page, pageSize, ...filter } = query;
  return listSummaries(deps.db, ownerOf(ctx), filter, pageSize, (page - 1) * pageSize);
}

export function invoiceExportSource(deps: Deps, ctx: RequestContext, query: InvoiceExportQuery): () => Promise<readonly InvoiceSummary[]> {
  const { format: _format, ...filter } = query;
  return pagedSource(EXPORT_BATCH, async (page, size) => (await listSummaries(deps.db, ownerOf(ctx), filter, size, (page - 1) * size)).items);
}

interface LineRow {
  id: string;
  eventId: string;
  participantId: string;
  municipalityId: string;
  participantName: string;
  clientNumber: string | null;
  startDate: string | null;
  productCode: string;
  route: string;
  contractId: string;
  contractVersion: number;
  earnedOn: string;
  amountCents: number;
  vatRate: number;
  vatCategory: VatCategory;
  status: LineStatus;
  disputeReason: string | null;
}

/** The lines of an invoice already found in the room (all, or these), with what the municipality checks them by. */
async function readLines(q: Queryable, deps: Deps, invoiceId: string, lineIds?: readonly string[]): Promise<{ rows: LineRow[]; lines: InvoiceLineOut[] }> {
  const rows = await q.query<LineRow>(
    `SELECT l.id, l.event_id AS "eventId", l.participant_id AS "participantId", l.municipality_id AS "municipalityId",
       p.given_name || ' ' || p.family_name AS "participantName", p.client_number AS "clientNumber", r.started_on::text AS "startDate",
       e.product_code AS "productCode", e.route, e.contract_id AS "contractId", e.contract_version AS "contractVersion", e.earned_on::text AS "earnedOn",
       l.amount_cents::int8 AS "amountCents", e.vat_rate::float8 AS "vatRate", e.vat_category AS "vatCategory", l.status, l.dispute_reason AS "disputeReason"
     FROM invoice_line l JOIN billable_event e ON e.id = l.event_id JOIN participant p ON p.id = l.participant_id JOIN referral r ON r.id = e.referral_id
     WHERE l.invoice_id = $1 AND ($2::uuid[] IS NULL OR l.id = ANY($2::uuid[]))
     ORDER BY e.earned_on, p.family_name, p.given_name, e.product_code, l.id`,
    [invoiceId, lineIds === undefined ? null : [...lineIds]],
  );
  const lines = rows.map((r): InvoiceLineOut => {
    const contract = deps.contracts.byId(r.contractId);
    return {
      id: r.id,
      eventId: r.eventId,
      participantId: r.participantId,
      participantName: r.participantName,
      clientNumber: r.clientNumber,
      startDate: r.startDate,
      productCode: r.productCode,
      productName: contract === undefined ? r.productCode : productName(deps.contracts, contract, r),
      deliveryMonth: r.earnedOn.slice(0, 7),
      amountCents: Number(r.amountCents),
      // One unit per line (a product earned once): the unit price is the amount (R-INV-4).
      unitPriceCents: Number(r.amountCents),
      vatRate: r.vatRate,
      vatCategory: r.vatCategory,
      status: r.status,
      disputeReason: r.disputeReason,
    };
  });
  return { rows, lines };
}

/** R-INV-4: the invoice with its lines per participant; the read of personal data is audited. */
export async function getInvoice(deps: Deps, ctx: RequestContext, invoiceId: string): Promise<InvoiceDetail> {
  const found = await deps.db.transaction(async (tx) => {
    const summary = await findSummary(tx, ownerOf(ctx), invoiceId);
    if (summary === undefined) return undefined;
    const { rows, lines } = await readLines(tx, deps, invoiceId);
    await recordAudit(tx, deps.crypto, ctx, { name: 'invoice.read', status: 'ok', subjects: uniqueSubjects(rows), objectType: 'invoice', objectId: invoiceId });
    return { ...summary, lines };
  });
  return found ?? deniedNotFound(deps, ctx, 'invoice.read', 'invoice', invoiceId);
}

/** R-INV-5: the PDF or the UBL of an invoice in the room; audited as a read of the lines' participants. */
export async function invoiceFile(deps: Deps, ctx: RequestContext, invoiceId: string, format: 'pdf' | 'ubl'): Promise<{ fileName: string; contentType: string; content: Buffer | string }> {
  const owner = ownerOf(ctx);
  if (owner === undefined || (await findSummary(deps.db, owner, invoiceId)) === undefined) return deniedNotFound(deps, ctx, 'invoice.read', 'invoice', invoiceId);
  const { summary, doc } = await deps.db.transaction(async (tx) => {
    const found = await findSummary(tx, owner, invoiceId);
    if (found === undefined) throw notFound();
    const document = checkDocument(await invoiceDocumentOf(tx, deps.contracts, owner, invoiceId));
    const subjects = await tx.query<{ participantId: string; municipalityId: string }>(
      `SELECT DISTINCT participant_id AS "participantId", municipality_id AS "municipalityId" FROM invoice_line WHERE invoice_id = $1`,
      [invoiceId],
    );
    await recordAudit(tx, deps.crypto, ctx, { name: 'invoice.read', status: 'ok', subjects, objectType: 'invoice', objectId: invoiceId, summary: format });
    return { summary: found, doc: document };
  });
  if (format === 'ubl') return { fileName: invoiceFileName(summary, 'xml'), contentType: 'application/xml', content: buildUbl(doc) };
  // 002 eis 13: in the pro-forma round the document is for checking, not a request for payment; the
  // download says so, like the round's mail (rounds.ts). Once sent it is the collective invoice.
  return { fileName: invoiceFileName(summary, 'pdf'), contentType: 'application/pdf', content: await renderInvoicePdf(doc, { proForma: summary.status === 'proForma' }) };
}

/** R-INV-1, R-INV-4: the provider's run for one municipality, up to a day not in the future. */
export async function startRun(deps: Deps, ctx: RequestContext, input: RunInput) {
  const providerId = providerOf(ctx);
  if (input.upTo > deps.clock.today()) throw new AppError('invalidInput', 'De datum ligt in de toekomst.', [{ name: 'upTo', code: 'future', reason: 'Kies vandaag of een dag in het verleden.' }]);
  const known = await deps.db.query<{ id: string }>(`SELECT id FROM municipality WHERE id = $1`, [input.municipalityId]);
  if (known.length === 0) throw unprocessable('municipalityId', 'unknownMunicipality', 'Deze gemeente bestaat niet.');
  const result = await runInvoicing(deps.db, deps.contracts, invoicingCtx(deps, ctx), { providerId, municipalityId: input.municipalityId, upTo: input.upTo });
  const invoice = result.invoice === undefined ? null : ((await findSummary(deps.db, { providerId }, result.invoice.id)) ?? null);
  return { invoice, recorded: result.recorded.length, skipped: result.skipped };
}

/** prepared → proForma, or → sent with the PDF mailed in the same transaction (mail.ts). */
export async function advance(deps: Deps, ctx: RequestContext, invoiceId: string, status: 'proForma' | 'sent'): Promise<InvoiceSummary> {
  const providerId = providerOf(ctx);
  const owner = { providerId };
  if ((await findSummary(deps.db, owner, invoiceId)) === undefined) return deniedNotFound(deps, ctx, 'invoice.status', 'invoice', invoiceId);
  await advanceInvoice(deps.db, invoicingCtx(deps, ctx), { providerId, invoiceId, status }, status === 'sent' ? async (tx) => void (await enqueueInvoiceMail(tx, deps, owner, invoiceId)) : undefined);
  const summary = await findSummary(deps.db, owner, invoiceId);
  if (summary === undefined) throw notFound();
  return summary;
}

/** R-INV-6: the municipality's check of one line of an invoice it can see; returns the line as it now is. */
export async function checkInvoiceLine(deps: Deps, ctx: RequestContext, at: { invoiceId: string; lineId: string }, input: CheckInput): Promise<InvoiceLineOut> {
  const municipalityId = municipalityOf(ctx);
  const owner = { municipalityId };
  const summary = await findSummary(deps.db, owner, at.invoiceId);
  const onIt = summary === undefined ? [] : await deps.db.query(`SELECT 1 FROM invoice_line WHERE id = $1 AND invoice_id = $2`, [at.lineId, at.invoiceId]);
  if (onIt.length === 0) return deniedNotFound(deps, ctx, 'invoice.check', 'invoiceLine', at.lineId);
  const reason = input.reason ?? '';
  await checkLine(deps.db, invoicingCtx(deps, ctx), input.decision === 'disputed' ? { municipalityId, lineId: at.lineId, status: 'disputed', reason } : { municipalityId, lineId: at.lineId, status: 'approved' });
  return deps.db.transaction(async (tx) => {
    const { rows, lines } = await readLines(tx, deps, at.invoiceId, [at.lineId]);
    const line = lines[0];
    if (line === undefined) throw notFound();
    await recordAudit(tx, deps.crypto, ctx, { name: 'invoice.read', status: 'ok', subjects: uniqueSubjects(rows), objectType: 'invoiceLine', objectId: at.lineId });
    return line;
  });
}

/** R-INV-6: the provider's credit note for lines of its invoice; their events are earned-and-not-invoiced again. */
export async function creditInvoiceLines(deps: Deps, ctx: RequestContext, invoiceId: string, input: CreditInput): Promise<InvoiceSummary> {
  const providerId = providerOf(ctx);
  if ((await findSummary(deps.db, { providerId }, invoiceId)) === undefined) return deniedNotFound(deps, ctx, 'invoice.credit', 'invoice', invoiceId);
  // R-INV-4: the credit note's due date follows the contract's payment term, like the invoice's.
  const municipalityId = (await deps.db.query<{ municipalityId: string }>(`SELECT municipality_id AS "municipalityId" FROM invoice WHERE id = $1`, [invoiceId]))[0]?.municipalityId ?? '';
  const paymentTermDays = paymentTermDaysOf(deps.contracts, { providerId, municipalityId });
  const credit = await creditLines(deps.db, invoicingCtx(deps, ctx), { providerId, invoiceId, lineIds: input.lineIds, reason: input.reason, paymentTermDays });
  const summary = await findSummary(deps.db, { providerId }, credit.id);
  if (summary === undefined) throw notFound();
  return summary;
}

