// `/deelname` (issue #12, "Screens for staff"): the participation provider's day — its participants
// referred for participation or MAP, with hours per kind, the MAP practical part against 40 hours, the
// next 200-hour meeting and the ladder step now. The language provider and the consultant read the same
// list (the server's room decides which rows); registering happens on each participant's page.
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useParticipationPage, type ParticipationListQuery, type ParticipationRow } from '../../api/participation';
import { useUser } from '../../components/AppLayout';
import { DataTable, exportHref, SearchBox, useListState, type Column } from '../../components/DataTable';
import { LoadError, Loading } from '../../components/QueryStatus';
import { SelectField } from '../../components/fields';
import { RouterLink } from '../../components/RouterLink';
import { formatDate } from '../../lib/dates';
import { fullName } from '../../lib/labels';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';
import { hoursText } from './labels';

type Sort = NonNullable<ParticipationListQuery['sort']>;
const SORTS: readonly Sort[] = ['name', '-name', 'startedOn', '-startedOn', 'hours', '-hours', 'mapPractical', '-mapPractical'];
const PAGE_SIZE = 25;
/** The address's ?portfolio= (issue #12, "portfolios to complete"): filtered by the server, in the export too. */
const readPortfolio = (v: string): 'complete' | 'incomplete' | undefined => (v === 'complete' || v === 'incomplete' ? v : undefined);

const columns: readonly Column<ParticipationRow>[] = [
  {
    id: 'name',
    label: 'Naam',
    sortKey: 'name',
    fixed: true,
    rowHeader: true,
    cell: (r) => <RouterLink to={`/deelname/${encodeURIComponent(r.participantId)}`}>{fullName(r)}</RouterLink>,
  },
  { id: 'client', label: 'Klantnummer', cell: (r) => r.clientNumber ?? '—' },
  { id: 'municipality', label: 'Gemeente', cell: (r) => r.municipalityName },
  { id: 'product', label: 'Product', cell: (r) => r.productName },
  { id: 'started', label: 'Gestart op', sortKey: 'startedOn', cell: (r) => (r.startedOn === null ? 'Nog niet' : formatDate(r.startedOn)) },
  { id: 'hours', label: 'Uren in totaal', sortKey: 'hours', firstDescending: true, cell: (r) => `${hoursText(r.totalMinutes)} uur` },
  { id: 'participation', label: 'Participatie', cell: (r) => `${hoursText(r.byHourKind.participation)} uur` },
  { id: 'internship', label: 'Stage', cell: (r) => `${hoursText(r.byHourKind.internship)} uur` },
  {
    id: 'practical',
    label: 'MAP-praktijkdeel',
    sortKey: 'mapPractical',
    firstDescending: true,
    cell: (r) => (r.productKind === 'map' ? `${hoursText(r.mapPractical.minutes)} / ${hoursText(r.mapPractical.requiredMinutes)} uur` : '—'),
  },
  {
    id: 'meeting',
    label: 'Volgend 200-urenoverleg',
    cell: (r) => (r.nextMeetingAtHours === null ? '—' : `bij ${r.nextMeetingAtHours} uur${r.meetingsDue > 0 ? ` (${r.meetingsDue === 1 ? '1 overleg' : `${r.meetingsDue} overleggen`} bereikt)` : ''}`),
  },
  { id: 'ladder', label: 'Trede nu', cell: (r) => (r.ladderStep === null ? 'Nog niet vastgelegd' : String(r.ladderStep)) },
  // R-MAP-3: a Z-route portfolio has no Bijlage 3 part, so no completeness: a dash.
  { id: 'portfolio', label: 'Portfolio compleet', cell: (r) => (r.portfolioComplete === null ? '—' : r.portfolioComplete ? 'Ja' : 'Nee') },
];

export function DeelnamePage() {
  useDocumentTitle('Deelname');
  const user = useUser();
  if (!can(user, 'participation.read') || user.organisation.kind === 'participant') return <NotAllowed title="Deelname" />;
  return <ParticipationList />;
}

function ParticipationList() {
  const list = useListState<Sort>(SORTS, 'name');
  const portfolio = readPortfolio(list.get('portfolio'));
  const filter = { sort: list.sort, ...(list.q ? { q: list.q } : {}), ...(portfolio ? { portfolio } : {}) };
  const page = useParticipationPage({ ...filter, page: list.page, pageSize: PAGE_SIZE });

  let body;
  if (page.isPending) body = <Loading what="Deelname" />;
  else if (page.isError) body = <LoadError error={page.error} />;
  else if (page.data.total === 0) body = <Paragraph>Geen inburgeraars met participatie of MAP{list.q ? ` gevonden voor “${list.q}”` : ''}.</Paragraph>;
  else {
    const { total, items } = page.data;
    body = (
      <>
        <Paragraph aria-live="polite">
          {total === 1 ? '1 inburgeraar' : `${total} inburgeraars`}
          {list.q ? ` gevonden voor “${list.q}”` : ''}.
        </Paragraph>
        <DataTable
          id="deelname"
          caption="Inburgeraars met participatie of MAP"
          columns={columns}
          rows={items}
          rowKey={(r) => r.participantId}
          sort={list.sort}
          onSort={(sort) => list.set({ sort: sort as Sort })}
          page={list.page}
          pageSize={PAGE_SIZE}
          total={total}
          onPage={(p) => list.set({ page: p })}
          exportHref={(format) => exportHref('/participation/participants/export', { q: list.q, portfolio, sort: list.sort }, format)}
          busy={page.isFetching}
        />
      </>
    );
  }

  return (
    <>
      <Heading level={1}>Deelname</Heading>
      <Paragraph>Inburgeraars met een aanmelding voor participatie of de MAP: hun uren per soort, het praktijkdeel van de MAP (minstens 40 uur), het overleg per 200 uur en de trede op de participatieladder.</Paragraph>
      <SearchBox key={list.q} listLabel="Deelname" label="Zoek op naam of klantnummer" initial={list.q} onSearch={(q) => list.set({ q })} />
      <form className="koers-inline-form" aria-label="Filter op portfolio" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          name="portfolio"
          label="Portfolio compleet"
          optional
          markOptional={false}
          placeholder="Alle portfolio's"
          options={[['complete', 'Ja'], ['incomplete', 'Nee, nog aan te vullen']]}
          value={portfolio ?? ''}
          onChange={(event) => list.set({ filters: { portfolio: readPortfolio(event.target.value) ?? '' } })}
        />
      </form>
      {body}
    </>
  );
}
