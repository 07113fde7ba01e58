// One clock (ARCHITECTURE §2.5). Domain dates are calendar dates in Europe/Amsterdam; timestamps UTC.
// Tests and the demo set the date; nothing else reads the system time for business decisions.
import type { IsoDate } from '../domain/contract.js';

export interface Clock {
  now(): Date;
  today(): IsoDate;
}

const amsterdamDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

export function toAmsterdamDate(instant: Date): IsoDate {
  return amsterdamDate.format(instant);
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => toAmsterdamDate(new Date()),
};

/**
 * Real time, for what must not move with the settable clock: sessions, login throttling, audit times,
 * the outbox, temporary files (docs/architecture.md: "Sessions and audit times use real time"). Named
 * so a reader sees the choice; `new Date()` and `Date.now()` are forbidden by lint in domain and features,
 * where business timestamps come from the injected `clock`.
 */
export function realNow(): Date {
  return systemClock.now();
}

/**
 * A clock whose date is fixed (tests) or shifted (demo: "step a week ahead"). Time keeps running from
 * noon of the date set, so timestamps stay ordered and the date is the one set for the next eleven
 * hours, whatever the real time of day or the daylight-saving difference between now and that date.
 * (Keeping the real time of day instead made today() the next day when a test ran after 22:00 UTC and
 * set a summer date: 22:30 UTC is 00:30 in Amsterdam in June.)
 */
export class SettableClock implements Clock {
  private baseMs = Date.now();
  private setAtMs = Date.now();
  constructor(date?: IsoDate) {
    if (date !== undefined) this.setToday(date);
  }
  now(): Date {
    return new Date(this.baseMs + (Date.now() - this.setAtMs));
  }
  today(): IsoDate {
    return toAmsterdamDate(this.now());
  }
  /** Moves the clock to noon (UTC, so 13:00 or 14:00 in Amsterdam) of the given date; it runs on from there. */
  setToday(date: IsoDate): void {
    this.baseMs = new Date(`${date}T12:00:00Z`).getTime();
    this.setAtMs = Date.now();
  }
}
