// `/koppelingen`: the coordinator makes and revokes API keys for the provider's own system (R-EXC-1).
// The key is shown once, right after it is made; Koers keeps only its hash.
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { DataTable, exportHref, SearchBox, useListState, type Column, type DataTableProps } from '../components/DataTable';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../api/client';
import { useCreateApiKey, useRevokeApiKey, type ApiKey } from '../api/apiKeys';
import { useApiKeyList, type ApiKeySort } from '../api/managedLists';
import { useUser } from '../components/AppLayout';
import { TextField } from '../components/fields';
import { LoadError, Loading } from '../components/QueryStatus';
import { formatTimestamp } from '../lib/dates';
import { can } from '../lib/permissions';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { NotAllowed } from './NotAllowed';

const TITLE = 'Koppelingen';

export function ApiKeysPage() {
  useDocumentTitle(TITLE);
  const user = useUser();
  if (!can(user, 'apiKey.manage')) return <NotAllowed title={TITLE} />;
  return <ApiKeys />;
}

function ApiKeys() {
  const [made, setMade] = useState<(ApiKey & { key: string }) | null>(null);
  return (
    <>
      <Heading level={1}>{TITLE}</Heading>
      <Paragraph>
        Heeft uw organisatie een eigen leerlingvolgsysteem? Dan kan dat systeem aanwezigheid en uren rechtstreeks naar Koers sturen. Maak hier een sleutel voor dat systeem. Het systeem stuurt de sleutel mee als{' '}
        <code>Authorization: Bearer &lt;sleutel&gt;</code>. De technische beschrijving staat in <a href="/api/v1/openapi.json">de API-beschrijving</a>.
      </Paragraph>
      <NewKey onMade={setMade} />
      {made && <MadeKey made={made} />}
      <section aria-labelledby="sleutels" className="koers-section">
        <Heading level={2} id="sleutels">
          Sleutels
        </Heading>
        <KeyList />
      </section>
    </>
  );
}

function NewKey({ onMade }: { onMade: (k: ApiKey & { key: string }) => void }) {
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setError('Geef de koppeling een naam.');
      document.getElementById('field-naam')?.focus();
      return;
    }
    setError(undefined);
    create.mutate(name.trim(), {
      onSuccess: (k) => {
        setName('');
        onMade(k);
      },
      onError: (e) => setError(isApiError(e) ? (e.problem.invalidParams?.[0]?.reason ?? e.problem.detail ?? 'Dat lukte niet.') : 'Dat lukte niet.'),
    });
  };
  return (
    <section aria-labelledby="nieuwe-sleutel" className="koers-section">
      <Heading level={2} id="nieuwe-sleutel">
        Nieuwe sleutel
      </Heading>
      <form onSubmit={submit} noValidate>
        <TextField name="naam" label="Naam van de koppeling" description="Bijvoorbeeld de naam van uw leerlingvolgsysteem." value={name} error={error} onChange={(e) => setName(e.target.value)} />
        <Button type="submit" appearance="primary-action-button" disabled={create.isPending}>
          Sleutel maken
        </Button>
      </form>
    </section>
  );
}

function MadeKey({ made }: { made: ApiKey & { key: string } }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [made.id]);
  return (
    <div ref={ref} tabIndex={-1} className="koers-section">
      <Alert type="ok">
        <Heading level={2}>Sleutel voor {made.name} gemaakt</Heading>
        <Paragraph>Kopieer de sleutel nu. Koers laat hem hierna niet meer zien.</Paragraph>
        <Paragraph>
          <code data-testid="nieuwe-sleutel">{made.key}</code>
        </Paragraph>
      </Alert>
    </div>
  );
}

const SORTS: readonly ApiKeySort[] = ['status', '-status', 'name', '-name', 'createdAt', '-createdAt', 'lastUsedAt', '-lastUsedAt'];

const PAGE_SIZE = 25;

function KeyList() {
  // Searched, sorted and paged by the server although a provider has a handful of keys: the export is
  // the same query, so it holds exactly the rows the search finds. Active keys first by default.
  const list = useListState<ApiKeySort>(SORTS, 'status');
  const keys = useApiKeyList({ sort: list.sort, ...(list.q ? { q: list.q } : {}), page: list.page, pageSize: PAGE_SIZE });
  let body;
  if (keys.isPending) body = <Loading what="Sleutels" />;
  else if (keys.isError) body = <LoadError error={keys.error} />;
  else if (keys.data.total === 0) body = <Paragraph>{list.q ? `Geen sleutels gevonden voor “${list.q}”.` : 'Er zijn nog geen sleutels.'}</Paragraph>;
  else {
    const { total, items } = keys.data;
    body = (
      <>
        <Paragraph aria-live="polite">
          {total === 1 ? '1 sleutel' : `${total} sleutels`}
          {list.q ? ` gevonden voor “${list.q}”` : ''}.
        </Paragraph>
        <KeyTable
          keys={items}
          table={{
            sort: list.sort,
            onSort: (sort) => list.set({ sort: sort as ApiKeySort }),
            page: list.page,
            pageSize: PAGE_SIZE,
            total,
            onPage: (page) => list.set({ page }),
            exportHref: (format) => exportHref('/api-keys/export', { q: list.q, sort: list.sort }, format),
            busy: keys.isFetching,
          }}
        />
      </>
    );
  }
  return (
    <>
      <SearchBox key={list.q} listLabel="Sleutels" label="Zoek op naam of laatste vier tekens" initial={list.q} onSearch={(q) => list.set({ q })} />
      {body}
    </>
  );
}

type TableState = Pick<DataTableProps<ApiKey>, 'sort' | 'onSort' | 'page' | 'pageSize' | 'total' | 'onPage' | 'exportHref' | 'busy'>;

function KeyTable({ keys, table }: { keys: ApiKey[]; table: TableState }) {
  const revoke = useRevokeApiKey();
  const columns: Column<ApiKey>[] = [
    { id: 'name', label: 'Naam', sortKey: 'name', fixed: true, rowHeader: true, cell: (k) => k.name },
    { id: 'hint', label: 'Eindigt op', cell: (k) => `…${k.hint}` },
    { id: 'createdAt', label: 'Gemaakt', sortKey: 'createdAt', firstDescending: true, cell: (k) => `${formatTimestamp(k.createdAt)} door ${k.createdByName}` },
    { id: 'lastUsedAt', label: 'Laatst gebruikt', sortKey: 'lastUsedAt', firstDescending: true, cell: (k) => (k.lastUsedAt === null ? 'Nog niet' : formatTimestamp(k.lastUsedAt)) },
    {
      id: 'status',
      label: 'Status',
      sortKey: 'status',
      fixed: true,
      cell: (k) =>
        k.revokedAt !== null ? (
          `Ingetrokken op ${formatTimestamp(k.revokedAt)}`
        ) : (
          <Button appearance="secondary-action-button" disabled={revoke.isPending} onClick={() => revoke.mutate(k.id)} aria-label={`Sleutel ${k.name} intrekken`}>
            Intrekken
          </Button>
        ),
    },
  ];
  return (
    <DataTable id="api-sleutels" caption="Sleutels van uw organisatie" columns={columns} rows={keys} rowKey={(k) => k.id} {...table} />
  );
}
