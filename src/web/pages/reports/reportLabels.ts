// Dutch names of a report instance's status (issue #13, R-MI-6) and the cells of a report document.
import type { InstanceStatus, ReportDoc } from '../../api/reportInstances';

export const STATUS_LABELS: Record<InstanceStatus, string> = {
  due: 'Nog in te dienen',
  late: 'Te laat',
  submitted: 'Ingediend',
  submittedLate: 'Te laat ingediend',
};

type Cell = NonNullable<NonNullable<ReportDoc['sections'][number]['table']>['rows'][number][number]> | null;

/** A cell as the page shows it: a number in Dutch notation, "n.v.t." for not applicable, "niet getoond" for a suppressed count. */
export function cellText(cell: Cell | undefined, decimals?: number | null, percent?: boolean): string {
  if (cell === null || cell === undefined) return 'n.v.t.';
  if (typeof cell === 'object') return 'niet getoond';
  if (typeof cell === 'string') return cell;
  const value = percent ? cell * 100 : cell;
  const whole = Number.isInteger(value) && !percent;
  const text = value.toLocaleString('nl-NL', whole ? { maximumFractionDigits: 0 } : { minimumFractionDigits: decimals ?? 1, maximumFractionDigits: decimals ?? 1 });
  return percent ? `${text}%` : text;
}
