// Dates that cannot be (issue #10 item 4): one rule for every date a user types in for a fact.
//
// Two kinds of date, one rule each:
// - A date of something that happened (intake held or missed, a start, a progress test taken, a route
//   event: R-REF-2, R-HRS-2, R-RTE-1, R-RTE-3, R-END-1) may not lie after today, nor before the referral
//   it belongs to, nor, for a route event, before the inburgeringstermijn starts (R-RTE-1 counts its 18
//   months from that start).
// - A planned date (the intake invitation's moment, R-REF-2) may not lie before the referral, and not
//   more than PLANNED_MONTHS_AHEAD months after today: no source plans an intake that far ahead (001 §1.1
//   asks for it within weeks), so such a date is a typing error (2029 for 2026) and is refused, not
//   stored with a warning: a wrong intake date would drive the intake signal's due date.
// The caller puts the refusal on the field it came from (422, invalidParams name = the field).
import { addMonths, compareDates } from './calendar.js';
import type { IsoDate } from './contract.js';
import { formatDateNl } from './levels.js';

/** How far ahead a planned date may lie. */
export const PLANNED_MONTHS_AHEAD = 6;

export type FactDateCode = 'inFuture' | 'beforeReferral' | 'beforeTerm' | 'tooFarAhead';
export interface FactDateRefusal {
  code: FactDateCode;
  /** Plain Dutch, for the field. */
  reason: string;
}

export interface FactDateBounds {
  today: IsoDate;
  /** The referral the fact belongs to, when there is one. */
  referredOn?: IsoDate | null;
  /** The start of the inburgeringstermijn, for route events. */
  termStartsOn?: IsoDate | null;
}

function notBefore(on: IsoDate, bounds: FactDateBounds): FactDateRefusal | null {
  if (bounds.termStartsOn != null && compareDates(on, bounds.termStartsOn) < 0) {
    return { code: 'beforeTerm', reason: `Deze datum ligt vóór het begin van de inburgeringstermijn (${formatDateNl(bounds.termStartsOn)}).` };
  }
  if (bounds.referredOn != null && compareDates(on, bounds.referredOn) < 0) {
    return { code: 'beforeReferral', reason: `Deze datum ligt vóór de aanmelding (${formatDateNl(bounds.referredOn)}).` };
  }
  return null;
}

/** A date of something that happened: not after today, not before the referral or the term. */
export function checkHappenedOn(on: IsoDate, bounds: FactDateBounds): FactDateRefusal | null {
  if (compareDates(on, bounds.today) > 0) return { code: 'inFuture', reason: 'Deze datum ligt in de toekomst; leg vast wat er gebeurd is.' };
  return notBefore(on, bounds);
}

/** A planned date: not before the referral, at most PLANNED_MONTHS_AHEAD months after today. */
export function checkPlannedOn(on: IsoDate, bounds: FactDateBounds): FactDateRefusal | null {
  const latest = addMonths(bounds.today, PLANNED_MONTHS_AHEAD);
  if (compareDates(on, latest) > 0) {
    return { code: 'tooFarAhead', reason: `Deze datum ligt meer dan ${PLANNED_MONTHS_AHEAD} maanden vooruit (na ${formatDateNl(latest)}). Kijk het jaartal na.` };
  }
  return notBefore(on, bounds);
}
