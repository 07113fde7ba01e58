// Values, validation and payload of the learning-plan form (R-REF-6, R-PAR-5). Form values are strings
// (useForm); ja/nee questions hold 'ja' | 'nee', checkbox groups a comma-separated list.
import { ApiError, isApiError } from '../../api/client';
import {
  levels,
  skills,
  weekdays,
  type LearningPlanContent,
  type Level,
  type Skill,
  type Weekday,
} from '../../api/lifecycleTypes';
import type { Route } from '../../api/types';
import { MapThemes, type MapTheme } from '../../../domain/participation';
import { fieldFromParam } from '../../lib/useForm';
import { routeLabels } from '../../lib/labels';
import { skillLabels } from '../../lib/lifecycleLabels';

export const planFields = [
  'route',
  'levelReading',
  'levelWriting',
  'levelListening',
  'levelSpeaking',
  'dayParts',
  'scheduleForms',
  'mapIncluded',
  'mapPracticalPart',
  'mapPracticalHours',
  // 001 §3 (issue #12): how each MAP theme is dealt with — a MAP referral's own plan names all eight.
  'mapThemeCareerOrientation',
  'mapThemeEmployeeCompetences',
  'mapThemeRealisticJobImage',
  'mapThemeJobChances',
  'mapThemeProfessionalCompetences',
  'mapThemeNetwork',
  'mapThemeFindingWork',
  'mapThemeWorkCulture',
  'childCareNeeded',
  'childCareDays',
  'childCareTimes',
  'childCareChanges',
  'expectedDurationMonths',
  'notes',
] as const;
export type PlanField = (typeof planFields)[number];
export type PlanValues = Record<PlanField, string>;

export const levelField: Record<Skill, PlanField> = {
  reading: 'levelReading',
  writing: 'levelWriting',
  listening: 'levelListening',
  speaking: 'levelSpeaking',
};

/** The form field of each MAP theme's approach (`mapThemeNetwork`). */
export const mapThemeField = Object.fromEntries(MapThemes.map((theme) => [theme, `mapTheme${theme[0]?.toUpperCase() ?? ''}${theme.slice(1)}`])) as Record<MapTheme, PlanField>;

export const scheduleForms = ['evening', 'weekend', 'online', 'blended'] as const;
export type ScheduleForm = (typeof scheduleForms)[number];

export const emptyPlan = Object.fromEntries(planFields.map((name) => [name, ''])) as PlanValues;

const jaNee = (value: boolean) => (value ? 'ja' : 'nee');

/** Pre-fills the form from an earlier version, so a returned plan is changed rather than retyped. */
export function planValuesFrom(content: LearningPlanContent | undefined): PlanValues {
  if (!content) return emptyPlan;
  const schedule = content.weeklySchedule;
  const themes = { ...emptyPlan };
  for (const theme of MapThemes) themes[mapThemeField[theme]] = content.map.themes?.find((t) => t.theme === theme)?.approach ?? '';
  return {
    ...themes,
    route: content.route,
    levelReading: content.targetLevels.reading,
    levelWriting: content.targetLevels.writing,
    levelListening: content.targetLevels.listening,
    levelSpeaking: content.targetLevels.speaking,
    dayParts: String(schedule.dayParts),
    scheduleForms: scheduleForms.filter((form) => schedule[form]).join(','),
    mapIncluded: jaNee(content.map.included),
    mapPracticalPart: content.map.practicalPart,
    mapPracticalHours: content.map.included ? String(content.map.practicalHours) : '',
    childCareNeeded: jaNee(content.childCare.needed),
    childCareDays: content.childCare.days.join(','),
    childCareTimes: content.childCare.times,
    childCareChanges: content.childCare.changes,
    expectedDurationMonths: String(content.expectedDurationMonths),
    notes: content.notes ?? '',
  };
}

export function listOf(value: string): string[] {
  return value.split(',').filter(Boolean);
}

function wholeNumber(value: string, min: number, max: number): boolean {
  if (!/^\d+$/.test(value)) return false;
  const n = Number(value);
  return n >= min && n <= max;
}

function levelProblem(skill: Skill, value: string): string | undefined {
  return (levels as readonly string[]).includes(value)
    ? undefined
    : `Kies het streefniveau voor ${skillLabels[skill].toLowerCase()}.`;
}

/** The problem with one field in Dutch, or undefined. */
export function validatePlanField(name: PlanField, values: PlanValues): string | undefined {
  const value = values[name].trim();
  const map = values.mapIncluded === 'ja';
  const care = values.childCareNeeded === 'ja';
  switch (name) {
    case 'route':
      return value in routeLabels ? undefined : 'Kies de leerroute.';
    case 'levelReading':
      return levelProblem('reading', value);
    case 'levelWriting':
      return levelProblem('writing', value);
    case 'levelListening':
      return levelProblem('listening', value);
    case 'levelSpeaking':
      return levelProblem('speaking', value);
    case 'dayParts':
      return wholeNumber(value, 1, 10) ? undefined : 'Vul het aantal dagdelen per week in: een heel getal van 1 tot en met 10.';
    case 'mapIncluded':
      return value === 'ja' || value === 'nee' ? undefined : 'Kies ja of nee: maakt de MAP deel uit van het leerplan?';
    case 'mapPracticalPart':
      return map && value === '' ? 'Beschrijf het praktijkdeel van de MAP.' : undefined;
    case 'mapPracticalHours':
      return map && !wholeNumber(value, 0, 2000)
        ? 'Vul het aantal uren van het praktijkdeel in: een heel getal van 0 tot en met 2000.'
        : undefined;
    case 'childCareNeeded':
      return value === 'ja' || value === 'nee' ? undefined : 'Kies ja of nee: is kinderopvang nodig?';
    case 'childCareDays':
      return care && listOf(value).length === 0 ? 'Kies de dagen waarop kinderopvang nodig is.' : undefined;
    case 'childCareTimes':
      return care && value === '' ? 'Vul de tijden van de kinderopvang in, bijvoorbeeld 8.30 tot 12.30 uur.' : undefined;
    case 'expectedDurationMonths':
      return wholeNumber(value, 1, 60) ? undefined : 'Vul de verwachte duur in maanden in: een heel getal van 1 tot en met 60.';
    case 'scheduleForms':
    case 'childCareChanges':
    case 'notes':
      return undefined;
    case 'mapThemeCareerOrientation':
    case 'mapThemeEmployeeCompetences':
    case 'mapThemeRealisticJobImage':
    case 'mapThemeJobChances':
    case 'mapThemeProfessionalCompetences':
    case 'mapThemeNetwork':
    case 'mapThemeFindingWork':
    case 'mapThemeWorkCulture':
      // A MAP theme's approach: required for a MAP referral, which the server knows (src/domain/map-learning-plan.ts).
      return value.length > 1000 ? 'Hoogstens 1000 tekens.' : undefined;
  }
}

/** The error summary links radio and checkbox groups to their first option. */
export function planTarget(name: PlanField): string {
  if (name === 'mapIncluded' || name === 'childCareNeeded') return `veld-${name}-ja`;
  if (name === 'scheduleForms') return `veld-${name}-evening`;
  if (name === 'childCareDays') return `veld-${name}-mon`;
  return `veld-${name}`;
}

export function toPlanContent(values: PlanValues): LearningPlanContent {
  const forms = listOf(values.scheduleForms);
  const map = values.mapIncluded === 'ja';
  const care = values.childCareNeeded === 'ja';
  const notes = values.notes.trim();
  const themes = MapThemes.map((theme) => ({ theme, approach: values[mapThemeField[theme]].trim() })).filter((t) => t.approach !== '');
  const targetLevels = Object.fromEntries(skills.map((skill) => [skill, values[levelField[skill]] as Level])) as Record<
    Skill,
    Level
  >;
  return {
    route: values.route as Route,
    targetLevels,
    weeklySchedule: {
      dayParts: Number(values.dayParts.trim()),
      evening: forms.includes('evening'),
      weekend: forms.includes('weekend'),
      online: forms.includes('online'),
      blended: forms.includes('blended'),
    },
    map: {
      included: map,
      practicalPart: map ? values.mapPracticalPart.trim() : '',
      practicalHours: map ? Number(values.mapPracticalHours.trim()) : 0,
      ...(map && themes.length > 0 ? { themes } : {}),
    },
    childCare: {
      needed: care,
      days: care ? weekdays.filter((day): day is Weekday => listOf(values.childCareDays).includes(day)) : [],
      times: care ? values.childCareTimes.trim() : '',
      changes: care ? values.childCareChanges.trim() : '',
    },
    expectedDurationMonths: Number(values.expectedDurationMonths.trim()),
    ...(notes ? { notes } : {}),
  };
}

/** Server paths of the plan content (`content.map.practicalHours`) to this form's fields. */
const paramFields: Record<string, PlanField> = {
  route: 'route',
  'targetLevels.reading': 'levelReading',
  'targetLevels.writing': 'levelWriting',
  'targetLevels.listening': 'levelListening',
  'targetLevels.speaking': 'levelSpeaking',
  'weeklySchedule.dayParts': 'dayParts',
  'map.included': 'mapIncluded',
  'map.practicalPart': 'mapPracticalPart',
  'map.practicalHours': 'mapPracticalHours',
  'childCare.needed': 'childCareNeeded',
  'childCare.days': 'childCareDays',
  'childCare.times': 'childCareTimes',
  'childCare.changes': 'childCareChanges',
  expectedDurationMonths: 'expectedDurationMonths',
  notes: 'notes',
};

function planFieldOf(param: string): string {
  const path = fieldFromParam(param).replace(/^content\./, '');
  if (paramFields[path]) return paramFields[path];
  if (path.startsWith('weeklySchedule.')) return 'scheduleForms';
  if (path.startsWith('childCare.days')) return 'childCareDays';
  const theme = /^map\.themes\.(\w+)$/.exec(path)?.[1];
  if (theme !== undefined && (MapThemes as readonly string[]).includes(theme)) return mapThemeField[theme as MapTheme];
  return path;
}

/** A 400 from the server with its field names translated, so the errors land next to the fields. */
export function withPlanFieldNames(error: unknown): unknown {
  if (!isApiError(error) || !error.problem.invalidParams) return error;
  return new ApiError(error.status, {
    ...error.problem,
    invalidParams: error.problem.invalidParams.map((param) => ({ ...param, name: planFieldOf(param.name) })),
  });
}
