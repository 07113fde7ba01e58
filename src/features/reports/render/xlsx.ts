// Issue #13: a ReportDocument as one XLSX worksheet, top to bottom as the page shows it: title, subtitle,
// then per section its heading, the table (a bold header row, numbers as real numbers with their
// decimals and percent format, a suppressed count as the text "niet getoond" with a cell note, a figure
// that does not apply as "n.v.t.") or its entered text, and at the end the notes ("Toelichting").
// R-EXC-3: every text goes through guardFormula, so a spreadsheet never runs an entered "=…" as a formula.
import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../../../platform/exceljs.js';
import { isSuppressed, type ReportCell, type ReportDocument, type ReportTable } from '../../../domain/reports/document.js';
import { guardFormula } from '../../../platform/http/export.js';
import { documentNotes, NOT_APPLICABLE_TEXT, SUPPRESSED_NOTE, SUPPRESSED_TEXT } from './format.js';

/** Excel's limit for one cell's text. */
const CELL_TEXT_LIMIT = 32_767;

const text = (s: string): string => guardFormula(s).slice(0, CELL_TEXT_LIMIT);

function numberFormat(table: ReportTable, column: number): string | undefined {
  const decimals = table.decimals?.[column];
  const percent = table.percent?.[column] === true;
  if (decimals === undefined && !percent) return undefined;
  const digits = decimals === undefined || decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;
  return percent ? `${digits}%` : digits;
}

function put(cell: ExcelJS.Cell, value: ReportCell, table: ReportTable, column: number): void {
  if (value === null) {
    cell.value = NOT_APPLICABLE_TEXT;
    cell.alignment = { horizontal: 'right' };
  } else if (isSuppressed(value)) {
    cell.value = SUPPRESSED_TEXT;
    cell.note = SUPPRESSED_NOTE;
    cell.alignment = { horizontal: 'right' };
  } else if (typeof value === 'number') {
    cell.value = value;
    const format = numberFormat(table, column);
    if (format !== undefined) cell.numFmt = format;
  } else {
    cell.value = text(value);
  }
}

export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  workbook.creator = 'Koers';
  workbook.title = text(doc.title);
  const sheet = workbook.addWorksheet('Rapportage');
  let widest = 1;
  const line = (values: string[], bold = false): ExcelJS.Row => {
    const row = sheet.addRow(values.map(text));
    if (bold) row.font = { bold: true };
    return row;
  };
  line([doc.title]).font = { bold: true, size: 14 };
  line([doc.subtitle]);
  for (const section of doc.sections) {
    sheet.addRow([]);
    line([section.heading]).font = { bold: true, size: 12 };
    const table = section.table;
    if (table !== undefined) {
      widest = Math.max(widest, table.columns.length);
      line(table.columns, true);
      for (const values of table.rows) {
        const row = sheet.addRow([]);
        values.forEach((value, c) => put(row.getCell(c + 1), value, table, c));
      }
    }
    if (section.text !== undefined && section.text !== null && section.text.trim() !== '') {
      // One paragraph a row, so a long text stays readable and within a cell's limit.
      for (const paragraph of section.text.split(/\r?\n/)) line([paragraph]).alignment = { wrapText: false };
    }
  }
  const notes = documentNotes(doc);
  if (notes.length > 0) {
    sheet.addRow([]);
    line(['Toelichting']).font = { bold: true, size: 12 };
    for (const note of notes) line([note]);
  }
  sheet.getColumn(1).width = 40;
  for (let c = 2; c <= widest; c++) sheet.getColumn(c).width = 16;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
