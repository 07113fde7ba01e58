// What Koers knows about a participant's progress, gathered once for the overview, the pre-filled
// report and the PDF: hours (R-HRS-1), attendance (R-ATT-3), levels (R-LVL-1), and the status with its
// forecast and reasons (R-HRS-5, R-BYD-1) — the pure rule of src/domain/progress-status.ts over facts.
import { attendanceRate } from '../../domain/attendance.js';
import { addMonths } from '../../domain/calendar.js';
import { forecastRulesOf, type IsoDate } from '../../domain/contract.js';
import { DEFAULT_MILESTONE_HOURS } from '../../domain/forecast.js';
import { hourKindOf, routeHourNorm, type HoursEntry } from '../../domain/hours.js';
import { CefrLevels, isCefrLevel, Skills, type CefrLevel, type LevelProfile, type Skill } from '../../domain/levels.js';
import { applyOverride, assessProgress, progressRuleOptionsOf, weeklyHours, type OverriddenAssessment } from '../../domain/progress-status.js';
import { versionOf, type ContractRegistry } from '../../platform/contracts.js';
import type { Queryable } from '../../platform/db.js';
import { unsafeAttendanceFacts } from '../groups/store.js';
import { unsafeHourFacts } from '../hours/store.js';
import { currentLevels, latestOverride, type LevelRow, type ParticipantFile, type ReferralRef } from './store.js';

// The pace's weeks, the attendance months, the margin, the skill gap, the norm and the milestones are
// the governing contract version's (forecastRulesOf, absenceProtocol, progress; issue #10).

export interface ProgressFacts {
  hoursMade: number;
  nt2LessonHours: number;
  /** Hours per kind (R-HRS-1), one decimal. */
  hoursByKind: Record<string, number>;
  targetHours: number;
  milestoneHours: readonly number[];
  attendance: { percentage: number | null; from: IsoDate; to: IsoDate; reasons: Record<string, number> };
  levels: LevelRow[];
  profile: LevelProfile | null;
  assessment: OverriddenAssessment;
  override: { status: string | null; reason: string; setByName: string; setAt: string } | null;
}

/** The profile of the four skills when each has a target; the others are not yet known. */
function profileOf(levels: readonly LevelRow[]): LevelProfile | null {
  const by = new Map(levels.map((l) => [l.skill, l]));
  const entries: [Skill, { target: CefrLevel; current: CefrLevel | null }][] = [];
  for (const skill of Skills) {
    const row = by.get(skill);
    if (row === undefined || !isCefrLevel(row.target)) return null;
    entries.push([skill, { target: row.target, current: isCefrLevel(row.current) ? row.current : null }]);
  }
  return Object.fromEntries(entries) as unknown as LevelProfile;
}

export async function progressFacts(q: Queryable, contracts: ContractRegistry, file: ParticipantFile, referral: ReferralRef | undefined, today: IsoDate): Promise<ProgressFacts> {
  const hourFacts = await unsafeHourFacts(q, file.id);
  const entries: HoursEntry[] = hourFacts.map((f) => ({ date: f.date, kind: hourKindOf(f.kind), minutes: f.minutes, startClass: f.startClass }));
  const minutes = entries.reduce((n, e) => n + e.minutes, 0);
  const nt2 = entries.filter((e) => e.kind === 'language').reduce((n, e) => n + e.minutes, 0);
  const version = versionOf(contracts, referral);
  const milestoneHours = version?.progress?.milestoneHours ?? DEFAULT_MILESTONE_HOURS;
  const rules = forecastRulesOf(version);
  const targetHours = routeHourNorm(file.route);

  const from = addMonths(today, -rules.attendanceMonths);
  const attendanceFacts = await unsafeAttendanceFacts(q, file.id);
  const rate = attendanceRate(attendanceFacts, from, today);
  const reasons: Record<string, number> = {};
  for (const f of attendanceFacts) {
    if (f.date < from || f.date > today || f.present || f.cancelledByProvider) continue;
    const key = f.reason ?? (f.calledIn ? 'other' : 'noShow');
    reasons[key] = (reasons[key] ?? 0) + 1;
  }

  const levels = await currentLevels(q, file.id);
  const profile = profileOf(levels);
  const computed = assessProgress({
    today,
    termEndsOn: file.termEndsOn,
    hoursMade: minutes / 60,
    targetHours,
    milestoneHours,
    recentWeeklyHours: weeklyHours(entries, today, rules.paceWeeks),
    attendanceRate: rate.percentage === null ? null : rate.percentage / 100,
    levels: profile,
    // R-BYD-1: before the route starts nothing lags; no referral yet is no start either. A start class
    // (R-REF-4) counts through its hours: hours made mean started (see assessProgress).
    startedOn: referral?.startedOn ?? null,
  }, progressRuleOptionsOf(version));
  const o = await latestOverride(q, file.id);
  // An override with status null withdraws the earlier one: the rule's status holds again.
  const assessment = applyOverride(computed, o === undefined || o.status === null ? null : { status: o.status, reason: o.reason });
  const byKind: Record<string, number> = {};
  for (const e of entries) byKind[e.kind] = (byKind[e.kind] ?? 0) + e.minutes;
  return {
    hoursByKind: Object.fromEntries(Object.entries(byKind).map(([k, m]) => [k, Math.round(m / 6) / 10])),
    hoursMade: minutes / 60,
    nt2LessonHours: nt2 / 60,
    targetHours,
    milestoneHours,
    attendance: { percentage: rate.percentage, from, to: today, reasons },
    levels,
    profile,
    assessment,
    override: o === undefined ? null : { status: o.status, reason: o.reason, setByName: o.setByName, setAt: new Date(o.setAt).toISOString() },
  };
}

export const LEVELS = CefrLevels;
