// Pure helpers for stored and sent files (R-REF-7): the uploader's file name, the PDF check, the
// Content-Disposition header. No I/O, unit-tested in files.test.ts.
import { maskBsnsInText } from '../../domain/bsn-in-text.js';
import { AppError, unprocessable } from '../../platform/errors.js';
import { MAX_DOCUMENT_BYTES } from './schemas.js';

const DEFAULT_SIGNED_NAME = 'leerplan-ondertekend.pdf';

/**
 * The uploader's file name made safe to store and to put in a header: URI-decoded, no path, no
 * control characters or quotes, at most 200 characters, ending in .pdf. R-PAR-2: a BSN in the name
 * (people name scans after the person), however written (4970.64.960), is masked to its last four
 * digits (domain/bsn-in-text.ts; issue #9 hole 8).
 */
export function cleanFileName(header: string | undefined, fallback = DEFAULT_SIGNED_NAME): string {
  if (header === undefined || header.trim() === '') return fallback;
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    throw new AppError('invalidInput', 'De bestandsnaam is niet goed gecodeerd.', [{ name: 'fileName', code: 'badEncoding', reason: 'De bestandsnaam is niet goed gecodeerd.' }]);
  }
  name = maskBsnsInText((name.split(/[\\/]/).pop() ?? '').replace(/[\p{Cc}"]/gu, '')).trim();
  if (name === '' || name === '.' || name === '..') return fallback;
  if (!/\.pdf$/i.test(name)) name = `${name.slice(0, 196)}.pdf`;
  return name.length > 200 ? `${name.slice(0, 196)}.pdf` : name;
}

/**
 * R-REF-7: only a real PDF is kept; the magic bytes decide, not the Content-Type the client claims.
 * `what` names the file in the reasons (the portfolio's files use the same rule, issue #12).
 */
export function checkPdf(content: unknown, what = 'het ondertekende leerplan'): Buffer {
  if (!Buffer.isBuffer(content) || content.length === 0) {
    throw unprocessable('file', 'missing', `Voeg ${what} toe als pdf-bestand.`);
  }
  if (content.length > MAX_DOCUMENT_BYTES) {
    throw unprocessable('file', 'tooLarge', 'Het bestand is groter dan 5 MB.');
  }
  if (!content.subarray(0, 5).equals(Buffer.from('%PDF-', 'latin1'))) {
    throw unprocessable('file', 'notPdf', `Dit bestand is geen pdf. Lever ${what} aan als pdf-bestand.`);
  }
  return content;
}

/**
 * RFC 6266 / 5987: an ASCII fallback plus the exact UTF-8 name. The names should hold no BSN already
 * (cleanFileName, pdfFileName); masked again here for names stored before the rule caught every way
 * of writing one (issue #9 hole 8), and for a client number with a BSN inside it.
 */
export function contentDisposition(name: string): string {
  const fileName = maskBsnsInText(name);
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
