// Streaming readers of an uploaded sheet (R-EXC-2: a 100,000-row file is never held whole in memory).
// The request stream goes through a counter that hashes the bytes (the idempotency key of a file) and
// stops at the size limit, then into csv-parse or ExcelJS's streaming WorkbookReader; each row is
// handed on as soon as it is read, and the next chunk is only pulled when the row is staged.
import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { loadExcelJs } from '../../platform/exceljs.js';
import { AppError, unprocessable } from '../../platform/errors.js';
import { cellText } from './rows.js';

/** 20 MB: a month of a large provider in CSV is far below it; a 100,000-row CSV is about 13 MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const tooLarge = () => new AppError('payloadTooLarge', 'Het bestand is groter dan 20 MB. Splits het in kleinere bestanden.', [{ name: 'file', code: 'tooLarge', reason: 'Het bestand is groter dan 20 MB.' }]);

/** Passes bytes through, hashing and counting them; fails beyond the limit. */
export function hashingCounter(): { stream: Transform; digest: () => string } {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > MAX_IMPORT_BYTES) return done(tooLarge());
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { stream, digest: () => hash.digest('hex') };
}

export type RowSink = (rowNo: number, values: string[]) => Promise<void>;

/** CSV with ',' or ';' (Dutch Excel saves with ';'), an optional BOM; row numbers are the file's lines. */
export async function readCsv(input: Readable, onRow: RowSink): Promise<void> {
  const parser = input.pipe(parse({ bom: true, delimiter: [';', ','], relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: 10_000 }));
  // A broken input (too large, aborted upload) must end the loop below with its own error.
  input.on('error', (err) => parser.destroy(err));
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) await onRow(rec.info.lines, rec.record);
  } catch (err) {
    if (err instanceof AppError) throw err;
    const line = (err as { lines?: unknown }).lines;
    // Every csv-parse refusal is the file's fault; not all of its codes start with CSV_ (INVALID_OPENING_QUOTE).
    if (err instanceof CsvError) {
      throw unprocessable(typeof line === 'number' ? `row ${line}` : 'file', 'malformedCsv', 'Het bestand is geen geldig CSV-bestand (bijvoorbeeld een aanhalingsteken dat niet wordt gesloten).');
    }
    throw err;
  }
}

/** The first worksheet of an XLSX, row by row, through ExcelJS's streaming reader. */
export async function readXlsx(input: Readable, onRow: RowSink): Promise<void> {
  const ExcelJS = await loadExcelJs();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'emit' });
  let sheet = 0;
  try {
    for await (const ws of reader) {
      sheet += 1;
      for await (const row of ws) {
        // Later sheets (instructions, look-up lists) are read past, not imported.
        if (sheet > 1) continue;
        const values = Array.isArray(row.values) ? row.values.slice(1).map(cellText) : [];
        await onRow(row.number, values);
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unprocessable('file', 'malformedXlsx', 'Het bestand is geen geldig Excel-bestand (.xlsx).');
  }
}
