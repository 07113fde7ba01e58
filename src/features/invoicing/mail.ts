// R-INV-4, 001 Bijlage 4: the mail of a sent invoice or credit note, written to the outbox in the
// transaction that marks it sent (store.ts advanceInvoice), so the status and the mail commit together.
//
// The municipality's delivery rules come from the contract (contract-data.ts `delivery`): the address it
// takes invoices at, PDF only, at most one PDF per mail (always one here: one mail per invoice), at most
// `maxPdfBytes` (5 MB in 001) — a larger PDF refuses the send with a problem, and nothing changes. A
// municipality with a centre (002 eis 13) is mailed at the centre's address by the centre's rules. A
// municipality whose contract names no mail address gets no mail: the invoice is sent by the provider's
// own means (the PDF download). Idempotent: the dedupe key is the invoice's, so a retried send adds
// nothing. The body, like every outbox mail, has no BSN and no participant name; the PDF names
// participants by client number only (pdf.ts).
import type { Contract } from '../../domain/contract.js';
import type { MunicipalityInvoicing } from '../../domain/invoicing/contract-data.js';
import { AppError } from '../../platform/errors.js';
import type { Queryable } from '../../platform/db.js';
import { enqueueMail } from '../../platform/outbox.js';
import { invoiceDocumentOf } from './document.js';
import { renderInvoicePdf } from './pdf.js';
import { checkDocument, type Deps, invoiceFileName } from './scope.js';
import type { InvoiceOwner } from './store.js';

export function invoiceMailKey(invoiceId: string): string {
  return `invoice:${invoiceId}:pdf`;
}

/**
 * The delivery rules an invoice to the municipality is mailed by: its own, or, when it has a centre
 * municipality (002 eis 13: "opnieuw naar de emailadressen van de centrumgemeenten"), the centre's.
 */
export function invoiceDeliveryOf(contract: Contract | undefined, municipalityCode: string): MunicipalityInvoicing['delivery'] | undefined {
  const own = contract?.municipalities.find((m) => m.code === municipalityCode)?.invoicing;
  if (own?.centre === undefined) return own?.delivery;
  return contract?.municipalities.find((m) => m.code === own.centre)?.invoicing?.delivery;
}

const MB = 1024 * 1024;
/** A size as people read it: '5,0 MB', or '2 kB' below a tenth of a megabyte. */
export const size = (bytes: number): string => (bytes >= MB / 10 ? `${(bytes / MB).toFixed(1).replace('.', ',')} MB` : `${Math.ceil(bytes / 1024)} kB`);

/**
 * Enqueues the one mail of the invoice's PDF (none when the contract names no address); returns how
 * many rows are new. Refuses (422) an invoice that cannot be printed, also when nothing is mailed.
 */
export async function enqueueInvoiceMail(tx: Queryable, deps: Pick<Deps, 'contracts'>, owner: InvoiceOwner, invoiceId: string): Promise<number> {
  const where = await tx.query<{ municipalityId: string; municipalityCode: string; contractId: string | null }>(
    `SELECT i.municipality_id AS "municipalityId", m.code AS "municipalityCode",
       (SELECT e.contract_id FROM invoice_line l JOIN billable_event e ON e.id = l.event_id WHERE l.invoice_id = i.id LIMIT 1) AS "contractId"
     FROM invoice i JOIN municipality m ON m.id = i.municipality_id WHERE i.id = $1`,
    [invoiceId],
  );
  const head = where[0];
  // Checked also when nothing is mailed: a sent invoice is one that can be printed.
  const doc = checkDocument(await invoiceDocumentOf(tx, deps.contracts, owner, invoiceId));
  const delivery = invoiceDeliveryOf(deps.contracts.byId(head?.contractId ?? ''), head?.municipalityCode ?? '');
  if (head === undefined || delivery?.email === undefined) return 0;
  const pdf = await renderInvoicePdf(doc);
  if (delivery.maxPdfBytes !== undefined && pdf.length > delivery.maxPdfBytes) {
    const reason = `De pdf van deze factuur is ${size(pdf.length)}; de gemeente neemt per mail één pdf van hoogstens ${size(delivery.maxPdfBytes)}. Splits de factuur.`;
    throw new AppError('unprocessable', reason, [{ name: 'invoiceId', code: 'pdfTooLarge', reason }]);
  }
  const isCredit = doc.kind === 'creditNote';
  const what = isCredit ? 'Creditnota' : 'Verzamelfactuur';
  const body = [
    `Geachte heer, mevrouw,`,
    ``,
    `Bijgaand ontvangt u ${isCredit ? 'creditnota' : 'verzamelfactuur'} ${doc.number} van ${doc.seller.legalName} aan ${doc.buyer.name}.`,
    ``,
    `${isCredit ? 'Datum creditnota' : 'Factuurdatum'}: ${doc.issueDate}`,
    ...(isCredit ? [] : [`Vervaldatum: ${doc.dueDate}`]),
    `Aantal regels: ${doc.lines.length}`,
    ...(doc.buyer.purchaseOrder === undefined ? [] : [`Inkoopordernummer: ${doc.buyer.purchaseOrder}`]),
    ``,
    `De inburgeraars staan op de ${isCredit ? 'creditnota' : 'factuur'} met het klantnummer van de gemeente. De regels en hun onderbouwing kunt u na inloggen in Koers bekijken en beoordelen.`,
    ``,
    `Met vriendelijke groet,`,
    doc.seller.legalName,
  ].join('\n');
  return enqueueMail(tx, {
    dedupeKey: invoiceMailKey(invoiceId),
    municipalityId: head.municipalityId,
    recipients: [delivery.email],
    subject: `${what} ${doc.number} van ${doc.seller.legalName}`,
    body,
    attachments: [{ fileName: invoiceFileName({ kind: doc.kind, numberText: doc.number }, 'pdf'), contentType: 'application/pdf', content: pdf }],
  });
}
