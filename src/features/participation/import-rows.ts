// The participation activity sheet's columns and the checks of one row on its own (issue #12: the
// import has the attendance import's rules, R-EXC-2). Dutch headers for the people who fill it in,
// English field names in the errors (the API's language). Rows name the participant by Koers id and
// the referral by its id, never by BSN (R-PAR-2).
import { ParticipationActivityKinds, type ParticipationActivityKind } from '../../domain/participation.js';
import { isSaneIsoDate } from '../../domain/iso-date.js';
import type { InvalidParam } from '../../platform/errors.js';

export const ACTIVITY_COLUMNS = {
  externalId: 'eigen-id',
  participantId: 'deelnemer-id',
  referralId: 'aanmelding-id',
  kind: 'soort',
  organisation: 'organisatie',
  localFacilityName: 'lokale voorziening',
  startDate: 'begindatum',
  endDate: 'einddatum',
  minutes: 'minuten',
  note: 'toelichting',
} as const;
export type ActivityField = keyof typeof ACTIVITY_COLUMNS;
const FIELDS = Object.keys(ACTIVITY_COLUMNS) as ActivityField[];
const REQUIRED: readonly ActivityField[] = ['externalId', 'participantId', 'referralId', 'kind', 'organisation', 'startDate', 'endDate', 'minutes'];

/** The Dutch words a sheet may use for a kind, besides the code itself. */
const KIND_WORDS: Record<string, ParticipationActivityKind> = {
  vrijwilligerswerk: 'volunteering',
  werkervaring: 'workExperience',
  werkervaringsplek: 'workExperience',
  werkoriëntatie: 'workOrientation',
  werkorientatie: 'workOrientation',
  stage: 'internship',
  bedrijfsbezoek: 'companyVisit',
  werkbezoek: 'companyVisit',
  'lokale activiteit': 'localActivity',
  ...Object.fromEntries(ParticipationActivityKinds.map((k) => [k.toLowerCase(), k])),
};

export interface ActivityRowInput {
  externalId: string;
  participantId: string;
  referralId: string;
  kind: ParticipationActivityKind;
  organisation: string;
  localFacilityName: string | null;
  startDate: string;
  endDate: string;
  minutes: number;
  note: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Maps the header row to field positions; unknown headers are ignored, missing required ones are an error. */
export function activityHeaderMap(header: readonly string[]): { positions: Map<ActivityField, number>; problems: InvalidParam[] } {
  const byHeader = new Map<string, ActivityField>(FIELDS.map((f) => [ACTIVITY_COLUMNS[f], f]));
  const positions = new Map<ActivityField, number>();
  header.forEach((h, i) => {
    const f = byHeader.get(h.trim().toLowerCase());
    if (f !== undefined && !positions.has(f)) positions.set(f, i);
  });
  const problems = REQUIRED.filter((f) => !positions.has(f)).map((f) => ({ name: `row 1.${f}`, code: 'missingColumn', reason: `De kolom '${ACTIVITY_COLUMNS[f]}' ontbreekt.` }));
  return { positions, problems };
}

/** Checks one sheet row on its own; `rowName` is e.g. "row 12" (the sheet's row number). */
export function parseActivityRow(values: readonly string[], positions: Map<ActivityField, number>, rowName: string): { row?: ActivityRowInput; problems: InvalidParam[] } {
  const get = (f: ActivityField) => {
    const i = positions.get(f);
    return i === undefined ? '' : (values[i] ?? '').trim();
  };
  const problems: InvalidParam[] = [];
  const bad = (f: ActivityField, code: string, reason: string) => problems.push({ name: `${rowName}.${f}`, code, reason: `Kolom '${ACTIVITY_COLUMNS[f]}': ${reason}` });
  const text = (f: ActivityField, max: number, required: boolean) => {
    const v = get(f);
    if (v.includes('\u0000')) bad(f, 'invalidCharacter', 'bevat een ongeldig teken.');
    else if (required && v === '') bad(f, 'required', 'vul dit in.');
    else if (v.length > max) bad(f, 'tooLong', `hoogstens ${max} tekens.`);
    return v;
  };
  const id = (f: 'participantId' | 'referralId') => {
    const v = get(f);
    if (v === '') bad(f, 'required', 'vul dit in.');
    else if (!UUID.test(v)) bad(f, 'invalidId', 'dit is geen geldig id uit Koers.');
    return v.toLowerCase();
  };
  const date = (f: 'startDate' | 'endDate') => {
    const v = get(f);
    if (!isSaneIsoDate(v)) bad(f, 'date', 'vul een datum in als JJJJ-MM-DD.');
    return v;
  };
  const externalId = text('externalId', 100, true);
  const participantId = id('participantId');
  const referralId = id('referralId');
  const kind = KIND_WORDS[get('kind').toLowerCase()];
  if (kind === undefined) bad('kind', 'kind', 'kies vrijwilligerswerk, werkervaring, werkoriëntatie, stage, bedrijfsbezoek of lokale activiteit.');
  const organisation = text('organisation', 200, true);
  const facility = text('localFacilityName', 200, false);
  const startDate = date('startDate');
  const endDate = date('endDate');
  if (problems.every((p) => !p.name.endsWith('Date')) && endDate < startDate) bad('endDate', 'beforeStart', 'de einddatum ligt vóór de begindatum.');
  // Whole minutes, as in the attendance sheet: a decimal comma would be read as a column separator.
  const m = get('minutes');
  const minutes = Number(m);
  if (!/^\d{1,6}$/.test(m) || minutes < 1 || minutes > 2000 * 60) bad('minutes', 'minutes', 'vul een heel aantal minuten in (1 tot en met 120000).');
  const note = text('note', 1000, false);
  if (problems.length > 0 || kind === undefined) return { problems };
  return { row: { externalId, participantId, referralId, kind, organisation, localFacilityName: facility === '' ? null : facility, startDate, endDate, minutes, note: note === '' ? null : note }, problems };
}
