// Absence signals (R-ATT-4, R-CON-7): after attendance changes, in the same transaction, the pure
// rules of src/domain/attendance.ts run over the participant's facts under the absence protocol of the
// contract version its referral was made under (R-CON-10). Each (cause, participant, period) is a
// signal once: the identity makes every later run a no-op. The facts are loaded by their owner, the
// groups feature (absenceFactsOf in src/features/groups/placement.ts).
import { absenceSignals, type AttendanceFact } from '../../../domain/attendance.js';
import type { AbsenceProtocol, IsoDate } from '../../../domain/contract.js';
import { addresseeOf } from '../../../domain/signal-cause.js';
import type { Queryable } from '../../../platform/db.js';
import { raiseSignals, resolveSignals } from '../store.js';

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
