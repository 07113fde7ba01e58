// Dates of the domain are calendar dates (YYYY-MM-DD) in Europe/Amsterdam; timestamps are UTC ISO
// strings. Dutch users read dates as dd-mm-jjjj (STYLE 21).

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** '2026-12-31' → '31-12-2026'. Anything else is returned unchanged, empty for null. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const match = ISO_DATE.exec(isoDate.slice(0, 10));
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return `${day}-${month}-${year}`;
}

const amsterdamParts = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(timestamp: string): Record<string, string> | undefined {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return undefined;
  const parts: Record<string, string> = {};
  for (const part of amsterdamParts.formatToParts(date)) parts[part.type] = part.value;
  return parts;
}

/** A UTC timestamp as the Amsterdam calendar date, dd-mm-jjjj. */
export function formatTimestampDate(timestamp: string | null | undefined): string {
  if (!timestamp) return '';
  const p = partsOf(timestamp);
  return p ? `${p.day}-${p.month}-${p.year}` : timestamp;
}

/** A UTC timestamp as 'dd-mm-jjjj uu:mm' in Amsterdam time. */
export function formatTimestamp(timestamp: string | null | undefined): string {
  if (!timestamp) return '';
  const p = partsOf(timestamp);
  return p ? `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}` : timestamp;
}

function toUtcDate(isoDate: string): Date {
  return new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
}

/** Calendar arithmetic on YYYY-MM-DD strings, free of the browser's time zone. */
export function addDays(isoDate: string, days: number): string {
  const date = toUtcDate(isoDate);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Sunday that ends the (Monday-first) week of the given date. */
export function endOfWeek(isoDate: string): string {
  const weekday = (toUtcDate(isoDate).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(isoDate, 6 - weekday);
}

export function isValidIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  // Month 13 makes an invalid Date, whose toISOString throws: that is not a date either.
  const date = toUtcDate(value);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
