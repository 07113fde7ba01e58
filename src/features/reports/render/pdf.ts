// Issue #13: a ReportDocument as a PDF, rendered with the locked-down pdfmake of
// src/features/documents/pdf.ts (no URL, no local file but the fonts). Dutch throughout: the document
// language is nl-NL and the PDF is marked tagged with its title shown (pdfmake 0.3 sets the MarkInfo
// and Lang; it writes no structure tree, so headings are also bookmarks — the outline — for navigation).
// Tables repeat their header row on every page and a row never splits over two pages; a table wider
// than six columns turns the page to landscape.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { isSuppressed, type ReportDocument, type ReportTable } from '../../../domain/reports/document.js';
import { render } from '../../documents/pdf.js';
import { cellText, documentNotes } from './format.js';

function tableContent(table: ReportTable): Content {
  const header: TableCell[] = table.columns.map((c, i) => ({ text: c, style: 'tableHeader', ...(i > 0 ? { alignment: 'right' as const } : {}) }));
  const body: TableCell[][] = table.rows.map((row) =>
    row.map((cell, i): TableCell => {
      const right = i > 0 || typeof cell === 'number' || cell === null || isSuppressed(cell);
      return { text: cellText(cell, table, i), ...(right ? { alignment: 'right' as const } : {}), ...(cell !== null && isSuppressed(cell) ? { italics: true } : {}) };
    }),
  );
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: table.columns.map((_, i) => (i === 0 ? '*' : 'auto')), body: [header, ...body] },
    layout: 'lightHorizontalLines',
    fontSize: table.columns.length > 8 ? 7 : 8,
    margin: [0, 0, 0, 6],
  };
}

export function reportPdfDefinition(family: string, doc: ReportDocument): TDocumentDefinitions {
  const wide = doc.sections.some((s) => (s.table?.columns.length ?? 0) > 6);
  const content: Content[] = [
    { text: doc.title, style: 'title' },
    { text: doc.subtitle, style: 'subtitle' },
  ];
  for (const section of doc.sections) {
    content.push({ text: section.heading, style: 'heading', outline: true });
    if (section.table !== undefined) content.push(tableContent(section.table));
    if (section.text !== undefined && section.text !== null && section.text.trim() !== '') content.push({ text: section.text, margin: [0, 0, 0, 6] });
  }
  const notes = documentNotes(doc);
  if (notes.length > 0) content.push({ text: 'Toelichting', style: 'heading', outline: true }, { ul: notes, style: 'small' });
  return {
    info: { title: doc.title, subject: 'Rapportage inburgering (Wet inburgering 2021)', creator: 'Koers', producer: 'Koers' },
    language: 'nl-NL',
    tagged: true,
    displayTitle: true,
    pageSize: 'A4',
    pageOrientation: wide ? 'landscape' : 'portrait',
    pageMargins: [40, 40, 40, 50],
    defaultStyle: { font: family, fontSize: 9, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 10, color: '#444444', margin: [0, 0, 0, 10] },
      heading: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      tableHeader: { bold: true },
      small: { fontSize: 8, color: '#444444' },
    },
    content,
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: doc.title, style: 'small' },
        { text: `Pagina ${currentPage} van ${pageCount}`, style: 'small', alignment: 'right', width: 90 },
      ],
      margin: [40, 20, 40, 0],
    }),
  };
}

export function renderPdf(doc: ReportDocument): Promise<Buffer> {
  return render((family) => reportPdfDefinition(family, doc));
}
