// `/uitgaande-mail`: the admin sees what Koers mailed, or tried to (R-SIG-1 "if configured, mailed").
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useSearchParams } from 'react-router-dom';
import { useOutbox } from '../api/work';
import { useUser } from '../components/AppLayout';
import { SelectField } from '../components/fields';
import { DataTable, type Column } from '../components/DataTable';
import { LoadError, Loading } from '../components/QueryStatus';
import { formatTimestamp } from '../lib/dates';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { NotAllowed } from './NotAllowed';
import { can } from '../lib/permissions';

const PAGE_SIZE = 25;
const TITLE = 'Uitgaande e-mail';

const statusLabels: Record<string, string> = {
  pending: 'Wacht op verzending',
  sending: 'Wordt verzonden',
  sent: 'Verzonden',
  failed: 'Mislukt',
};

function statusLabel(status: string): string {
  return statusLabels[status] ?? status;
}

export function OutboxPage() {
  useDocumentTitle(TITLE);
  const user = useUser();
  if (!can(user, 'outbox.read')) return <NotAllowed title={TITLE} />;
  return <Outbox />;
}

type Message = NonNullable<ReturnType<typeof useOutbox>['data']>['items'][number];

const columns: Column<Message>[] = [
  { id: 'createdAt', label: 'Aangemaakt', fixed: true, cell: (m) => formatTimestamp(m.createdAt) },
  { id: 'recipient', label: 'Aan', cell: (m) => m.recipient },
  {
    id: 'subject',
    label: 'Onderwerp en bericht',
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
    cell: (m) => (
      <>
        {statusLabel(m.status)}
        {m.lastError && <span className="koers-timeline__fact">Laatste fout: {m.lastError}</span>}
      </>
    ),
  },
  { id: 'attempts', label: 'Pogingen', cell: (m) => m.attempts },
  { id: 'sentAt', label: 'Verzonden', cell: (m) => formatTimestamp(m.sentAt) },
];

function Outbox() {
  const [searchParams, setSearchParams] = useSearchParams();
  const status = searchParams.get('status') ?? '';
  const pageNumber = Math.max(1, Number(searchParams.get('pagina') ?? '1') || 1);
  const outbox = useOutbox({ status, page: pageNumber, pageSize: PAGE_SIZE });

  const go = (next: { status?: string; page?: number }) => {
    const search: Record<string, string> = {};
    const s = next.status ?? status;
    if (s) search.status = s;
    const p = next.page ?? pageNumber;
    if (p > 1) search.pagina = String(p);
    setSearchParams(search);
  };

  let body;
  if (outbox.isPending) body = <Loading what="Uitgaande e-mail" />;
  else if (outbox.isError) body = <LoadError error={outbox.error} />;
  else if (outbox.data.items.length === 0) body = <Paragraph>Er zijn geen berichten.</Paragraph>;
  else {
    body = (
      <>
        <Paragraph>{outbox.data.total === 1 ? '1 bericht' : `${outbox.data.total} berichten`}.</Paragraph>
        <DataTable
          id="uitgaande-mail"
          caption="Uitgaande e-mail, nieuwste eerst"
          columns={columns}
          rows={outbox.data.items}
          rowKey={(m) => m.id}
          page={pageNumber}
          pageSize={PAGE_SIZE}
          total={outbox.data.total}
          onPage={(page) => go({ page })}
          busy={outbox.isFetching}
        />
      </>
    );
  }

  return (
    <>
      <Heading level={1}>{TITLE}</Heading>
      <Paragraph>Berichten die Koers verstuurt, bijvoorbeeld bij een verlopen termijn.</Paragraph>
      <form className="koers-inline-form" aria-label="Uitgaande e-mail filteren" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          name="status"
          label="Status"
          optional
          markOptional={false}
          placeholder="Alle berichten"
          options={Object.entries(statusLabels)}
          value={status}
          onChange={(event) => go({ status: event.target.value, page: 1 })}
        />
      </form>
      <div aria-live="polite" aria-busy={outbox.isFetching}>
        {body}
      </div>
    </>
  );
}
