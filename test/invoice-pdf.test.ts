// R-INV-4, R-INV-5: the invoice PDF shows the header, the lines, the VAT breakdown and the totals in Dutch
// euro notation, stays below the 5 MB of 001 Bijlage 4 with 200 lines, and never shows a BSN.
import type { Content } from 'pdfmake/interfaces.js';
import { describe, expect, it } from 'vitest';
import { creditNoteFor } from '../src/domain/invoice-document.js';
import { dutchMonth, euro, invoicePdfDefinition, renderInvoicePdf } from '../src/features/invoicing/pdf.js';
import { InvoiceDocumentRefused } from '../src/features/invoicing/ubl.js';
import { invoice, line, PVT_VAT, sampleInvoices } from './support/invoice-documents.js';
import { pdfGlyphText } from './support/pdf-text.js';

/** Every text string in a definition's content, in order. */
function texts(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node !== null && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => (k === 'text' || k === 'stack' || k === 'columns' || k === 'table' || k === 'body' || k === 'content' ? texts(v) : []));
  return [];
}

const spaceless = (s: string) => s.replace(/\s+/g, '');

describe('invoice PDF', () => {
  it('euro writes Dutch notation exactly from cents', () => {
    expect([euro(0), euro(5), euro(123_456), euro(100_000_000), euro(-105)]).toEqual(['€ 0,00', '€ 0,05', '€ 1.234,56', '€ 1.000.000,00', '€ -1,05']);
    expect(dutchMonth('2026-03')).toBe('maart 2026');
  });

  it('the header carries what R-INV-4 asks, the lines and the totals of the mixed invoice', () => {
    const doc = sampleInvoices()[2]?.doc ?? invoice();
    const all = texts((invoicePdfDefinition('Roboto', doc) as { content: Content }).content).join('\n');
    for (const want of ['Verzamelfactuur DB-2026-0008', 'Taalschool De Brug B.V.', 'Stationsplein 12', 'KvK-nummer 12345678', 'Btw-nummer NL001234567B01', 'Gemeente Arnhem', 'Koningstraat 38', '6811 DG Arnhem', 't.a.v. Team Inburgering', 'Factuurdatum', '10 april 2026', 'Inkoopordernummer', 'IO-2026-0417', 'Uw referentie', 'AFD-INB', '1 februari 2026 tot en met 31 maart 2026', 'NL91 ABNA 0417 1643 00', '30 dagen, uiterlijk 10 mei 2026']) {
      expect(all).toContain(want);
    }
    for (const want of ['ARN-1001', '5 januari 2026', 'februari 2026', '€ 1.625,00', '€ 0,03', 'vrijgesteld', '21%']) expect(all).toContain(want);
    // VAT once on the 21% sum (3 × € 0,03 → € 0,02, not 3 × € 0,01), and the totals.
    expect(all).toContain('Vrijgesteld van btw: onderwijs');
    expect(all).toMatch(/21% btw\n€ 0,09\n€ 0,02/);
    expect(all).toMatch(/Totaal excl. btw\n€ 3.250,09\nBtw\n€ 0,02\nTotaal te betalen\n€ 3.250,11/);
  });

  it('a credit note says what it credits and the amount to be credited', () => {
    const doc = creditNoteFor(invoice(), { number: 'DB-2026-C002', issueDate: '2026-04-20', dueDate: '2026-05-20' }, ['2']);
    const all = texts((invoicePdfDefinition('Roboto', doc) as { content: Content }).content).join('\n');
    expect(all).toContain('Creditnota DB-2026-C002');
    expect(all).toContain('Crediteert factuur\nDB-2026-0007 van 10 april 2026');
    expect(all).toMatch(/Totaal te crediteren\n€ 975,75/);
    expect(all).not.toContain('ARN-1001');
  });

  it('200 lines render to a PDF below 5 MB whose text shows the totals and the client numbers, and no BSN', { timeout: 120_000 }, async () => {
    const lines = Array.from({ length: 200 }, (_, i) => line(i + 1, i % 4 === 0 ? { vat: PVT_VAT, unitPriceCents: 41_333 } : {}));
    const doc = invoice({ number: 'DB-2026-0200', lines });
    const pdf = await renderInvoicePdf(doc);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(5 * 1024 * 1024);
    console.info(`invoice PDF with 200 lines: ${(pdf.length / 1024).toFixed(1)} KB`);
    const text = spaceless(pdfGlyphText(pdf));
    // 150 exempt lines of € 1.625,00 and 50 at € 413,33 + 21% VAT on € 20.666,50 = € 4.339,97.
    expect(text).toContain(spaceless('€ 264.416,50'));
    expect(text).toContain(spaceless('€ 4.339,97'));
    expect(text).toContain(spaceless('€ 268.756,47'));
    expect(text).toContain('ARN-1200');
    // The only nine digits printed are those inside the seller's VAT id (NL + 9 digits + B01).
    expect(pdfGlyphText(pdf).replaceAll(doc.seller.vatId, '')).not.toMatch(/(?<![\d])\d{9}(?![\d])/);
  });

  it('refuses a document with a BSN as client number', async () => {
    await expect(renderInvoicePdf(invoice({ lines: [line(1, { clientNumber: '111222333' })] }))).rejects.toBeInstanceOf(InvoiceDocumentRefused);
  });
});
