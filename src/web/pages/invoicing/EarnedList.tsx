// Issue #11, R-INV-1: every product earned and not yet invoiced, as the shared table (search, sort,
// paging, export of the whole filtered list; R-EXC-3). Names and client numbers, never the BSN.
import { Paragraph } from '@utrecht/component-library-react';
import { EARNED_SORTS, useEarned, type EarnedEvent, type EarnedSort } from '../../api/invoicing';
import { DataTable, exportHref, SearchBox, useListState, type Column } from '../../components/DataTable';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDate } from '../../lib/dates';
import { formatCents, vatLabel } from './format';

const PAGE_SIZE = 25;

const columns: Column<EarnedEvent>[] = [
  {
    id: 'participant',
    label: 'Inburgeraar',
    fixed: true,
    rowHeader: true,
    sortKey: 'name',
    cell: (e) => <RouterLink to={`/inburgeraars/${encodeURIComponent(e.participantId)}`}>{e.participantName}</RouterLink>,
  },
  { id: 'dateOfBirth', label: 'Geboortedatum', cell: (e) => formatDate(e.dateOfBirth) },
  { id: 'clientNumber', label: 'Klantnummer', cell: (e) => e.clientNumber ?? '' },
  { id: 'municipality', label: 'Gemeente', cell: (e) => e.municipalityName },
  { id: 'product', label: 'Product', cell: (e) => e.productName },
  { id: 'earnedOn', label: 'Verdiend op', sortKey: 'earnedOn', cell: (e) => formatDate(e.earnedOn) },
  { id: 'amount', label: 'Bedrag excl. btw', sortKey: 'amount', firstDescending: true, cell: (e) => formatCents(e.amountCents) },
  { id: 'vat', label: 'Btw', cell: (e) => vatLabel(e.vatRate) },
];

export function EarnedList() {
  const list = useListState<EarnedSort>(EARNED_SORTS, 'earnedOn');
  const filter = { sort: list.sort, ...(list.q ? { q: list.q } : {}) };
  const earned = useEarned({ ...filter, page: list.page, pageSize: PAGE_SIZE });

  let body;
  if (earned.isPending) body = <Loading what="Verdiende producten" />;
  else if (earned.isError) body = <LoadError error={earned.error} />;
  else if (earned.data.total === 0) body = <Paragraph>Geen verdiende producten{list.q ? ` gevonden voor “${list.q}”` : ' die nog niet gefactureerd zijn'}.</Paragraph>;
  else {
    const { items, total } = earned.data;
    body = (
      <>
        {/* The count only once it answers the search in the address: while the next page loads the previous
            answer stays on screen, and its count under the new search term would be untrue. */}
        {earned.isPlaceholderData ? (
          <Loading what="Verdiende producten" />
        ) : (
          <Paragraph aria-live="polite">
            {total === 1 ? '1 product' : `${total} producten`}
            {list.q ? ` gevonden voor “${list.q}”` : ''}.
          </Paragraph>
        )}
        <DataTable
          id="verdiend"
          caption="Verdiende producten, nog niet gefactureerd"
          columns={columns}
          rows={items}
          rowKey={(e) => e.eventId}
          sort={list.sort}
          onSort={(sort) => list.set({ sort: sort as EarnedSort })}
          page={list.page}
          pageSize={PAGE_SIZE}
          total={total}
          onPage={(page) => list.set({ page })}
          exportHref={(format) => exportHref('/invoicing/earned/export', filter, format)}
          busy={earned.isFetching}
        />
      </>
    );
  }

  return (
    <>
      <SearchBox key={list.q} listLabel="Verdiende producten" label="Zoek op naam of klantnummer" initial={list.q} onSearch={(q) => list.set({ q })} />
      {body}
    </>
  );
}
