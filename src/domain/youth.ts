// R-PAR-4 (004 §4.5): participants under 27 form a segment that lists and reports can select. 004 lines
// 286 and 358: Rijk van Nijmegen splits its offer "in groepen boven en onder de 27 jaar".
// Which date counts: the reference date the caller gives (a list's `referenceDate`, later a report's
// period end); a list without one judges on today (the injected clock), so the segment of a list and of
// its export agree on the same day.
// A birthday on 29 February falls on 1 March in a year without one: the age is counted by month and day
// (a person is 27 once (month, day) of the date reaches (month, day) of the birth), which is the common
// Dutch reading and what the municipalities' own systems do.
import type { IsoDate } from './contract.js';

export const YOUTH_AGE_LIMIT = 27;

/** Whole years of age on a date; a date before the birth date is an error, not age −1. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  if (on < birthDate) throw new RangeError(`${on} lies before the birth date`);
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/**
 * The birth dates of the segment on a date, as a text bound: under 27 ⇔ the birth date (YYYY-MM-DD) is
 * greater than the bound. The bound is the date 27 years earlier and may be no real date (1999-02-29):
 * it is compared as text, in SQL too, so no calendar clamps it to 28 February.
 */
export function youthBornAfter(on: IsoDate, limit = YOUTH_AGE_LIMIT): string {
  const year = String(Number(on.slice(0, 4)) - limit).padStart(4, '0');
  return `${year}${on.slice(4)}`;
}

/** R-PAR-4: whether someone born on birthDate is under 27 on the reference date. */
export function isYouth(birthDate: IsoDate, on: IsoDate): boolean {
  return birthDate > youthBornAfter(on);
}
