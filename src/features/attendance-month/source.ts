// Issue #13: the attendance read model (db/migrations/0024_attendance_month.sql) as one relation for a
// window of days: the whole months from attendance_month, the days at either end that do not fill a
// month from the view attendance_part over the raw rows (the same arithmetic, row by row). A reader sums
// the additive parts over its own grouping and applies least() for the make-up minutes itself:
//   effective = attended + least(made_up, offered - attended)      (R-ATT-3, R-ATT-5)
// Columns: participant_id, group_id, municipality_id, referral_id, month (date, the first day), offered,
// attended, made_up, authorised, unauthorised, unclassified, language (attended minutes of language, KNM
// and make-up lessons, capped: the content report's 3f), evening (the first day of an evening lesson: 3h;
// combine with min()). Scope filters go on those columns, e.g.
// attendanceInScope(scope, p, 'x', 'x') (the model row carries the attendance row's municipality and
// participant and the lesson's group).
import { splitByMonths } from '../../domain/month-window.js';
import type { IsoDate } from '../../domain/iso-date.js';
import type { SqlParams } from '../../platform/access.js';

const COLUMNS = 'participant_id, group_id, municipality_id, referral_id, month';

/** A parenthesised subquery over the read model for [from, to]; alias it in the caller. */
export function attendanceMonthSource(p: SqlParams, from: IsoDate, to: IsoDate): string {
  const split = splitByMonths(from, to);
  const parts: string[] = [];
  if (split.months !== undefined) {
    parts.push(`SELECT ${COLUMNS}, offered_minutes AS offered, attended_minutes AS attended, made_up_minutes AS made_up, authorised, unauthorised, unclassified,
        language_minutes AS language, first_evening AS evening
      FROM attendance_month WHERE month BETWEEN ${p.add(split.months.from)}::date AND ${p.add(split.months.to)}::date`);
  }
  for (const d of split.days) {
    parts.push(`SELECT ${COLUMNS}, offered::bigint, attended::bigint, made_up::bigint, authorised, unauthorised, unclassified, language::bigint, evening
      FROM attendance_part WHERE date BETWEEN ${p.add(d.from)}::date AND ${p.add(d.to)}::date`);
  }
  if (parts.length === 0) {
    parts.push(`SELECT ${COLUMNS}, offered_minutes, attended_minutes, made_up_minutes, authorised, unauthorised, unclassified, language_minutes, first_evening FROM attendance_month WHERE false`);
  }
  return `(${parts.join('\n      UNION ALL\n      ')})`;
}
