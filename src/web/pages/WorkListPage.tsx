import { useRef, useState } from 'react';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useLocation } from 'react-router-dom';
import { useWorkList, type WorkListQuery } from '../api/lists';
import { useToday } from '../api/queries';
import type { Urgency } from '../api/types';
import { useUser } from '../components/AppLayout';
import { exportHref, SearchBox, useListState } from '../components/DataTable';
import { SelectField } from '../components/fields';
import { LoadError, Loading } from '../components/QueryStatus';
import { RouterLink } from '../components/RouterLink';
import { formatDate } from '../lib/dates';
import { partyLabels, partyOf } from '../lib/labels';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { SignalTable } from './worklist/SignalTable';

const PAGE_SIZE = 25;
type Sort = NonNullable<WorkListQuery['sort']>;
const SORTS: readonly Sort[] = ['dueDate', '-dueDate', 'participant', '-participant', 'cause', '-cause'];

// The address's Dutch parameter names (kept from before paging, so old links still filter).
const params = { addressee: 'wie', municipalityId: 'gemeente', providerId: 'aanbieder', productCode: 'perceel', urgency: 'urgentie' } as const;
const buckets: { key: Urgency; title: string }[] = [
  { key: 'overdue', title: 'Te laat' },
  { key: 'thisWeek', title: 'Deze week' },
  { key: 'later', title: 'Later' },
];

/** `/`: the work list of the signed-in party (R-SIG-1): every pending step, by urgency, paged by the server. */
export function WorkListPage() {
  useDocumentTitle('Werklijst');
  const user = useUser();
  const party = partyOf(user);
  const today = useToday();
  const location = useLocation();
  const list = useListState<Sort>(SORTS, 'dueDate');
  const filter = {
    addressee: list.get(params.addressee),
    municipalityId: list.get(params.municipalityId),
    providerId: list.get(params.providerId),
    productCode: list.get(params.productCode),
    urgency: list.get(params.urgency),
  };
  const query = {
    sort: list.sort,
    ...(list.q ? { q: list.q } : {}),
    ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== '')),
  } as Omit<WorkListQuery, 'page' | 'pageSize'>;
  const signals = useWorkList({ ...query, page: list.page, pageSize: PAGE_SIZE });
  const [announcement, setAnnouncement] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);

  const seen = (message: string) => {
    setAnnouncement(message);
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  /** The address of this list with one bucket (or none); the other filters stay. */
  const bucketLink = (key: Urgency | '') => {
    const search = new URLSearchParams(location.search);
    if (key === '') search.delete(params.urgency);
    else search.set(params.urgency, key);
    search.delete('pagina');
    const text = search.toString();
    return `${location.pathname}${text ? `?${text}` : ''}`;
  };

  let body;
  if (signals.isPending) body = <Loading what="Signalen" />;
  else if (signals.isError) body = <LoadError error={signals.error} />;
  else {
    const { counts, options, items, total } = signals.data;
    const all = counts.overdue + counts.thisWeek + counts.later;
    const selects: { name: keyof typeof params; label: string; all: string; options: [string, string][] }[] = [
      { name: 'addressee', label: 'Wie moet handelen', all: 'Iedereen', options: Object.entries(partyLabels) },
      { name: 'municipalityId', label: 'Gemeente', all: 'Alle gemeenten', options: options.municipalities.map((m) => [m.id, m.name]) },
      { name: 'providerId', label: 'Aanbieder', all: 'Alle aanbieders', options: options.providers.map((p) => [p.id, p.name]) },
      { name: 'productCode', label: 'Perceel', all: 'Alle percelen', options: options.products.map((p) => [p.code, p.name]) },
    ];
    body = (
      <>
        {/* R-SIG-1: the count per bucket of the filtered list; each links to that bucket. */}
        <nav aria-label="Signalen per urgentie">
          <ul className="koers-bucket-summary">
            {buckets.map((b) => (
              <li key={b.key}>
                <RouterLink to={bucketLink(b.key)} aria-current={filter.urgency === b.key ? 'page' : undefined}>
                  {b.title} ({counts[b.key]})
                </RouterLink>
              </li>
            ))}
            <li>
              <RouterLink to={bucketLink('')} aria-current={filter.urgency === '' ? 'page' : undefined}>
                Alles ({all})
              </RouterLink>
            </li>
          </ul>
        </nav>
        <form className="koers-inline-form" aria-label="Werklijst filteren" onSubmit={(event) => event.preventDefault()}>
          {selects.map((s) => (
            <SelectField
              key={s.name}
              name={`filter-${s.name}`}
              label={s.label}
              optional
              markOptional={false}
              placeholder={s.all}
              options={s.options}
              value={filter[s.name]}
              onChange={(event) => list.set({ filters: { [params[s.name]]: event.target.value } })}
            />
          ))}
        </form>
        <Paragraph aria-live="polite">
          {total === 1 ? '1 signaal' : `${total} signalen`}
          {filter.urgency !== '' ? ` ${buckets.find((b) => b.key === filter.urgency)?.title.toLowerCase() ?? ''}` : ''}
          {list.q ? ` voor “${list.q}”` : ''}.
        </Paragraph>
        {items.length > 0 && (
          <SignalTable
            signals={items}
            party={party}
            onSeen={seen}
            sort={list.sort}
            onSort={(sort) => list.set({ sort: sort as Sort })}
            page={list.page}
            pageSize={PAGE_SIZE}
            total={total}
            onPage={(page) => list.set({ page })}
            exportHref={(format) => exportHref('/signals/export', query, format)}
            busy={signals.isFetching}
          />
        )}
      </>
    );
  }

  return (
    <>
      <Heading level={1}>Werklijst</Heading>
      {today.data && (
        <Paragraph>
          Wat er moet gebeuren, op {formatDate(today.data)}. Met “Gezien” laat u weten dat u een signaal heeft
          opgepakt; het blijft op de lijst tot de stap is gezet.
        </Paragraph>
      )}
      <Paragraph ref={statusRef} role="status" tabIndex={-1} className="koers-announcement">
        {announcement}
      </Paragraph>
      <SearchBox key={list.q} listLabel="Werklijst" label="Zoek op naam of klantnummer" initial={list.q} onSearch={(q) => list.set({ q })} />
      {body}
    </>
  );
}
