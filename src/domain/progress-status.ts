// Progress status and forecast (R-HRS-5, R-HRS-4, R-BYD-1), pure: the caller passes "today".
//
// 002 eis 17 asks the number of participants "met trajecten volgens planning", "waarvan hun traject een
// risico loopt" and "die in hun traject achterlopen"; 001 §2.3.1 asks the same three words in every
// progress report. No source gives the rule, so Koers uses this one, in five sentences:
//
//   1. Koers counts the hours still missing to the route's hour norm (600 in the B1-route, 800 in the
//      Z-route, 001 §1.3) and takes the pace as the average hours per week over the recent weeks.
//   2. At that pace it projects the date on which the missing hours will be made, and the dates of the
//      next hour milestones (200, 400, 600; 000 §4.4) up to the route's norm (800 in the Z-route).
//   3. The status is "behind" when hours are missing and that date falls after the end of the term, or
//      the pace is zero, or the term is already over (also when a tested skill is then still below its
//      target).
//   4. It is "at risk" when the hours will only be complete in the last six months of the term (too late
//      to plan the exams, 001 §2.3.3), when no pace is known yet, when attendance is below 80%
//      (001 §2.3.1; the contract's absenceProtocol.normPercent), or when the latest test puts a skill two
//      or more levels below its target.
//   5. Otherwise it is "on track"; every condition that applies is shown as a plain-Dutch reason, and the
//      provider can override the status with a written reason (R-HRS-5).
//
// Before the route starts (a start date after today, whatever hours came before it; or no start date
// and no hours made: hours are lessons followed, so they show a start the file may not record yet) nothing can lag: weeks without lessons
// are no pace, so sentences 1-3 do not judge the hours and the status is never "behind". It is "at risk"
// when the term is over or less than the margin is left, or for a skill as in sentence 4; otherwise
// "on track", and the reason says the lessons have not begun (R-BYD-1: the participant reads that, not
// "U loopt achter").
//
// NOTE: SPEC R-HRS-5 cites 002 eis 17 for the status, but eis 17 only names the three categories for the
// quarterly management report; the rule below is Koers' own (R-BYD-1).
//
// By construction more hours on the same day at the same pace never make the status worse, and a
// participant whose term is over with hours missing is never "on track" (tested as properties).
import { DEFAULT_NORM_PERCENT } from './attendance.js';
import { addCalendarDays, addMonths, compareDates } from './calendar.js';
import type { ContractVersion, IsoDate } from './contract.js';
import { DEFAULT_FORECAST_RULES, forecastRulesOf } from './contract.js';
import { forecast, paceOf, type MilestoneForecast } from './forecast.js';
import { HourKinds, type HourKind, type HoursEntry } from './hours.js';
import { formatDateNl, formatHoursNl, gapPerSkill, Skills, skillNameNl, type LevelProfile } from './levels.js';

export const ProgressStatuses = ['onTrack', 'atRisk', 'behind'] as const;
export type ProgressStatus = (typeof ProgressStatuses)[number];

/** 0 = on track, 1 = at risk, 2 = behind: a higher rank is worse. */
export function statusRank(status: ProgressStatus): number {
  return ProgressStatuses.indexOf(status);
}

export interface ProgressInput {
  today: IsoDate;
  termEndsOn: IsoDate;
  /** Hours made so far that count towards the norm (start class included, R-REF-4). */
  hoursMade: number;
  /** The route's hour norm: 600 (B1) or 800 (Z), 001 §1.3. */
  targetHours: number;
  /** The hour milestones of the contract, e.g. [200, 400, 600] (000 §4.4). */
  milestoneHours?: readonly number[];
  /** Hours per week over the recent weeks (see `weeklyHours`); empty when none are known yet. */
  recentWeeklyHours: readonly number[];
  /** Share of offered lesson time attended, 0..1; null when nothing was offered. */
  attendanceRate: number | null;
  /** Latest test results per skill against each skill's target (R-LVL-1); optional. */
  levels?: LevelProfile | null;
  /**
   * The day the route started (the referral's start date); null while it has not started. Omitted: the
   * route is taken as running. Hours made also mean it started.
   */
  startedOn?: IsoDate | null;
}

export interface ProgressRuleOptions {
  /** 001 §2.3.1: "minimale aanwezigheid van 80%". */
  attendanceNorm: number;
  /** 001 §2.3.3: 6 months before the end of the term, "zodat er voldoende tijd is om examens in te plannen". */
  marginMonths: number;
  /** A tested skill this many CEFR steps below its target puts the route at risk (Koers' own choice). */
  skillGapForRisk: number;
}

export const DEFAULT_PROGRESS_RULE_OPTIONS: ProgressRuleOptions = {
  attendanceNorm: DEFAULT_NORM_PERCENT / 100,
  marginMonths: DEFAULT_FORECAST_RULES.marginMonths,
  skillGapForRisk: DEFAULT_FORECAST_RULES.skillGapForRisk,
};

/**
 * R-CON-7 / R-HRS-5: the rule's options from the contract version that governs the participant: the
 * attendance norm is its absence protocol's normPercent, the margin and the skill gap its forecast
 * rules; the defaults where it has none (or no version governs).
 */
export function progressRuleOptionsOf(version: Pick<ContractVersion, 'absenceProtocol' | 'forecast'> | undefined): ProgressRuleOptions {
  const rules = forecastRulesOf(version);
  return { attendanceNorm: (version?.absenceProtocol?.normPercent ?? DEFAULT_NORM_PERCENT) / 100, marginMonths: rules.marginMonths, skillGapForRisk: rules.skillGapForRisk };
}

// The forecast lives in forecast.ts; its names stay importable from here.
export { forecastMilestones, type MilestoneForecast } from './forecast.js';

export interface ProgressAssessment {
  status: ProgressStatus;
  /** False before the route starts: then the status judges no pace and is never "behind". */
  started: boolean;
  hoursMissing: number;
  /** Average hours per week over the recent weeks; null when no weeks are known. */
  pacePerWeek: number | null;
  /** When the norm's hours are made at the current pace: `today` when already made, null when never. */
  targetReachedOn: IsoDate | null;
  /** The milestones not yet reached, with their projected dates (R-BYD-1). */
  milestones: MilestoneForecast[];
  /** Plain Dutch (A2), one sentence per condition that applies. */
  reasons: string[];
}

/**
 * Hours per week in the `weeks` seven-day windows that end on `today`, oldest first: window i covers
 * (today − 7(i+1), today − 7i]. Entries after today are ignored.
 */
export function weeklyHours(entries: readonly HoursEntry[], today: IsoDate, weeks: number, counted: readonly HourKind[] = HourKinds): number[] {
  if (!Number.isSafeInteger(weeks) || weeks < 0) throw new RangeError('weeks must be a whole number, zero or more');
  const minutes = new Array<number>(weeks).fill(0);
  for (let i = 0; i < weeks; i++) {
    const to = addCalendarDays(today, -7 * i);
    const from = addCalendarDays(today, -7 * (i + 1));
    for (const e of entries) {
      if (counted.includes(e.kind) && e.date > from && e.date <= to) minutes[weeks - 1 - i] = (minutes[weeks - 1 - i] ?? 0) + e.minutes;
    }
  }
  return minutes.map((m) => m / 60);
}

/** R-HRS-5 / R-BYD-1: the status with its reasons and the forecast. See the five sentences above. */
export function assessProgress(input: ProgressInput, options: ProgressRuleOptions = DEFAULT_PROGRESS_RULE_OPTIONS): ProgressAssessment {
  const { today, termEndsOn, targetHours } = input;
  const end = formatDateNl(termEndsOn);
  const target = formatHoursNl(targetHours);
  const missing = Math.max(0, targetHours - input.hoursMade);
  // A recorded start date decides: hours before it (a start class, R-REF-4, or participation hours)
  // count towards the norm but do not start the route (R-PRT-1: no "U loopt achter" before it begins).
  // Without a start date, hours made show a start the file may not record yet.
  const started = input.startedOn === undefined || (input.startedOn === null ? input.hoursMade > 0 : compareDates(input.startedOn, today) <= 0);
  // Before the start the weeks hold no lessons: they are no pace.
  const weeks = started ? input.recentWeeklyHours : [];
  const pace = paceOf(weeks);
  const timeLeft = compareDates(today, termEndsOn) < 0;
  const ahead = forecast({ today, termEndsOn, hoursMade: input.hoursMade, targetHours, milestoneHours: input.milestoneHours ?? [], pacePerWeek: pace });
  const reachedOn = ahead.targetReachedOn;
  const marginStart = addMonths(termEndsOn, -options.marginMonths);

  let behind = false;
  let atRisk = false;
  const reasons: string[] = [];

  // Sentences 1-3: the hours.
  if (missing <= 0) {
    reasons.push(`De ${target} uur zijn gehaald.`);
  } else if (!started) {
    if (input.hoursMade > 0 && input.startedOn) {
      reasons.push(`De route begint op ${formatDateNl(input.startedOn)}. De ${formatHoursNl(input.hoursMade)} uur van daarvoor tellen mee.`);
    } else {
      const starts = input.startedOn ? ` Ze beginnen op ${formatDateNl(input.startedOn)}.` : '';
      reasons.push(`De lessen zijn nog niet begonnen.${starts}`);
    }
    if (compareDates(today, marginStart) >= 0) {
      atRisk = true;
      reasons.push(
        timeLeft
          ? `Het einde van de termijn (${end}) is minder dan ${options.marginMonths} maanden weg. Dan is er weinig tijd voor de ${target} uur en de examens.`
          : `De termijn is voorbij (${end}), maar er ontbreken nog ${formatHoursNl(missing)} uur.`,
      );
    }
  } else if (!timeLeft) {
    behind = true;
    reasons.push(`De termijn is voorbij (${end}), maar er ontbreken nog ${formatHoursNl(missing)} uur.`);
  } else if (pace === null) {
    atRisk = true;
    reasons.push(`Er zijn nog geen uren per week bekend. Daarom is nog niet te zeggen wanneer de ${target} uur zijn gehaald.`);
  } else if (pace <= 0) {
    behind = true;
    reasons.push(`In de afgelopen ${weeks.length} weken zijn geen uren gevolgd. Zo worden de ${target} uur niet gehaald.`);
  } else if (reachedOn === null) {
    behind = true;
    reasons.push(`Met het huidige tempo van ${formatHoursNl(pace)} uur per week worden de ${target} uur niet gehaald voor het einde van de termijn.`);
  } else {
    const when = `Met het huidige tempo van ${formatHoursNl(pace)} uur per week zijn de ${target} uur op ${formatDateNl(reachedOn)} gehaald`;
    if (compareDates(reachedOn, termEndsOn) > 0) {
      behind = true;
      reasons.push(`${when}, na het einde van de termijn.`);
    } else if (compareDates(reachedOn, marginStart) > 0) {
      atRisk = true;
      reasons.push(`${when}. Dat is minder dan ${options.marginMonths} maanden voor het einde van de termijn (${end}). Dan is er weinig tijd voor de examens.`);
    } else {
      reasons.push(`${when}, ruim voor het einde van de termijn (${end}).`);
    }
  }

  // Sentence 4: attendance.
  if (input.attendanceRate !== null && input.attendanceRate < options.attendanceNorm) {
    atRisk = true;
    reasons.push(`De aanwezigheid is ${Math.floor(input.attendanceRate * 100)}%. Dat is minder dan ${Math.round(options.attendanceNorm * 100)}%.`);
  }

  // Sentences 3-4: the latest test per skill against its own target.
  if (input.levels) {
    const gaps = gapPerSkill(input.levels);
    for (const skill of Skills) {
      const gap = gaps[skill];
      const { target: goal, current } = input.levels[skill];
      if (gap === null || gap === 0 || current === null) continue;
      if (!timeLeft && started) {
        behind = true;
        reasons.push(`De termijn is voorbij en ${skillNameNl[skill]} is ${current}. Het doel is ${goal}.`);
      } else if (gap >= options.skillGapForRisk) {
        atRisk = true;
        reasons.push(`Bij de laatste toets was ${skillNameNl[skill]} ${current}. Het doel is ${goal}. Dat is nog ${gap} niveaus hoger.`);
      }
    }
  }

  return {
    status: behind ? 'behind' : atRisk ? 'atRisk' : 'onTrack',
    started,
    hoursMissing: missing,
    pacePerWeek: pace,
    targetReachedOn: reachedOn,
    milestones: ahead.milestones,
    reasons,
  };
}

export interface StatusOverride {
  status: ProgressStatus;
  /** R-HRS-5: the provider's written reason; required. */
  reason: string;
}

export interface OverriddenAssessment extends ProgressAssessment {
  /** The status the rule computed, kept beside the override. */
  computedStatus: ProgressStatus;
  overrideReason: string | null;
}

/** R-HRS-5: a provider may override the computed status, only with a written (non-blank) reason. */
export function applyOverride(assessment: ProgressAssessment, override: StatusOverride | null): OverriddenAssessment {
  if (override === null) return { ...assessment, computedStatus: assessment.status, overrideReason: null };
  const reason = override.reason.trim();
  if (reason === '') throw new RangeError('an override needs a written reason');
  return { ...assessment, status: override.status, computedStatus: assessment.status, overrideReason: reason };
}
