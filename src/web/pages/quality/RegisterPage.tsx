// `/kwaliteitsregister` (issue #14, R-QLT-1, R-QLT-2, R-QLT-3): the contract manager's quality register —
// every provider of the region's contracts with its covenant membership, quality mark and teacher
// compliance — searched, sorted, paged and exported. The provider reads its own row(s) at `/kwaliteit`.
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useLocation } from 'react-router-dom';
import { useRegister, type RegisterItem, type RegisterQuery, type RegisterSort } from '../../api/quality';
import { useUser } from '../../components/AppLayout';
import { DataTable, exportHref, SearchBox, useListState, type Column } from '../../components/DataTable';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDate } from '../../lib/dates';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';
import { complianceText, CONCERN, MARK, MEMBERSHIP } from './qualityLabels';

const PAGE_SIZE = 25;
const SORTS: readonly RegisterSort[] = ['provider', 'contract', 'membership', 'markValidUntil', 'compliance'];

export const recordBase = (pathname: string) => (pathname.startsWith('/kwaliteitsregister') ? '/kwaliteitsregister' : '/kwaliteit');

export function RegisterPage() {
  const user = useUser();
  const manage = can(user, 'quality.manage');
  const title = manage ? 'Kwaliteitsregister' : 'Kwaliteit';
  useDocumentTitle(title);
  if (!can(user, 'quality.read')) return <NotAllowed title={title} />;
  return <Register title={title} manage={manage} />;
}

function columnsFor(base: string): Column<RegisterItem>[] {
  return [
    {
      id: 'provider',
      label: 'Aanbieder',
      fixed: true,
      rowHeader: true,
      sortKey: 'provider',
      cell: (i) => <RouterLink to={`${base}/${encodeURIComponent(i.contractId)}/${encodeURIComponent(i.providerCode)}`}>{i.providerName}</RouterLink>,
    },
    { id: 'contract', label: 'Contract', sortKey: 'contract', cell: (i) => i.contractName },
    { id: 'membership', label: 'Lidmaatschap', sortKey: 'membership', cell: (i) => (i.membership === null ? 'Geen' : `${MEMBERSHIP[i.membership]} sinds ${formatDate(i.membershipOn)}`) },
    {
      id: 'mark',
      label: 'Keurmerk',
      sortKey: 'markValidUntil',
      cell: (i) => (
        <>
          {i.markState === null ? 'Geen' : `${MARK[i.markState]} tot ${formatDate(i.markValidUntil)}`}
          {i.markConcern !== null && <span className="koers-overdue"> ({CONCERN[i.markConcern]})</span>}
        </>
      ),
    },
    { id: 'compliance', label: 'Docentnorm', sortKey: 'compliance', cell: (i) => complianceText(i.compliance) },
    { id: 'findings', label: 'Open bevindingen', cell: (i) => String(i.openFindings) },
  ];
}

function Register({ title, manage }: { title: string; manage: boolean }) {
  const base = recordBase(useLocation().pathname);
  const list = useListState<RegisterSort>(SORTS, 'provider');
  const filters = list.q ? { q: list.q } : {};
  const query: RegisterQuery = { sort: list.sort, page: list.page, pageSize: PAGE_SIZE, ...filters };
  const register = useRegister(query);

  let body;
  if (register.isPending) body = <Loading what={title} />;
  else if (register.isError) body = <LoadError error={register.error} />;
  else if (register.data.total === 0) body = <Paragraph>Er zijn geen aanbieders{list.q ? ` gevonden voor “${list.q}”` : ''}.</Paragraph>;
  else {
    const { total, items } = register.data;
    body = (
      <>
        {/* The count only once it answers the search in the address: while the next page loads the previous
            answer stays on screen, and its count under the new search term would be untrue. */}
        {register.isPlaceholderData ? (
          <Loading what={title} />
        ) : (
          <Paragraph aria-live="polite">
            {total === 1 ? '1 aanbieder per contract' : `${String(total)} aanbieders per contract`}
            {list.q ? ` gevonden voor “${list.q}”` : ''}.
          </Paragraph>
        )}
        <DataTable
          id="kwaliteitsregister"
          caption={title}
          columns={columnsFor(base)}
          rows={items}
          rowKey={(i) => `${i.contractId}/${i.providerCode}`}
          sort={list.sort}
          onSort={(sort) => list.set({ sort: sort as RegisterSort })}
          page={list.page}
          pageSize={PAGE_SIZE}
          total={total}
          onPage={(page) => list.set({ page })}
          exportHref={(format) => exportHref('/quality/providers/export', { ...filters, sort: list.sort }, format)}
          busy={register.isFetching}
        />
      </>
    );
  }

  return (
    <>
      <Heading level={1}>{title}</Heading>
      <Paragraph>
        {manage
          ? 'De aanbieders van de contracten van uw regio: het lidmaatschap van het convenant, het keurmerk van Blik op Werk en de docentnorm, met de screeningen, de klanttevredenheid en de lesbezoeken per aanbieder.'
          : 'Uw gegevens in het kwaliteitsregister per contract: het keurmerk, het lidmaatschap, de screening met de bevindingen waarop u reageert, en uw docentenregister.'}
      </Paragraph>
      {manage && <SearchBox key={list.q} listLabel={title} label="Zoek op aanbieder" initial={list.q} onSearch={(q) => list.set({ q })} />}
      {body}
    </>
  );
}
