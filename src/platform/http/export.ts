// Exports of a whole filtered list as XLSX or CSV (R-EXC-3), streamed onto the reply: the rows are read
// in batches (each batch in its own short transaction with its audit lines, written by the caller's
// `next`), so a slow download holds neither PGlite's one connection nor PostgreSQL locks, and a list of
// 10,000 rows is never built in memory as one file.
import { loadExcelJs } from '../exceljs.js';
import type { FastifyReply } from 'fastify';
import { PassThrough, type Writable } from 'node:stream';
import { once } from 'node:events';
import { z } from 'zod';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ExportFormats = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof ExportFormats)[number];
export const ExportFormat = z.enum(ExportFormats, 'Kies xlsx of csv.');

export type CellValue = string | number | null;

export interface ExportColumn<R> {
  /** The Dutch column header. */
  header: string;
  value: (row: R) => CellValue;
  /** `date` takes an ISO date (YYYY-MM-DD) and becomes a real date cell in XLSX. */
  type?: 'text' | 'number' | 'date';
  /** Digits after the decimal comma for a number (25 is written 25,0 with 1). */
  decimals?: number;
  width?: number;
}

export interface ExportSpec<R> {
  format: ExportFormat;
  /** A fixed ASCII stem such as `aanmeldingen`: never a name or a BSN (the file name travels in headers and logs). */
  fileStem: string;
  /** The business date for the file name. */
  today: string;
  sheetName: string;
  columns: readonly ExportColumn<R>[];
  /** The next batch of rows, read and audited in its own transaction; an empty batch ends the list. */
  next: () => Promise<readonly R[]>;
}

/** R-EXC-3: a cell a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading apostrophe. */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The file name: a fixed stem, the date and the extension; anything else is dropped. */
export function exportFileName(stem: string, today: string, format: ExportFormat): string {
  const safe = `${stem}-${today}`.replace(/[^a-z0-9-]/gi, '');
  return `${safe}.${format}`;
}

// Dutch Excel reads a CSV with the list separator of the Dutch regional settings, which is ';' (the comma
// is the decimal sign there); a UTF-8 BOM makes it read é and ë as UTF-8 instead of Windows-1252.
const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';

function csvField(value: CellValue, decimals?: number): string {
  if (value === null) return '';
  // Decimal comma, as Dutch Excel expects with ';' as separator.
  const text = typeof value === 'number' ? (decimals === undefined ? String(value) : value.toFixed(decimals)).replace('.', ',') : guardFormula(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine<R>(columns: readonly ExportColumn<R>[], row: R): string {
  return `${columns.map((c) => csvField(c.value(row), c.decimals)).join(CSV_SEPARATOR)}\r\n`;
}

export function csvHeader<R>(columns: readonly ExportColumn<R>[]): string {
  return `${BOM}${columns.map((c) => csvField(c.header)).join(CSV_SEPARATOR)}\r\n`;
}

function xlsxCell(value: CellValue, type: ExportColumn<unknown>['type']): string | number | Date | null {
  if (value === null) return null;
  if (type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  return typeof value === 'string' ? guardFormula(value) : value;
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/**
 * Reads the first batch (so an access refusal or a bad window is still a problem+json answer), then sends
 * the headers and streams the rest. A failure after the first byte ends the download short.
 */
export async function sendExport<R>(reply: FastifyReply, spec: ExportSpec<R>): Promise<FastifyReply> {
  const first = await spec.next();
  const out = new PassThrough();
  const fileName = exportFileName(spec.fileStem, spec.today, spec.format);
  void reply
    .header('Content-Type', spec.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
    .header('Content-Disposition', `attachment; filename="${fileName}"`)
    // Personal data: no shared or browser cache keeps a copy.
    .header('Cache-Control', 'no-store');
  const produce = spec.format === 'csv' ? produceCsv(out, spec, first) : produceXlsx(out, spec, first);
  produce.catch((err: unknown) => {
    reply.log.error({ err }, 'export stopped');
    out.destroy(err instanceof Error ? err : new Error('export stopped'));
  });
  return reply.send(out);
}

async function produceCsv<R>(out: PassThrough, spec: ExportSpec<R>, first: readonly R[]): Promise<void> {
  await write(out, csvHeader(spec.columns));
  for (let batch = first; batch.length > 0; batch = await spec.next()) {
    await write(out, batch.map((row) => csvLine(spec.columns, row)).join(''));
  }
  out.end();
}

async function produceXlsx<R>(out: PassThrough, spec: ExportSpec<R>, first: readonly R[]): Promise<void> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: c.width ?? Math.max(12, c.header.length + 2),
    ...(c.type === 'date' ? { style: { numFmt: 'dd-mm-yyyy' } } : c.decimals !== undefined ? { style: { numFmt: `0.${'0'.repeat(c.decimals)}` } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (let batch = first; batch.length > 0; batch = await spec.next()) {
    for (const row of batch) sheet.addRow(spec.columns.map((c) => xlsxCell(c.value(row), c.type))).commit();
    // Let the zip stream drain before the next batch is read.
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  sheet.commit();
  await workbook.commit();
}

/** Batches of `size` from a paged list function: page 1, 2, … until a short page. */
export function pagedSource<R>(size: number, page: (page: number, size: number) => Promise<readonly R[]>): () => Promise<readonly R[]> {
  let next = 1;
  let done = false;
  return async () => {
    if (done) return [];
    const rows = await page(next++, size);
    if (rows.length < size) done = true;
    return rows;
  };
}

export const EXPORT_BATCH = 500;

const AMSTERDAM_MOMENT = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A moment (not a calendar date) as a text cell, "01-12-2026 09:15" in Europe/Amsterdam as the screens show it. */
export function amsterdamDateTime(at: Date | null): string | null {
  if (at === null) return null;
  const parts = AMSTERDAM_MOMENT.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === type)?.value ?? '';
  return `${part('day')}-${part('month')}-${part('year')} ${part('hour')}:${part('minute')}`;
}
