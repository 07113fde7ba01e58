// Issue #16: exceljs takes 200–450 ms to import (measured on the shared two-core machine), a tenth of a
// restart, and only an export, an attendance file or a report's XLSX needs it: it is imported on first
// use, once per process.
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

/** The exceljs module, imported the first time it is asked for. */
export function loadExcelJs(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then(
    (m) => m.default,
    (err: unknown) => {
      // A failed import is tried again by the next caller instead of failing every later file.
      loading = undefined;
      throw err;
    },
  );
  return loading;
}
