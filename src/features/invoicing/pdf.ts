// R-INV-4, R-INV-5: the collective invoice or credit note as a PDF, from the same invoice model as the
// UBL (src/domain/invoice-document.ts), so the two always show the same totals. Rendered with the
// locked-down pdfmake of src/features/documents/pdf.ts (no URL, no local file but the fonts).
//
// 001 Bijlage 4: the municipality takes a PDF of at most 5 MB; the lines table is plain text in a
// bundled font, so 200 lines stay far below that (test/invoice-pdf.test.ts measures it).
// R-PAR-2: participants appear by the municipality's client number only; a document with a BSN-like
// number is refused as the UBL builder refuses it.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { documentTotals, invoiceDocumentProblems, type InvoiceDocument, type LegalId, type PostalAddress, type VatSubtotal } from '../../domain/invoice-document.js';
import { dutchDate, facts, render } from '../documents/pdf.js';
import { InvoiceDocumentRefused } from './ubl.js';

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** Cents in Dutch notation: 123456 → '€ 1.234,56', -5 → '€ -0,05'. Exact: no floating point. */
export function euro(cents: number): string {
  const abs = Math.abs(cents);
  const whole = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `€ ${cents < 0 ? '-' : ''}${whole},${String(abs % 100).padStart(2, '0')}`;
}

/** '2026-03' → 'maart 2026'. */
export function dutchMonth(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1] ?? month.slice(5, 7)} ${month.slice(0, 4)}`;
}

function dutchQuantity(q: number): string {
  return (Math.round(q * 1000) / 1000).toString().replace('.', ',');
}

const addressLines = (a: PostalAddress): string => `${a.street}\n${a.postalCode} ${a.city}`;
const legalIdText = (id: LegalId): string => (id.scheme === 'kvk' ? `KvK-nummer ${id.value}` : `OIN ${id.value}`);
const vatLabel = (g: Pick<VatSubtotal, 'category' | 'ratePercent'>): string => (g.category === 'E' ? 'Vrijgesteld van btw' : `${String(g.ratePercent).replace('.', ',')}% btw`);

/** IBAN in groups of four, as people read it off a paper invoice. */
function ibanGroups(iban: string): string {
  return iban.replace(/\s+/g, '').toUpperCase().replace(/(.{4})(?=.)/g, '$1 ');
}

const cell = (text: string, style?: string, alignment?: 'right'): Content => ({ text, ...(style === undefined ? {} : { style }), ...(alignment === undefined ? {} : { alignment }) });

/** 002 eis 13: the round's PDFs say they are pro forma, so the centre never takes one for the final invoice. */
export interface PdfOptions {
  proForma?: boolean;
}

/** The pdfmake definition (exported so the test can read every printed text without parsing the PDF). */
export function invoicePdfDefinition(family: string, doc: InvoiceDocument, options: PdfOptions = {}): TDocumentDefinitions {
  const totals = documentTotals(doc);
  const isCredit = doc.kind === 'creditNote';
  const title = isCredit ? `Creditnota ${doc.number}` : `${options.proForma === true ? 'Pro-formafactuur' : 'Verzamelfactuur'} ${doc.number}`;
  const parties: Content = {
    columns: [
      { width: '*', stack: [{ text: 'Van', style: 'label' }, { text: doc.seller.legalName }, { text: addressLines(doc.seller.address) }, { text: legalIdText(doc.seller.legalId) }, { text: `Btw-nummer ${doc.seller.vatId}` }] },
      {
        width: '*',
        stack: [
          { text: 'Aan', style: 'label' },
          { text: doc.buyer.name },
          { text: `t.a.v. ${doc.buyer.contact.name}` },
          { text: addressLines(doc.buyer.address) },
          { text: legalIdText(doc.buyer.legalId) },
          ...(doc.buyer.contact.email === undefined ? [] : [{ text: doc.buyer.contact.email }]),
        ],
      },
    ],
    columnGap: 20,
    margin: [0, 0, 0, 10],
  };
  const header: [string, string][] = [
    [isCredit ? 'Creditnotanummer' : 'Factuurnummer', doc.number],
    [isCredit ? 'Datum creditnota' : 'Factuurdatum', dutchDate(doc.issueDate)],
    ...(doc.creditedInvoice === undefined ? [] : ([['Crediteert factuur', `${doc.creditedInvoice.number} van ${dutchDate(doc.creditedInvoice.issueDate)}`]] as [string, string][])),
    ['Periode', `${dutchDate(doc.period.start)} tot en met ${dutchDate(doc.period.end)}`],
    ...(doc.buyer.purchaseOrder === undefined ? [] : ([['Inkoopordernummer', doc.buyer.purchaseOrder]] as [string, string][])),
    ...(doc.buyer.buyerReference === undefined ? [] : ([['Uw referentie', doc.buyer.buyerReference]] as [string, string][])),
    ['IBAN', `${ibanGroups(doc.seller.iban)} t.n.v. ${doc.seller.legalName}`],
    isCredit ? ['Verrekening', `Uiterlijk ${dutchDate(doc.dueDate)}`] : ['Betalingstermijn', `${doc.paymentTermDays} dagen, uiterlijk ${dutchDate(doc.dueDate)}, onder vermelding van het factuurnummer`],
  ];
  const lines: Content = {
    table: {
      headerRows: 1,
      widths: [22, 62, 52, '*', 52, 30, 56, 44, 58],
      body: [
        ['Regel', 'Klantnummer gemeente', 'Startdatum', 'Onderdeel', 'Leveringsmaand', 'Aantal', 'Prijs excl. btw', 'Btw', 'Bedrag excl. btw'].map((h, i) => cell(h, 'tableHeader', i >= 5 && i !== 7 ? 'right' : undefined)),
        ...doc.lines.map((l, i) => [
          cell(l.id),
          cell(l.clientNumber),
          cell(dutchDate(l.startDate)),
          cell(l.productName),
          cell(dutchMonth(l.deliveryMonth)),
          cell(dutchQuantity(l.quantity), undefined, 'right'),
          cell(euro(l.unitPriceCents), undefined, 'right'),
          cell(l.vat.category === 'E' ? 'vrijgesteld' : `${String(l.vat.ratePercent).replace('.', ',')}%`),
          cell(euro(totals.lineNets[i]?.netCents ?? 0), undefined, 'right'),
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 8,
  };
  const vat: Content = {
    table: {
      headerRows: 1,
      widths: ['*', 90, 90],
      body: [
        [cell('Btw', 'tableHeader'), cell('Grondslag', 'tableHeader', 'right'), cell('Btw-bedrag', 'tableHeader', 'right')],
        ...totals.vat.map((g) => [cell(g.category === 'E' ? `${vatLabel(g)}: ${g.exemptionReason ?? ''}` : vatLabel(g)), cell(euro(g.taxableCents), undefined, 'right'), cell(euro(g.vatCents), undefined, 'right')]),
      ],
    },
    layout: 'lightHorizontalLines',
  };
  const sums: Content = {
    table: {
      widths: ['*', 110],
      body: [
        [cell('Totaal excl. btw', 'label'), cell(euro(totals.lineTotalCents), undefined, 'right')],
        [cell('Btw', 'label'), cell(euro(totals.vatTotalCents), undefined, 'right')],
        [cell(isCredit ? 'Totaal te crediteren' : 'Totaal te betalen', 'label'), cell(euro(totals.payableCents), 'label', 'right')],
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [240, 10, 0, 0],
  };
  return {
    // Generic metadata: the info dictionary is readable without opening the document.
    info: { title, subject: 'Inburgering (Wet inburgering 2021)', creator: 'Koers', producer: 'Koers' },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    defaultStyle: { font: family, fontSize: 9, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 10] },
      heading: { fontSize: 11, bold: true, margin: [0, 12, 0, 4] },
      label: { bold: true },
      tableHeader: { bold: true, fontSize: 8 },
      small: { fontSize: 7, color: '#555555' },
    },
    content: [
      { text: title, style: 'title' },
      ...(options.proForma === true ? [{ text: 'Pro forma, ter controle door de gemeente: geen betaalverzoek. De definitieve factuur volgt.', style: 'label', margin: [0, 0, 0, 8] } as Content] : []),
      parties,
      facts(header),
      { text: isCredit ? 'Gecrediteerde regels' : 'Regels per inburgeraar', style: 'heading' },
      lines,
      { text: 'Btw-specificatie', style: 'heading' },
      vat,
      sums,
    ],
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: `${title}, ${doc.seller.legalName}. Inburgeraars staan vermeld met het klantnummer van de gemeente.`, style: 'small' },
        { text: `Pagina ${currentPage} van ${pageCount}`, style: 'small', alignment: 'right', width: 90 },
      ],
      margin: [40, 20, 40, 0],
    }),
  };
}

/** The PDF of `doc`; refuses (InvoiceDocumentRefused) what the UBL builder refuses, a BSN first of all. */
export function renderInvoicePdf(doc: InvoiceDocument, options: PdfOptions = {}): Promise<Buffer> {
  const problems = invoiceDocumentProblems(doc);
  if (problems.length > 0) return Promise.reject(new InvoiceDocumentRefused(problems));
  return render((family) => invoicePdfDefinition(family, doc, options));
}
