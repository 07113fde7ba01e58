// Absence signals (R-ATT-4, R-CON-7): after attendance changes, in the same transaction, the pure
// rules of src/domain/attendance.ts run over the participant's facts under the absence protocol of the
// contract version its referral was made under (R-CON-10). Each (cause, participant, period) is a
// signal once: the identity makes every later run a no-op. The facts are loaded by their owner, the
// groups feature (absenceFactsOf in src/features/groups/placement.ts).
import { absenceSignals, belowNormSignals, frequentAbsenceSignals, noShowSignals, type AbsenceSignal, type AttendanceFact, type MonthMinutes } from '../../../domain/attendance.js';
import type { AbsenceProtocol, IsoDate } from '../../../domain/contract.js';
import { addresseeOf } from '../../../domain/signal-cause.js';
import type { Queryable } from '../../../platform/db.js';
import { raiseSignals, resolveParticipantSignalsNotKept, resolveSignals, type NewSignal } from '../store.js';

/** Where a participant signal belongs: the latest placement's referral. */
export interface SignalPlacement {
  municipalityId: string;
  providerId: string;
  productCode: string;
}

export interface AbsenceFacts {
  participantId: string;
  placement: SignalPlacement;
  /** The protocol of the governing contract version; a contract without one configures no absence signals (R-CON-7). */
  protocol: AbsenceProtocol | undefined;
  facts: readonly AttendanceFact[];
}

/** Raises the absence signals the facts call for; returns how many are new. Nothing without a placement. */
export async function raiseAbsenceSignals(tx: Queryable, input: AbsenceFacts | undefined, today: IsoDate): Promise<number> {
  if (input?.protocol === undefined) return 0;
  const { participantId, placement } = input;
  const subject = { type: 'participant', id: participantId } as const;
  const found = absenceSignals(input.facts, input.protocol, today);
  // Issue #10: a below-norm month is judged once complete. A signal the facts no longer call for — one
  // raised on a month to date before that rule, or a month corrected to at or above the norm — is resolved.
  const belowNorm = found.filter((s) => s.cause === 'attendance.belowNorm').map((s) => ({ cause: s.cause, period: s.period }));
  await resolveSignals(tx, { subject, causes: ['attendance.belowNorm'], keep: belowNorm }, 'noLongerCalledFor', today);
  return raiseSignals(
    tx,
    found.map((s) => ({ cause: s.cause, subject, period: s.period, addressee: addresseeOf(s.cause), dueDate: s.on, participantId, ...placement })),
    today,
  );
}

/**
 * Issue #16: what the absence rules need of one participant of an import, read set-based by
 * absenceWindowFactsOf (src/features/groups/placement.ts) for the windows the import can change.
 */
export interface AbsenceWindowFacts {
  participantId: string;
  placement: SignalPlacement;
  protocol: AbsenceProtocol;
  /** The sums of every month with facts up to today: each complete one is judged against the norm. */
  months: MonthMinutes[];
  /** Months the import changed with at least absencesPerMonth absences, and the day of that absence. */
  frequent: { month: string; on: IsoDate }[];
  /** Every no-show without reason in date and session order, when the import added one; else none. */
  noShows: { date: IsoDate; sessionId: string }[];
  /** Runs of absences longer than longAbsenceDays that the changed rows can be part of: their first day, and the day the run passed the limit. */
  longAbsences: { start: IsoDate; on: IsoDate }[];
}

/**
 * raiseAbsenceSignals for all participants of an import at once: the same pure rules of
 * src/domain/attendance.ts on the facts read for the import's windows, the below-norm signals no
 * longer called for resolved in one statement, the signals raised in one. Returns how many are new.
 */
export async function raiseAbsenceSignalsForMany(tx: Queryable, inputs: readonly AbsenceWindowFacts[], today: IsoDate): Promise<number> {
  const signals: NewSignal[] = [];
  const keep: { subjectId: string; period: string }[] = [];
  for (const input of inputs) {
    const { participantId, placement, protocol } = input;
    const found: AbsenceSignal[] = [
      ...noShowSignals(input.noShows),
      ...input.frequent.flatMap((f) => frequentAbsenceSignals(f.month, f.on, protocol)),
      ...belowNormSignals(input.months, protocol, today),
      ...input.longAbsences.map((r) => ({ cause: 'absence.longerThanWeek' as const, period: r.start, on: r.on })),
    ];
    for (const s of found) {
      if (s.cause === 'attendance.belowNorm') keep.push({ subjectId: participantId, period: s.period });
      signals.push({ cause: s.cause, subject: { type: 'participant', id: participantId }, period: s.period, addressee: addresseeOf(s.cause), dueDate: s.on, participantId, ...placement });
    }
  }
  await resolveParticipantSignalsNotKept(tx, 'attendance.belowNorm', inputs.map((i) => i.participantId), keep, 'noLongerCalledFor', today);
  return raiseSignals(tx, signals, today);
}
