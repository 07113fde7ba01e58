// The attendance sheet's columns and the checks of one row on its own (R-EXC-2, R-ATT-7): Dutch
// headers for the people who fill it in, English field names in the errors (the API's language).
// Rows name the participant by Koers id and the municipality's client number, never by BSN (R-PAR-2).
import type { InvalidParam } from '../../platform/errors.js';

/** Field → Dutch column header, in sheet order. Columns marked info are shown but not imported. */
export const COLUMNS = {
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
} as const;
export type Field = keyof typeof COLUMNS;
export const FIELDS = Object.keys(COLUMNS) as Field[];
export const HEADERS = FIELDS.map((f) => COLUMNS[f]);
const REQUIRED: readonly Field[] = ['lessonId', 'participantId', 'present'];

/** One row as the recording needs it, before the checks against lessons and memberships. */
export interface RowInput {
  lessonId: string;
  participantId: string;
  present: boolean;
  minutesAttended: number | undefined;
  reason: string | null;
  calledIn: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const YES = new Set(['ja', 'j', 'yes', 'y', 'true', '1', 'x']);
const NO = new Set(['nee', 'n', 'no', 'false', '0', '']);

export const yesNo = (b: boolean) => (b ? 'ja' : 'nee');

/** Maps the header row to field positions; unknown headers are ignored, missing required ones are an error. */
export function headerMap(header: readonly string[]): { positions: Map<Field, number>; problems: InvalidParam[] } {
  const byHeader = new Map<string, Field>(FIELDS.map((f) => [COLUMNS[f], f]));
  const positions = new Map<Field, number>();
  header.forEach((h, i) => {
    const f = byHeader.get(h.trim().toLowerCase());
    if (f !== undefined && !positions.has(f)) positions.set(f, i);
  });
  const problems = REQUIRED.filter((f) => !positions.has(f)).map((f) => ({
    name: `row 1.${f}`,
    code: 'missingColumn',
    reason: `De kolom '${COLUMNS[f]}' ontbreekt. Gebruik het sjabloon.`,
  }));
  return { positions, problems };
}

/** Checks one sheet row on its own; `rowName` is e.g. "row 12" (the sheet's row number). */
export function parseSheetRow(values: readonly string[], positions: Map<Field, number>, rowName: string): { row?: RowInput; problems: InvalidParam[] } {
  const get = (f: Field) => {
    const i = positions.get(f);
    return i === undefined ? '' : (values[i] ?? '').trim();
  };
  const problems: InvalidParam[] = [];
  const bad = (f: Field, code: string, reason: string) => problems.push({ name: `${rowName}.${f}`, code, reason: `Kolom '${COLUMNS[f]}': ${reason}` });
  const id = (f: 'lessonId' | 'participantId') => {
    const v = get(f);
    if (v === '') bad(f, 'required', 'vul dit in (uit het sjabloon).');
    else if (!UUID.test(v)) bad(f, 'invalidId', 'dit is geen geldig id uit het sjabloon.');
    return v.toLowerCase();
  };
  const flag = (f: 'present' | 'calledIn', required: boolean): boolean => {
    const v = get(f).toLowerCase();
    if (required && v === '') bad(f, 'required', 'vul ja of nee in.');
    else if (YES.has(v)) return true;
    else if (!NO.has(v)) bad(f, 'yesNo', 'vul ja of nee in.');
    return false;
  };
  const lessonId = id('lessonId');
  const participantId = id('participantId');
  const present = flag('present', true);
  const calledIn = flag('calledIn', false);
  let minutesAttended: number | undefined;
  const m = get('minutesAttended');
  if (m !== '') {
    if (!/^\d{1,3}$/.test(m) || Number(m) > 600) bad('minutesAttended', 'minutes', 'vul een heel aantal minuten in (0 tot en met 600).');
    else minutesAttended = Number(m);
  }
  const reason = get('reason');
  if (reason.length > 500) bad('reason', 'tooLong', 'hoogstens 500 tekens.');
  if (problems.length > 0) return { problems };
  return { row: { lessonId, participantId, present, minutesAttended, reason: reason === '' ? null : reason, calledIn }, problems };
}

/** Turns an ExcelJS cell value (string, number, boolean, date, rich text, formula result) into text. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
    if (o.text !== undefined) return cellText(o.text);
    if (o.result !== undefined) return cellText(o.result);
    return '';
  }
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}
