// Deadlines (R-CON-3) on the contract's working-day calendar (R-CON-4). Pure: the caller passes
// "today"; nothing here reads the clock.
import { addCalendarDays, addMonths, addWeeks, addWorkingDays, compareDates, onOrAfterWorkingDay } from './calendar.js';
import type { Deadline, HolidayCalendar, IsoDate } from './contract.js';

/**
 * The last day on which a step that started on `from` is still on time. R-CON-3 gives the amount and
 * unit; R-CON-4 moves a due date that falls on a weekend or public holiday to the next working day.
 */
export function computeDeadline(from: IsoDate, deadline: Pick<Deadline, 'amount' | 'unit'>, cal: HolidayCalendar): IsoDate {
  const { amount, unit } = deadline;
  let due: IsoDate;
  switch (unit) {
    case 'workingDays':
      due = addWorkingDays(from, amount, cal);
      break;
    case 'calendarDays':
      due = addCalendarDays(from, amount);
      break;
    case 'weeks':
      due = addWeeks(from, amount);
      break;
    case 'months':
      due = addMonths(from, amount);
      break;
  }
  // Also for working days: with amount 0 addWorkingDays returns `from` itself, which may be a Saturday.
  return onOrAfterWorkingDay(due, cal);
}

/** Overdue from the day after the due date: the due date itself is still on time. */
export function isOverdue(due: IsoDate, today: IsoDate): boolean {
  return compareDates(today, due) > 0;
}
