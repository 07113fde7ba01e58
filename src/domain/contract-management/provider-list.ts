// R-ESC-2 (issue #14): the contract-level ladder's list of providers — search, sort and page as every Koers
// list (the shared list features). Pure: the service hands it the providers as the overview shows them.
import { orderBy } from '../list-order.js';

export const LadderSorts = ['provider', '-provider', 'step', '-step', '-lastStepOn', 'lastStepOn'] as const;
export type LadderSort = (typeof LadderSorts)[number];

export interface ListedProvider {
  provider: string;
  name: string;
  steps: readonly { position: number; decidedOn: string }[];
}

// Ties by the provider's code (unique).
const compareBy = (sort: LadderSort) =>
  orderBy<ListedProvider>(sort, (p, key) => (key === 'provider' ? p.name.toLocaleLowerCase('nl') : key === 'step' ? (p.steps.at(-1)?.position ?? 0) : (p.steps.at(-1)?.decidedOn ?? '')), (p) => p.provider);

/** The providers whose name or code holds the search, in the order asked for. */
export function searchAndSortProviders<P extends ListedProvider>(providers: readonly P[], q: string | undefined, sort: LadderSort): P[] {
  const needle = (q ?? '').trim().toLocaleLowerCase('nl');
  return providers.filter((p) => needle === '' || `${p.name} ${p.provider}`.toLocaleLowerCase('nl').includes(needle)).sort(compareBy(sort));
}
