// Fixture parties and documents for the UBL and PDF tests of issue #11 (R-INV-4, R-INV-5). Invented
// organisations; the KvK numbers, OINs, VAT ids and IBANs have the right form (the IBANs pass the
// mod-97 check). Client numbers are the municipality's own, never a BSN.
import type { Buyer, InvoiceDocument, InvoiceLine, LineVat, Seller } from '../../src/domain/invoice-document.js';

export const EXEMPT: LineVat = { category: 'E', exemptionReason: 'Vrijgesteld van btw: onderwijs (artikel 11, lid 1, onderdeel o, Wet OB 1968)' };
export const PVT_VAT: LineVat = { category: 'S', ratePercent: 21 };

export const sellerKvk: Seller = {
  legalName: 'Taalschool De Brug B.V.',
  address: { street: 'Stationsplein 12', postalCode: '6811 KL', city: 'Arnhem', countryCode: 'NL' },
  legalId: { scheme: 'kvk', value: '12345678' },
  vatId: 'NL001234567B01',
  iban: 'NL91 ABNA 0417 1643 00',
};

/** A provider that is itself a public body (a regional training centre) and identifies by its OIN. */
export const sellerOin: Seller = {
  legalName: 'Regionaal Opleidingencentrum Rijn en IJssel',
  address: { street: 'Kronenburgsingel 515', postalCode: '6831 GM', city: 'Arnhem', countryCode: 'NL' },
  legalId: { scheme: 'oin', value: '00000003123456780000' },
  vatId: 'NL812345678B01',
  iban: 'NL20INGB0001234567',
};

export const buyerOin: Buyer = {
  name: 'Gemeente Arnhem',
  address: { street: 'Koningstraat 38', postalCode: '6811 DG', city: 'Arnhem', countryCode: 'NL' },
  legalId: { scheme: 'oin', value: '00000001002220647000' },
  contact: { name: 'Team Inburgering, crediteurenadministratie', email: 'facturen@arnhem.example', phone: '+31 26 377 4911' },
  purchaseOrder: 'IO-2026-0417',
};

export const buyerKvk: Buyer = {
  name: 'Gemeente Renkum',
  address: { street: 'Generaal Urquhartlaan 4', postalCode: '6861 GG', city: 'Oosterbeek', countryCode: 'NL' },
  legalId: { scheme: 'kvk', value: '09212340' },
  contact: { name: 'Afdeling Sociaal Domein' },
  buyerReference: 'INB-RENKUM-2026',
};

export function line(n: number, over: Partial<InvoiceLine> = {}): InvoiceLine {
  return {
    id: String(n),
    clientNumber: `ARN-${String(1000 + n)}`,
    startDate: '2026-01-05',
    productName: `Onderwijsroute, product ${1 + (n % 8)}`,
    deliveryMonth: '2026-03',
    quantity: 1,
    unitPriceCents: 162_500,
    vat: EXEMPT,
    ...over,
  };
}

export function invoice(over: Partial<InvoiceDocument> = {}): InvoiceDocument {
  return {
    kind: 'invoice',
    number: 'DB-2026-0007',
    issueDate: '2026-04-10',
    dueDate: '2026-05-10',
    currency: 'EUR',
    seller: sellerKvk,
    buyer: buyerOin,
    period: { start: '2026-03-01', end: '2026-03-31' },
    paymentMeansCode: '30',
    paymentTermDays: 30,
    lines: [line(1), line(2, { unitPriceCents: 97_575, productName: 'Onderwijsroute, product 2 (einde maand 3)' })],
    ...over,
  };
}

/** The documents every test validates: learning route exempt, PVT at 21%, mixed, both identifier schemes, both payment means. */
export function sampleInvoices(): { name: string; doc: InvoiceDocument }[] {
  return [
    { name: 'learning-route invoice, exempt, seller KvK / buyer OIN, means 30', doc: invoice() },
    { name: 'PVT invoice at 21%, seller OIN / buyer KvK, means 58', doc: invoice({ number: 'ROC-2026-0101', seller: sellerOin, buyer: buyerKvk, paymentMeansCode: '58', lines: [line(1, { productName: 'Pre-entreevoorziening (PVT), maand 3', unitPriceCents: 41_333, vat: PVT_VAT }), line(2, { productName: 'PVT, 12,5 uur extra', quantity: 12.5, unitPriceCents: 6_789, vat: PVT_VAT })] }) },
    { name: 'mixed invoice, exempt and 21%, buyer reference and purchase order', doc: invoice({ number: 'DB-2026-0008', period: { start: '2026-02-01', end: '2026-03-31' }, buyer: { ...buyerOin, buyerReference: 'AFD-INB' }, lines: [line(1), line(2, { vat: PVT_VAT, unitPriceCents: 3 }), line(3, { vat: PVT_VAT, unitPriceCents: 3 }), line(4, { vat: PVT_VAT, unitPriceCents: 3 }), line(5, { deliveryMonth: '2026-02' })] }) },
  ];
}
