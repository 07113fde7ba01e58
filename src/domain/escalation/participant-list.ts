// R-ESC-1 (issue #14): the participant-level ladder's list — search, sort and page, as every Koers list
// (the shared list features). Pure: the service hands it the cases of the actor's room as shown to that
// actor, so the contract manager's search sees only the pseudonym, never a name the answer leaves out.
import { orderBy } from '../list-order.js';
import { ParticipantSteps, type ParticipantStep } from './participant-ladder.js';

export const EscalationSorts = ['-lastStepOn', 'lastStepOn', 'case', '-case', 'step', '-step'] as const;
export type EscalationSort = (typeof EscalationSorts)[number];

export interface ListedCase {
  pseudonym: string;
  providerCode: string;
  /** The person's name where the actor sees it; null for the contract manager (the pseudonym instead). */
  name: string | null;
  steps: readonly { step: ParticipantStep; decidedOn: string }[];
}

const label = (c: ListedCase) => c.name ?? c.pseudonym;

// Ties by the pseudonym (unique).
const compareBy = (sort: EscalationSort) =>
  orderBy<ListedCase>(sort, (c, key) => (key === 'case' ? label(c).toLocaleLowerCase('nl') : key === 'step' ? ParticipantSteps.indexOf(c.steps.at(-1)?.step ?? 'signalAndAlignment') : (c.steps.at(-1)?.decidedOn ?? '')), (c) => c.pseudonym);

/** The cases whose name (where shown), pseudonym or provider holds the search, in the order asked for. */
export function searchAndSort<C extends ListedCase>(cases: readonly C[], q: string | undefined, sort: EscalationSort): C[] {
  const needle = (q ?? '').trim().toLocaleLowerCase('nl');
  const found = cases.filter((c) => needle === '' || [label(c), c.pseudonym, c.providerCode].some((s) => s.toLocaleLowerCase('nl').includes(needle)));
  return [...found].sort(compareBy(sort));
}
