// Issue #13: the content report's attendance (000 §4.1 3f, 3h; readContentAttendance in
// src/features/reports/content-facts.ts) from the read model attendance_month instead of the raw rows —
// the same rows: per referral and quarter the minutes offered and attended by attendanceRate's arithmetic
// (make-up within the referral's month, then the months summed), the attended minutes of language, KNM
// and make-up lessons (each capped at its lesson) and the first evening lesson with a row. bench/reports-national.ts holds
// the two equal on the national dataset; a drop-in for readContentAttendance.
import type { IsoDate } from '../../domain/iso-date.js';
import { referralInReportScope, SqlParams, type AggregateScope, type Scope } from '../../platform/access.js';
import type { Queryable } from '../../platform/db.js';
import { attendanceMonthSource } from './source.js';

export interface ContentAttendanceQuarterRow {
  referralId: string;
  /** 'YYYY-Qn'. */
  quarter: string;
  offeredMinutes: number;
  attendedMinutes: number;
  languageMinutes: number;
  firstEveningOn: IsoDate | null;
}

/** The contract's referrals in the scope (as content-facts.ts: referred on or before the window's end). */
export function contentAttendanceFromModel(q: Queryable, scope: Scope | AggregateScope, w: { contractId: string; from: IsoDate; to: IsoDate }): Promise<ContentAttendanceQuarterRow[]> {
  const p = new SqlParams();
  const referrals = `SELECT r.id FROM referral r WHERE r.contract_id = ${p.add(w.contractId)} AND r.referred_on <= ${p.add(w.to)}::date AND ${referralInReportScope(scope, p, 'r')}`;
  // Per referral (LATERAL), as the quarterly MI's reader (src/features/reports/facts.ts): an index-only range
  // scan of attendance_month_referral_cover (migration 0044) for each.
  const source = attendanceMonthSource(p, w.from, w.to);
  return q.query<ContentAttendanceQuarterRow>(
    `SELECT r.id AS "referralId", f.quarter, f.offered::int AS "offeredMinutes", f.attended::int AS "attendedMinutes",
       f.language::int AS "languageMinutes", f.first_evening::text AS "firstEveningOn"
     FROM (${referrals}) r
     CROSS JOIN LATERAL (
       SELECT to_char(m.month, 'YYYY-"Q"Q') AS quarter, sum(m.offered) AS offered, sum(m.attended + least(m.made_up, m.offered - m.attended)) AS attended,
         sum(m.language) AS language, min(m.first_evening) AS first_evening
       FROM (
         SELECT x.month, sum(x.offered) AS offered, sum(x.attended) AS attended, sum(x.made_up) AS made_up,
           sum(x.language) AS language, min(x.evening) AS first_evening
         FROM ${source} x WHERE x.referral_id = r.id GROUP BY x.month
       ) m
       GROUP BY 1
     ) f
     ORDER BY 1, 2`,
    p.values,
  );
}
