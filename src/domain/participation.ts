// Participation activities, the MAP practical part, the Z-route participation meeting and the
// participation ladder (issue #12), pure.
// R-MAP-2: activities are registered with kind and hours. R-HRS-1: hours count per kind.
// R-MAP-1 (001 §3): the MAP has a practical part of at least 40 hours. R-HRS-2 (001 §2.3.2): in the
// Z-route participation, a meeting of provider and municipality per 200 hours spent.
// R-MAP-4 (001 Bijlage 5 item 16): ladder step 1–6 at referral, during and at the end, history kept.
import type { IsoDate } from './contract.js';
import type { HourKind } from './hours.js';

/** R-MAP-2 and 001 §3's practical element; 000 §4.1 3g's local activities and facilities. */
export const ParticipationActivityKinds = ['volunteering', 'workExperience', 'workOrientation', 'internship', 'companyVisit', 'localActivity'] as const;
export type ParticipationActivityKind = (typeof ParticipationActivityKinds)[number];

/** The product kinds a participation activity can be registered under (src/domain/contract.ts ProductKind). */
export type ActivityProductKind = 'participation' | 'map';

/**
 * 001 §3: the MAP practical element "kan bestaan uit een werkervaringsplek, vrijwilligerswerk en/of
 * werkbezoeken". An internship is a work placement too. Work orientation and local activities under a
 * MAP referral are participation, not the practical part.
 */
const MAP_PRACTICAL_KINDS: readonly ParticipationActivityKind[] = ['workExperience', 'volunteering', 'companyVisit', 'internship'];

/**
 * R-HRS-1: the hour kind an activity's hours count as. Under a MAP referral the practical kinds are the
 * MAP practical part; an internship elsewhere is internship hours (002 eis 27 counts it apart);
 * everything else is participation.
 */
export function activityHourKind(kind: ParticipationActivityKind, product: ActivityProductKind): HourKind {
  if (product === 'map' && MAP_PRACTICAL_KINDS.includes(kind)) return 'mapPractical';
  if (kind === 'internship') return 'internship';
  return 'participation';
}

export interface ActivityHours {
  kind: ParticipationActivityKind;
  product: ActivityProductKind;
  /** The last day of the activity: its hours count as spent by then. */
  endDate: IsoDate;
  minutes: number;
}

/** R-MAP-2: minutes per activity kind, every kind present (zero where none). */
export function minutesByActivityKind(activities: readonly ActivityHours[]): Record<ParticipationActivityKind, number> {
  const out = Object.fromEntries(ParticipationActivityKinds.map((k) => [k, 0])) as Record<ParticipationActivityKind, number>;
  for (const a of activities) out[a.kind] += a.minutes;
  return out;
}

/** R-HRS-1: minutes per hour kind of the activities (participation, mapPractical, internship). */
export function minutesByActivityHourKind(activities: readonly ActivityHours[]): { participation: number; mapPractical: number; internship: number } {
  const out = { participation: 0, mapPractical: 0, internship: 0 };
  for (const a of activities) {
    const k = activityHourKind(a.kind, a.product);
    if (k === 'participation' || k === 'mapPractical' || k === 'internship') out[k] += a.minutes;
  }
  return out;
}

/** 001 §3: "De MAP bestaat uit een praktijkelement van minimaal 40 uren." */
export const MAP_PRACTICAL_MINIMUM_HOURS = 40;

export interface MapPracticalStatus {
  minutes: number;
  requiredMinutes: number;
  /** Whether the hour norm for the MAP end conversation is met (001 §3 "ook aan de urennorm zijn voldaan"). */
  met: boolean;
  remainingMinutes: number;
}

/** R-MAP-1: the MAP practical part against its 40-hour minimum. */
export function mapPracticalStatus(activities: readonly ActivityHours[]): MapPracticalStatus {
  const minutes = minutesByActivityHourKind(activities).mapPractical;
  const requiredMinutes = MAP_PRACTICAL_MINIMUM_HOURS * 60;
  return { minutes, requiredMinutes, met: minutes >= requiredMinutes, remainingMinutes: Math.max(0, requiredMinutes - minutes) };
}

/** 001 §2.3.2: "Per 200 bestede uren vindt er een overleg ... plaats tussen de aanbieder en de gemeente." */
export const PARTICIPATION_MEETING_EVERY_HOURS = 200;

export interface ParticipationMeeting {
  /** The n-th meeting: due once the cumulative hours reach n × 200. */
  n: number;
  /** The end date of the activity whose hours reached n × 200. */
  reachedOn: IsoDate;
}

/**
 * R-HRS-2 (001 §2.3.2): the participation meetings due. The n-th is due when the cumulative
 * participation hours reach n × 200; one activity that passes two multiples at once makes both due
 * (each meeting is its own talk). Counted in the order the hours were spent (end date); the input
 * order does not matter.
 */
export function participationMeetingsDue(activities: readonly ActivityHours[], everyHours = PARTICIPATION_MEETING_EVERY_HOURS): ParticipationMeeting[] {
  if (everyHours <= 0) throw new RangeError('everyHours must be positive');
  const sorted = [...activities].sort((a, b) => a.endDate.localeCompare(b.endDate));
  const out: ParticipationMeeting[] = [];
  let total = 0;
  for (const a of sorted) {
    total += a.minutes;
    while (total >= (out.length + 1) * everyHours * 60) out.push({ n: out.length + 1, reachedOn: a.endDate });
  }
  return out;
}

/** R-MAP-4: the steps of the participation ladder (trede 1 sociaal geïsoleerd … trede 6 betaald werk). */
export const LadderSteps = [1, 2, 3, 4, 5, 6] as const;
export type LadderStep = (typeof LadderSteps)[number];

/** 001 Bijlage 5 item 16: a. bij aanmelding, b. tijdens traject, c. einde traject. */
export const LadderMoments = ['atReferral', 'during', 'atEnd'] as const;
export type LadderMoment = (typeof LadderMoments)[number];

export function isLadderStep(n: number): n is LadderStep {
  return (LadderSteps as readonly number[]).includes(n);
}

export interface LadderRecord {
  step: LadderStep;
  moment: LadderMoment;
  recordedOn: IsoDate;
  /** When it was recorded (ISO timestamp): orders two records of the same day. */
  recordedAt: string;
}

/**
 * R-MAP-4: the step that counts per moment — the latest recorded (by date, then by when it was
 * recorded). A later record never removes an earlier one: the history is the input, unchanged.
 */
export function latestLadderSteps<R extends LadderRecord>(history: readonly R[]): Partial<Record<LadderMoment, R>> {
  const out: Partial<Record<LadderMoment, R>> = {};
  for (const r of history) {
    const was = out[r.moment];
    if (was === undefined || r.recordedOn > was.recordedOn || (r.recordedOn === was.recordedOn && r.recordedAt > was.recordedAt)) out[r.moment] = r;
  }
  return out;
}

/** 001 Bijlage 5 item 16b "verhoogd tijdens traject": the step during the route is above the step at referral. */
export function ladderRaised(history: readonly LadderRecord[]): boolean {
  const latest = latestLadderSteps(history);
  const from = latest.atReferral?.step;
  const during = latest.during?.step;
  return from !== undefined && during !== undefined && during > from;
}

/** R-MAP-1 (001 §3): the eight themes of the MAP, in the order of the source. */
export const MapThemes = ['careerOrientation', 'employeeCompetences', 'realisticJobImage', 'jobChances', 'professionalCompetences', 'network', 'findingWork', 'workCulture'] as const;
export type MapTheme = (typeof MapThemes)[number];

export const MapThemeStatuses = ['notStarted', 'inProgress', 'done'] as const;
export type MapThemeStatus = (typeof MapThemeStatuses)[number];

/**
 * R-MAP-1: every theme with its status (a theme nobody recorded is not started), and whether the MAP
 * is ready for the end conversation: all eight themes done and the practical part's 40 hours met
 * (001 §3: "voldoende kennis en vaardigheden ... over de vastgestelde thema's" and "aan de urennorm").
 */
export function mapReadiness(recorded: Partial<Record<MapTheme, MapThemeStatus>>, practical: MapPracticalStatus): { themes: { theme: MapTheme; status: MapThemeStatus }[]; done: number; readyForEndConversation: boolean } {
  const themes = MapThemes.map((theme) => ({ theme, status: recorded[theme] ?? 'notStarted' }));
  const done = themes.filter((t) => t.status === 'done').length;
  return { themes, done, readyForEndConversation: done === MapThemes.length && practical.met };
}
