// R-INV-5: every invoice and credit note this file builds is validated with the official SI-UBL 2.0
// (NLCIUS) + EN 16931 rules and the UBL 2.1 schema: 0 fatal findings. The negative tests show that
// the builder refuses a BSN and that the validator really runs (a broken payment means is caught).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateUbl, type Result } from '../../shared/reference/si-ubl-2.0/validate-ubl.mjs';
import { creditNoteFor, type InvoiceDocument, type LineVat } from '../src/domain/invoice-document.js';
import { buildUbl, CUSTOMIZATION_ID, InvoiceDocumentRefused, ublAmount } from '../src/features/invoicing/ubl.js';
import { buyerKvk, buyerOin, EXEMPT, invoice, line, PVT_VAT, sampleInvoices, sellerKvk, sellerOin } from './support/invoice-documents.js';

const TIMEOUT = 120_000;

async function validate(name: string, xml: string): Promise<Result> {
  const r = await validateUbl(xml, { rules: 'si-ubl', xsd: true });
  for (const w of r.warnings) console.warn(`${name}: warning ${w.id} at ${w.location}: ${w.text}`);
  return r;
}

const fatalIds = (r: Result) => r.fatal.map((f) => `${f.id} ${f.location} ${f.text}`);

function creditNotes(): { name: string; doc: InvoiceDocument }[] {
  const mixed = sampleInvoices()[2]?.doc ?? invoice();
  const pvt = sampleInvoices()[1]?.doc ?? invoice();
  return [
    { name: 'credit note of two lines of the mixed invoice', doc: creditNoteFor(mixed, { number: 'DB-2026-C001', issueDate: '2026-04-20', dueDate: '2026-05-20' }, ['2', '5']) },
    { name: 'credit note of the whole PVT invoice (seller OIN)', doc: creditNoteFor(pvt, { number: 'ROC-2026-C001', issueDate: '2026-04-21', dueDate: '2026-05-21' }) },
  ];
}

describe('UBL 2.1 following SI-UBL 2.0', () => {
  it('ublAmount writes cents with two decimals', () => {
    expect([ublAmount(0), ublAmount(5), ublAmount(123_456), ublAmount(-105)]).toEqual(['0.00', '0.05', '1234.56', '-1.05']);
  });

  for (const { name, doc } of [...sampleInvoices(), ...creditNotes()]) {
    it(`${name}: 0 fatal findings (NLCIUS + EN 16931 + XSD)`, { timeout: TIMEOUT }, async () => {
      const xml = buildUbl(doc);
      const r = await validate(name, xml);
      expect(fatalIds(r)).toEqual([]);
      // Not required, but we keep the documents free of NLCIUS's "not recommended" elements too.
      expect(r.warnings.map((w) => w.id)).toEqual([]);
      expect(xml).toContain(`<cbc:CustomizationID>${CUSTOMIZATION_ID}</cbc:CustomizationID>`);
    });
  }

  it('random documents (lines, decimal quantities, VAT mixes, credit notes, both schemes) pass the official rules, and each VAT subtotal is its category sum × rate to the cent', { timeout: TIMEOUT }, async () => {
    const arbLine = fc.record({ cents: fc.integer({ min: 0, max: 500_000 }), milli: fc.integer({ min: 1, max: 5_000 }), vat: fc.constantFrom<LineVat>(EXEMPT, PVT_VAT, { category: 'S', ratePercent: 9 }) });
    const arbDoc = fc.record({ lines: fc.array(arbLine, { minLength: 1, maxLength: 8 }), credit: fc.boolean(), swap: fc.boolean(), means: fc.constantFrom<'30' | '58'>('30', '58') });
    await fc.assert(
      fc.asyncProperty(arbDoc, async (d) => {
        const inv = invoice({ seller: d.swap ? sellerOin : sellerKvk, buyer: d.swap ? buyerKvk : buyerOin, paymentMeansCode: d.means, lines: d.lines.map((l, i) => line(i + 1, { unitPriceCents: l.cents, quantity: l.milli / 1000, vat: l.vat })) });
        const doc = d.credit ? creditNoteFor(inv, { number: 'C-1', issueDate: '2026-04-20', dueDate: '2026-05-20' }) : inv;
        const xml = buildUbl(doc);
        const r = await validateUbl(xml, { rules: 'si-ubl', xsd: true });
        expect(fatalIds(r)).toEqual([]);
        // BR-CO-17 in the official rules allows a whole euro of difference; we hold the VAT to the cent.
        const subtotals = [...xml.matchAll(/<cbc:TaxableAmount currencyID="EUR">(\d+)\.(\d\d)<\/cbc:TaxableAmount>\s*<cbc:TaxAmount currencyID="EUR">(\d+)\.(\d\d)<\/cbc:TaxAmount>\s*<cac:TaxCategory>\s*<cbc:ID>\w+<\/cbc:ID>\s*<cbc:Percent>(\d+)<\/cbc:Percent>/g)];
        expect(subtotals.length).toBe(new Set(d.lines.map((l) => (l.vat.category === 'E' ? 'E' : l.vat.ratePercent))).size);
        for (const m of subtotals) {
          const taxable = Number(m[1]) * 100 + Number(m[2]);
          expect(Number(m[3]) * 100 + Number(m[4])).toBe(Math.round((taxable * Number(m[5])) / 100));
        }
      }),
      { numRuns: 12 },
    );
  });

  it('an invoice is type 380 with the IBAN and means code; a credit note is a CreditNote 381 naming its invoice', () => {
    const inv = buildUbl(invoice());
    expect(inv).toMatch(/<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/);
    expect(inv).toContain('<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>');
    expect(inv).toContain('<cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>');
    expect(inv).toContain('<cbc:ID>NL91ABNA0417164300</cbc:ID>');
    expect(inv).toContain('<cbc:CompanyID schemeID="0106">12345678</cbc:CompanyID>');
    expect(inv).toContain('<cbc:CompanyID schemeID="0190">00000001002220647000</cbc:CompanyID>');
    expect(inv).toContain('<cbc:TaxExemptionReason>');
    const [cn] = creditNotes();
    const xml = buildUbl(cn?.doc ?? invoice());
    expect(xml).toMatch(/<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"/);
    expect(xml).toContain('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>');
    expect(xml).toMatch(/<cac:BillingReference>\s*<cac:InvoiceDocumentReference>\s*<cbc:ID>DB-2026-0008<\/cbc:ID>/);
    expect(xml.match(/<cac:CreditNoteLine>/g)).toHaveLength(2);
  });

  it('the mixed invoice carries one exempt and one 21% subtotal with VAT on the category sum', () => {
    const xml = buildUbl(sampleInvoices()[2]?.doc ?? invoice());
    // Three 21% lines of € 0,03: VAT € 0,02 on € 0,09 (per line it would be 3 × € 0,01).
    expect(xml).toMatch(/<cbc:TaxableAmount currencyID="EUR">0.09<\/cbc:TaxableAmount>\s*<cbc:TaxAmount currencyID="EUR">0.02<\/cbc:TaxAmount>/);
    expect(xml).toMatch(/<cbc:TaxableAmount currencyID="EUR">3250.00<\/cbc:TaxableAmount>\s*<cbc:TaxAmount currencyID="EUR">0.00<\/cbc:TaxAmount>\s*<cac:TaxCategory>\s*<cbc:ID>E<\/cbc:ID>/);
    expect(xml).toContain('<cbc:PayableAmount currencyID="EUR">3250.11</cbc:PayableAmount>');
  });

  it('refuses a document with a BSN-like client number, and the refusal does not contain it', () => {
    const doc = invoice({ lines: [line(1), line(2, { clientNumber: '1112.22.333' })] });
    let refused: unknown;
    try {
      buildUbl(doc);
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(InvoiceDocumentRefused);
    expect((refused as InvoiceDocumentRefused).problems.map((p) => p.name)).toEqual(['lines.1.clientNumber']);
    expect(JSON.stringify((refused as InvoiceDocumentRefused).problems) + String(refused)).not.toMatch(/1112|333/);
  });

  it('no generated document contains the client number pattern of a BSN', () => {
    for (const { doc } of [...sampleInvoices(), ...creditNotes()]) expect(buildUbl(doc)).not.toMatch(/\b\d{9}\b/);
  });

  it('the validator is really run: a payment means code 31 is fatal (BR-NL-12), no buyer or order reference too (BR-NL-2), a payable amount a cent off (BR-CO-16), an unknown element fails the XSD', { timeout: TIMEOUT }, async () => {
    const xml = buildUbl(invoice({ seller: sellerOin, buyer: buyerKvk, lines: [line(1, { vat: PVT_VAT })] }));
    const broken = xml.replace('<cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>', '<cbc:PaymentMeansCode>31</cbc:PaymentMeansCode>');
    expect(broken).not.toBe(xml);
    expect((await validate('means 31', broken)).fatal.map((f) => f.id)).toContain('BR-NL-12');
    const noRef = xml.replace(/<cbc:BuyerReference>[^<]*<\/cbc:BuyerReference>/, '');
    expect(noRef).not.toBe(xml);
    expect((await validate('no reference', noRef)).fatal.map((f) => f.id)).toContain('BR-NL-2');
    // The sums are checked too: a payable amount one cent off breaks BR-CO-16.
    const payable = /<cbc:PayableAmount currencyID="EUR">(\d+)\.(\d\d)<\/cbc:PayableAmount>/.exec(xml);
    const offByOne = xml.replace(payable?.[0] ?? '', `<cbc:PayableAmount currencyID="EUR">${ublAmount(Number(payable?.[1]) * 100 + Number(payable?.[2]) + 1)}</cbc:PayableAmount>`);
    expect(offByOne).not.toBe(xml);
    expect((await validate('payable off by a cent', offByOne)).fatal.map((f) => f.id)).toContain('BR-CO-16');
    // And the schema check runs: an element UBL does not know is a UBL-XSD error.
    const unknown = xml.replace('<cbc:IssueDate>', '<cbc:Bogus>x</cbc:Bogus><cbc:IssueDate>');
    expect((await validate('unknown element', unknown)).fatal.map((f) => f.id)).toContain('UBL-XSD');
  });
});
