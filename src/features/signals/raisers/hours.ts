// Hours and progress-report signals (R-HRS-1, R-HRS-2, R-HRS-3): after attendance or hours change, in
// the same transaction, the pure rules of src/domain/hours.ts run over the participant's attended
// minutes under the progress rules of the contract version its referral was made under (R-CON-10).
// Each (cause, participant, period) is a signal once: the identity makes every later run a no-op. The
// facts are loaded by their owner, the hours feature (hoursFactsOf in src/features/hours/store.ts).
import type { ContractVersion, IsoDate } from '../../../domain/contract.js';
import { computeDeadline } from '../../../domain/deadline.js';
import { hourKindOf, milestonesReached, reportCadenceStart, reportMoments, type HoursEntry } from '../../../domain/hours.js';
import type { Queryable } from '../../../platform/db.js';
import { raiseSignals, type NewSignal } from '../store.js';
import type { SignalPlacement } from './absence.js';

export interface HoursFacts {
  participantId: string;
  placement: SignalPlacement & { startedOn: IsoDate | null; referredOn: IsoDate };
  /** The governing contract version; one without progress rules configures no hours signals. */
  version: ContractVersion | undefined;
  /** Attended minutes of lessons that took place and hours a provider's own system registered (R-EXC-1), by date. */
  facts: readonly { date: IsoDate; kind: string; minutes: number; startClass: boolean }[];
}

/** The progress test/report signals the participant's hours and calendar call for (none without progress rules). */
export function hoursSignalsOf(input: HoursFacts | undefined, today: IsoDate): NewSignal[] {
  const version = input?.version;
  const progress = version?.progress;
  const deadline = version?.deadlines.progressReport;
  if (input === undefined || version === undefined || progress === undefined || deadline === undefined) return [];
  const { participantId, placement, facts } = input;
  const found: { cause: 'progress.testDue' | 'progress.reportDue'; period: string; due: IsoDate }[] = [];

  // R-HRS-2 (000 §4.4): at 200, 400 and 600 attended hours a progress test, and its report within two weeks.
  if (progress.milestoneHours !== undefined && progress.milestoneHours.length > 0) {
    const entries: HoursEntry[] = facts.map((f) => ({ date: f.date, kind: hourKindOf(f.kind), minutes: f.minutes, startClass: f.startClass }));
    for (const m of milestonesReached(entries, progress.milestoneHours)) {
      found.push({ cause: 'progress.testDue', period: `h${m.milestoneHours}`, due: computeDeadline(m.reachedOn, deadline, version.holidayCalendar) });
    }
  }

  // R-HRS-3: a report on a calendar cadence from the start of the route (001 §2.3.1 every three months,
  // 002 eis 19 every half year); the start is the referral's, or the first lesson while it is unset,
  // never before the referral date (reportCadenceStart says why).
  const startedOn = reportCadenceStart(placement.referredOn, placement.startedOn, facts[0]?.date);
  if (progress.reportEveryMonths !== undefined && startedOn !== undefined) {
    for (const moment of reportMoments(startedOn, progress.reportEveryMonths, today)) {
      found.push({ cause: 'progress.reportDue', period: moment, due: computeDeadline(moment, deadline, version.holidayCalendar) });
    }
  }

  const subject = { type: 'participant', id: participantId } as const;
  const signals: NewSignal[] = found.map((s) => ({
    cause: s.cause,
    subject,
    period: s.period,
    addressee: 'provider',
    dueDate: s.due,
    municipalityId: placement.municipalityId,
    providerId: placement.providerId,
    participantId,
    productCode: placement.productCode,
  }));
  return signals;
}

/** Raises the progress test/report signals the participant's hours and calendar call for; returns how many are new. */
export async function raiseHoursSignals(tx: Queryable, input: HoursFacts | undefined, today: IsoDate): Promise<number> {
  return raiseSignals(tx, hoursSignalsOf(input, today), today);
}

/**
 * Issue #16: raiseHoursSignals for all participants of an import, in one statement, on the facts
 * hoursWindowFactsOf (src/features/hours/store.ts) read; a milestone signalled already is left out, as
 * those facts do not date it. Returns how many are new.
 */
export async function raiseHoursSignalsForMany(tx: Queryable, inputs: readonly HoursFacts[], signalled: ReadonlyMap<string, ReadonlySet<string>>, today: IsoDate): Promise<number> {
  const signals = inputs.flatMap((i) => hoursSignalsOf(i, today).filter((s) => !(s.cause === 'progress.testDue' && (signalled.get(i.participantId)?.has(s.period) ?? false))));
  return raiseSignals(tx, signals, today);
}
