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
 * A clock whose date is fixed (tests) or shifted (demo: "step a week ahead"). Time of day keeps
 * running so timestamps stay ordered.
 */
export class SettableClock implements Clock {
  private offsetMs = 0;
  constructor(date?: IsoDate) {
    if (date !== undefined) this.setToday(date);
  }
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  today(): IsoDate {
    return toAmsterdamDate(this.now());
  }
  /** Moves the clock so today() is the given date, keeping the current time of day (noon if unsure). */
  setToday(date: IsoDate): void {
    const target = new Date(`${date}T12:00:00Z`).getTime();
    const real = new Date(`${toAmsterdamDate(new Date())}T12:00:00Z`).getTime();
    this.offsetMs = target - real;
  }
}
