// Working days and date arithmetic (R-CON-4). Pure: no clock reads, no I/O. Dates are 'YYYY-MM-DD'
// strings; arithmetic runs on whole UTC day numbers, so daylight-saving changes and the process time
// zone can never shift a date by one.
import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import type { HolidayCalendar, IsoDate } from './contract.js';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 (UTC). Throws RangeError on anything that is not a real calendar date. */
function toDayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  // The round trip rejects 2026-02-30 (Date.UTC would roll it over to March) and years below 100
  // (Date.UTC maps them to 19xx). The value is not echoed: a date can be a date of birth.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError('expected a real calendar date as YYYY-MM-DD');
  }
  return ms / MS_PER_DAY;
}

function fromDayNumber(day: number): IsoDate {
  const iso = new Date(day * MS_PER_DAY).toISOString();
  // Beyond year 9999 toISOString switches to '+010000-…', which is no IsoDate.
  if (!ISO_DATE.test(iso.slice(0, 10))) throw new RangeError('date out of range (years 0100-9999)');
  return iso.slice(0, 10);
}

function requireInteger(n: number, name: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${name} must be an integer`);
}

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO day 4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** Negative, zero or positive like a comparator for Array.prototype.sort. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const da = toDayNumber(a);
  const db = toDayNumber(b);
  return da < db ? -1 : da > db ? 1 : 0;
}

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'n');
  return fromDayNumber(toDayNumber(date) + n);
}

export function addWeeks(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'n');
  return addCalendarDays(date, 7 * n);
}

/**
 * Same day-of-month n months later, clamped to the month's last day (2026-01-31 + 1 = 2026-02-28):
 * a deadline "within a month" must not spill into the month after.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'n');
  const d = new Date(toDayNumber(date) * MS_PER_DAY);
  const monthIndex = d.getUTCFullYear() * 12 + d.getUTCMonth() + n;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d.getUTCDate(), lastDay);
  const iso = `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  toDayNumber(iso); // validates the range (years 0100-9999)
  return iso;
}

// --- Holidays (R-CON-4) -------------------------------------------------------------------------

let nlHolidays: Holidays | undefined;

// Issue #16: date-holidays (every country's rules, ~100 modules with astronomia) took ~190 ms to import at
// every start; it is loaded on the first date that needs a holiday, synchronously (its CommonJS build),
// because isWorkingDay is synchronous.
const require = createRequire(import.meta.url);
function newNlHolidays(): Holidays {
  // The CommonJS build exports the class itself (module.exports = Holidays), built from the same sources.
  const HolidaysClass = require('date-holidays') as typeof Holidays;
  return new HolidaysClass('NL');
}

// date-holidays' own NL public days for one year. Memoised: the library recomputes its rules on every
// call, and isWorkingDay runs inside day-by-day loops.
const fixedCache = new Map<number, readonly IsoDate[]>();
// The full set per year and calendar option combination (at most 6 per year).
const holidayCache = new Map<string, ReadonlySet<IsoDate>>();

function fixedPublicHolidays(year: number): readonly IsoDate[] {
  let days = fixedCache.get(year);
  if (days === undefined) {
    nlHolidays ??= newNlHolidays();
    // Only 'public': the library marks Good Friday and Liberation Day as 'school' and Oudejaarsavond as
    // 'bank'; the first two are contract options (added below), the last is a normal working day.
    // h.date is the local date in the Netherlands ('YYYY-MM-DD 00:00:00'), independent of the process
    // time zone. King's Day follows the law (27 April, Saturday 26 April when the 27th is a Sunday).
    days = nlHolidays
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => h.date.slice(0, 10));
    fixedCache.set(year, days);
  }
  return days;
}

/** Easter Sunday (Gregorian; anonymous algorithm as given by Meeus), for Good Friday. */
function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function holidaySet(year: number, cal: HolidayCalendar): ReadonlySet<IsoDate> {
  const key = `${year}|${cal.goodFriday}|${cal.liberationDay}`;
  let set = holidayCache.get(key);
  if (set === undefined) {
    const days = new Set(fixedPublicHolidays(year));
    // R-CON-4: Good Friday and Liberation Day count only where the contract says so.
    if (cal.goodFriday) days.add(addCalendarDays(easterSunday(year), -2));
    if (cal.liberationDay === 'always' || (cal.liberationDay === 'lustrum' && year % 5 === 0)) {
      days.add(`${String(year).padStart(4, '0')}-05-05`);
    }
    set = days;
    holidayCache.set(key, set);
  }
  return set;
}

/**
 * The public holidays of a year under a contract's calendar, sorted. Includes the ones that always fall
 * on a Sunday (Easter Sunday, Whit Sunday): they are holidays, they just never cost a working day.
 */
export function publicHolidays(year: number, cal: HolidayCalendar): IsoDate[] {
  requireInteger(year, 'year');
  if (year < 100 || year > 9999) throw new RangeError('year out of range (0100-9999)');
  return [...holidaySet(year, cal)].sort();
}

/** R-CON-4: Monday to Friday minus the contract calendar's public holidays. */
export function isWorkingDay(date: IsoDate, cal: HolidayCalendar): boolean {
  if (dayOfWeek(date) > 5) return false;
  return !holidaySet(Number(date.slice(0, 4)), cal).has(date);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate, cal: HolidayCalendar): IsoDate {
  let day = addCalendarDays(date, 1);
  // Terminates: no stretch of non-working days is longer than a few days.
  while (!isWorkingDay(day, cal)) day = addCalendarDays(day, 1);
  return day;
}

/** R-CON-4: `date` itself when it is a working day, otherwise the next working day. */
export function onOrAfterWorkingDay(date: IsoDate, cal: HolidayCalendar): IsoDate {
  return isWorkingDay(date, cal) ? date : nextWorkingDay(date, cal);
}

/**
 * The n-th working day after `date`; the count starts the day after (the day of the referral itself does
 * not count, 001 §1.1 "binnen vijf werkdagen"). n = 0 returns `date` unchanged, even on a weekend.
 */
export function addWorkingDays(date: IsoDate, n: number, cal: HolidayCalendar): IsoDate {
  requireInteger(n, 'n');
  if (n < 0) throw new RangeError('n must be zero or more');
  let day = date;
  toDayNumber(day); // validate even when n = 0
  for (let i = 0; i < n; i++) day = nextWorkingDay(day, cal);
  return day;
}

/**
 * The number of working days in (from, to]: how many working days have passed since `from` by the end
 * of `to`. Zero when `to` is not after `from`, since the interval is then empty.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, cal: HolidayCalendar): number {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  let count = 0;
  for (let d = start + 1; d <= end; d++) {
    if (isWorkingDay(fromDayNumber(d), cal)) count++;
  }
  return count;
}
