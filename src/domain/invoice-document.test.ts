// R-INV-4, R-INV-6: the invoice model's totals to the cent (EN 16931 rounding) and the credit note.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditNoteFor, documentTotals, invoiceDocumentProblems, lineNetCents, monthBounds, signedPayableCents, vatCents, type InvoiceDocument, type InvoiceLine, type LineVat } from './invoice-document.js';

const EXEMPT: LineVat = { category: 'E', exemptionReason: 'Vrijgesteld van btw: beroepsonderwijs (art. 11 lid 1 o Wet OB 1968)' };
const STANDARD: LineVat = { category: 'S', ratePercent: 21 };

const line = (id: string, unitPriceCents: number, vat: LineVat, quantity = 1): InvoiceLine => ({ id, clientNumber: `K-${id}`, startDate: '2026-01-05', productName: 'Onderwijsroute, product 1', deliveryMonth: '2026-03', quantity, unitPriceCents, vat });

const base: InvoiceDocument = {
  kind: 'invoice',
  number: 'F2026-0001',
  issueDate: '2026-04-10',
  dueDate: '2026-05-10',
  currency: 'EUR',
  seller: { legalName: 'Taalhuis BV', address: { street: 'Stationsplein 1', postalCode: '6811 KL', city: 'Arnhem', countryCode: 'NL' }, legalId: { scheme: 'kvk', value: '12345678' }, vatId: 'NL001234567B01', iban: 'NL91ABNA0417164300' },
  buyer: { name: 'Gemeente Arnhem', address: { street: 'Koningstraat 38', postalCode: '6811 DG', city: 'Arnhem', countryCode: 'NL' }, legalId: { scheme: 'oin', value: '00000001002220647000' }, contact: { name: 'Team Inburgering' }, purchaseOrder: 'PO-2026-17' },
  period: { start: '2026-03-01', end: '2026-03-31' },
  paymentMeansCode: '30',
  paymentTermDays: 30,
  lines: [],
};

describe('line and VAT rounding (EN 16931)', () => {
  it('a line net is quantity × price rounded half away from zero to the cent: 1,5 × € 0,33 = € 0,50', () => {
    expect(lineNetCents({ quantity: 1.5, unitPriceCents: 33 })).toBe(50);
    expect(lineNetCents({ quantity: 0.125, unitPriceCents: 4 })).toBe(1); // 0,5 cent rounds up
    expect(lineNetCents({ quantity: 3, unitPriceCents: 123_456 })).toBe(370_368);
  });
  it('VAT 21% is computed once on the category sum, not per line: 3 × € 0,03 gives € 0,02, not 3 × € 0,01', () => {
    const t = documentTotals({ lines: [line('1', 3, STANDARD), line('2', 3, STANDARD), line('3', 3, STANDARD)] });
    expect(t.vat).toEqual([{ category: 'S', ratePercent: 21, taxableCents: 9, vatCents: 2 }]);
    expect(vatCents(3, 21)).toBe(1);
  });
  it('a mixed invoice has one exempt and one 21% subtotal: € 1.600,00 exempt + € 250,00 at 21% = € 1.902,50', () => {
    const t = documentTotals({ lines: [line('1', 160_000, EXEMPT), line('2', 25_000, STANDARD)] });
    expect(t.vat).toEqual([
      { category: 'E', ratePercent: 0, exemptionReason: EXEMPT.category === 'E' ? EXEMPT.exemptionReason : '', taxableCents: 160_000, vatCents: 0 },
      { category: 'S', ratePercent: 21, taxableCents: 25_000, vatCents: 5_250 },
    ]);
    expect(t.lineTotalCents).toBe(185_000);
    expect(t.payableCents).toBe(190_250);
  });
  it('monthBounds gives the delivery month, leap years included', () => {
    expect(monthBounds('2028-02')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(monthBounds('2026-02').end).toBe('2026-02-28');
    expect(monthBounds('2026-04').end).toBe('2026-04-30');
    expect(monthBounds('2026-12').end).toBe('2026-12-31');
  });
});

describe('checks', () => {
  it('a clean document has no problems', () => {
    expect(invoiceDocumentProblems({ ...base, lines: [line('1', 100, EXEMPT)] })).toEqual([]);
  });
  it('refuses a BSN as client number, grouped or not, and never echoes it (R-PAR-2)', () => {
    for (const bsn of ['111222333', '1112.22.333', '123456789']) {
      const problems = invoiceDocumentProblems({ ...base, lines: [{ ...line('1', 100, EXEMPT), clientNumber: bsn }] });
      expect(problems.map((p) => p.name)).toEqual(['lines.0.clientNumber']);
      expect(JSON.stringify(problems)).not.toContain(bsn);
    }
  });
  it('needs a buyer reference or purchase order (BR-NL-2), and a credit note its invoice', () => {
    const doc: InvoiceDocument = { ...base, kind: 'creditNote', buyer: { ...base.buyer, purchaseOrder: undefined }, lines: [line('1', 100, EXEMPT)] };
    expect(invoiceDocumentProblems(doc).map((p) => p.name)).toEqual(['buyer.purchaseOrder', 'creditedInvoice']);
  });
  it('refuses a negative price, a zero quantity, four decimals and a doubled line number', () => {
    const doc = { ...base, lines: [line('1', -1, EXEMPT), line('1', 100, EXEMPT, 0), line('3', 100, EXEMPT, 1.0005)] };
    expect(invoiceDocumentProblems(doc).map((p) => p.name)).toEqual(['lines.0.unitPriceCents', 'lines.1.id', 'lines.1.quantity', 'lines.2.quantity']);
  });
});

const arbLine = (id: number) =>
  fc.record({
    unitPriceCents: fc.integer({ min: 0, max: 5_000_000 }),
    quantityMilli: fc.integer({ min: 1, max: 20_000 }),
    vat: fc.constantFrom<LineVat>(EXEMPT, STANDARD, { category: 'S', ratePercent: 9 }),
  }).map((r) => line(String(id), r.unitPriceCents, r.vat, r.quantityMilli / 1000));
const arbLines = fc.integer({ min: 1, max: 25 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbLine(i + 1))));

describe('properties', () => {
  it('the line total is the sum of the line nets, the taxable amounts sum to it, and payable = lines + VAT', () => {
    fc.assert(
      fc.property(arbLines, (lines) => {
        const t = documentTotals({ lines });
        expect(t.lineTotalCents).toBe(lines.reduce((s, l) => s + lineNetCents(l), 0));
        expect(t.vat.reduce((s, g) => s + g.taxableCents, 0)).toBe(t.lineTotalCents);
        expect(t.payableCents).toBe(t.lineTotalCents + t.vat.reduce((s, g) => s + g.vatCents, 0));
        for (const g of t.vat) expect(Number.isInteger(g.vatCents)).toBe(true);
      }),
    );
  });

  it('crediting a whole invoice and invoicing the corrected lines nets to exactly the corrected invoice', () => {
    fc.assert(
      fc.property(arbLines, fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 25, maxLength: 25 }), (lines, newPrices) => {
        const invoice: InvoiceDocument = { ...base, lines };
        const credit = creditNoteFor(invoice, { number: 'C2026-0001', issueDate: '2026-05-01', dueDate: '2026-05-01' });
        const corrected: InvoiceDocument = { ...base, number: 'F2026-0002', lines: lines.map((l, i) => ({ ...l, unitPriceCents: newPrices[i] ?? 0 })) };
        const net = signedPayableCents(invoice) + signedPayableCents(credit) + signedPayableCents(corrected);
        expect(net).toBe(documentTotals(corrected).payableCents);
        expect(credit.creditedInvoice).toEqual({ number: invoice.number, issueDate: invoice.issueDate });
      }),
    );
  });

  it('crediting some lines and re-invoicing them corrected nets to the corrected amount excl. VAT exactly, and with VAT within the rounding (half a cent per VAT group per document)', () => {
    fc.assert(
      fc.property(arbLines, fc.integer({ min: 0, max: 5_000_000 }), fc.nat(), (lines, newPrice, pick) => {
        const invoice: InvoiceDocument = { ...base, lines };
        const disputed = lines.filter((_, i) => (pick >> i % 30) % 2 === 1 || i === pick % lines.length).map((l) => l.id);
        const credit = creditNoteFor(invoice, { number: 'C1', issueDate: '2026-05-01', dueDate: '2026-05-01' }, disputed);
        const corrected: InvoiceDocument = { ...base, number: 'F2', lines: credit.lines.map((l) => ({ ...l, unitPriceCents: newPrice })) };
        const wanted = lines.map((l) => (disputed.includes(l.id) ? { ...l, unitPriceCents: newPrice } : l));
        const net = (f: (d: InvoiceDocument) => number) => f(invoice) - f(credit) + f(corrected);
        // Excluding VAT there is no rounding beyond the line: exact.
        expect(net((d) => documentTotals(d).lineTotalCents)).toBe(documentTotals({ lines: wanted }).lineTotalCents);
        // VAT is rounded once per group per document: four roundings of at most half a cent each.
        const groups = new Set(lines.map((l) => (l.vat.category === 'E' ? 'E' : l.vat.ratePercent))).size;
        expect(Math.abs(net((d) => documentTotals(d).payableCents) - documentTotals({ lines: wanted }).payableCents)).toBeLessThanOrEqual(groups * 2);
        expect(net((d) => documentTotals(d).vat.filter((g) => g.category === 'E').reduce((s, g) => s + g.vatCents, 0))).toBe(0);
      }),
    );
  });
});
