// R-INV-5: the e-invoice as UBL 2.1 following SI-UBL 2.0 (NLCIUS): an Invoice (type 380) or a CreditNote
// (type 381) from the one invoice model (src/domain/invoice-document.ts). Built with xmlbuilder2, so
// every text is escaped by the library and no string is ever spliced into XML.
//
// Element order follows the UBL 2.1 schema (the tests validate against it and against the official
// EN 16931 and NLCIUS rules with ../shared/reference/si-ubl-2.0/validate-ubl.mjs). No BSN anywhere: a
// participant is named by the municipality's client number only, and a document with a BSN-like
// number is refused before any XML is made.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { documentTotals, invoiceDocumentProblems, monthBounds, type Buyer, type DocumentProblem, type InvoiceDocument, type LegalId, type PostalAddress, type Seller } from '../../domain/invoice-document.js';

export const CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0';
export const PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

const CAC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2';
const CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';
const ROOT = { invoice: { name: 'Invoice', ns: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2' }, creditNote: { name: 'CreditNote', ns: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2' } } as const;

/** EAS / ICD codes: 0106 the KvK number, 0190 the Dutch OIN (BR-NL-1, BR-NL-10). */
export const SCHEME = { kvk: '0106', oin: '0190' } as const;

/** The document is not sendable; `problems` name the fields (never their values). */
export class InvoiceDocumentRefused extends Error {
  constructor(readonly problems: DocumentProblem[]) {
    super(`Factuur geweigerd: ${problems.map((p) => p.name).join(', ')}`);
    this.name = 'InvoiceDocumentRefused';
  }
}

/** Cents as a UBL amount: 123456 → '1234.56', -5 → '-0.05'. */
export function ublAmount(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A quantity with at most three decimals, without trailing zeros. */
function ublQuantity(q: number): string {
  return (Math.round(q * 1000) / 1000).toString();
}

/** Percent with at most two decimals, as UBL wants it ('21', '0'). */
function ublPercent(p: number): string {
  return (Math.round(p * 100) / 100).toString();
}

const bc = (parent: XMLBuilder, name: string, text: string, attrs?: Record<string, string>): XMLBuilder => parent.ele(CBC, `cbc:${name}`, attrs).txt(text).up();
const ac = (parent: XMLBuilder, name: string): XMLBuilder => parent.ele(CAC, `cac:${name}`);
const money = (parent: XMLBuilder, name: string, cents: number) => bc(parent, name, ublAmount(cents), { currencyID: 'EUR' });

function address(parent: XMLBuilder, a: PostalAddress): void {
  const el = ac(parent, 'PostalAddress');
  bc(el, 'StreetName', a.street);
  bc(el, 'CityName', a.city);
  bc(el, 'PostalZone', a.postalCode);
  bc(ac(el, 'Country'), 'IdentificationCode', a.countryCode);
}

function legalEntity(parent: XMLBuilder, name: string, id: LegalId): void {
  const el = ac(parent, 'PartyLegalEntity');
  bc(el, 'RegistrationName', name);
  bc(el, 'CompanyID', id.value, { schemeID: SCHEME[id.scheme] });
}

function taxScheme(parent: XMLBuilder): void {
  bc(ac(parent, 'TaxScheme'), 'ID', 'VAT');
}

function seller(root: XMLBuilder, s: Seller): void {
  const party = ac(ac(root, 'AccountingSupplierParty'), 'Party');
  bc(party, 'EndpointID', s.legalId.value, { schemeID: SCHEME[s.legalId.scheme] });
  bc(ac(party, 'PartyName'), 'Name', s.legalName);
  address(party, s.address);
  const tax = ac(party, 'PartyTaxScheme');
  bc(tax, 'CompanyID', s.vatId);
  taxScheme(tax);
  legalEntity(party, s.legalName, s.legalId);
}

function buyer(root: XMLBuilder, b: Buyer): void {
  const party = ac(ac(root, 'AccountingCustomerParty'), 'Party');
  bc(party, 'EndpointID', b.legalId.value, { schemeID: SCHEME[b.legalId.scheme] });
  bc(ac(party, 'PartyName'), 'Name', b.name);
  address(party, b.address);
  legalEntity(party, b.name, b.legalId);
  const contact = ac(party, 'Contact');
  bc(contact, 'Name', b.contact.name);
  if (b.contact.phone !== undefined) bc(contact, 'Telephone', b.contact.phone);
  if (b.contact.email !== undefined) bc(contact, 'ElectronicMail', b.contact.email);
}

function period(parent: XMLBuilder, p: { start: string; end: string }): void {
  const el = ac(parent, 'InvoicePeriod');
  bc(el, 'StartDate', p.start);
  bc(el, 'EndDate', p.end);
}

/** The line's note: what the municipality checks the line against (R-INV-4). */
export function lineNote(l: InvoiceDocument['lines'][number]): string {
  return `Klantnummer ${l.clientNumber}; startdatum ${l.startDate}; leveringsmaand ${l.deliveryMonth}`;
}

/**
 * The UBL 2.1 XML of `doc`. Throws InvoiceDocumentRefused when the document has a problem (a BSN-like
 * number, no buyer or order reference, ...): an invalid invoice is never produced.
 */
export function buildUbl(doc: InvoiceDocument): string {
  const problems = invoiceDocumentProblems(doc);
  if (problems.length > 0) throw new InvoiceDocumentRefused(problems);
  const isInvoice = doc.kind === 'invoice';
  const totals = documentTotals(doc);
  const r = ROOT[doc.kind];
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(r.ns, r.name).att('http://www.w3.org/2000/xmlns/', 'xmlns:cac', CAC).att('http://www.w3.org/2000/xmlns/', 'xmlns:cbc', CBC);

  bc(root, 'CustomizationID', CUSTOMIZATION_ID);
  bc(root, 'ProfileID', PROFILE_ID);
  bc(root, 'ID', doc.number);
  bc(root, 'IssueDate', doc.issueDate);
  // A UBL 2.1 CreditNote has no DueDate; its due date goes into the payment terms note.
  if (isInvoice) bc(root, 'DueDate', doc.dueDate);
  bc(root, isInvoice ? 'InvoiceTypeCode' : 'CreditNoteTypeCode', isInvoice ? '380' : '381');
  bc(root, 'DocumentCurrencyCode', doc.currency);
  if (doc.buyer.buyerReference !== undefined && doc.buyer.buyerReference.trim() !== '') bc(root, 'BuyerReference', doc.buyer.buyerReference);
  period(root, doc.period);
  if (doc.buyer.purchaseOrder !== undefined && doc.buyer.purchaseOrder.trim() !== '') bc(ac(root, 'OrderReference'), 'ID', doc.buyer.purchaseOrder);
  if (doc.creditedInvoice !== undefined) {
    const ref = ac(ac(root, 'BillingReference'), 'InvoiceDocumentReference');
    // The invoice's number only: NLCIUS advises against its issue date here (BR-NL-24).
    bc(ref, 'ID', doc.creditedInvoice.number);
  }
  seller(root, doc.seller);
  buyer(root, doc.buyer);

  // BR-NL-11: an invoice with a positive amount due says how to pay; the IBAN without spaces (BT-84).
  if (isInvoice) {
    const means = ac(root, 'PaymentMeans');
    bc(means, 'PaymentMeansCode', doc.paymentMeansCode);
    bc(means, 'PaymentID', doc.number);
    // The account name is left out, as NLCIUS advises (BR-NL-30).
    bc(ac(means, 'PayeeFinancialAccount'), 'ID', doc.seller.iban.replace(/\s+/g, '').toUpperCase());
  }
  bc(ac(root, 'PaymentTerms'), 'Note', isInvoice ? `Betaling binnen ${doc.paymentTermDays} dagen, uiterlijk ${doc.dueDate}, onder vermelding van factuurnummer ${doc.number}.` : `Creditnota op factuur ${doc.creditedInvoice?.number ?? ''}; verrekening uiterlijk ${doc.dueDate}.`);

  const taxTotal = ac(root, 'TaxTotal');
  money(taxTotal, 'TaxAmount', totals.vatTotalCents);
  for (const g of totals.vat) {
    const sub = ac(taxTotal, 'TaxSubtotal');
    money(sub, 'TaxableAmount', g.taxableCents);
    money(sub, 'TaxAmount', g.vatCents);
    const cat = ac(sub, 'TaxCategory');
    bc(cat, 'ID', g.category);
    bc(cat, 'Percent', ublPercent(g.ratePercent));
    if (g.category === 'E' && g.exemptionReason !== undefined) bc(cat, 'TaxExemptionReason', g.exemptionReason);
    taxScheme(cat);
  }

  const monetary = ac(root, 'LegalMonetaryTotal');
  money(monetary, 'LineExtensionAmount', totals.lineTotalCents);
  money(monetary, 'TaxExclusiveAmount', totals.lineTotalCents);
  money(monetary, 'TaxInclusiveAmount', totals.payableCents);
  money(monetary, 'PayableAmount', totals.payableCents);

  doc.lines.forEach((l, i) => {
    const el = ac(root, isInvoice ? 'InvoiceLine' : 'CreditNoteLine');
    bc(el, 'ID', l.id);
    bc(el, 'Note', lineNote(l));
    bc(el, isInvoice ? 'InvoicedQuantity' : 'CreditedQuantity', ublQuantity(l.quantity), { unitCode: 'C62' });
    money(el, 'LineExtensionAmount', totals.lineNets[i]?.netCents ?? 0);
    period(el, monthBounds(l.deliveryMonth));
    const item = ac(el, 'Item');
    bc(item, 'Name', l.productName);
    const cat = ac(item, 'ClassifiedTaxCategory');
    bc(cat, 'ID', l.vat.category);
    bc(cat, 'Percent', l.vat.category === 'E' ? '0' : ublPercent(l.vat.ratePercent));
    taxScheme(cat);
    money(ac(el, 'Price'), 'PriceAmount', l.unitPriceCents);
  });

  return root.end({ prettyPrint: true });
}
