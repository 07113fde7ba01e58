// Levels per skill (R-LVL-1), pure. The four language skills each have their own target and current
// level on the CEFR scale A0 < A1 < A2 < B1 < B2: "sommige cursisten behalen bijvoorbeeld B1 voor
// spreken maar voor schrijven blijkt A2 voor hen het hoogst haalbare" (004 §1.1), and down-scaling is
// per skill (004 §1.2 "deelafschaling per vaardigheid"). KNM, MAP and PVT are not CEFR levels but
// components with a status.

export const Skills = ['reading', 'writing', 'listening', 'speaking'] as const;
export type Skill = (typeof Skills)[number];

/** Ordered from low to high: the index is the rank. */
export const CefrLevels = ['A0', 'A1', 'A2', 'B1', 'B2'] as const;
export type CefrLevel = (typeof CefrLevels)[number];

/** The components beside the four skills (R-LVL-1): KNM, MAP and PVT. */
export const Components = ['knm', 'map', 'pvt'] as const;
export type Component = (typeof Components)[number];

export const ComponentStatuses = ['notStarted', 'inProgress', 'passed', 'exempt'] as const;
export type ComponentStatus = (typeof ComponentStatuses)[number];

/** Dutch names of the skills, for sentences shown to users (GLOSSARY). */
export const skillNameNl: Record<Skill, string> = { reading: 'lezen', writing: 'schrijven', listening: 'luisteren', speaking: 'spreken' };

export function isCefrLevel(value: unknown): value is CefrLevel {
  return typeof value === 'string' && (CefrLevels as readonly string[]).includes(value);
}

/** 0 for A0 … 4 for B2. */
export function levelRank(level: CefrLevel): number {
  const rank = CefrLevels.indexOf(level);
  if (rank < 0) throw new RangeError('expected a CEFR level A0..B2');
  return rank;
}

/** A comparator: negative when `a` is lower than `b`, as for Array.prototype.sort. */
export function compareLevels(a: CefrLevel, b: CefrLevel): -1 | 0 | 1 {
  const d = levelRank(a) - levelRank(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

export function isAtLeast(level: CefrLevel, min: CefrLevel): boolean {
  return levelRank(level) >= levelRank(min);
}

export function isBelow(level: CefrLevel, other: CefrLevel): boolean {
  return levelRank(level) < levelRank(other);
}

/** A component (KNM, MAP, PVT) no longer needs work once it is passed or exempt. */
export function isComponentDone(status: ComponentStatus): boolean {
  return status === 'passed' || status === 'exempt';
}

export interface SkillLevel {
  /** The highest achievable level agreed for this skill (004 §1.1); B1 by default in the B1-route. */
  target: CefrLevel;
  /** The level of the latest test; null while the skill has not been tested. */
  current: CefrLevel | null;
}

/** R-LVL-1: target and current level per skill, kept apart per skill. */
export type LevelProfile = Readonly<Record<Skill, SkillLevel>>;

/** The same target for all four skills, nothing tested yet. */
export function uniformProfile(target: CefrLevel, current: CefrLevel | null = null): LevelProfile {
  return { reading: { target, current }, writing: { target, current }, listening: { target, current }, speaking: { target, current } };
}

/** A new profile with one skill's target changed (down- or up-scaling, R-LVL-3, R-LVL-4); the others stay. */
export function withTarget(profile: LevelProfile, skill: Skill, target: CefrLevel): LevelProfile {
  return { ...profile, [skill]: { ...profile[skill], target } };
}

/** A new profile with one skill's current level changed (a test result); the others stay. */
export function withCurrent(profile: LevelProfile, skill: Skill, current: CefrLevel | null): LevelProfile {
  return { ...profile, [skill]: { ...profile[skill], current } };
}

/**
 * Per skill, how many CEFR steps the current level lies below the target: 0 when the target is met
 * (or passed), null while the skill is untested.
 */
export function gapPerSkill(profile: LevelProfile): Record<Skill, number | null> {
  const out = {} as Record<Skill, number | null>;
  for (const skill of Skills) {
    const { target, current } = profile[skill];
    out[skill] = current === null ? null : Math.max(0, levelRank(target) - levelRank(current));
  }
  return out;
}

/** Every skill tested at or above its own target. */
export function meetsTargets(profile: LevelProfile): boolean {
  return Skills.every((s) => gapPerSkill(profile)[s] === 0);
}

/** The skills that were tested and are still below their target. */
export function skillsBelowTarget(profile: LevelProfile): Skill[] {
  const gaps = gapPerSkill(profile);
  return Skills.filter((s) => (gaps[s] ?? 0) > 0);
}

// --- Dutch wording shared by the level, scaling, progress and report rules ------------------------

const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** '2027-03-12' → '12 maart 2027'. */
export function formatDateNl(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS_NL[m - 1] ?? ''} ${y}`;
}

/** Hours with at most one decimal and a Dutch decimal comma: 9 → '9', 9.25 → '9,3'. */
export function formatHoursNl(hours: number): string {
  const rounded = Math.round(hours * 10) / 10;
  return String(rounded).replace('.', ',');
}
