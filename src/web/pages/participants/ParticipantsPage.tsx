import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useSearchParams } from 'react-router-dom';
import { useParticipants, type ParticipantListParams } from '../../api/queries';
import { useUser } from '../../components/AppLayout';
import { TextField } from '../../components/fields';
import { Pagination } from '../../components/Pagination';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { normaliseBsn, passesElfproef } from '../../lib/bsn';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';
import { BsnSearch } from './BsnSearch';
import { ParticipantTable } from './ParticipantTable';
import { can } from '../../lib/permissions';

const PAGE_SIZE = 25;
const SORTS = ['name', '-name', 'createdAt', '-createdAt'] as const;
type Sort = ParticipantListParams['sort'];

function readParams(search: URLSearchParams): ParticipantListParams {
  const sort = search.get('sort');
  const page = Number(search.get('page') ?? '1');
  return {
    q: search.get('q') ?? '',
    sort: SORTS.includes(sort as Sort) ? (sort as Sort) : 'name',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

/** `/inburgeraars`: search, sort and page through the participants the user may see. */
export function ParticipantsPage() {
  useDocumentTitle('Inburgeraars');
  const user = useUser();
  if (!can(user, 'participant.list')) return <NotAllowed title="Inburgeraars" />;
  return <ParticipantList showNewReferral={can(user, 'referral.create')} />;
}

function ParticipantList({ showNewReferral }: { showNewReferral: boolean }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readParams(searchParams);
  const list = useParticipants(params);

  const go = (next: Partial<ParticipantListParams>) => {
    const merged = { ...params, ...next };
    const search: Record<string, string> = { sort: merged.sort, page: String(merged.page) };
    if (merged.q) search.q = merged.q;
    setSearchParams(search);
  };

  return (
    <>
      <Heading level={1}>Inburgeraars</Heading>
      {showNewReferral && (
        <Paragraph>
          <RouterLink to="/aanmelden">Nieuwe inburgeraar aanmelden</RouterLink>
        </Paragraph>
      )}
      <NameSearch key={params.q} initial={params.q} onSearch={(q) => go({ q, page: 1 })} />
      <div aria-live="polite" aria-busy={list.isFetching}>
        {list.isPending && <Loading what="Inburgeraars" />}
        {list.isError && <LoadError error={list.error} />}
        {list.data && (
          <Paragraph>
            {list.data.total === 1 ? '1 inburgeraar' : `${list.data.total} inburgeraars`}
            {params.q ? ` gevonden voor “${params.q}”` : ''}.
          </Paragraph>
        )}
      </div>
      {list.data && list.data.items.length > 0 && (
        <>
          <ParticipantTable
            caption="Inburgeraars"
            items={list.data.items}
            sort={params.sort}
            onSort={(sort) => go({ sort, page: 1 })}
          />
          <Pagination page={params.page} pageSize={PAGE_SIZE} total={list.data.total} onPage={(page) => go({ page })} />
        </>
      )}
      <BsnSearch />
    </>
  );
}

function NameSearch({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const [q, setQ] = useState(initial);
  const [error, setError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = q.trim();
    // R-PAR-2: a BSN typed here would end up in the URL; send the user to the POST search instead.
    if (passesElfproef(normaliseBsn(value))) {
      setError('Dit lijkt een BSN. Zoek een BSN met “Zoek op BSN” hieronder, dan komt het niet in het webadres.');
      document.getElementById('veld-q')?.focus();
      return;
    }
    setError(undefined);
    onSearch(value);
  };

  return (
    <form role="search" aria-label="Inburgeraars zoeken" noValidate onSubmit={submit} className="koers-inline-form">
      <TextField
        name="q"
        label="Zoek op naam of klantnummer"
        type="search"
        optional
        markOptional={false}
        autoComplete="off"
        value={q}
        error={error}
        onChange={(event) => setQ(event.target.value)}
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button">
          Zoeken
        </Button>
      </ButtonGroup>
    </form>
  );
}
