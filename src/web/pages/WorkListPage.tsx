import { useRef, useState } from 'react';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useSearchParams } from 'react-router-dom';
import { useToday } from '../api/queries';
import { useSignals } from '../api/work';
import { useUser } from '../components/AppLayout';
import { SelectField } from '../components/fields';
import { LoadError, Loading } from '../components/QueryStatus';
import { formatDate } from '../lib/dates';
import { partyOf } from '../lib/labels';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import {
  applyFilters,
  filterOptions,
  filterParams,
  groupSignals,
  readFilters,
  type FilterName,
  type Filters,
} from './worklist/signalGroups';
import { SignalTable } from './worklist/SignalTable';

const filterLabels: Record<FilterName, { label: string; all: string }> = {
  addressee: { label: 'Wie moet handelen', all: 'Iedereen' },
  municipality: { label: 'Gemeente', all: 'Alle gemeenten' },
  provider: { label: 'Aanbieder', all: 'Alle aanbieders' },
  product: { label: 'Perceel', all: 'Alle percelen' },
};

/** `/`: the work list of the signed-in party (R-SIG-1): every pending step, by urgency. */
export function WorkListPage() {
  useDocumentTitle('Werklijst');
  const signals = useSignals();
  const user = useUser();
  const party = partyOf(user);
  const today = useToday();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readFilters(searchParams);
  const [announcement, setAnnouncement] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);

  const setFilter = (name: FilterName, value: string) => {
    const next: Filters = { ...filters, [name]: value };
    const search: Record<string, string> = {};
    for (const key of Object.keys(next) as FilterName[]) if (next[key]) search[filterParams[key]] = next[key];
    setSearchParams(search, { replace: true });
  };

  const seen = (message: string) => {
    setAnnouncement(message);
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  let body;
  if (signals.isPending || today.isPending) body = <Loading what="Signalen" />;
  else if (signals.isError) body = <LoadError error={signals.error} />;
  else if (today.isError) body = <LoadError error={today.error} />;
  else {
    const options = filterOptions(signals.data);
    const shown = applyFilters(signals.data, filters);
    const groups = groupSignals(shown);
    body = (
      <>
        <form className="koers-inline-form" aria-label="Werklijst filteren" onSubmit={(event) => event.preventDefault()}>
          {(Object.keys(filterLabels) as FilterName[]).map((name) => (
            <SelectField
              key={name}
              name={`filter-${name}`}
              label={filterLabels[name].label}
              optional
              markOptional={false}
              placeholder={filterLabels[name].all}
              options={options[name]}
              value={filters[name]}
              onChange={(event) => setFilter(name, event.target.value)}
            />
          ))}
        </form>
        <Paragraph aria-live="polite">
          {shown.length === 1 ? '1 signaal' : `${shown.length} signalen`}
          {shown.length !== signals.data.length ? ` (van ${signals.data.length}, gefilterd)` : ''}.
        </Paragraph>
        {groups.map((group) => (
          <SignalTable key={group.key} group={group} party={party} onSeen={seen} />
        ))}
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
      {body}
    </>
  );
}
