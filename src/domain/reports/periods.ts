// Calendar report periods (R-CON-8): months, quarters (January, April, July, October), half-years and
// years, both ends inclusive. Pure; no contract data, so every report computation can use it.
import { addCalendarDays, addMonths, compareDates } from '../calendar.js';
import type { IsoDate } from '../iso-date.js';
import type { ReportCadence } from './obligation-data.js';

/** A calendar period, both ends inclusive; `id` is 2027-Q1, 2027-H2, 2027-03 or 2027. */
export interface ReportPeriod {
  cadence: ReportCadence;
  id: string;
  start: IsoDate;
  end: IsoDate;
}

const MONTHS_PER: Record<ReportCadence, number> = { month: 1, quarter: 3, halfYear: 6, year: 12 };

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
export const lastDayOfMonth = (year: number, month: number): IsoDate => addCalendarDays(addMonths(`${pad(year, 4)}-${pad(month)}-01`, 1), -1);

function periodId(cadence: ReportCadence, year: number, firstMonth: number): string {
  switch (cadence) {
    case 'month':
      return `${pad(year, 4)}-${pad(firstMonth)}`;
    case 'quarter':
      return `${pad(year, 4)}-Q${(firstMonth + 2) / 3}`;
    case 'halfYear':
      return `${pad(year, 4)}-H${(firstMonth + 5) / 6}`;
    case 'year':
      return pad(year, 4);
  }
}

/** The calendar period of this cadence that holds the date (quarters start in January, April, July, October). */
export function periodContaining(cadence: ReportCadence, date: IsoDate): ReportPeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const size = MONTHS_PER[cadence];
  const firstMonth = Math.floor((month - 1) / size) * size + 1;
  const lastMonth = firstMonth + size - 1;
  return { cadence, id: periodId(cadence, year, firstMonth), start: `${pad(year, 4)}-${pad(firstMonth)}-01`, end: lastDayOfMonth(year, lastMonth) };
}

/** The periods of this cadence that end within [from, to], oldest first. */
export function periodsEndingWithin(cadence: ReportCadence, from: IsoDate, to: IsoDate): ReportPeriod[] {
  const out: ReportPeriod[] = [];
  for (let p = periodContaining(cadence, from); compareDates(p.end, to) <= 0; p = periodContaining(cadence, addCalendarDays(p.end, 1))) {
    if (compareDates(p.end, from) >= 0) out.push(p);
  }
  return out;
}
