// Attendance and the absence protocol (R-ATT-1, R-ATT-3, R-ATT-4, R-ATT-5, R-CON-7), pure. Groundwork
// for issue #4: the rules are here and tested against the sources' numbers; storage, entry and import
// follow.
//
// R-ATT-3: attendance % = attended / offered minutes of the participant's scheduled sessions in a
// window. Lessons the provider cancelled were not offered. Make-up lessons in a homework class count
// against missed minutes (R-ATT-5, 004 §2.4), never above what was missed.
import type { IsoDate } from './contract.js';

export interface AttendanceFact {
  sessionId: string;
  date: IsoDate;
  /** Minutes the session was scheduled for this participant. */
  scheduledMinutes: number;
  attendedMinutes: number;
  present: boolean;
  calledIn: boolean;
  reason: string | null;
  /** A make-up lesson in a homework class (R-ATT-5): its minutes make up missed ones. */
  makeUp: boolean;
  cancelledByProvider: boolean;
}

export interface AbsenceRules {
  /** R-ATT-3 / 001 §2.3.1: at least this share of minutes, in percent (80). */
  normPercent: number;
  /** 004 §2.4: this many absences in one calendar month raise a warning (3), authorised or not. */
  absencesPerMonth: number;
  /** 003 art. 12.4: absent longer than this many calendar days informs the consultant (7). */
  longAbsenceDays: number;
  /**
   * 004 §2.4 (IJmond's practice): on frequent absence the provider also sends the participant an
   * official warning. A contract option; absent means no (issue #10).
   */
  frequentAbsence?: { warnParticipant: boolean };
}

/**
 * 001 §2.3.1 "minimale aanwezigheid van 80%": the norm where no contract's absence protocol governs (a
 * participant not placed in a group, or a contract without a protocol). Otherwise the norm is the
 * `absenceProtocol.normPercent` of the contract version of the participant's referral (R-CON-7).
 */
export const DEFAULT_NORM_PERCENT = 80;

export interface AttendanceRate {
  offeredMinutes: number;
  attendedMinutes: number;
  /** Null when nothing was offered: no rate, so no signal either. */
  percentage: number | null;
}

/** R-ATT-3 / R-ATT-5 over the facts whose date lies in [from, to]. */
export function attendanceRate(facts: readonly AttendanceFact[], from: IsoDate, to: IsoDate): AttendanceRate {
  const inWindow = facts.filter((f) => f.date >= from && f.date <= to && !f.cancelledByProvider);
  const regular = inWindow.filter((f) => !f.makeUp);
  const offered = regular.reduce((n, f) => n + f.scheduledMinutes, 0);
  const attended = regular.reduce((n, f) => n + Math.min(f.attendedMinutes, f.scheduledMinutes), 0);
  const madeUp = inWindow.filter((f) => f.makeUp).reduce((n, f) => n + f.attendedMinutes, 0);
  const effective = attended + Math.min(madeUp, offered - attended);
  return { offeredMinutes: offered, attendedMinutes: effective, percentage: offered === 0 ? null : (effective / offered) * 100 };
}

/** Below the norm: compared on the exact fraction, so 79.9% signals and 80.0% does not. */
export function belowNorm(rate: AttendanceRate, rules: Pick<AbsenceRules, 'normPercent'>): boolean {
  return rate.offeredMinutes > 0 && rate.attendedMinutes * 100 < rules.normPercent * rate.offeredMinutes;
}

/** An absence: a scheduled, not cancelled, regular session the participant did not attend. */
export function isAbsence(f: AttendanceFact): boolean {
  return !f.present && !f.cancelledByProvider && !f.makeUp;
}

export type AbsenceCause =
  | 'absence.firstNoShow'
  | 'absence.repeatedNoShow'
  | 'absence.frequent'
  | 'absence.warnParticipant'
  | 'attendance.belowNorm'
  | 'absence.longerThanWeek';

export interface AbsenceSignal {
  cause: AbsenceCause;
  /** With the participant, the signal's identity: raised once per cause and period (R-ATT-4). */
  period: string;
  /** The date the signal's facts became true. */
  on: IsoDate;
}

const monthOf = (d: IsoDate) => d.slice(0, 7);
const daysBetween = (a: IsoDate, b: IsoDate) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

function lastDayOfMonth(month: string): IsoDate {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** A month has ended once `today` (the system's date) lies after its last day. */
export function monthEnded(month: string, today: IsoDate): boolean {
  return lastDayOfMonth(month) < today;
}

/**
 * R-ATT-4: the absence signals that the facts up to `today` call for. Pure and idempotent by design:
 * the same facts give the same (cause, period) pairs, which the store keeps unique.
 */
export function absenceSignals(facts: readonly AttendanceFact[], rules: AbsenceRules, today: IsoDate): AbsenceSignal[] {
  const known = [...facts].filter((f) => f.date <= today).sort((a, b) => a.date.localeCompare(b.date) || a.sessionId.localeCompare(b.sessionId));
  const out: AbsenceSignal[] = [];
  // 001 §2.3.2: the first no-show without reason, then each repeat.
  const noShows = known.filter((f) => isAbsence(f) && !f.calledIn && f.reason === null);
  noShows.forEach((f, i) => out.push(i === 0 ? { cause: 'absence.firstNoShow', period: 'first', on: f.date } : { cause: 'absence.repeatedNoShow', period: f.date, on: f.date }));
  // 004 §2.4: three absences within one calendar month, authorised or not: one warning for that month.
  const byMonth = new Map<string, AttendanceFact[]>();
  for (const f of known.filter(isAbsence)) byMonth.set(monthOf(f.date), [...(byMonth.get(monthOf(f.date)) ?? []), f]);
  for (const [month, list] of byMonth) {
    const hit = list[rules.absencesPerMonth - 1];
    if (hit === undefined) continue;
    out.push({ cause: 'absence.frequent', period: month, on: hit.date });
    // 004 §2.4: "ontvangt de cursist automatisch een officiële waarschuwing via de taalaanbieder".
    if (rules.frequentAbsence?.warnParticipant === true) out.push({ cause: 'absence.warnParticipant', period: month, on: hit.date });
  }
  // 001 §2.3.1: below the norm in a calendar month asks for warm contact. Only a complete month is
  // judged (docs/contracts.md, issue #10): a month to date says little after one missed lesson, and a
  // signal raised then stayed open when the month closed at or above the norm.
  for (const month of new Set(known.map((f) => monthOf(f.date)))) {
    if (!monthEnded(month, today)) continue;
    const end = lastDayOfMonth(month);
    if (belowNorm(attendanceRate(known, `${month}-01`, end), rules)) out.push({ cause: 'attendance.belowNorm', period: month, on: end });
  }
  // 003 art. 12.4: absent longer than a week — a run of absences with no attendance in between.
  let streakStart: IsoDate | null = null;
  let raised = false;
  for (const f of known.filter((x) => !x.cancelledByProvider && !x.makeUp)) {
    if (!isAbsence(f)) {
      streakStart = null;
      raised = false;
      continue;
    }
    streakStart ??= f.date;
    if (!raised && daysBetween(streakStart, f.date) > rules.longAbsenceDays) {
      out.push({ cause: 'absence.longerThanWeek', period: streakStart, on: f.date });
      raised = true;
    }
  }
  return out;
}
