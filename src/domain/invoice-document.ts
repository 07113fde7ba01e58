// The invoice document of issue #11 (R-INV-4, R-INV-5, R-INV-6): what a collective invoice or a credit
// note says, and its totals to the cent. Pure. The UBL builder (src/features/invoicing/ubl.ts) and the
// PDF (src/features/invoicing/pdf.ts) both render this one model, so the two can never disagree.
//
// Amounts are integer euro cents. Rounding follows EN 16931: a line's net amount is quantity × unit
// price rounded to the cent (BR-LIN-04 compares the line amounts to their sum exactly, so rounding once
// per line is the only way the totals add up); VAT is computed once per category and rate on the sum of
// its lines (BR-CO-17), never per line.
//
// R-PAR-2: a participant appears only by the municipality's client number, never by a BSN;
// invoiceDocumentProblems refuses a document with a BSN-like number in any text it prints.
import { containsBsnLike } from './bsn-in-text.js';
import { isSaneIsoDate } from './iso-date.js';

export type DocumentKind = 'invoice' | 'creditNote';

export interface PostalAddress {
  /** Street and house number. */
  street: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2; Koers invoices within the Netherlands. */
  countryCode: 'NL';
}

/** A legal identifier: the KvK number (scheme 0106) or the OIN of a government body (scheme 0190). */
export interface LegalId {
  scheme: 'kvk' | 'oin';
  value: string;
}

export interface Seller {
  legalName: string;
  address: PostalAddress;
  legalId: LegalId;
  /** The VAT id (btw-identificatienummer), e.g. NL001234567B01; required for both exempt and 21% lines (BR-E-02, BR-S-02). */
  vatId: string;
  /** Where the municipality pays; validated with ibantools where it is stored. */
  iban: string;
}

export interface Contact {
  name: string;
  email?: string;
  phone?: string;
}

export interface Buyer {
  /** The municipality's name, e.g. 'Gemeente Arnhem'. */
  name: string;
  address: PostalAddress;
  legalId: LegalId;
  contact: Contact;
  /** The municipality's reference (BT-10); at least one of this and purchaseOrder (BR-NL-2). */
  buyerReference?: string;
  /** The purchase order number per municipality (R-INV-4, BT-13). */
  purchaseOrder?: string;
}

/** The learning route is exempt from VAT; the PVT carries the standard rate (002 §2.1–2.3). */
export type LineVat = { category: 'S'; ratePercent: number } | { category: 'E'; exemptionReason: string };

export interface InvoiceLine {
  /** The line number as printed (BT-126), unique in the document. */
  id: string;
  /** The municipality's client number (R-INV-4) — never a BSN. */
  clientNumber: string;
  /** The start date of the participant's route. */
  startDate: string;
  /** The invoiced part (product), e.g. 'Onderwijsroute, product 2 (einde maand 3)'. */
  productName: string;
  /** The month of delivery, 'YYYY-MM'. */
  deliveryMonth: string;
  /** At most three decimals (hours of a milestone); usually 1. Positive also on a credit note. */
  quantity: number;
  /** Unit price excluding VAT, in cents; never negative (a reversal is a credit note). */
  unitPriceCents: number;
  vat: LineVat;
}

export interface InvoiceDocument {
  kind: DocumentKind;
  number: string;
  issueDate: string;
  /** The payment due date (BT-9); on a credit note only printed. */
  dueDate: string;
  currency: 'EUR';
  seller: Seller;
  buyer: Buyer;
  /** The period the lines were delivered in. */
  period: { start: string; end: string };
  /** Payment means: 30 credit transfer, 58 SEPA credit transfer (BR-NL-12 allows both). */
  paymentMeansCode: '30' | '58';
  /** The payment term in days, printed on the PDF and in the UBL payment terms. */
  paymentTermDays: number;
  lines: InvoiceLine[];
  /** A credit note names the invoice it reverses (BT-25, R-INV-6). */
  creditedInvoice?: { number: string; issueDate: string };
}

export interface VatSubtotal {
  category: 'S' | 'E';
  ratePercent: number;
  exemptionReason?: string;
  taxableCents: number;
  vatCents: number;
}

export interface DocumentTotals {
  lineNets: { id: string; netCents: number }[];
  /** Sum of the line nets (BT-106). */
  lineTotalCents: number;
  vat: VatSubtotal[];
  vatTotalCents: number;
  /** Line total plus VAT (BT-112); no allowances, charges or prepayments on these invoices. */
  payableCents: number;
}

// ---- rounding ----

/** a / b rounded half away from zero, for integers with b > 0 (exact: no floating point on cents). */
function divideRounded(a: number, b: number): number {
  const q = Math.trunc(a / b);
  const r = a - q * b;
  if (2 * Math.abs(r) >= b) return q + Math.sign(a);
  return q;
}

/** The quantity in thousandths: the three decimals we allow, as an exact integer. */
export function quantityMilli(quantity: number): number {
  return Math.round(quantity * 1000);
}

/** EN 16931 BT-131: quantity × net price, rounded to the cent. */
export function lineNetCents(line: Pick<InvoiceLine, 'quantity' | 'unitPriceCents'>): number {
  return divideRounded(quantityMilli(line.quantity) * line.unitPriceCents, 1000);
}

/** VAT of one category on the category's sum (BR-CO-17), rate in percent with at most two decimals. */
export function vatCents(taxableCents: number, ratePercent: number): number {
  return divideRounded(taxableCents * Math.round(ratePercent * 100), 10_000);
}

function vatKey(v: LineVat): string {
  return v.category === 'E' ? `E|0|${v.exemptionReason}` : `S|${v.ratePercent}`;
}

/** The totals of a document: per line, per VAT category and rate, and for the whole. */
export function documentTotals(doc: Pick<InvoiceDocument, 'lines'>): DocumentTotals {
  const lineNets = doc.lines.map((l) => ({ id: l.id, netCents: lineNetCents(l) }));
  const groups = new Map<string, VatSubtotal>();
  doc.lines.forEach((l, i) => {
    const key = vatKey(l.vat);
    const group = groups.get(key) ?? (l.vat.category === 'E' ? { category: 'E' as const, ratePercent: 0, exemptionReason: l.vat.exemptionReason, taxableCents: 0, vatCents: 0 } : { category: 'S' as const, ratePercent: l.vat.ratePercent, taxableCents: 0, vatCents: 0 });
    group.taxableCents += lineNets[i]?.netCents ?? 0;
    groups.set(key, group);
  });
  const vat = [...groups.values()].map((g) => ({ ...g, vatCents: vatCents(g.taxableCents, g.ratePercent) }));
  const lineTotalCents = lineNets.reduce((s, l) => s + l.netCents, 0);
  const vatTotalCents = vat.reduce((s, g) => s + g.vatCents, 0);
  return { lineNets, lineTotalCents, vat, vatTotalCents, payableCents: lineTotalCents + vatTotalCents };
}

/** The effect on what the municipality owes: an invoice adds its payable amount, a credit note subtracts it. */
export function signedPayableCents(doc: InvoiceDocument): number {
  const { payableCents } = documentTotals(doc);
  return doc.kind === 'creditNote' ? -payableCents : payableCents;
}

/**
 * R-INV-6: the credit note that reverses `lineIds` of `invoice` (all lines when omitted). Same parties,
 * same lines and prices, the invoice named as its billing reference.
 */
export function creditNoteFor(invoice: InvoiceDocument, at: { number: string; issueDate: string; dueDate: string }, lineIds?: readonly string[]): InvoiceDocument {
  if (invoice.kind !== 'invoice') throw new Error('Alleen een factuur kan worden gecrediteerd.');
  const wanted = lineIds === undefined ? null : new Set(lineIds);
  const lines = invoice.lines.filter((l) => wanted === null || wanted.has(l.id));
  if (lines.length === 0) throw new Error('Een creditnota heeft ten minste één regel.');
  return { ...invoice, kind: 'creditNote', number: at.number, issueDate: at.issueDate, dueDate: at.dueDate, lines: lines.map((l) => ({ ...l })), creditedInvoice: { number: invoice.number, issueDate: invoice.issueDate } };
}

// ---- checks ----

/** One problem with a document: a field path and a Dutch reason, never the value (it may be a BSN). */
export interface DocumentProblem {
  name: string;
  reason: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * What keeps a document from being sent: a BSN-like number in printed text (R-PAR-2), a missing buyer
 * or order reference (BR-NL-2), impossible dates or amounts. Empty when the document is fine.
 */
export function invoiceDocumentProblems(doc: InvoiceDocument): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const bsnFree = (name: string, text: string | undefined) => {
    if (text !== undefined && containsBsnLike(text)) problems.push({ name, reason: 'Bevat een nummer dat op een BSN lijkt; een factuur noemt alleen het klantnummer van de gemeente.' });
  };
  const date = (name: string, value: string) => {
    if (!isSaneIsoDate(value)) problems.push({ name, reason: 'Geen geldige datum (JJJJ-MM-DD).' });
  };
  date('issueDate', doc.issueDate);
  date('dueDate', doc.dueDate);
  date('period.start', doc.period.start);
  date('period.end', doc.period.end);
  if (doc.period.end < doc.period.start) problems.push({ name: 'period.end', reason: 'Het einde van de periode ligt voor het begin.' });
  if (doc.number.trim() === '') problems.push({ name: 'number', reason: 'Het factuurnummer ontbreekt.' });
  if ((doc.buyer.buyerReference ?? '').trim() === '' && (doc.buyer.purchaseOrder ?? '').trim() === '') problems.push({ name: 'buyer.purchaseOrder', reason: 'Vul het inkoopordernummer of de referentie van de gemeente in.' });
  if (doc.kind === 'creditNote' && doc.creditedInvoice === undefined) problems.push({ name: 'creditedInvoice', reason: 'Een creditnota noemt de factuur die zij crediteert.' });
  if (doc.lines.length === 0) problems.push({ name: 'lines', reason: 'Een factuur heeft ten minste één regel.' });
  bsnFree('number', doc.number);
  bsnFree('buyer.buyerReference', doc.buyer.buyerReference);
  bsnFree('buyer.purchaseOrder', doc.buyer.purchaseOrder);
  bsnFree('buyer.contact.name', doc.buyer.contact.name);
  bsnFree('buyer.contact.phone', doc.buyer.contact.phone);
  const ids = new Set<string>();
  doc.lines.forEach((l, i) => {
    const at = `lines.${i}`;
    if (ids.has(l.id)) problems.push({ name: `${at}.id`, reason: 'Dit regelnummer komt twee keer voor.' });
    ids.add(l.id);
    if (l.clientNumber.trim() === '') problems.push({ name: `${at}.clientNumber`, reason: 'Het klantnummer van de gemeente ontbreekt.' });
    bsnFree(`${at}.clientNumber`, l.clientNumber);
    bsnFree(`${at}.productName`, l.productName);
    bsnFree(`${at}.id`, l.id);
    date(`${at}.startDate`, l.startDate);
    if (!MONTH.test(l.deliveryMonth)) problems.push({ name: `${at}.deliveryMonth`, reason: 'Geen geldige maand (JJJJ-MM).' });
    if (!(l.quantity > 0) || Math.abs(quantityMilli(l.quantity) - l.quantity * 1000) > 1e-6) problems.push({ name: `${at}.quantity`, reason: 'Het aantal is positief, met hoogstens drie decimalen.' });
    if (!Number.isSafeInteger(l.unitPriceCents) || l.unitPriceCents < 0) problems.push({ name: `${at}.unitPriceCents`, reason: 'De prijs is een niet-negatief bedrag in centen.' });
    if (l.vat.category === 'S' && !(l.vat.ratePercent > 0)) problems.push({ name: `${at}.vat`, reason: 'Het btw-tarief is positief.' });
    if (l.vat.category === 'E' && l.vat.exemptionReason.trim() === '') problems.push({ name: `${at}.vat`, reason: 'Noem de reden van de btw-vrijstelling.' });
  });
  return problems;
}

/** The first and last day of a 'YYYY-MM' month, for the line's delivery period. */
export function monthBounds(month: string): { start: string; end: string } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const last = m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return { start: `${month}-01`, end: `${month}-${String(last).padStart(2, '0')}` };
}
