// The items of 001 Bijlage 5 as the MI page shows them (the one table of them: src/domain/reports/mi-items.ts),
// read from the answer of GET /api/v1/reports/quarterly-mi.
import { miItemsFor, valueAt } from '../../../../domain/reports/mi-items';
import type { MiFigures } from '../../../api/managementInfo';

/** A figure as the page reads it: "niet getoond" when hidden (R-MI-6), "n.v.t." when it does not apply. */
export function miText(f: MiFigures | undefined, path: string): string {
  if (f === undefined) return 'n.v.t.';
  if (f.hidden?.includes(path) === true) return 'niet getoond';
  const v = valueAt(f, path);
  return v === null ? 'n.v.t.' : v.toLocaleString('nl-NL', { maximumFractionDigits: 1 });
}

/** Item 16 only for a product that has the ladder (not a language product). */
export const rowsFor = (quarters: readonly MiFigures[]) => miItemsFor(quarters);
