// `/uitgaande-mail`: the admin sees what Koers mailed, or tried to (R-SIG-1 "if configured, mailed").
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useOutboxPage, type OutboxQuery, type OutboxSort, type OutboxStatus } from '../api/managedLists';
import { useUser } from '../components/AppLayout';
import { SelectField } from '../components/fields';
import { DataTable, exportHref, SearchBox, useListState, type Column } from '../components/DataTable';
import { LoadError, Loading } from '../components/QueryStatus';
import { formatTimestamp } from '../lib/dates';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { NotAllowed } from './NotAllowed';
import { can } from '../lib/permissions';

const PAGE_SIZE = 25;
const TITLE = 'Uitgaande e-mail';
const SORTS: readonly OutboxSort[] = ['-createdAt', 'createdAt', 'recipient', '-recipient', 'subject', '-subject', 'status', '-status', 'attempts', '-attempts', 'sentAt', '-sentAt'];

const statusLabels: Record<OutboxStatus, string> = {
  pending: 'Wacht op verzending',
  sending: 'Wordt verzonden',
  sent: 'Verzonden',
  failed: 'Mislukt',
};
const statusOptions = Object.entries(statusLabels) as [OutboxStatus, string][];

function readStatus(value: string): OutboxStatus | undefined {
  return statusOptions.find(([status]) => status === value)?.[0];
}

export function OutboxPage() {
  useDocumentTitle(TITLE);
  const user = useUser();
  if (!can(user, 'outbox.read')) return <NotAllowed title={TITLE} />;
  return <Outbox />;
}

type Message = NonNullable<ReturnType<typeof useOutboxPage>['data']>['items'][number];

const columns: Column<Message>[] = [
  { id: 'createdAt', label: 'Aangemaakt', sortKey: 'createdAt', firstDescending: true, fixed: true, cell: (m) => formatTimestamp(m.createdAt) },
  { id: 'recipient', label: 'Aan', sortKey: 'recipient', cell: (m) => m.recipient },
  {
    id: 'subject',
    label: 'Onderwerp en bericht',
    sortKey: 'subject',
    cell: (m) => (
      <details className="koers-details">
        <summary>{m.subject}</summary>
        <pre className="koers-mail-body">{m.body}</pre>
      </details>
    ),
  },
  {
    id: 'status',
    label: 'Status',
    sortKey: 'status',
    cell: (m) => (
      <>
        {statusLabels[m.status]}
        {m.lastError && <span className="koers-timeline__fact">Laatste fout: {m.lastError}</span>}
      </>
    ),
  },
  { id: 'attempts', label: 'Pogingen', sortKey: 'attempts', firstDescending: true, cell: (m) => m.attempts },
  { id: 'sentAt', label: 'Verzonden', sortKey: 'sentAt', firstDescending: true, cell: (m) => formatTimestamp(m.sentAt) },
];

function Outbox() {
  // Searched, sorted and paged by the server: the outbox grows with every deadline and reset.
  const list = useListState<OutboxSort>(SORTS, '-createdAt');
  const status = readStatus(list.get('status'));
  const filter: Omit<OutboxQuery, 'page' | 'pageSize'> = { sort: list.sort, ...(status ? { status } : {}), ...(list.q ? { q: list.q } : {}) };
  const outbox = useOutboxPage({ ...filter, page: list.page, pageSize: PAGE_SIZE });

  let body;
  if (outbox.isPending) body = <Loading what="Uitgaande e-mail" />;
  else if (outbox.isError) body = <LoadError error={outbox.error} />;
  else if (outbox.data.total === 0) body = <Paragraph>Er zijn geen berichten{list.q ? ` gevonden voor “${list.q}”` : ''}.</Paragraph>;
  else {
    const { total, items } = outbox.data;
    body = (
      <>
        <Paragraph aria-live="polite">
          {total === 1 ? '1 bericht' : `${total} berichten`}
          {list.q ? ` gevonden voor “${list.q}”` : ''}.
        </Paragraph>
        <DataTable
          id="uitgaande-mail"
          caption="Uitgaande e-mail"
          columns={columns}
          rows={items}
          rowKey={(m) => m.id}
          sort={list.sort}
          onSort={(sort) => list.set({ sort: sort as OutboxSort })}
          page={list.page}
          pageSize={PAGE_SIZE}
          total={total}
          onPage={(page) => list.set({ page })}
          exportHref={(format) => exportHref('/outbox/export', { status, q: list.q, sort: list.sort }, format)}
          busy={outbox.isFetching}
        />
      </>
    );
  }

  return (
    <>
      <Heading level={1}>{TITLE}</Heading>
      <Paragraph>Berichten die Koers verstuurt, bijvoorbeeld bij een verlopen termijn. De export bevat de berichttekst niet: daarin kan een werkende link staan.</Paragraph>
      <SearchBox key={list.q} listLabel="Uitgaande e-mail" label="Zoek op ontvanger of onderwerp" initial={list.q} onSearch={(q) => list.set({ q })} />
      <form className="koers-inline-form" aria-label="Uitgaande e-mail filteren" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          name="status"
          label="Status"
          optional
          markOptional={false}
          placeholder="Alle berichten"
          options={statusOptions}
          value={status ?? ''}
          onChange={(event) => list.set({ filters: { status: readStatus(event.target.value) ?? '' } })}
        />
      </form>
      {body}
    </>
  );
}
