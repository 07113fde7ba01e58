// The readers of the content report, the year report and the management report (issue #13, R-MI-2): the
// facts of one contract's referrals in the room's scope (referralInReportScope) for a window of days, read
// from the registration. Attendance is aggregated per referral and calendar quarter in ONE function,
// readContentAttendance (the attendanceRate arithmetic of facts.ts readAttendance, plus the language
// minutes of 3f and the first evening lesson of 3h), on the read model attendance_month (issue #13); no
// attendance row reaches JavaScript. Unscoped by name: the caller passes the scope it decided (room.ts).
import { readReferrals } from './facts.js';
import type { IsoDate } from '../../domain/contract.js';
import type { ActivityFact, CancelledLessonsFact, ComplaintFact, ContentAttendanceQuarterFact, ContentReportFacts, ContentRouteEventFact, HoursMonthFact, ScalingFact } from '../../domain/reports/content-report.js';
import type { GroupMembershipFact } from '../../domain/reports/facts.js';
import type { InvoiceLinesFact, ManagementReportFacts } from '../../domain/reports/management-report.js';
import { referralInReportScope, SqlParams, type AggregateScope, type Scope as PersonalScope } from '../../platform/access.js';
import type { Queryable } from '../../platform/db.js';
import { contentAttendanceFromModel } from '../attendance-month/content.js';

type Scope = PersonalScope | AggregateScope;

export interface ContentWindow {
  contractId: string;
  /** The first day read (1 January of the oldest year shown). */
  from: IsoDate;
  /** The last day read (the end of the quarter or year asked for). */
  to: IsoDate;
}

const inWindow = (scope: Scope, p: SqlParams, w: ContentWindow): string => `r.contract_id = ${p.add(w.contractId)} AND r.referred_on <= ${p.add(w.to)}::date AND ${referralInReportScope(scope, p, 'r')}`;
const REFERRAL_IDS = (scope: Scope, p: SqlParams, w: ContentWindow): string => `(SELECT r.id FROM referral r WHERE ${inWindow(scope, p, w)})`;

/** R-MI-2: every fact of the content report (and the year report) for the window. */
export async function unsafeContentReportFacts(q: Queryable, scope: Scope, w: ContentWindow): Promise<ContentReportFacts> {
  const [referrals, attendance, routeEvents, scalings, activities, hours, groups, cancelledLessons, complaints] = await Promise.all([
    readReferrals(q, scope, w),
    readContentAttendance(q, scope, w),
    readRouteEvents(q, scope, w),
    readScalings(q, scope, w),
    readActivities(q, scope, w),
    readHours(q, scope, w),
    readGroups(q, scope, w),
    readCancelledLessons(q, scope, w),
    readComplaints(q, scope, w),
  ]);
  return { referrals, attendance, routeEvents, scalings, activities, hours, groups, cancelledLessons, complaints };
}

/** 000 §4.2 items 4 and 5: the referrals (every product) and the lines of the sent invoices and credit notes issued in the window. */
export async function unsafeManagementReportFacts(q: Queryable, scope: Scope, w: ContentWindow): Promise<ManagementReportFacts> {
  const [referrals, invoiceLines, complaints] = await Promise.all([readReferrals(q, scope, w), readInvoiceLines(q, scope, w), readComplaints(q, scope, w)]);
  return { referrals, invoiceLines, complaints };
}

/**
 * The one attendance read: per referral and quarter the minutes offered and attended by attendanceRate's
 * arithmetic (as facts.ts readAttendance), the attended minutes of language, KNM and make-up lessons (3f),
 * and the first evening lesson with a row (3h) — from the read model attendance_month (issue #13,
 * src/features/attendance-month/content.ts; docs/reports.md §11), not the 26 M attendance rows.
 */
export function readContentAttendance(q: Queryable, scope: Scope, w: ContentWindow): Promise<ContentAttendanceQuarterFact[]> {
  return contentAttendanceFromModel(q, scope, w);
}

/** 5a and management item 6 (R-CM-3): the participants' complaints about the scope's referrals, received in the window (migration 0028). */
function readComplaints(q: Queryable, scope: Scope, w: ContentWindow): Promise<ComplaintFact[]> {
  const p = new SqlParams();
  return q.query<ComplaintFact>(
    `SELECT c.referral_id AS "referralId", c.received_on::text AS "receivedOn" FROM complaint c
     WHERE c.received_on BETWEEN ${p.add(w.from)}::date AND ${p.add(w.to)}::date AND c.referral_id IN ${REFERRAL_IDS(scope, p, w)}
     ORDER BY c.received_on, c.id`,
    p.values,
  );
}

function readRouteEvents(q: Queryable, scope: Scope, w: ContentWindow): Promise<ContentRouteEventFact[]> {
  const p = new SqlParams();
  // onHold and resumed from before the window too: 4a is the state at the window's end.
  return q.query<ContentRouteEventFact>(
    `SELECT e.referral_id AS "referralId", e.type, e.on_date::text AS "on", e.details->>'fromRoute' AS "fromRoute", e.details->>'toRoute' AS "toRoute", e.details->>'reason' AS reason
     FROM route_event e
     WHERE e.referral_id IN ${REFERRAL_IDS(scope, p, w)} AND e.on_date <= ${p.add(w.to)}::date
       AND (e.type IN ('onHold', 'resumed') OR (e.type IN ('routeChanged', 'droppedOut', 'movedAway', 'routeEnded') AND e.on_date >= ${p.add(w.from)}::date))
     ORDER BY e.on_date, e.recorded_at, e.id`,
    p.values,
  );
}

function readScalings(q: Queryable, scope: Scope, w: ContentWindow): Promise<ScalingFact[]> {
  const p = new SqlParams();
  return q.query<ScalingFact>(
    `SELECT s.referral_id AS "referralId", s.direction, s.from_level AS "fromLevel", s.to_level AS "toLevel", s.decided_on::text AS "decidedOn"
     FROM scaling_request s
     WHERE s.status = 'approved' AND s.decided_on BETWEEN ${p.add(w.from)}::date AND ${p.add(w.to)}::date AND s.referral_id IN ${REFERRAL_IDS(scope, p, w)}
     ORDER BY s.decided_on, s.id`,
    p.values,
  );
}

function readActivities(q: Queryable, scope: Scope, w: ContentWindow): Promise<ActivityFact[]> {
  const p = new SqlParams();
  return q.query<ActivityFact>(
    `SELECT a.referral_id AS "referralId", a.product_kind AS "productKind", a.start_date::text AS "startDate", a.end_date::text AS "endDate", a.minutes,
       a.local_facility_name AS "localFacility", a.local_facility AS "isLocalFacility"
     FROM participation_activity a
     WHERE NOT a.superseded AND a.start_date <= ${p.add(w.to)}::date AND a.end_date >= ${p.add(w.from)}::date AND a.referral_id IN ${REFERRAL_IDS(scope, p, w)}
     ORDER BY a.start_date, a.id`,
    p.values,
  );
}

function readHours(q: Queryable, scope: Scope, w: ContentWindow): Promise<HoursMonthFact[]> {
  const p = new SqlParams();
  return q.query<HoursMonthFact>(
    `SELECT h.referral_id AS "referralId", to_char(h.date, 'YYYY-MM') AS month, h.kind, sum(h.minutes)::int AS minutes
     FROM hours_entry h
     WHERE NOT h.superseded AND h.kind IN ('participation', 'language') AND h.date BETWEEN ${p.add(w.from)}::date AND ${p.add(w.to)}::date AND h.referral_id IN ${REFERRAL_IDS(scope, p, w)}
     GROUP BY h.referral_id, to_char(h.date, 'YYYY-MM'), h.kind
     ORDER BY 1, 2, 3`,
    p.values,
  );
}

function readGroups(q: Queryable, scope: Scope, w: ContentWindow): Promise<GroupMembershipFact[]> {
  const p = new SqlParams();
  // GroupMembershipFact.to is inclusive, group_member.member_to exclusive; an empty placement is none.
  return q.query<GroupMembershipFact>(
    `SELECT gm.group_id AS "groupId", g.level_band AS "levelBand", gm.referral_id AS "referralId",
       gm.member_from::text AS "from", (gm.member_to - 1)::text AS "to"
     FROM group_member gm JOIN class_group g ON g.id = gm.group_id
     WHERE gm.member_from <= ${p.add(w.to)}::date AND (gm.member_to IS NULL OR (gm.member_to > gm.member_from AND gm.member_to > ${p.add(w.from)}::date))
       AND gm.referral_id IN ${REFERRAL_IDS(scope, p, w)}
     ORDER BY gm.group_id, gm.referral_id, gm.member_from`,
    p.values,
  );
}

function readCancelledLessons(q: Queryable, scope: Scope, w: ContentWindow): Promise<CancelledLessonsFact[]> {
  const p = new SqlParams();
  // The lessons of the groups any referral in the scope was placed in; which groups count is the domain's (3j).
  return q.query<CancelledLessonsFact>(
    `SELECT l.group_id AS "groupId", to_char(l.date, 'YYYY-MM') AS month, count(*)::int AS lessons
     FROM lesson l
     WHERE l.cancelled_by_provider AND l.date BETWEEN ${p.add(w.from)}::date AND ${p.add(w.to)}::date
       AND l.group_id IN (SELECT gm.group_id FROM group_member gm WHERE gm.referral_id IN ${REFERRAL_IDS(scope, p, w)})
     GROUP BY l.group_id, to_char(l.date, 'YYYY-MM')
     ORDER BY 1, 2`,
    p.values,
  );
}

function readInvoiceLines(q: Queryable, scope: Scope, w: ContentWindow): Promise<InvoiceLinesFact[]> {
  const p = new SqlParams();
  // Sent invoices and credit notes only (a prepared or pro-forma one is not turnover yet); the line's
  // event names the contract and the referral, so the scope is the referral's.
  return q.query<InvoiceLinesFact>(
    `SELECT m.code AS municipality, i.kind, i.issue_date::text AS "issueDate", e.earned_on::text AS "earnedOn", count(*)::int AS lines, sum(l.amount_cents)::float8 AS "amountCents"
     FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id JOIN billable_event e ON e.id = l.event_id JOIN municipality m ON m.id = i.municipality_id
     WHERE i.status = 'sent' AND i.issue_date BETWEEN ${p.add(w.from)}::date AND ${p.add(w.to)}::date AND e.contract_id = ${p.add(w.contractId)}
       AND e.referral_id IN ${REFERRAL_IDS(scope, p, w)}
     GROUP BY m.code, i.kind, i.issue_date, e.earned_on
     ORDER BY 1, 2, 3, 4`,
    p.values,
  );
}
