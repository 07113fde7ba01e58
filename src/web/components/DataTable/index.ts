export { DataTable, type Column, type DataTableProps } from './DataTable';
export { exportHref } from './ExportMenu';
export { SearchBox } from './SearchBox';
export { useListState, type ListState } from './listState';
