// The participant-level ladder's list (issue #14, R-ESC-1): the route answers every case in one's room at
// once (a handful per municipality), so searching, sorting and paging happen here, pure and unit-tested.
import type { EscalationItem, LadderStep } from '../../api/participantEscalation';

/** The Dutch step names, in 000 §5's words (as src/domain/escalation/participant-ladder.ts STEP_NL). */
export const STEP_NAME: Record<LadderStep, string> = {
  signalAndAlignment: 'Signalering en afstemming',
  improvementPlan: 'Verbeterplan met wekelijkse monitoring',
  localManagement: 'Overleg op lokaal management- of beleidsniveau',
  contractManager: 'Contractmanager ingeschakeld',
};
const STEP_ORDER = Object.keys(STEP_NAME) as LadderStep[];

export const ESCALATION_SORTS = ['-lastStepOn', 'lastStepOn', 'case', '-case', 'step', '-step'] as const;
export type EscalationSort = (typeof ESCALATION_SORTS)[number];

/** The case's name on screen: the person for the municipality and provider, the pseudonym for the contract manager. */
export const caseLabel = (c: Pick<EscalationItem, 'person' | 'pseudonym'>): string => c.person?.name ?? c.pseudonym;
export const lastStep = (c: Pick<EscalationItem, 'steps'>) => c.steps.at(-1);
export const openCheckIns = (c: Pick<EscalationItem, 'checkIns'>) => c.checkIns.filter((k) => k.heldOn === null);

function compareBy(sort: EscalationSort): (a: EscalationItem, b: EscalationItem) => number {
  const key = sort.replace(/^-/, '');
  const sign = sort.startsWith('-') ? -1 : 1;
  const value = (c: EscalationItem): string | number => {
    if (key === 'case') return caseLabel(c).toLocaleLowerCase('nl');
    if (key === 'step') return STEP_ORDER.indexOf(lastStep(c)?.step ?? 'signalAndAlignment');
    return lastStep(c)?.decidedOn ?? '';
  };
  return (a, b) => {
    const x = value(a);
    const y = value(b);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'nl');
    // Ties in a fixed order (the pseudonym is unique), so a page never shows a case twice.
    return sign * order || a.pseudonym.localeCompare(b.pseudonym);
  };
}

/** The cases whose name, pseudonym or provider holds the search, in the order asked for, and the page's slice. */
export function escalationPage(items: readonly EscalationItem[], q: string, sort: EscalationSort, page: number, pageSize: number) {
  const needle = q.trim().toLocaleLowerCase('nl');
  const found = items.filter((c) => needle === '' || [caseLabel(c), c.pseudonym, c.providerCode].some((s) => s.toLocaleLowerCase('nl').includes(needle)));
  const sorted = [...found].sort(compareBy(sort));
  return { total: sorted.length, rows: sorted.slice((page - 1) * pageSize, page * pageSize) };
}
