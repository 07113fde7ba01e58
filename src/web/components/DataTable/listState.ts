// The state of a list in the address (search, sort, page and the list's own filters), so a list is
// linkable and the back button returns to the same page of it. Changing the search, the sort or a
// filter goes back to page 1.
import { useSearchParams } from 'react-router-dom';

export interface ListState<S extends string> {
  q: string;
  sort: S;
  page: number;
  /** Any other parameter of the address (a list's filters). */
  get: (name: string) => string;
  set: (next: Partial<{ q: string; sort: S; page: number }> & { filters?: Record<string, string> }) => void;
}

export function useListState<S extends string>(sorts: readonly S[], defaultSort: S): ListState<S> {
  const [search, setSearch] = useSearchParams();
  const sortParam = search.get('sort') as S | null;
  const sort = sortParam !== null && sorts.includes(sortParam) ? sortParam : defaultSort;
  const pageParam = Number(search.get('pagina') ?? '1');
  const page = Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1;
  const q = search.get('zoek') ?? '';
  return {
    q,
    sort,
    page,
    get: (name) => search.get(name) ?? '',
    set: (next) => {
      const params = new URLSearchParams(search);
      const put = (name: string, value: string | undefined, empty = '') => {
        if (value === undefined || value === empty) params.delete(name);
        else params.set(name, value);
      };
      if (next.q !== undefined) put('zoek', next.q);
      if (next.sort !== undefined) put('sort', next.sort, defaultSort);
      for (const [name, value] of Object.entries(next.filters ?? {})) put(name, value);
      const resets = next.q !== undefined || next.sort !== undefined || next.filters !== undefined;
      put('pagina', next.page !== undefined ? String(next.page) : resets ? undefined : String(page), '1');
      setSearch(params);
    },
  };
}
