// The reader of issue #13: the facts of the quarterly management information (QuarterlyMiFacts,
// src/domain/reports/quarterly-mi.ts) of one contract up to a day, read from the registration in five
// statements. Attendance is aggregated in SQL per referral and calendar month from the read model
// attendance_month (issue #13), by the arithmetic of attendanceRate() in src/domain/attendance.ts and the
// attendance-rates store: a lesson cancelled by the provider offers nothing, attended minutes are capped
// at the lesson, make-up lessons (R-ATT-5) make up missed minutes of the same month only; the months are
// then summed per quarter (AttendanceQuarterFact), the grain the report sums: no attendance row and no
// month reaches JavaScript (a municipality's 223,000 referral months were most of a request).
// Unscoped by name: the caller passes the Scope it decided (src/platform/access.ts), and it lands in SQL.
import type { IsoDate, Route } from '../../domain/contract.js';
import type { LadderMoment, LadderStep } from '../../domain/participation.js';
import type { AttendanceQuarterFact, GroupMembershipFact, LadderStepFact, LevelBand, ReferralFact, RouteChangeFact } from '../../domain/reports/facts.js';
import type { QuarterlyMiFacts } from '../../domain/reports/quarterly-mi.js';
import { referralInReportScope, SqlParams, type AggregateScope, type Scope as PersonalScope } from '../../platform/access.js';
import type { Queryable } from '../../platform/db.js';
import { attendanceMonthSource } from '../attendance-month/source.js';

/** The room's fact scope (src/features/reports/room.ts): a personal Scope or the aggregate readers'. */
type Scope = PersonalScope | AggregateScope;

export interface FactWindow {
  contractId: string;
  /** The first day of the oldest quarter: attendance before it is not read. */
  from: IsoDate;
  /** The last day of the quarter asked for: nothing after it is read. */
  to: IsoDate;
}

// The referrals of the contract in the scope; every other statement joins to this set.
const inWindow = (scope: Scope, p: SqlParams, w: FactWindow): string => `r.contract_id = ${p.add(w.contractId)} AND r.referred_on <= ${p.add(w.to)}::date AND ${referralInReportScope(scope, p, 'r')}`;
const REFERRALS = (scope: Scope, p: SqlParams, w: FactWindow): string => `referral r WHERE ${inWindow(scope, p, w)}`;

/** R-MI-1: the facts of the contract's referrals in the scope, for the quarters in [from, to]. */
export async function unsafeQuarterlyMiFacts(q: Queryable, scope: Scope, w: FactWindow): Promise<QuarterlyMiFacts> {
  const [referrals, attendance, groups, routeChanges, ladder] = await Promise.all([
    readReferrals(q, scope, w),
    readAttendance(q, scope, w),
    readGroups(q, scope, w),
    readRouteChanges(q, scope, w),
    readLadder(q, scope, w),
  ]);
  return { referrals, attendance, groups, routeChanges, ladder };
}

/** The contract's referrals in the scope up to the window's end, with their end; also read by content-facts.ts. */
export function readReferrals(q: Queryable, scope: Scope, w: FactWindow): Promise<ReferralFact[]> {
  const p = new SqlParams();
  // The end: the first routeEnded, droppedOut or movedAway of the referral (docs/reports.md, "End").
  return q.query<ReferralFact>(
    `SELECT r.id, r.participant_id AS "participantId", m.code AS municipality, r.product_code AS product,
       r.referred_on::text AS "referredOn", r.intake_held_on::text AS "intakeHeldOn",
       r.start_class_started_on::text AS "startClassStartedOn", r.started_on::text AS "startedOn",
       (SELECT min(e.on_date)::text FROM route_event e WHERE e.referral_id = r.id AND e.type IN ('routeEnded', 'droppedOut', 'movedAway')) AS "endedOn"
     FROM referral r JOIN municipality m ON m.id = r.municipality_id WHERE ${inWindow(scope, p, w)}
     ORDER BY r.referred_on, r.id`,
    p.values,
  );
}

async function readAttendance(q: Queryable, scope: Scope, w: FactWindow): Promise<AttendanceQuarterFact[]> {
  const p = new SqlParams();
  // The read model (issue #13, src/features/attendance-month/source.ts): a lesson belongs to the referral
  // of the placement that held the participant in the lesson's group on the lesson's day (member_to is
  // exclusive); make-up minutes make up missed minutes of the same referral and month only (f), and the
  // months' figures are summed per quarter — sums only: the norm stays in the domain (quarterly-mi.ts).
  // Per referral (LATERAL): its months are an index-only range scan of attendance_month_referral_cover
  // (migration 0044), in order; a hash join over the whole model spilled its aggregates to disk.
  const source = attendanceMonthSource(p, w.from, w.to);
  return q.query<AttendanceQuarterFact>(
    `SELECT r.id AS "referralId", f.quarter, f.offered::int AS "offeredMinutes", f.attended::int AS "attendedMinutes"
     FROM (SELECT r.id FROM ${REFERRALS(scope, p, w)}) r
     CROSS JOIN LATERAL (
       SELECT to_char(m.month, 'YYYY-"Q"Q') AS quarter, sum(m.offered) AS offered, sum(m.attended + least(m.made_up, m.offered - m.attended)) AS attended
       FROM (
         SELECT x.month, sum(x.offered) AS offered, sum(x.attended) AS attended, sum(x.made_up) AS made_up
         FROM ${source} x WHERE x.referral_id = r.id GROUP BY x.month
       ) m
       GROUP BY 1
     ) f
     ORDER BY 1, 2`,
    p.values,
  );
}

function readGroups(q: Queryable, scope: Scope, w: FactWindow): Promise<GroupMembershipFact[]> {
  const p = new SqlParams();
  // GroupMembershipFact.to is inclusive, group_member.member_to exclusive; an empty placement is none.
  return q.query<GroupMembershipFact & { levelBand: LevelBand }>(
    `SELECT gm.group_id AS "groupId", g.level_band AS "levelBand", gm.referral_id AS "referralId",
       gm.member_from::text AS "from", (gm.member_to - 1)::text AS "to"
     FROM group_member gm JOIN class_group g ON g.id = gm.group_id
     WHERE gm.member_from <= ${p.add(w.to)}::date AND (gm.member_to IS NULL OR (gm.member_to > gm.member_from AND gm.member_to > ${p.add(w.from)}::date))
       AND gm.referral_id IN (SELECT r.id FROM ${REFERRALS(scope, p, w)})
     ORDER BY gm.group_id, gm.referral_id, gm.member_from`,
    p.values,
  );
}

async function readRouteChanges(q: Queryable, scope: Scope, w: FactWindow): Promise<RouteChangeFact[]> {
  const p = new SqlParams();
  const rows = await q.query<{ referralId: string; on: string; from: Route; to: Route | null }>(
    `SELECT e.referral_id AS "referralId", e.on_date::text AS "on", e.details->>'fromRoute' AS "from", e.details->>'toRoute' AS "to"
     FROM route_event e
     WHERE e.type = 'routeChanged' AND e.on_date BETWEEN ${p.add(w.from)}::date AND ${p.add(w.to)}::date
       AND e.referral_id IN (SELECT r.id FROM ${REFERRALS(scope, p, w)})
     ORDER BY e.on_date, e.id`,
    p.values,
  );
  return rows;
}

async function readLadder(q: Queryable, scope: Scope, w: FactWindow): Promise<LadderStepFact[]> {
  const p = new SqlParams();
  const rows = await q.query<{ referralId: string; step: number; moment: LadderMoment; recordedOn: string; recordedAt: string }>(
    `SELECT s.referral_id AS "referralId", s.step, s.moment, s.recorded_on::text AS "recordedOn", to_char(s.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "recordedAt"
     FROM participation_ladder_step s
     WHERE s.recorded_on <= ${p.add(w.to)}::date AND s.referral_id IN (SELECT r.id FROM ${REFERRALS(scope, p, w)})
     ORDER BY s.recorded_on, s.recorded_at, s.id`,
    p.values,
  );
  return rows.map((r) => ({ ...r, step: r.step as LadderStep }));
}
