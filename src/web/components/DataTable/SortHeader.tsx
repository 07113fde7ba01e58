// A column header that sorts: a real button inside the th (keyboard: Tab, Enter/Space), with aria-sort
// on the th saying the current order (read out by screen readers); the arrow is decoration.
import { Button, TableHeaderCell } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

export function direction(sort: string, key: string): 'ascending' | 'descending' | undefined {
  if (sort === key) return 'ascending';
  if (sort === `-${key}`) return 'descending';
  return undefined;
}

export function SortHeader({ label, sortKey, sort, onSort, firstDescending = false }: {
  label: ReactNode;
  sortKey: string;
  sort: string;
  onSort: (next: string) => void;
  firstDescending?: boolean;
}) {
  const current = direction(sort, sortKey);
  const next = current === 'ascending' || (current === undefined && firstDescending) ? `-${sortKey}` : sortKey;
  return (
    <TableHeaderCell scope="col" aria-sort={current ?? 'none'}>
      <Button appearance="subtle-button" type="button" onClick={() => onSort(next)} className="koers-sort-button">
        {label}
        <span aria-hidden="true" className="koers-sort-icon">
          {current === 'ascending' ? ' ▲' : current === 'descending' ? ' ▼' : ' ↕'}
        </span>
      </Button>
    </TableHeaderCell>
  );
}
