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
 * Issue #16: a participant's facts of one calendar month summed as attendanceRate() sums them — offered
 * and attended minutes of regular lessons held (attended capped at the lesson), minutes of make-up
 * lessons held — the additive parts the read model attendance_month keeps (migration 0024).
 */
export interface MonthMinutes {
  month: string;
  offered: number;
  attended: number;
  madeUp: number;
}

/** The month sums of these facts, in the order their months first appear. */
export function monthMinutes(facts: readonly AttendanceFact[]): MonthMinutes[] {
  const out = new Map<string, MonthMinutes>();
  for (const f of facts) {
    const m = out.get(monthOf(f.date)) ?? { month: monthOf(f.date), offered: 0, attended: 0, madeUp: 0 };
    out.set(m.month, m);
    if (f.cancelledByProvider) continue;
    if (f.makeUp) m.madeUp += f.attendedMinutes;
    else {
      m.offered += f.scheduledMinutes;
      m.attended += Math.min(f.attendedMinutes, f.scheduledMinutes);
    }
  }
  return [...out.values()];
}

/**
 * 001 §2.3.1: below the norm in a calendar month asks for warm contact. Only a complete month is
 * judged (docs/contracts.md, issue #10): a month to date says little after one missed lesson, and a
 * signal raised then stayed open when the month closed at or above the norm. From month sums, so the
 * import can judge every month of a participant from the read model (issue #16).
 */
export function belowNormSignals(months: readonly MonthMinutes[], rules: Pick<AbsenceRules, 'normPercent'>, today: IsoDate): AbsenceSignal[] {
  const out: AbsenceSignal[] = [];
  for (const m of months) {
    if (!monthEnded(m.month, today)) continue;
    const effective = m.attended + Math.min(m.madeUp, m.offered - m.attended);
    const rate: AttendanceRate = { offeredMinutes: m.offered, attendedMinutes: effective, percentage: m.offered === 0 ? null : (effective / m.offered) * 100 };
    if (belowNorm(rate, rules)) out.push({ cause: 'attendance.belowNorm', period: m.month, on: lastDayOfMonth(m.month) });
  }
  return out;
}

/** 001 §2.3.2: the first no-show without reason, then each repeat; the no-shows in date and session order. */
export function noShowSignals(noShows: readonly Pick<AttendanceFact, 'date' | 'sessionId'>[]): AbsenceSignal[] {
  return noShows.map((f, i) => (i === 0 ? { cause: 'absence.firstNoShow', period: 'first', on: f.date } : { cause: 'absence.repeatedNoShow', period: f.date, on: f.date }));
}

/** 004 §2.4: the month's warning, raised on the day of its `absencesPerMonth`-th absence (and the participant's, where the contract says so). */
export function frequentAbsenceSignals(month: string, on: IsoDate, rules: Pick<AbsenceRules, 'frequentAbsence'>): AbsenceSignal[] {
  const out: AbsenceSignal[] = [{ cause: 'absence.frequent', period: month, on }];
  // 004 §2.4: "ontvangt de cursist automatisch een officiële waarschuwing via de taalaanbieder".
  if (rules.frequentAbsence?.warnParticipant === true) out.push({ cause: 'absence.warnParticipant', period: month, on });
  return out;
}

/**
 * R-ATT-4: the absence signals that the facts up to `today` call for. Pure and idempotent by design:
 * the same facts give the same (cause, period) pairs, which the store keeps unique.
 */
export function absenceSignals(facts: readonly AttendanceFact[], rules: AbsenceRules, today: IsoDate): AbsenceSignal[] {
  const known = [...facts].filter((f) => f.date <= today).sort((a, b) => a.date.localeCompare(b.date) || a.sessionId.localeCompare(b.sessionId));
  const out: AbsenceSignal[] = [];
  out.push(...noShowSignals(known.filter((f) => isAbsence(f) && !f.calledIn && f.reason === null)));
  // 004 §2.4: three absences within one calendar month, authorised or not: one warning for that month.
  const byMonth = new Map<string, AttendanceFact[]>();
  for (const f of known.filter(isAbsence)) byMonth.set(monthOf(f.date), [...(byMonth.get(monthOf(f.date)) ?? []), f]);
  for (const [month, list] of byMonth) {
    const hit = list[rules.absencesPerMonth - 1];
    if (hit !== undefined) out.push(...frequentAbsenceSignals(month, hit.date, rules));
  }
  out.push(...belowNormSignals(monthMinutes(known), rules, today));
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
