// Attendance imports (R-EXC-2, R-ATT-7): templates to download and a file upload through
// XMLHttpRequest, because fetch cannot report upload progress.
import { notifyUnauthorized, problemOf, type Problem } from './client';
import type { Answer } from './wire';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Imported = Answer<'/api/v1/imports/attendance', 'post', 201>;
type Duplicate = Answer<'/api/v1/imports/attendance', 'post', 200>;
export type ImportCounts = Pick<Imported, 'rows' | 'created' | 'changed' | 'unchanged'>;

export type UploadOutcome =
  | { kind: 'imported'; importId: string; counts: ImportCounts }
  | { kind: 'duplicate'; duplicateOf: string; counts: ImportCounts }
  | { kind: 'refused'; status: number; problem: Problem };

export function templateUrl(groupId: string, month: string, ext: 'csv' | 'xlsx'): string {
  const query = new URLSearchParams({ groupId, month });
  return `/api/v1/imports/attendance/template.${ext}?${query.toString()}`;
}

/** The Content-Type by extension: browsers give a .csv various types (or none). */
export function contentTypeOf(file: File): string {
  return /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv';
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

interface UploadCallbacks {
  /** Percentage sent, or null when the browser cannot tell. */
  onProgress: (percent: number | null) => void;
  /** The whole file is sent; the server is checking it. */
  onSent: () => void;
}

/** Uploads the file as the raw body; resolves with the server's answer, rejects on a network failure. */
export function uploadAttendance(file: File, { onProgress, onSent }: UploadCallbacks): { done: Promise<UploadOutcome>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadOutcome>((resolve, reject) => {
    xhr.open('POST', '/api/v1/imports/attendance');
    xhr.setRequestHeader('Content-Type', contentTypeOf(file));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => onProgress(event.lengthComputable && event.total > 0 ? Math.round((event.loaded / event.total) * 100) : null);
    xhr.upload.onload = () => onSent();
    xhr.onerror = () => reject(new Error('Het bestand kon niet worden verstuurd. Controleer de verbinding en probeer het opnieuw.'));
    xhr.onabort = () => reject(new Error('Het uploaden is afgebroken.'));
    xhr.onload = () => {
      // XMLHttpRequest sits outside the typed client; the declared answer of each status is read here.
      const body = parse(xhr.responseText);
      const answer = typeof body === 'object' && body !== null ? (body as Partial<Imported & Duplicate>) : {};
      const counts: ImportCounts = { rows: answer.rows ?? 0, created: answer.created ?? 0, changed: answer.changed ?? 0, unchanged: answer.unchanged ?? 0 };
      if (xhr.status === 201 && answer.importId) return resolve({ kind: 'imported', importId: answer.importId, counts });
      if (xhr.status === 200 && answer.duplicateOf) return resolve({ kind: 'duplicate', duplicateOf: answer.duplicateOf, counts });
      if (xhr.status === 401) notifyUnauthorized();
      return resolve({ kind: 'refused', status: xhr.status, problem: problemOf(xhr.status, xhr.statusText, body) });
    };
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

/** Column of the sheet (field name in the API's errors) → its Dutch header in the template. */
export const columnLabels: Record<string, string> = {
  lessonId: 'les-id',
  lessonDate: 'lesdatum',
  lessonStart: 'begintijd',
  participantId: 'deelnemer-id',
  clientNumber: 'klantnummer',
  name: 'naam',
  present: 'aanwezig',
  minutesAttended: 'minuten aanwezig',
  reason: 'reden afwezigheid',
  calledIn: 'afgemeld',
};

export interface RowError {
  row: number | null;
  column: string;
  reason: string;
}

/** 'row 12.present' → row 12, column 'aanwezig'; 'file' → no row, column '—'. */
export function rowErrorOf(name: string, reason: string): RowError {
  const m = /^row (\d+)(?:\.(.+))?$/.exec(name);
  if (!m) return { row: null, column: name === 'file' ? 'hele bestand' : (columnLabels[name] ?? name), reason };
  const field = m[2] ?? '';
  return { row: Number(m[1]), column: field === '' ? 'hele regel' : (columnLabels[field] ?? field), reason };
}
