// Issue #13: a window of days split into the whole calendar months a month read model can answer and
// the days at either end that do not fill a month (read from the raw facts instead). Pure.
import { addCalendarDays, addMonths } from './calendar.js';
import type { IsoDate } from './iso-date.js';

export interface MonthSplit {
  /** The first days of the first and the last whole month inside the window; absent when none is. */
  months?: { from: IsoDate; to: IsoDate };
  /** The days outside the whole months, as inclusive ranges (none, one or two). */
  days: { from: IsoDate; to: IsoDate }[];
}

const firstOfMonth = (d: IsoDate): IsoDate => `${d.slice(0, 7)}-01`;

/** Splits [from, to] (inclusive); an empty window (from after to) has no months and no days. */
export function splitByMonths(from: IsoDate, to: IsoDate): MonthSplit {
  if (from > to) return { days: [] };
  const first = from.endsWith('-01') ? from : addMonths(firstOfMonth(from), 1);
  // The last whole month ends on or before `to`.
  const afterTo = addCalendarDays(to, 1);
  const last = afterTo.endsWith('-01') ? firstOfMonth(to) : addMonths(firstOfMonth(to), -1);
  if (first > last) return { days: [{ from, to }] };
  const days: { from: IsoDate; to: IsoDate }[] = [];
  if (from < first) days.push({ from, to: addCalendarDays(first, -1) });
  const lastEnd = addCalendarDays(addMonths(last, 1), -1);
  if (lastEnd < to) days.push({ from: addCalendarDays(lastEnd, 1), to });
  return { months: { from: first, to: last }, days };
}
