// `/contract` (issue #14, R-CM-1): the contract manager's Contract section — its region's meetings,
// searched, sorted, paged and exported, a meeting planned, and the way to the contract-level ladder
// (R-ESC-2). The provider's coordinator reads the same list at `/overleg`: the meetings it is party to.
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useLocation } from 'react-router-dom';
import { useMeetings, type MeetingQuery, type MeetingSort, type MeetingSummary } from '../../api/contract';
import { useUser } from '../../components/AppLayout';
import { DataTable, exportHref, SearchBox, useListState, type Column } from '../../components/DataTable';
import { SelectField } from '../../components/fields';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDate } from '../../lib/dates';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';
import { MEETING_TYPES, sectionBase } from './contractLabels';
import { NewMeetingForm } from './NewMeetingForm';

const PAGE_SIZE = 25;
const SORTS: readonly MeetingSort[] = ['-heldOn', 'heldOn', 'quarter', '-quarter', 'type', '-type'];
const typeOptions = Object.entries(MEETING_TYPES) as [MeetingSummary['type'], string][];
const readType = (value: string) => typeOptions.find(([t]) => t === value)?.[0];

export function ContractPage() {
  const user = useUser();
  const manage = can(user, 'meeting.manage');
  const title = manage ? 'Contract' : 'Overleg';
  useDocumentTitle(title);
  if (!can(user, 'meeting.read')) return <NotAllowed title={title} />;
  return <Meetings title={title} manage={manage} />;
}

function columnsFor(base: string): Column<MeetingSummary>[] {
  return [
    { id: 'meeting', label: 'Overleg', fixed: true, rowHeader: true, sortKey: 'type', cell: (m) => <RouterLink to={`${base}/${encodeURIComponent(m.id)}`}>{`${m.typeName} ${m.quarter}`}</RouterLink> },
    { id: 'heldOn', label: 'Datum', sortKey: 'heldOn', firstDescending: true, cell: (m) => `${formatDate(m.heldOn)}${m.plannedLate ? ' (te laat)' : ''}` },
    { id: 'dueOn', label: 'Uiterlijk', cell: (m) => (m.dueOn === null ? 'op verzoek' : formatDate(m.dueOn)) },
    { id: 'quarter', label: 'Kwartaal', sortKey: 'quarter', cell: (m) => m.quarter },
    { id: 'contract', label: 'Contract', cell: (m) => m.contractName },
    { id: 'providers', label: 'Aanbieders', cell: (m) => m.providers.map((p) => p.name).join(', ') },
    { id: 'actions', label: 'Open actiepunten', cell: (m) => `${String(m.openActions)}${m.overdueActions > 0 ? `, waarvan ${String(m.overdueActions)} over de datum` : ''}` },
  ];
}

function Meetings({ title, manage }: { title: string; manage: boolean }) {
  const base = sectionBase(useLocation().pathname);
  const list = useListState<MeetingSort>(SORTS, '-heldOn');
  const type = readType(list.get('soort'));
  const filters = { ...(type ? { type } : {}), ...(list.q ? { q: list.q } : {}) };
  const query: MeetingQuery = { sort: list.sort, page: list.page, pageSize: PAGE_SIZE, ...filters };
  const meetings = useMeetings(query);

  let body;
  if (meetings.isPending) body = <Loading what="Overleggen" />;
  else if (meetings.isError) body = <LoadError error={meetings.error} />;
  else if (meetings.data.total === 0) body = <Paragraph>Er zijn geen overleggen{list.q ? ` gevonden voor “${list.q}”` : ''}.</Paragraph>;
  else {
    const { total, items } = meetings.data;
    body = (
      <>
        {/* The count only once it answers the search in the address: while the next page loads the previous
            answer stays on screen, and its count under the new search term would be untrue. */}
        {meetings.isPlaceholderData ? (
          <Loading what="Overleggen" />
        ) : (
          <Paragraph aria-live="polite">
            {total === 1 ? '1 overleg' : `${String(total)} overleggen`}
            {list.q ? ` gevonden voor “${list.q}”` : ''}.
          </Paragraph>
        )}
        <DataTable
          id="overleggen"
          caption="Overleggen"
          columns={columnsFor(base)}
          rows={items}
          rowKey={(m) => m.id}
          sort={list.sort}
          onSort={(sort) => list.set({ sort: sort as MeetingSort })}
          page={list.page}
          pageSize={PAGE_SIZE}
          total={total}
          onPage={(page) => list.set({ page })}
          exportHref={(format) => exportHref('/contract-meetings/export', { ...filters, sort: list.sort }, format)}
          defaultHidden={['quarter', 'contract']}
          busy={meetings.isFetching}
        />
      </>
    );
  }

  return (
    <>
      <Heading level={1}>{title}</Heading>
      <Paragraph>
        {manage
          ? 'De overleggen van de contracten van uw regio met hun agenda, verslag en actiepunten (R-CM-1). Koers stelt de agenda voor uit de rapportages, de KPI’s, de termijnen en de open escalaties; u kiest wat erop komt.'
          : 'De overleggen waaraan uw organisatie deelneemt, met de agenda, het verslag en de actiepunten. Uw eigen actiepunten meldt u hier als gedaan.'}
      </Paragraph>
      {manage && (
        <Paragraph>
          <RouterLink to="/contract/escalatie">Escalatie op contractniveau per aanbieder</RouterLink>
          {' · '}<RouterLink to="/contract/escalaties-inburgeraars">Escalaties inburgeraars</RouterLink>{' · '}<RouterLink to="/contract/klachten">Klachten</RouterLink>
        </Paragraph>
      )}
      <section aria-labelledby="overleggen-lijst" className="koers-section">
        <Heading level={2} id="overleggen-lijst">
          Overleggen
        </Heading>
        <SearchBox key={list.q} listLabel="Overleggen" label="Zoek op overleg, kwartaal, contract of aanbieder" initial={list.q} onSearch={(q) => list.set({ q })} />
        <form className="koers-inline-form" aria-label="Overleggen filteren" onSubmit={(event) => event.preventDefault()}>
          <SelectField name="soort" label="Soort overleg" optional markOptional={false} placeholder="Alle soorten" options={typeOptions} value={type ?? ''} onChange={(event) => list.set({ filters: { soort: event.target.value } })} />
        </form>
        {body}
      </section>
      {manage && <NewMeetingForm />}
    </>
  );
}
