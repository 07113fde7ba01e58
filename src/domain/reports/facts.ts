// The smallest fact records the report computations need (issue #13). Plain data, already read from the
// registration (docs/reports.md names the table and column behind every field); a read model may hand
// them over pre-aggregated (attendance per month) as long as the figures stay the same.
import { addCalendarDays } from '../calendar.js';
import { findVersionInForce, type IsoDate, type ProductKind, type Route } from '../contract.js';
import type { LadderRecord } from '../participation.js';
import type { z } from 'zod';
import { periodContaining } from './periods.js';

/** One referral of a participant to a provider for one product (table referral, with route_event for the end). */
export interface ReferralFact {
  id: string;
  participantId: string;
  /** Municipality code (referral.municipality_id). */
  municipality: string;
  /** Product code (referral.product_code). */
  product: string;
  referredOn: IsoDate;
  intakeHeldOn: IsoDate | null;
  /** referral.start_class_started_on: the start in a start class (R-REF-4). */
  startClassStartedOn: IsoDate | null;
  /** referral.started_on: the regular start. */
  startedOn: IsoDate | null;
  /** The route ended, was dropped out of or left by moving away (route_event routeEnded, droppedOut, movedAway). */
  endedOn: IsoDate | null;
}

/**
 * Attendance of one referral in one calendar quarter (attendance × lesson via group_member), in minutes:
 * the sums over the quarter's months of each month's figures (issue #13: the reports only ever sum whole
 * quarters, so the reader hands over a third of the rows). Make-up minutes make up missed minutes of their
 * own month only (R-ATT-5), so a quarter's attended minutes are the sum of the months' and can be summed again.
 */
export interface AttendanceQuarterFact {
  referralId: string;
  /** 'YYYY-Qn', the id of the quarter's ReportPeriod. */
  quarter: string;
  /** Minutes scheduled in lessons not cancelled by the provider, make-up lessons excluded (attendanceRate). */
  offeredMinutes: number;
  /** Attended minutes, each lesson capped at its length, plus per month make-up up to the missed minutes (attendanceRate). */
  attendedMinutes: number;
}

/**
 * The ids of the quarters a window of whole quarters is made of (a quarter, the year so far, a whole year):
 * the window of quarter facts. Throws on a window that starts or ends inside a quarter, where quarter
 * facts would count days outside it.
 */
/** Per quarter id and participant, the offered and attended minutes of a set of referrals. */
export type MinutesPerParticipant = ReadonlyMap<string, ReadonlyMap<string, { offered: number; attended: number }>>;

/**
 * One pass over referral-quarter attendance: a participant's referrals are summed, as the norm (MI item 3)
 * and the absence average (content report 5b) are the participant's. Referrals not in `participantOf` are left out.
 */
export function minutesPerParticipant(attendance: readonly Pick<AttendanceQuarterFact, 'referralId' | 'quarter' | 'offeredMinutes' | 'attendedMinutes'>[], participantOf: (referralId: string) => string | undefined): MinutesPerParticipant {
  const out = new Map<string, Map<string, { offered: number; attended: number }>>();
  for (const a of attendance) {
    const p = participantOf(a.referralId);
    if (p === undefined) continue;
    let quarter = out.get(a.quarter);
    if (quarter === undefined) out.set(a.quarter, (quarter = new Map<string, { offered: number; attended: number }>()));
    const s = quarter.get(p);
    if (s === undefined) quarter.set(p, { offered: a.offeredMinutes, attended: a.attendedMinutes });
    else {
      s.offered += a.offeredMinutes;
      s.attended += a.attendedMinutes;
    }
  }
  return out;
}

export function quarterIdsOf(w: { start: IsoDate; end: IsoDate }): Set<string> {
  const out = new Set<string>();
  for (let d = w.start; d <= w.end; ) {
    const q = periodContaining('quarter', d);
    if (q.start !== d || q.end > w.end) throw new Error(`${w.start}..${w.end} is not a window of whole quarters`);
    out.add(q.id);
    d = addCalendarDays(q.end, 1);
  }
  return out;
}

/** class_group.level_band: 001 Bijlage 5 item 4 a–g. */
export const LevelBands = ['fastAlfa', 'a0a1', 'a1a2', 'a2b1', 'z', 'exam', 'map'] as const;
export type LevelBand = (typeof LevelBands)[number];

/** A referral's membership of a group (group_member joined to class_group.level_band). */
export interface GroupMembershipFact {
  groupId: string;
  levelBand: LevelBand;
  referralId: string;
  from: IsoDate;
  /** Inclusive; null while still a member. */
  to: IsoDate | null;
}

/** A route change (route_event routeChanged), attributed to the referral it names. `to` null: the follow-up is unknown. */
export interface RouteChangeFact {
  referralId: string;
  on: IsoDate;
  from: Route;
  to: Route | null;
}

/** A participation-ladder record (participation_ladder_step). */
export interface LadderStepFact extends LadderRecord {
  referralId: string;
}

/** The contract data the quarterly figures read; a parsed Contract satisfies it. */
export interface ReportContract {
  municipalities: readonly { code: string; products: readonly string[] }[];
  products: readonly { code: string; kind: z.infer<typeof ProductKind> }[];
  versions: readonly ReportContractVersion[];
}

export interface ReportContractVersion {
  version: number;
  validFrom: IsoDate;
  validTo?: IsoDate | undefined;
  absenceProtocol?: { normPercent: number } | undefined;
  paymentSchedules?: readonly { product: string; items: readonly { trigger: { type: string; month?: number } }[] }[] | undefined;
}

/** R-CON-10: the version in force on a date, by the one lookup in src/domain/contract.ts. */
export function reportVersionOn(contract: Pick<ReportContract, 'versions'>, date: IsoDate): ReportContractVersion | undefined {
  return findVersionInForce(contract, date);
}
