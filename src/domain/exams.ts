// Exam attempts and the pass rate (R-LVL-2, R-LVL-5), pure.
//
// 002 eis 75: "De eerste twee examenpogingen worden door het Rijk bekostigd. De overige examenpogingen
// komen voor rekening van de inburgeraar of Opdrachtgever." 002 eis 74: the provider registers only when
// it expects a pass. 002 eis 44: "De inspanningsverplichting … voor het slagingspercentage ligt op 80%.
// Indien het slagingspercentage gedurende 3 maanden onder de 80% komt, maakt de Opdrachtnemer … een
// analyse over de oorzaken en een bijpassend plan van aanpak".
import type { ExamRules, IsoDate } from './contract.js';
import type { CefrLevel, Skill } from './levels.js';

/** The parts of the integration exam: the four skills and KNM (R-LVL-1, 002 eis 27e "per onderdeel"). */
export const ExamParts = ['reading', 'writing', 'listening', 'speaking', 'knm'] as const;
export type ExamPart = Skill | 'knm';

export const ExamResults = ['pending', 'passed', 'failed'] as const;
export type ExamResult = (typeof ExamResults)[number];

export interface ExamAttempt {
  id: string;
  part: ExamPart;
  takenOn: IsoDate;
  /** The level the part was taken at (A2 after down-scaling, B2 after up-scaling); null for KNM. */
  level: CefrLevel | null;
  result: ExamResult;
}

export interface NumberedAttempt extends ExamAttempt {
  /** 1 for the first attempt at this part, by date (ties keep the input order). */
  attemptNumber: number;
  /** R-LVL-2: the first two attempts per part are paid by the state (002 eis 75). */
  stateFunded: boolean;
}

/**
 * R-LVL-2: numbers the attempts per part by date and marks the first `stateFundedAttempts` (2) of each
 * part as state-funded. Returned in the input order. Attempts at another level of the same part count
 * towards the same part, and so do attempts from an earlier route (001 §2.3.5, see route-change.ts).
 */
// NOTE: the sources do not say whether a part retaken at another level (e.g. writing at A2 after
// down-scaling) starts a new count of two; Koers counts per part, whatever the level.
export function markStateFunded(attempts: readonly ExamAttempt[], rules: Pick<ExamRules, 'stateFundedAttempts'>): NumberedAttempt[] {
  const order = attempts.map((a, i) => ({ a, i })).sort((x, y) => x.a.takenOn.localeCompare(y.a.takenOn) || x.i - y.i);
  const seen = new Map<ExamPart, number>();
  const numbers = new Map<number, number>();
  for (const { a, i } of order) {
    const n = (seen.get(a.part) ?? 0) + 1;
    seen.set(a.part, n);
    numbers.set(i, n);
  }
  return attempts.map((a, i) => {
    const attemptNumber = numbers.get(i) ?? 0;
    return { ...a, attemptNumber, stateFunded: attemptNumber <= rules.stateFundedAttempts };
  });
}

/** How many state-funded attempts a part has left (never below zero). */
export function stateFundedAttemptsLeft(attempts: readonly ExamAttempt[], part: ExamPart, rules: Pick<ExamRules, 'stateFundedAttempts'>): number {
  return Math.max(0, rules.stateFundedAttempts - attempts.filter((a) => a.part === part).length);
}

export interface PassedPart {
  part: ExamPart;
  level: CefrLevel | null;
  passedOn: IsoDate;
}

/** The parts passed, each with its first pass (the earliest date; ties keep the input order). */
export function passedParts(attempts: readonly ExamAttempt[]): PassedPart[] {
  const out = new Map<ExamPart, PassedPart>();
  for (const a of attempts) {
    if (a.result !== 'passed') continue;
    const known = out.get(a.part);
    if (known === undefined || a.takenOn < known.passedOn) out.set(a.part, { part: a.part, level: a.level, passedOn: a.takenOn });
  }
  return ExamParts.flatMap((p) => {
    const x = out.get(p);
    return x === undefined ? [] : [x];
  });
}

export interface PassRate {
  passed: number;
  /** Attempts with a result (passed or failed) in the window; pending ones do not count. */
  decided: number;
  /** passed / decided; null when nothing was decided. */
  rate: number | null;
}

/** R-LVL-5: the share of decided attempts taken in [from, to] that passed. */
export function passRate(attempts: readonly ExamAttempt[], from: IsoDate, to: IsoDate): PassRate {
  const decided = attempts.filter((a) => a.takenOn >= from && a.takenOn <= to && a.result !== 'pending');
  const passed = decided.filter((a) => a.result === 'passed').length;
  return { passed, decided: decided.length, rate: decided.length === 0 ? null : passed / decided.length };
}

export interface MonthlyPassRate {
  /** 'YYYY-MM'. */
  month: string;
  /** 0..1; null in a month without decided attempts. */
  rate: number | null;
}

const monthIndex = (month: string): number => {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) throw new RangeError('expected a month as YYYY-MM');
  return Number(m[1]) * 12 + Number(m[2]) - 1;
};

/** The pass rate per calendar month from `fromMonth` to `toMonth` ('YYYY-MM', inclusive). */
export function monthlyPassRates(attempts: readonly ExamAttempt[], fromMonth: string, toMonth: string): MonthlyPassRate[] {
  const out: MonthlyPassRate[] = [];
  for (let i = monthIndex(fromMonth); i <= monthIndex(toMonth); i++) {
    const month = `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
    out.push({ month, rate: passRate(attempts, `${month}-01`, `${month}-31`).rate });
  }
  return out;
}

/** Per month (sorted), the length of the run of consecutive calendar months below the norm ending there. */
function belowNormRuns(monthly: readonly MonthlyPassRate[], norm: number): { month: string; run: number }[] {
  const sorted = [...monthly].sort((a, b) => monthIndex(a.month) - monthIndex(b.month));
  let run = 0;
  let previous: number | null = null;
  return sorted.map((m) => {
    const index = monthIndex(m.month);
    const below = m.rate !== null && m.rate < norm;
    run = below ? (previous !== null && index === previous + 1 ? run + 1 : 1) : 0;
    previous = index;
    return { month: m.month, run };
  });
}

/**
 * R-LVL-5 (002 eis 44): the months in which the pass rate has been below the norm (80%) for the
 * required number (3) of consecutive calendar months, once per run: the month the run reaches that
 * length. A month at or above the norm, a month without decided attempts, or a missing month breaks
 * the run. Below means strictly below: 79.9% counts, 80.0% does not.
 */
// NOTE: 002 eis 44 does not say how a month without exams counts; Koers treats it as no evidence, so it
// breaks the run rather than extending it.
export function passRateSignalMonths(monthly: readonly MonthlyPassRate[], rules: Pick<ExamRules, 'passRateNorm' | 'passRateMonths'>): string[] {
  return belowNormRuns(monthly, rules.passRateNorm)
    .filter((r) => r.run === rules.passRateMonths)
    .map((r) => r.month);
}

/**
 * R-LVL-5: true when the latest month closes a stretch of at least `passRateMonths` (3) consecutive
 * months below `passRateNorm` (80%): an analysis and plan of action are due.
 */
export function passRateSignal(monthly: readonly MonthlyPassRate[], rules: Pick<ExamRules, 'passRateNorm' | 'passRateMonths'>): boolean {
  const runs = belowNormRuns(monthly, rules.passRateNorm);
  const last = runs[runs.length - 1];
  return last !== undefined && last.run >= rules.passRateMonths;
}
