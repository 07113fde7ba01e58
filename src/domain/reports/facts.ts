// The smallest fact records the report computations need (issue #13). Plain data, already read from the
// registration (docs/reports.md names the table and column behind every field); a read model may hand
// them over pre-aggregated (attendance per month) as long as the figures stay the same.
import { findVersionInForce, type IsoDate, type ProductKind, type Route } from '../contract.js';
import type { LadderRecord } from '../participation.js';
import type { z } from 'zod';

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

/** Attendance of one referral in one calendar month (attendance × lesson via group_member), in minutes. */
export interface AttendanceMonthFact {
  referralId: string;
  /** 'YYYY-MM'. */
  month: string;
  /** Minutes scheduled in lessons not cancelled by the provider, make-up lessons excluded (attendanceRate). */
  offeredMinutes: number;
  /** Attended minutes, each lesson capped at its length, plus make-up up to the missed minutes (attendanceRate). */
  attendedMinutes: number;
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
