// Issue #11: the invoices of one's room as the shared table (search, sort, paging, export; R-EXC-3). The
// provider sees its own, the municipality its own once pro forma or sent; the server decides the rows.
import { Paragraph } from '@utrecht/component-library-react';
import { INVOICE_SORTS, useInvoices, type InvoiceQuery, type InvoiceSort, type InvoiceSummary } from '../../api/invoicing';
import { DataTable, exportHref, SearchBox, useListState, type Column } from '../../components/DataTable';
import { SelectField } from '../../components/fields';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDate } from '../../lib/dates';
import { formatCents, invoiceKindLabels, invoiceStatusLabels, lineStatusLabel } from './format';

const PAGE_SIZE = 25;

/** One choice of the "Toon" filter: its label and the query it stands for. */
export interface InvoiceView {
  value: string;
  label: string;
  query: Pick<InvoiceQuery, 'status' | 'lineStatus' | 'kind'>;
}

export function invoicePath(id: string): string {
  return `/facturen/${encodeURIComponent(id)}`;
}

function lineCountsText(invoice: InvoiceSummary): string {
  const counts = Object.entries(invoice.lineCounts).filter(([, n]) => n > 0);
  return counts.map(([status, n]) => `${n} ${lineStatusLabel(status).toLowerCase()}`).join(', ');
}

function columnsOf(showProvider: boolean, showMunicipality: boolean): Column<InvoiceSummary>[] {
  const columns: (Column<InvoiceSummary> | false)[] = [
    {
      id: 'number',
      label: 'Nummer',
      fixed: true,
      rowHeader: true,
      sortKey: 'number',
      firstDescending: true,
      cell: (i) => <RouterLink to={invoicePath(i.id)}>{i.numberText}</RouterLink>,
    },
    { id: 'kind', label: 'Soort', cell: (i) => invoiceKindLabels[i.kind] },
    showProvider && { id: 'provider', label: 'Aanbieder', cell: (i) => i.providerName },
    showMunicipality && { id: 'municipality', label: 'Gemeente', sortKey: 'municipality', cell: (i) => i.municipalityName },
    { id: 'status', label: 'Status', cell: (i) => invoiceStatusLabels[i.status] },
    { id: 'issueDate', label: 'Factuurdatum', sortKey: 'issueDate', firstDescending: true, cell: (i) => formatDate(i.issueDate) },
    { id: 'period', label: 'Periode', cell: (i) => `${formatDate(i.periodStart)} t/m ${formatDate(i.periodEnd)}` },
    { id: 'dueDate', label: 'Vervaldatum', sortKey: 'dueDate', cell: (i) => formatDate(i.dueDate) },
    { id: 'total', label: 'Totaal incl. btw', sortKey: 'total', firstDescending: true, cell: (i) => formatCents(i.totalInclVatCents) },
    { id: 'lines', label: 'Regels', cell: lineCountsText },
  ];
  return columns.filter((c): c is Column<InvoiceSummary> => c !== false);
}

export function InvoiceList({ id, views, showProvider, showMunicipality, empty }: {
  /** Names the table (remembered column choice). */
  id: string;
  /** The "Toon" filter; the first is the default. */
  views: readonly InvoiceView[];
  showProvider: boolean;
  showMunicipality: boolean;
  /** What to say when nothing matches, per view. */
  empty: (view: InvoiceView) => string;
}) {
  const list = useListState<InvoiceSort>(INVOICE_SORTS, '-number');
  const view = views.find((v) => v.value === list.get('toon')) ?? views[0];
  if (view === undefined) throw new Error('InvoiceList needs at least one view');
  const filter = { ...view.query, ...(list.q ? { q: list.q } : {}), sort: list.sort };
  const invoices = useInvoices({ ...filter, page: list.page, pageSize: PAGE_SIZE });

  let body;
  if (invoices.isPending) body = <Loading what="Facturen" />;
  else if (invoices.isError) body = <LoadError error={invoices.error} />;
  else if (invoices.data.total === 0) body = <Paragraph>{empty(view)}{list.q ? ` Gezocht op “${list.q}”.` : ''}</Paragraph>;
  else {
    const { items, total } = invoices.data;
    body = (
      <>
        {/* The count only once it answers the search in the address: while the next page loads the previous
            answer stays on screen, and its count under the new search term would be untrue. */}
        {invoices.isPlaceholderData ? (
          <Loading what="Facturen" />
        ) : (
          <Paragraph aria-live="polite">
            {total === 1 ? '1 factuur' : `${total} facturen`}
            {list.q ? ` gevonden voor “${list.q}”` : ''}.
          </Paragraph>
        )}
        <DataTable
          id={id}
          caption={`Facturen: ${view.label.toLowerCase()}`}
          columns={columnsOf(showProvider, showMunicipality)}
          rows={items}
          rowKey={(i) => i.id}
          sort={list.sort}
          onSort={(sort) => list.set({ sort: sort as InvoiceSort })}
          page={list.page}
          pageSize={PAGE_SIZE}
          total={total}
          onPage={(page) => list.set({ page })}
          exportHref={(format) => exportHref('/invoices/export', { ...filter }, format)}
          busy={invoices.isFetching}
        />
      </>
    );
  }

  return (
    <>
      <SearchBox key={list.q} listLabel="Facturen" label="Zoek op factuurnummer of gemeente" initial={list.q} onSearch={(q) => list.set({ q })} />
      <form className="koers-inline-form" aria-label="Filter facturen" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          name="toon"
          label="Toon"
          optional
          markOptional={false}
          placeholder={views[0]?.label}
          options={views.slice(1).map((v) => [v.value, v.label] as const)}
          value={view === views[0] ? '' : view.value}
          onChange={(event) => list.set({ filters: { toon: event.target.value } })}
        />
      </form>
      {body}
    </>
  );
}
