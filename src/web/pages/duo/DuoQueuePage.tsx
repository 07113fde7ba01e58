// `/duo-berichten` (issue #15, R-EXC-4): the functional administrator's DUO delivery queue — waiting,
// sent, refused — with times, attempts and DUO's reasons; paged by the server, exported whole as CSV or
// XLSX. No BSN and no name: the municipality and the message id.
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { DELIVERY_STATUS, useDuoQueue, useDuoUnknown, type DuoDeliveryStatus, type DuoQueuePage as QueuePage, type DuoUnknownPage } from '../../api/duo';
import { useUser } from '../../components/AppLayout';
import { DataTable, exportHref, useListState, type Column } from '../../components/DataTable';
import { SelectField } from '../../components/fields';
import { LoadError, Loading } from '../../components/QueryStatus';
import { formatTimestamp } from '../../lib/dates';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';

const PAGE_SIZE = 25;
const TITLE = 'DUO-berichten';
const statusOptions = Object.entries(DELIVERY_STATUS) as [DuoDeliveryStatus, string][];
const readStatus = (value: string): DuoDeliveryStatus | undefined => statusOptions.find(([s]) => s === value)?.[0];

type Item = QueuePage['items'][number];
const columns: Column<Item>[] = [
  { id: 'createdAt', label: 'Aangemaakt', fixed: true, cell: (r) => formatTimestamp(r.createdAt) },
  { id: 'municipality', label: 'Gemeente', cell: (r) => r.municipality },
  {
    id: 'api',
    label: 'Bericht',
    cell: (r) => (
      <>
        {r.label}
        {r.provider && <span className="koers-timeline__fact">Namens {r.provider}</span>}
      </>
    ),
  },
  {
    id: 'status',
    label: 'Status',
    cell: (r) => (
      <>
        {DELIVERY_STATUS[r.status]}
        {r.reasons.length > 0 && <span className="koers-timeline__fact">Reden: {r.reasons.join(' ')}</span>}
      </>
    ),
  },
  { id: 'attempts', label: 'Pogingen', cell: (r) => r.attempts },
  { id: 'sentAt', label: 'Verzonden', cell: (r) => formatTimestamp(r.sentAt) },
  { id: 'berichtId', label: 'Bericht-id', cell: (r) => r.berichtId },
];

export function DuoQueuePage() {
  useDocumentTitle(TITLE);
  const user = useUser();
  if (!can(user, 'duo.queue')) return <NotAllowed title={TITLE} />;
  return <Queue />;
}

function Queue() {
  const list = useListState<'-createdAt'>(['-createdAt'], '-createdAt');
  const status = readStatus(list.get('status'));
  const queue = useDuoQueue({ page: list.page, pageSize: PAGE_SIZE, ...(status ? { status } : {}) });
  let body;
  if (queue.isPending) body = <Loading what="DUO-berichten" />;
  else if (queue.isError) body = <LoadError error={queue.error} />;
  else if (queue.data.total === 0) body = <Paragraph>Er zijn geen berichten{status ? ' met deze status' : ''}.</Paragraph>;
  else {
    const { total, items } = queue.data;
    body = (
      <>
        <Paragraph aria-live="polite">{total === 1 ? '1 bericht' : `${total} berichten`}.</Paragraph>
        <DataTable
          id="duo-berichten"
          caption="DUO-berichten"
          columns={columns}
          rows={items}
          rowKey={(r) => r.id}
          sort={list.sort}
          onSort={() => undefined}
          page={list.page}
          pageSize={PAGE_SIZE}
          total={total}
          onPage={(page) => list.set({ page })}
          exportHref={(format) => exportHref('/duo/deliveries/export', { status }, format)}
          busy={queue.isFetching}
        />
      </>
    );
  }
  return (
    <>
      <Heading level={1}>{TITLE}</Heading>
      <Paragraph>Wat Koers aan DUO levert: het persoonlijk inburgeringsplan na goedkeuring van het leerplan, het inburgeringsaanbod, de datum van het eindgesprek MAP, de datum van ondertekening van de PVT, de afronding van de Z-route en de gevolgde uren. Een bericht dat mislukt, probeert Koers later opnieuw met hetzelfde bericht-id, zodat DUO het één keer vastlegt.</Paragraph>
      <form className="koers-inline-form" aria-label="DUO-berichten filteren" onSubmit={(event) => event.preventDefault()}>
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
      <Unknown />
    </>
  );
}

type UnknownItem = DuoUnknownPage['items'][number];
const unknownColumns: Column<UnknownItem>[] = [
  { id: 'receivedAt', label: 'Ontvangen', fixed: true, cell: (r) => formatTimestamp(r.receivedAt) },
  { id: 'municipality', label: 'Gemeente', cell: (r) => r.municipality ?? '—' },
  { id: 'eventCode', label: 'Gebeurtenis', cell: (r) => `${r.text} (${r.eventCode})` },
  { id: 'berichtId', label: 'Bericht-id', cell: (r) => r.berichtId },
];

/** DUO's notifications about a person who is not the municipality's participant in Koers. */
function Unknown() {
  const [page, setPage] = useState(1);
  const unknown = useDuoUnknown(page);
  let body;
  if (unknown.isPending) body = <Loading what="meldingen over onbekende personen" />;
  else if (unknown.isError) body = <LoadError error={unknown.error} />;
  else if (unknown.data.total === 0) body = <Paragraph>Er zijn geen meldingen over personen die Koers niet kent.</Paragraph>;
  else {
    body = (
      <DataTable
        id="duo-onbekend"
        caption="Meldingen van DUO over onbekende personen"
        columns={unknownColumns}
        rows={unknown.data.items}
        rowKey={(r) => r.berichtId}
        sort="-receivedAt"
        onSort={() => undefined}
        page={page}
        pageSize={unknown.data.pageSize}
        total={unknown.data.total}
        onPage={setPage}
        busy={unknown.isFetching}
      />
    );
  }
  return (
    <>
      <Heading level={2}>Meldingen over onbekende personen</Heading>
      <Paragraph>DUO meldde een gebeurtenis over iemand die in Koers geen inburgeraar van de gemeente is. Koers bewaart het BSN niet; vraag DUO met het bericht-id om wie het gaat en registreer de inburgeraar zo nodig.</Paragraph>
      {body}
    </>
  );
}
