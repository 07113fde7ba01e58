// "Eindgesprek MAP plannen" (R-MAP-1, 001 §3): when a participant's MAP is ready — all eight themes
// done and the practical part's 40 hours met — and no end conversation is planned or held, a signal to
// the municipality, which holds the conversation. Raised once per participant (period 'map'): the
// identity makes every rerun a no-op. Planning or holding the conversation answers it
// (src/features/map-end-conversation/service.ts). A theme set back after the signal leaves it open:
// the consultant was asked, and closes it (raised signals are facts, as for the 200-hour meeting).
import type { ContractVersion, IsoDate } from '../../../domain/contract.js';
import { computeDeadline } from '../../../domain/deadline.js';
import { endConversationToPlan } from '../../../domain/map-end-conversation.js';
import type { Queryable } from '../../../platform/db.js';
import { raiseSignals } from '../store.js';
import type { SignalPlacement } from './absence.js';

export interface MapEndFacts {
  participantId: string;
  /** The participant's MAP referral (the latest, when there are more). */
  placement: SignalPlacement;
  version: ContractVersion | undefined;
  readyForEndConversation: boolean;
  planned: boolean;
  held: boolean;
}

/** Raises the signal when the facts call for it; returns how many are new (0 or 1). */
export async function raiseMapEndConversationSignal(tx: Queryable, facts: MapEndFacts | undefined, today: IsoDate): Promise<number> {
  if (facts === undefined || !endConversationToPlan(facts)) return 0;
  const { participantId, placement, version } = facts;
  return raiseSignals(
    tx,
    [
      {
        cause: 'map.endConversationDue',
        subject: { type: 'participant', id: participantId },
        period: 'map',
        addressee: 'municipality',
        // Assumption (001 §3 names no term): planned within the contract's progress-report term, as the
        // 200-hour meeting is.
        dueDate: version?.deadlines.progressReport === undefined ? today : computeDeadline(today, version.deadlines.progressReport, version.holidayCalendar),
        municipalityId: placement.municipalityId,
        providerId: placement.providerId,
        participantId,
        productCode: placement.productCode,
      },
    ],
    today,
  );
}
