// One table for every list (issue #10 item 5): sortable headers, column choice, export of the whole
// filtered list, paging; the table scrolls inside its own focusable box so the page never scrolls
// sideways on a phone. The data and its order come from the server; this component only shows them.
import type { ReactNode } from 'react';
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Pagination } from '../Pagination';
import { VisuallyHidden } from '../VisuallyHidden';
import { ColumnChooser, useHiddenColumns } from './ColumnChooser';
import { ExportMenu } from './ExportMenu';
import { SortHeader } from './SortHeader';

export interface Column<T> {
  id: string;
  /** The header text; also the name in the column choice. */
  label: string;
  cell: (row: T) => ReactNode;
  /** The server's sort key of this column; the header becomes a sort button. */
  sortKey?: string;
  firstDescending?: boolean;
  /** The first column (what the row is about) and action columns cannot be hidden. */
  fixed?: boolean;
  /** The header is for screen readers only (an action column). */
  hiddenLabel?: boolean;
  /** The cell names the row (th scope="row"): the person or thing the row is about. */
  rowHeader?: boolean;
}

export interface DataTableProps<T> {
  /** Names the list: caption, scroll region, remembered column choice. */
  id: string;
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowClassName?: (row: T) => string | undefined;
  sort?: string;
  onSort?: (next: string) => void;
  /** Paging: given together. */
  page?: number;
  pageSize?: number;
  total?: number;
  onPage?: (page: number) => void;
  /** The export address per format (the same filters as the list). */
  exportHref?: (format: 'xlsx' | 'csv') => string;
  defaultHidden?: readonly string[];
  /** Loading a new page: the old rows stay, marked busy. */
  busy?: boolean;
}

export function DataTable<T>(props: DataTableProps<T>) {
  const { id, caption, columns, rows, rowKey, rowClassName, sort = '', onSort, page, pageSize, total, onPage, exportHref, busy = false } = props;
  const { hidden, toggle } = useHiddenColumns(id, props.defaultHidden);
  const shown = columns.filter((c) => c.fixed === true || !hidden.includes(c.id));
  const choosable = columns.filter((c) => c.fixed !== true).map((c) => ({ id: c.id, label: c.label }));
  return (
    <div className="koers-data-table">
      <div className="koers-data-table__tools">
        {choosable.length > 0 && <ColumnChooser listId={id} columns={choosable} hidden={hidden} onToggle={toggle} />}
        {exportHref !== undefined && <ExportMenu href={exportHref} total={total} />}
      </div>
      {/* Focusable so a keyboard can scroll it (axe scrollable-region-focusable); a named group, not a
          region, so it adds no landmark beside the section the list stands in. */}
      <div className="koers-table-scroll" role="group" aria-label={caption} tabIndex={0}>
        <Table aria-busy={busy}>
          <TableCaption className="koers-visually-hidden">{caption}</TableCaption>
          <TableHeader>
            <TableRow>
              {shown.map((c) =>
                c.sortKey !== undefined && onSort !== undefined ? (
                  <SortHeader key={c.id} label={c.label} sortKey={c.sortKey} sort={sort} onSort={onSort} firstDescending={c.firstDescending ?? false} />
                ) : (
                  <TableHeaderCell key={c.id} scope="col">
                    {c.hiddenLabel === true ? <VisuallyHidden>{c.label}</VisuallyHidden> : c.label}
                  </TableHeaderCell>
                ),
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={rowKey(row)} className={rowClassName?.(row)}>
                {shown.map((c) =>
                  c.rowHeader === true ? (
                    <TableHeaderCell key={c.id} scope="row">
                      {c.cell(row)}
                    </TableHeaderCell>
                  ) : (
                    <TableCell key={c.id}>{c.cell(row)}</TableCell>
                  ),
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {page !== undefined && pageSize !== undefined && total !== undefined && onPage !== undefined && total > pageSize && (
        <Pagination page={page} pageSize={pageSize} total={total} onPage={onPage} />
      )}
    </div>
  );
}
