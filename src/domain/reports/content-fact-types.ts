// The plain facts the content report (000 §4.1) reads, already read from the registration
// (src/features/reports/content-facts.ts names the table and column behind each field), and the per-cell
// slice of them. A read model may hand them over pre-aggregated as long as the rows are the same.
import type { IsoDate, ProductKind, Route } from '../contract.js';
import type { AttendanceQuarterFact, GroupMembershipFact, ReferralFact, ReportContractVersion } from './facts.js';
import type { z } from 'zod';

/** Attendance of a referral in a quarter (AttendanceQuarterFact) plus what items 3f and 3h read of the same rows. */
export interface ContentAttendanceQuarterFact extends AttendanceQuarterFact {
  /** 3f: attendance.minutes_attended on lessons of kind language, knm or makeUp (not cancelled by the provider). */
  languageMinutes: number;
  /** 3h: the first lesson of the quarter starting at 18:00 or later with an attendance row of the referral; null if none. */
  firstEveningOn: IsoDate | null;
}

/** route_event of the kinds the content report reads (routeChanged, onHold, resumed, droppedOut, movedAway, routeEnded). */
export interface ContentRouteEventFact {
  referralId: string;
  type: 'routeChanged' | 'onHold' | 'resumed' | 'droppedOut' | 'movedAway' | 'routeEnded';
  on: IsoDate;
  /** routeChanged: details.fromRoute / toRoute. */
  fromRoute: Route | null;
  toRoute: Route | null;
  /** routeChanged: details.reason (the "onderbouwing"); droppedOut: details.reason (medical, death, moved, other). */
  reason: string | null;
}

/** An approved scaling decision (scaling_request, status approved). */
export interface ScalingFact {
  referralId: string;
  direction: 'down' | 'up';
  fromLevel: string;
  toLevel: string;
  decidedOn: IsoDate;
}

/** A current participation activity (participation_activity, superseded = false). */
export interface ActivityFact {
  referralId: string;
  productKind: 'participation' | 'map';
  startDate: IsoDate;
  endDate: IsoDate;
  minutes: number;
  /** local_facility_name when local_facility; null otherwise. */
  localFacility: string | null;
  isLocalFacility: boolean;
}

/** hours_entry (current versions) of a referral per month and kind (participation or language). */
export interface HoursMonthFact {
  referralId: string;
  month: string;
  kind: 'participation' | 'language';
  minutes: number;
}

/** Lessons of a group cancelled by the provider, per month (lesson.cancelled_by_provider). */
export interface CancelledLessonsFact {
  groupId: string;
  month: string;
  lessons: number;
}

/** R-CM-3 (issue #14): a participant's complaint about a referral, by the day it was received (complaint, migration 0028). */
export interface ComplaintFact {
  referralId: string;
  receivedOn: IsoDate;
}

export interface ContentReportFacts {
  referrals: readonly ReferralFact[];
  attendance: readonly ContentAttendanceQuarterFact[];
  routeEvents: readonly ContentRouteEventFact[];
  scalings: readonly ScalingFact[];
  activities: readonly ActivityFact[];
  hours: readonly HoursMonthFact[];
  groups: readonly GroupMembershipFact[];
  cancelledLessons: readonly CancelledLessonsFact[];
  /** 5a: the complaints about these referrals; absent: none read (a fact set built before the register). */
  complaints?: readonly ComplaintFact[];
}

/** The contract data the content report reads; a parsed Contract satisfies it. */
export interface ContentContract {
  municipalities: readonly { code: string }[];
  products: readonly { code: string; kind: z.infer<typeof ProductKind>; routes: readonly Route[] }[];
  versions: readonly ReportContractVersion[];
}

type PerReferral = Omit<ContentReportFacts, 'referrals' | 'cancelledLessons' | 'complaints'>;
const INDEX = new WeakMap<ContentReportFacts, Map<string, { [K in keyof PerReferral]: PerReferral[K][number][] }>>();

/** The facts of these referrals only (an index per fact set, built once), so a cell reads its own rows, not the region's. */
export function cellFacts(facts: ContentReportFacts, referrals: readonly ReferralFact[]): ContentReportFacts {
  let index = INDEX.get(facts);
  if (index === undefined) {
    const built = new Map<string, { [K in keyof PerReferral]: PerReferral[K][number][] }>();
    const slot = (id: string) => {
      let s = built.get(id);
      if (s === undefined) built.set(id, (s = { attendance: [], routeEvents: [], scalings: [], activities: [], hours: [], groups: [] }));
      return s;
    };
    for (const x of facts.attendance) slot(x.referralId).attendance.push(x);
    for (const x of facts.routeEvents) slot(x.referralId).routeEvents.push(x);
    for (const x of facts.scalings) slot(x.referralId).scalings.push(x);
    for (const x of facts.activities) slot(x.referralId).activities.push(x);
    for (const x of facts.hours) slot(x.referralId).hours.push(x);
    for (const x of facts.groups) slot(x.referralId).groups.push(x);
    INDEX.set(facts, built);
    index = built;
  }
  const out: ContentReportFacts = { referrals, attendance: [], routeEvents: [], scalings: [], activities: [], hours: [], groups: [], cancelledLessons: [] };
  for (const r of referrals) {
    const s = index.get(r.id);
    if (s === undefined) continue;
    (out.attendance as ContentAttendanceQuarterFact[]).push(...s.attendance);
    (out.routeEvents as ContentRouteEventFact[]).push(...s.routeEvents);
    (out.scalings as ScalingFact[]).push(...s.scalings);
    (out.activities as ActivityFact[]).push(...s.activities);
    (out.hours as HoursMonthFact[]).push(...s.hours);
    (out.groups as GroupMembershipFact[]).push(...s.groups);
  }
  const groupIds = new Set(out.groups.map((g) => g.groupId));
  const ids = new Set(referrals.map((r) => r.id));
  const sliced = { ...out, cancelledLessons: facts.cancelledLessons.filter((c) => groupIds.has(c.groupId)) };
  return facts.complaints === undefined ? sliced : { ...sliced, complaints: facts.complaints.filter((c) => ids.has(c.referralId)) };
}

