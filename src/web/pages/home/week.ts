// The Monday-first week around a date, as the homes show it.
import { addDays, endOfWeek } from '../../lib/dates';

export function weekOf(today: string): { from: string; to: string } {
  const to = endOfWeek(today);
  return { from: addDays(to, -6), to };
}
