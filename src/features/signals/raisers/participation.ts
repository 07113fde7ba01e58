// The Z-route participation meeting (R-HRS-2, 001 §2.3.2: "Per 200 bestede uren vindt er een overleg
// ... plaats tussen de aanbieder en de gemeente"): after participation activities change, in the same
// transaction, the pure rule participationMeetingsDue runs over the hours of the participant's Z-route
// participation referrals. Each (cause, participant, multiple) is a signal once: the identity makes a
// rerun — or a correction that keeps the total above the multiple — a no-op. A correction that brings
// the total back below a multiple leaves the raised signal open: the meeting was called for, and the
// provider closes it (raised signals are facts, as for the hour milestones).
import type { ContractVersion, IsoDate } from '../../../domain/contract.js';
import { computeDeadline } from '../../../domain/deadline.js';
import { participationMeetingsDue, type ActivityHours } from '../../../domain/participation.js';
import type { Queryable } from '../../../platform/db.js';
import { raiseSignals, type NewSignal } from '../store.js';
import type { SignalPlacement } from './absence.js';

export interface ParticipationFacts {
  participantId: string;
  /** The Z-route participation referral the meeting is about (the latest, when there are more). */
  placement: SignalPlacement;
  version: ContractVersion | undefined;
  /** The activities registered under the participant's Z-route participation referrals. */
  activities: readonly ActivityHours[];
}

/** Raises the meetings the participation hours call for; returns how many are new. */
export async function raiseParticipationSignals(tx: Queryable, input: ParticipationFacts | undefined, today: IsoDate): Promise<number> {
  if (input === undefined) return 0;
  const { participantId, placement, version, activities } = input;
  const signals: NewSignal[] = participationMeetingsDue(activities).map((m) => ({
    cause: 'participation.meetingDue',
    subject: { type: 'participant', id: participantId },
    period: `h${m.n * 200}`,
    addressee: 'provider',
    // Assumption (001 §2.3.2 names no term): the talk is planned within the contract's progress-report
    // term from the day the hours were reached, as the report at an hour milestone is (000 §4.4).
    dueDate: version?.deadlines.progressReport === undefined ? m.reachedOn : computeDeadline(m.reachedOn, version.deadlines.progressReport, version.holidayCalendar),
    municipalityId: placement.municipalityId,
    providerId: placement.providerId,
    participantId,
    productCode: placement.productCode,
  }));
  return raiseSignals(tx, signals, today);
}
