// The complaints register's rules (R-CM-3; 002 eis 36–37; 003 art. 13.6): when a complaint may be
// registered and how its handling may change. Pure: the service (src/features/complaints/service.ts)
// turns a refusal into a 422 with its Dutch reason.
import { compareDates } from '../calendar.js';
import type { IsoDate } from '../iso-date.js';

/** How a closed complaint ended. 'withdrawn': the complainant took it back; 'resolved': settled without a ruling. */
export const ComplaintOutcomes = ['upheld', 'partlyUpheld', 'notUpheld', 'withdrawn', 'resolved'] as const;
export type ComplaintOutcome = (typeof ComplaintOutcomes)[number];

export interface ComplaintHandling {
  handledBy: string | null;
  measures: string;
  closedOn: IsoDate | null;
  outcome: ComplaintOutcome | null;
}

export type Refusal = { field: string; reason: 'future' | 'beforeReceived' | 'alreadyClosed' | 'outcomeWithoutClose' | 'closeWithoutOutcome' | 'beforeReferral' };

/** A complaint received today or before; a participant's not before its referral (it is about that referral). */
export function registrationRefusal(receivedOn: IsoDate, today: IsoDate, referredOn: IsoDate | null): Refusal | null {
  if (compareDates(receivedOn, today) > 0) return { field: 'receivedOn', reason: 'future' };
  if (referredOn !== null && compareDates(receivedOn, referredOn) < 0) return { field: 'receivedOn', reason: 'beforeReferral' };
  return null;
}

/**
 * A new version of the handling. A closed complaint stays closed: its outcome is what the report counted
 * (assumption, docs/complaints.md — a complaint that comes back is a new complaint). Closing needs an
 * outcome and a date between receipt and today.
 */
export function handlingRefusal(current: ComplaintHandling, next: ComplaintHandling, receivedOn: IsoDate, today: IsoDate): Refusal | null {
  if (current.closedOn !== null) return { field: 'closedOn', reason: 'alreadyClosed' };
  if (next.closedOn === null && next.outcome !== null) return { field: 'closedOn', reason: 'outcomeWithoutClose' };
  if (next.closedOn !== null && next.outcome === null) return { field: 'outcome', reason: 'closeWithoutOutcome' };
  if (next.closedOn !== null) {
    if (compareDates(next.closedOn, today) > 0) return { field: 'closedOn', reason: 'future' };
    if (compareDates(next.closedOn, receivedOn) < 0) return { field: 'closedOn', reason: 'beforeReceived' };
  }
  return null;
}
