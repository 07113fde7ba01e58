// The renderers read back: the XLSX opened with exceljs cell by cell, the PDF's printed text (pdfGlyphText).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SUPPRESSED, type ReportDocument } from '../../../domain/reports/document.js';
import { pdfGlyphText } from '../../../../test/support/pdf-text.js';
import { cellText, dutchNumber, SUPPRESSED_NOTE } from './format.js';
import { renderReportDocument, reportFileName } from './index.js';

const doc: ReportDocument = {
  title: 'Managementinformatie Westfriesland — 2027-Q1',
  subtitle: 'Contract westfriesland, versie 1, 1 januari 2027 tot en met 31 maart 2027',
  notes: ['Aantallen van de regio zijn de som van de gemeenten.'],
  sections: [
    {
      heading: 'Hoorn — B1-route',
      table: {
        columns: ['Onderdeel', '2026-Q4', '2027-Q1', 'Aandeel'],
        rows: [
          ['Aangemeld', 12, 1234, 0.805],
          ['In wachtrij', SUPPRESSED, 0, null],
          ['=SUM(A1:A2)', 7, SUPPRESSED, 0.1],
        ],
        decimals: [undefined, undefined, undefined, 1],
        percent: [false, false, false, true],
      },
    },
    { heading: 'Toelichting aanbieder', text: 'Eerste alinea.\n+Tweede alinea met een plus.' },
    { heading: 'Gemiddelde wachttijd', table: { columns: ['Gemeente', 'Dagen'], rows: [['Hoorn', 12.345]], decimals: [undefined, 2] } },
  ],
};

describe('Dutch cell text', () => {
  it('writes numbers with a decimal comma and thousands dots, a share as percent', () => {
    expect(dutchNumber(1234, undefined, false)).toBe('1.234');
    expect(dutchNumber(1234567.5, 1, false)).toBe('1.234.567,5');
    expect(dutchNumber(0.805, 1, true)).toBe('80,5%');
    expect(dutchNumber(-0.04, 0, false)).toBe('0');
    expect(cellText(SUPPRESSED, {}, 1)).toBe('niet getoond');
    expect(cellText(null, {}, 1)).toBe('n.v.t.');
  });

  it('names the file by the fixed stem and the date only', () => {
    expect(reportFileName('kwartaal-mi', '2027-03-31', 'xlsx')).toBe('kwartaal-mi-2027-03-31.xlsx');
    expect(reportFileName('mi"; x=../a', '2027-03-31', 'pdf')).toBe('mixa-2027-03-31.pdf');
  });
});

describe('renderReportDocument xlsx', () => {
  it('holds every cell: numbers as numbers with their format, suppressed and n.v.t. as text, formulas guarded', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderReportDocument(doc, 'xlsx')) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Rapportage');
    if (sheet === undefined) throw new Error('no sheet');
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
    // Row by row as written: title, subtitle, blank, heading, header, three rows, blank, heading, two
    // paragraphs, blank, heading, header, one row, blank, Toelichting, the given note, the suppression note.
    expect(rows).toEqual([
      ['Managementinformatie Westfriesland — 2027-Q1'],
      ['Contract westfriesland, versie 1, 1 januari 2027 tot en met 31 maart 2027'],
      [],
      ['Hoorn — B1-route'],
      ['Onderdeel', '2026-Q4', '2027-Q1', 'Aandeel'],
      ['Aangemeld', 12, 1234, 0.805],
      ['In wachtrij', 'niet getoond', 0, 'n.v.t.'],
      ["'=SUM(A1:A2)", 7, 'niet getoond', 0.1],
      [],
      ['Toelichting aanbieder'],
      ['Eerste alinea.'],
      ["'+Tweede alinea met een plus."],
      [],
      ['Gemiddelde wachttijd'],
      ['Gemeente', 'Dagen'],
      ['Hoorn', 12.345],
      [],
      ['Toelichting'],
      ['Aantallen van de regio zijn de som van de gemeenten.'],
      [SUPPRESSED_NOTE],
    ]);
    expect(sheet.getCell('D6').numFmt).toBe('0.0%');
    expect(sheet.getCell('B16').numFmt).toBe('0.00');
    expect(sheet.getCell('B6').type).toBe(ExcelJS.ValueType.Number);
    const note = sheet.getCell('B7').note;
    expect(typeof note === 'string' ? note : note?.texts?.map((t) => t.text).join('')).toBe(SUPPRESSED_NOTE);
    // No cell is a formula.
    sheet.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
});

describe('renderReportDocument pdf', () => {
  it('prints the title, the headings and every cell in Dutch, and the suppression note', async () => {
    const bytes = await renderReportDocument(doc, 'pdf');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = bytes.toString('latin1');
    expect(raw).toMatch(/\/Lang \(nl-NL\)/);
    expect(raw).toMatch(/\/MarkInfo/);
    // pdfmake writes each cell as its own text run: the printed text is the cells one after another.
    expect(pdfGlyphText(bytes)).toBe(
      [
        'Managementinformatie Westfriesland — 2027-Q1',
        'Contract westfriesland, versie 1, 1 januari 2027 tot en met 31 maart 2027',
        'Hoorn — B1-route',
        ...['Onderdeel', '2026-Q4', '2027-Q1', 'Aandeel'],
        ...['Aangemeld', '12', '1.234', '80,5%'],
        ...['In wachtrij', 'niet getoond', '0', 'n.v.t.'],
        ...['=SUM(A1:A2)', '7', 'niet getoond', '10,0%'],
        'Toelichting aanbieder',
        'Eerste alinea.+Tweede alinea met een plus.',
        'Gemiddelde wachttijd',
        ...['Gemeente', 'Dagen', 'Hoorn', '12,35'],
        'Toelichting',
        'Aantallen van de regio zijn de som van de gemeenten.',
        SUPPRESSED_NOTE,
        // The footer: the title and the page.
        'Managementinformatie Westfriesland — 2027-Q1',
        'Pagina 1 van 1',
      ].join(''),
    );
  });

  it('repeats the header row when a table runs over pages', async () => {
    const long: ReportDocument = { ...doc, sections: [{ heading: 'Lang', table: { columns: ['Regel', 'Aantal'], rows: Array.from({ length: 120 }, (_, i) => [`Regel ${i + 1}`, i]) } }] };
    const printed = pdfGlyphText(await renderReportDocument(long, 'pdf'));
    const pages = Number(/Pagina 1 van (\d+)/.exec(printed)?.[1]);
    expect(pages).toBeGreaterThan(1);
    // The header row once per page, and the last row at the end.
    expect(printed.split('RegelAantal').length - 1).toBe(pages);
    expect(printed).toContain('Regel 120119');
  });
});
