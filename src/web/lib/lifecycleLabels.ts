// Dutch words of the lifecycle (GLOSSARY.md, UI column): plan content, timeline events, documents.
import type { EventType, Level, ReferralDetail, ReferralEvent, Skill, Weekday } from '../api/lifecycleTypes';
import { formatDate } from './dates';

export const skillLabels: Record<Skill, string> = {
  reading: 'Lezen',
  writing: 'Schrijven',
  listening: 'Luisteren',
  speaking: 'Spreken',
};

export const levelOptions = (['A0', 'A1', 'A2', 'B1', 'B2'] as const satisfies readonly Level[]).map(
  (level) => [level, level] as const,
);

export const weekdayLabels: Record<Weekday, string> = {
  mon: 'Maandag',
  tue: 'Dinsdag',
  wed: 'Woensdag',
  thu: 'Donderdag',
  fri: 'Vrijdag',
  sat: 'Zaterdag',
  sun: 'Zondag',
};

export const planStatusLabels = {
  submitted: 'Ter goedkeuring',
  returned: 'Teruggestuurd',
  approved: 'Goedgekeurd',
} as const;

const documentKindLabels: Record<string, string> = {
  signedLearningPlan: 'Ondertekend leerplan',
  report: 'Rapportage',
  other: 'Overig',
};

export function documentKindLabel(kind: string): string {
  return documentKindLabels[kind] ?? kind;
}

/** 1234567 → '1,2 MB' (Dutch decimal comma). */
export function formatSize(bytes: number): string {
  const format = (n: number) => n.toLocaleString('nl-NL', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} kB`;
  return `${format(bytes / (1024 * 1024))} MB`;
}

function text(details: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = details[name];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}

function bool(details: Record<string, unknown>, name: string): boolean | undefined {
  const value = details[name];
  return typeof value === 'boolean' ? value : undefined;
}

const eventTitles: Record<EventType, string> = {
  referred: 'Aangemeld',
  acknowledged: 'Ontvangst van de aanmelding bevestigd',
  intakeInvited: 'Uitgenodigd voor intake',
  intakeHeld: 'Intake gehouden',
  intakeNoShow: 'Niet verschenen op intake',
  newIntakeAgreed: 'Nieuwe intake afgesproken door de gemeente',
  planSubmitted: 'Leerplan ingediend',
  planReturned: 'Leerplan teruggestuurd',
  planApproved: 'Leerplan goedgekeurd',
  planSigned: 'Ondertekend leerplan geüpload',
  startClassStarted: 'Opstartklas gestart',
  started: 'Gestart met het leerplan',
};

/** R-REF-2: one timeline entry in words, with the facts the step recorded. */
export function describeEvent(event: ReferralEvent, referral: ReferralDetail): { title: string; facts: string[] } {
  const d = event.details;
  const version = text(d, 'planVersion', 'version');
  const withVersion = (title: string) => (version ? title.replace('Leerplan', `Leerplan versie ${version}`) : title);
  const title = event.type in eventTitles ? eventTitles[event.type as EventType] : event.type;
  switch (event.type) {
    case 'referred':
      return { title: `${title} bij ${referral.provider.name} voor ${referral.product.name}`, facts: [] };
    case 'intakeInvited': {
      const date = text(d, 'intakeDate', 'date');
      const location = text(d, 'location');
      return {
        title,
        facts: [date ? `Datum intake: ${formatDate(date)}` : '', location ? `Locatie: ${location}` : ''].filter(Boolean),
      };
    }
    case 'intakeHeld': {
      const held = text(d, 'heldOn');
      const inTime = bool(d, 'regularStartInTime');
      return {
        title: held ? `${title} op ${formatDate(held)}` : title,
        facts:
          inTime === undefined
            ? []
            : [`Reguliere start binnen de starttermijn: ${inTime ? 'ja' : 'nee, opstartklas nodig'}`],
      };
    }
    case 'intakeNoShow': {
      const on = text(d, 'noShowOn');
      return { title: on ? `${title} op ${formatDate(on)}` : title, facts: [] };
    }
    case 'newIntakeAgreed': {
      const date = text(d, 'agreedIntakeDate');
      const note = text(d, 'note');
      return { title, facts: [date ? `Datum nieuwe intake: ${formatDate(date)}` : '', note ? `Toelichting: ${note}` : ''].filter(Boolean) };
    }
    case 'planReturned': {
      const remarks = text(d, 'remarks');
      return { title: withVersion(title), facts: remarks ? [`Opmerkingen: ${remarks}`] : [] };
    }
    case 'planSubmitted':
    case 'planApproved':
      return { title: withVersion(title), facts: [] };
    case 'planSigned': {
      const file = text(d, 'fileName');
      return { title, facts: file ? [`Bestand: ${file}`] : [] };
    }
    case 'startClassStarted':
    case 'started': {
      const on = text(d, 'startedOn');
      return { title: on ? `${title} op ${formatDate(on)}` : title, facts: [] };
    }
    case 'acknowledged':
      return { title, facts: [] };
  }
  return { title, facts: [] };
}
