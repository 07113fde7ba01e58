// The oracle of the read-model tests (issue #13): the attendance SQL as it was before the read model
// attendance_month (commit 0c96fdf), straight over the raw attendance and lesson rows, with the months
// summed per quarter as the readers now hand them over (issue #13: the reports sum whole quarters). The
// readers read the model (src/features/attendance-month/source.ts); these statements say what they must give.
import { attendanceInScope, referralInReportScope, SqlParams, type AggregateScope, type Scope } from '../../src/platform/access.js';
import type { Queryable } from '../../src/platform/db.js';

const REGULAR = `NOT l.cancelled_by_provider AND l.kind <> 'makeUp'`;
const MAKE_UP = `NOT l.cancelled_by_provider AND l.kind = 'makeUp'`;

export interface QuarterRow {
  referralId: string;
  /** 'YYYY-Qn'. */
  quarter: string;
  offeredMinutes: number;
  attendedMinutes: number;
}

/** The old readAttendance of src/features/reports/facts.ts per referral and month, summed per quarter. */
export function oracleReferralQuarters(q: Queryable, scope: Scope | AggregateScope, contractId: string, from: string, to: string): Promise<QuarterRow[]> {
  const p = new SqlParams();
  const referrals = `referral r WHERE r.contract_id = ${p.add(contractId)} AND r.referred_on <= ${p.add(to)}::date AND ${referralInReportScope(scope, p, 'r')}`;
  return q.query<QuarterRow>(
    `SELECT f.referral_id AS "referralId", f.quarter, sum(f.offered)::int AS "offeredMinutes",
       sum(f.attended + least(f.made_up, f.offered - f.attended))::int AS "attendedMinutes"
     FROM (
       SELECT gm.referral_id, to_char(l.date, 'YYYY-MM') AS month, extract(year FROM l.date) || '-Q' || extract(quarter FROM l.date) AS quarter,
         COALESCE(sum(l.minutes) FILTER (WHERE ${REGULAR}), 0) AS offered,
         COALESCE(sum(least(a.minutes_attended, l.minutes)) FILTER (WHERE ${REGULAR}), 0) AS attended,
         COALESCE(sum(a.minutes_attended) FILTER (WHERE ${MAKE_UP}), 0) AS made_up
       FROM attendance a JOIN lesson l ON l.id = a.lesson_id
       JOIN group_member gm ON gm.group_id = l.group_id AND gm.participant_id = a.participant_id
         AND gm.member_from <= l.date AND (gm.member_to IS NULL OR gm.member_to > l.date)
       WHERE l.date BETWEEN ${p.add(from)}::date AND ${p.add(to)}::date
         AND gm.referral_id IN (SELECT r.id FROM ${referrals})
       GROUP BY gm.referral_id, to_char(l.date, 'YYYY-MM'), 3
     ) f
     GROUP BY f.referral_id, f.quarter
     ORDER BY 1, 2`,
    p.values,
  );
}

export interface ParticipantRow {
  participantId: string;
  offeredMinutes: number;
  attendedMinutes: number;
  authorised: number;
  unauthorised: number;
  unclassified: number;
}

/** The old `facts` CTE of src/features/attendance-rates/store.ts with its effective minutes: per participant. */
export function oracleParticipants(q: Queryable, scope: Scope, from: string, to: string): Promise<ParticipantRow[]> {
  const p = new SqlParams();
  return q.query<ParticipantRow>(
    `SELECT f.participant_id AS "participantId", f.offered::int AS "offeredMinutes",
       (f.attended + least(f.made_up, f.offered - f.attended))::int AS "attendedMinutes",
       f.authorised::int AS authorised, f.unauthorised::int AS unauthorised, f.unclassified::int AS unclassified
     FROM (SELECT a.participant_id,
        COALESCE(sum(l.minutes) FILTER (WHERE ${REGULAR}), 0) AS offered,
        COALESCE(sum(least(a.minutes_attended, l.minutes)) FILTER (WHERE ${REGULAR}), 0) AS attended,
        COALESCE(sum(a.minutes_attended) FILTER (WHERE ${MAKE_UP}), 0) AS made_up,
        count(*) FILTER (WHERE ${REGULAR} AND NOT a.present AND a.classification = 'authorised') AS authorised,
        count(*) FILTER (WHERE ${REGULAR} AND NOT a.present AND a.classification = 'unauthorised') AS unauthorised,
        count(*) FILTER (WHERE ${REGULAR} AND NOT a.present AND a.classification IS NULL) AS unclassified
      FROM attendance a JOIN lesson l ON l.id = a.lesson_id
      WHERE l.date BETWEEN ${p.add(from)}::date AND ${p.add(to)}::date AND ${attendanceInScope(scope, p, 'a', 'l')}
      GROUP BY a.participant_id) f
     ORDER BY f.participant_id`,
    p.values,
  );
}

/** The model as a rebuild from the raw rows would make it, against the model as maintained. */
export async function modelAgainstRebuild(q: Queryable): Promise<{ maintained: string[]; rebuilt: string[] }> {
  const cols = `participant_id, group_id, month::text, municipality_id, referral_id`;
  const maintained = await q.query<{ k: string }>(
    `SELECT concat_ws('|', ${cols}, offered_minutes, attended_minutes, made_up_minutes, authorised, unauthorised, unclassified, language_minutes, first_evening::text, rows) AS k FROM attendance_month ORDER BY 1`,
  );
  const rebuilt = await q.query<{ k: string }>(
    `SELECT concat_ws('|', ${cols}, sum(offered), sum(attended), sum(made_up), sum(authorised), sum(unauthorised), sum(unclassified), sum(language), min(evening)::text, count(*)) AS k
     FROM attendance_part GROUP BY participant_id, group_id, month, municipality_id, referral_id ORDER BY 1`,
  );
  return { maintained: maintained.map((r) => r.k), rebuilt: rebuilt.map((r) => r.k) };
}

/** The content report's attendance over the raw rows (readContentAttendance of content-facts.ts as written by helper H1), summed per quarter. */
export function oracleContentQuarters(q: Queryable, scope: Scope | AggregateScope, contractId: string, from: string, to: string): Promise<(QuarterRow & { languageMinutes: number; firstEveningOn: string | null })[]> {
  const p = new SqlParams();
  const LANGUAGE = `NOT l.cancelled_by_provider AND l.kind IN ('language', 'knm', 'makeUp')`;
  const EVENING = `NOT l.cancelled_by_provider AND l.start_time >= '18:00'`;
  const referrals = `SELECT r.id FROM referral r WHERE r.contract_id = ${p.add(contractId)} AND r.referred_on <= ${p.add(to)}::date AND ${referralInReportScope(scope, p, 'r')}`;
  return q.query(
    `SELECT f.referral_id AS "referralId", f.quarter, sum(f.offered)::int AS "offeredMinutes",
       sum(f.attended + least(f.made_up, f.offered - f.attended))::int AS "attendedMinutes",
       sum(f.language)::int AS "languageMinutes", min(f.first_evening)::text AS "firstEveningOn"
     FROM (
       SELECT gm.referral_id, to_char(l.date, 'YYYY-MM') AS month, extract(year FROM l.date) || '-Q' || extract(quarter FROM l.date) AS quarter,
         COALESCE(sum(l.minutes) FILTER (WHERE ${REGULAR}), 0) AS offered,
         COALESCE(sum(least(a.minutes_attended, l.minutes)) FILTER (WHERE ${REGULAR}), 0) AS attended,
         COALESCE(sum(a.minutes_attended) FILTER (WHERE ${MAKE_UP}), 0) AS made_up,
         COALESCE(sum(least(a.minutes_attended, l.minutes)) FILTER (WHERE ${LANGUAGE}), 0) AS language,
         min(l.date) FILTER (WHERE ${EVENING}) AS first_evening
       FROM attendance a JOIN lesson l ON l.id = a.lesson_id
       JOIN group_member gm ON gm.group_id = l.group_id AND gm.participant_id = a.participant_id
         AND gm.member_from <= l.date AND (gm.member_to IS NULL OR gm.member_to > l.date)
       WHERE l.date BETWEEN ${p.add(from)}::date AND ${p.add(to)}::date
         AND gm.referral_id IN (${referrals})
       GROUP BY gm.referral_id, to_char(l.date, 'YYYY-MM'), 3
     ) f
     GROUP BY f.referral_id, f.quarter
     ORDER BY 1, 2`,
    p.values,
  );
}
