// R-ESC-1 (issue #14): the participant-level ladder's list — search, sort and page, as every Koers list
// (the shared list features). Pure: the service hands it the cases of the actor's room as shown to that
// actor, so the contract manager's search sees only the pseudonym, never a name the answer leaves out.
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

function compareBy(sort: EscalationSort): (a: ListedCase, b: ListedCase) => number {
  const key = sort.replace(/^-/, '');
  const sign = sort.startsWith('-') ? -1 : 1;
  const value = (c: ListedCase): string | number => {
    if (key === 'case') return label(c).toLocaleLowerCase('nl');
    if (key === 'step') return ParticipantSteps.indexOf(c.steps.at(-1)?.step ?? 'signalAndAlignment');
    return c.steps.at(-1)?.decidedOn ?? '';
  };
  return (a, b) => {
    const x = value(a);
    const y = value(b);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'nl');
    // Ties in a fixed order (the pseudonym is unique), so a page never shows a case twice.
    return sign * order || a.pseudonym.localeCompare(b.pseudonym);
  };
}

/** The cases whose name (where shown), pseudonym or provider holds the search, in the order asked for. */
export function searchAndSort<C extends ListedCase>(cases: readonly C[], q: string | undefined, sort: EscalationSort): C[] {
  const needle = (q ?? '').trim().toLocaleLowerCase('nl');
  const found = cases.filter((c) => needle === '' || [label(c), c.pseudonym, c.providerCode].some((s) => s.toLocaleLowerCase('nl').includes(needle)));
  return [...found].sort(compareBy(sort));
}
