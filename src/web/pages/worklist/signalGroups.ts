// R-SIG-1: the work list in three buckets by urgency, and the filters built from what is on it.
// A municipality sees the provider's pending steps too (it follows their deadlines); "Wie moet handelen"
// narrows the list to one party.
import type { Signal, Urgency } from '../../api/types';
import { partyLabels } from '../../lib/labels';

export interface Group {
  key: Urgency;
  title: string;
  empty: string;
  signals: Signal[];
}

/** The server decides each signal's urgency (steps.ts `urgency`, always sent); the list only sorts it into buckets. */
export function groupSignals(signals: Signal[]): Group[] {
  const groups: Group[] = [
    { key: 'overdue', title: 'Te laat', empty: 'Niets is te laat.', signals: [] },
    { key: 'thisWeek', title: 'Deze week', empty: 'Deze week hoeft er niets.', signals: [] },
    { key: 'later', title: 'Later', empty: 'Er staat later niets gepland.', signals: [] },
  ];
  const sorted = [...signals].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  for (const signal of sorted) groups.find((g) => g.key === signal.urgency)?.signals.push(signal);
  return groups;
}

export const filterParams = { addressee: 'wie', municipality: 'gemeente', provider: 'aanbieder', product: 'perceel' } as const;
export type FilterName = keyof typeof filterParams;
export type Filters = Record<FilterName, string>;

function keyOf(signal: Signal, name: FilterName): { value: string; label: string } | null {
  if (name === 'addressee') return { value: signal.addressee, label: partyLabels[signal.addressee] ?? signal.addressee };
  if (name === 'product') return signal.product ? { value: signal.product.code, label: signal.product.name } : null;
  const named = signal[name];
  return named ? { value: named.id, label: named.name } : null;
}

/** The distinct gemeenten, aanbieders and percelen on the list, sorted by name. */
export function filterOptions(signals: Signal[]): Record<FilterName, [string, string][]> {
  const collect = (name: FilterName) => {
    const found = new Map<string, string>();
    for (const signal of signals) {
      const key = keyOf(signal, name);
      if (key) found.set(key.value, key.label);
    }
    return [...found.entries()].sort((a, b) => a[1].localeCompare(b[1], 'nl'));
  };
  return {
    addressee: collect('addressee'),
    municipality: collect('municipality'),
    provider: collect('provider'),
    product: collect('product'),
  };
}

export function applyFilters(signals: Signal[], filters: Filters): Signal[] {
  return signals.filter((signal) =>
    (Object.keys(filters) as FilterName[]).every((name) => !filters[name] || keyOf(signal, name)?.value === filters[name]),
  );
}

export function readFilters(search: URLSearchParams): Filters {
  return {
    addressee: search.get(filterParams.addressee) ?? '',
    municipality: search.get(filterParams.municipality) ?? '',
    provider: search.get(filterParams.provider) ?? '',
    product: search.get(filterParams.product) ?? '',
  };
}
