// Dutch UI words for groups, lessons and attendance (GLOSSARY.md: groep, les, aanwezigheid, verzuim).
import { ROUTE_NAMES } from '../../domain/route-names';
import type { Classification, LessonKind, LevelBand, Literacy } from '../api/groups';

export const levelBandLabels: Record<LevelBand, string> = {
  fastAlfa: 'Alfa',
  a0a1: 'A0-A1',
  a1a2: 'A1-A2',
  a2b1: 'A2-B1',
  // The group level for the Z-route: the route's name from the one table.
  z: ROUTE_NAMES.z.nl,
  exam: 'Examentraining',
  map: 'MAP',
};

export const literacyLabels: Record<Literacy, string> = {
  literate: 'Alfabeet',
  illiterate: 'Anderstalig analfabeet',
};

export const lessonKindLabels: Record<LessonKind, string> = {
  language: 'Taalles',
  knm: 'KNM',
  participation: 'Participatie',
  mapPractice: 'MAP-praktijk',
  makeUp: 'Huiswerkklas (inhaalles)',
  deficiencySubject: 'Deficiëntievak',
  examTraining: 'Examentraining',
};

export const weekdayLabels = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'] as const;

/** The contract's reason codes (contracts/*.yaml absenceProtocol.reasons) with the teacher's short words. */
export const absenceReasons: readonly (readonly [code: string, label: string])[] = [
  ['illness', 'Ziek'],
  ['medical-appointment', 'Medische afspraak'],
  ['childcare-problem', 'Kinderopvang'],
  ['informal-care', 'Mantelzorg'],
  ['work', 'Werk'],
  ['other', 'Andere reden'],
  ['none', 'Geen reden'],
];

export function reasonLabel(code: string | null): string {
  if (code === null) return 'Geen reden';
  return absenceReasons.find(([c]) => c === code)?.[1] ?? code;
}

export const classificationLabels: Record<Classification, string> = {
  authorised: 'Geoorloofd',
  unauthorised: 'Ongeoorloofd',
};

export function labelOf<K extends string>(labels: Record<K, string>, value: string): string {
  return value in labels ? labels[value as K] : value;
}

/** '87.5' → '87,5%'; null → 'geen lessen'. */
export function formatPercent(value: number | null): string {
  if (value === null) return 'geen lessen';
  return `${value.toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`;
}

export function isBelowNorm(value: number | null, normPercent: number): boolean {
  return value !== null && value < normPercent;
}

const monthNames = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** '2027-02' → 'februari 2027'. */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return `${monthNames[Number(m) - 1] ?? m} ${year}`;
}

/** R-HRS-1: the kinds of hours (src/domain/hours.ts HourKinds); lessons count as one of these. */
export type HourKind = 'language' | 'participation' | 'mapPractical' | 'deficiencySubject' | 'studySkills' | 'internship';

export const hourKindLabels: Record<HourKind, string> = {
  language: 'Taal (incl. KNM)',
  participation: 'Participatie',
  mapPractical: 'MAP-praktijk',
  deficiencySubject: 'Deficiëntievakken',
  studySkills: 'Studievaardigheden',
  internship: 'Stage',
};

/** 90 → '1,5 uur'; whole hours without decimals. */
export function formatHours(minutes: number): string {
  return `${(minutes / 60).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} uur`;
}
