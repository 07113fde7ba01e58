// `/rapportages` (issue #13, R-CON-8, R-MI-6): the report instances the reader sees — a provider its own,
// a consultant its municipality's and the region's, the contract manager its region's, the policy
// officer its municipality's and the region's — with due date and status; searched, sorted and paged by
// the server, filtered on status and period.
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useReportInstances, type InstanceQuery, type InstanceSort, type InstanceStatus, type ReportInstance } from '../../api/reportInstances';
import { useSystemDate } from '../../api/queries';
import { useUser } from '../../components/AppLayout';
import { DataTable, SearchBox, useListState, type Column } from '../../components/DataTable';
import { SelectField } from '../../components/fields';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDate, formatTimestampDate } from '../../lib/dates';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';
import { STATUS_LABELS } from './reportLabels';
import './reports.css';

const TITLE = 'Rapportages';
const PAGE_SIZE = 25;
const SORTS: readonly InstanceSort[] = ['dueOn', '-dueOn', 'period', '-period', 'status', '-status', 'municipality', '-municipality', 'provider', '-provider'];
const statusOptions = Object.entries(STATUS_LABELS) as [InstanceStatus, string][];

const readStatus = (value: string): InstanceStatus | undefined => statusOptions.find(([s]) => s === value)?.[0];

/** The periods of the default window (1 January last year up to now): the quarters and the years. */
function periodOptions(today: string | undefined): [string, string][] {
  const year = Number((today ?? '2000-01-01').slice(0, 4));
  const out: [string, string][] = [];
  for (const y of [year, year - 1]) {
    for (const q of [4, 3, 2, 1]) out.push([`${String(y)}-Q${String(q)}`, `${String(q)}e kwartaal ${String(y)}`]);
    out.push([String(y), `Jaar ${String(y)}`]);
  }
  return out;
}

export function ReportsPage() {
  useDocumentTitle(TITLE);
  const user = useUser();
  if (!can(user, 'report.read')) return <NotAllowed title={TITLE} />;
  return <Reports />;
}

const columns: Column<ReportInstance>[] = [
  {
    id: 'report',
    label: 'Rapportage',
    fixed: true,
    rowHeader: true,
    cell: (i) => <RouterLink to={`/rapportages/${encodeURIComponent(i.id)}`}>{`${i.kindName} ${i.period.id}`}</RouterLink>,
  },
  { id: 'scope', label: 'Voor', sortKey: 'municipality', cell: (i) => i.scopeName },
  { id: 'provider', label: 'Aanbieder', sortKey: 'provider', cell: (i) => i.providerName },
  { id: 'period', label: 'Periode', sortKey: 'period', cell: (i) => `${formatDate(i.period.start)} – ${formatDate(i.period.end)}` },
  { id: 'dueOn', label: 'Uiterlijk', sortKey: 'dueOn', cell: (i) => (i.dueOn === null ? 'geen termijn' : formatDate(i.dueOn)) },
  { id: 'status', label: 'Status', sortKey: 'status', cell: (i) => <span className={`koers-report-status koers-report-status--${i.status}`}>{STATUS_LABELS[i.status]}</span> },
  { id: 'submittedAt', label: 'Ingediend', cell: (i) => (i.submittedAt === null ? '—' : `${formatTimestampDate(i.submittedAt)}${i.submittedBy ? ` door ${i.submittedBy}` : ''}${i.corrections > 0 ? ` (${String(i.corrections)} × gecorrigeerd)` : ''}`) },
  { id: 'contract', label: 'Contract', cell: (i) => i.contractName },
  { id: 'recipients', label: 'Naar', cell: (i) => i.recipients.join(', ') },
];

function Reports() {
  const list = useListState<InstanceSort>(SORTS, 'dueOn');
  const today = useSystemDate().data?.today;
  const status = readStatus(list.get('status'));
  const periods = periodOptions(today);
  const period = periods.find(([p]) => p === list.get('periode'))?.[0];
  const query: InstanceQuery = { sort: list.sort, page: list.page, pageSize: PAGE_SIZE, ...(status ? { status } : {}), ...(period ? { period } : {}), ...(list.q ? { q: list.q } : {}) };
  const instances = useReportInstances(query);

  let body;
  if (instances.isPending) body = <Loading what="Rapportages" />;
  else if (instances.isError) body = <LoadError error={instances.error} />;
  else if (instances.data.total === 0) body = <Paragraph>Er zijn geen rapportages{list.q ? ` gevonden voor “${list.q}”` : ''}.</Paragraph>;
  else {
    const { total, items } = instances.data;
    body = (
      <>
        <Paragraph aria-live="polite">
          {total === 1 ? '1 rapportage' : `${String(total)} rapportages`}
          {list.q ? ` gevonden voor “${list.q}”` : ''}.
        </Paragraph>
        <DataTable
          id="rapportages"
          caption="Rapportages"
          columns={columns}
          rows={items}
          rowKey={(i) => i.id}
          sort={list.sort}
          onSort={(sort) => list.set({ sort: sort as InstanceSort })}
          page={list.page}
          pageSize={PAGE_SIZE}
          total={total}
          onPage={(page) => list.set({ page })}
          defaultHidden={['contract', 'recipients']}
          busy={instances.isFetching}
        />
      </>
    );
  }

  return (
    <>
      <Heading level={1}>{TITLE}</Heading>
      <Paragraph>
        De rapportages die het contract vraagt, per periode, met de uiterste datum en de status. De aanbieder vult ze aan en dient ze in; een ingediende rapportage blijft
        precies zoals zij is ingediend.
      </Paragraph>
      <SearchBox key={list.q} listLabel="Rapportages" label="Zoek op rapportage, gemeente of aanbieder" initial={list.q} onSearch={(q) => list.set({ q })} />
      <form className="koers-inline-form" aria-label="Rapportages filteren" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          name="status"
          label="Status"
          optional
          markOptional={false}
          placeholder="Alle statussen"
          options={statusOptions}
          value={status ?? ''}
          onChange={(event) => list.set({ filters: { status: readStatus(event.target.value) ?? '' } })}
        />
        <SelectField
          name="periode"
          label="Periode"
          optional
          markOptional={false}
          placeholder="Alle perioden"
          options={periods}
          value={period ?? ''}
          onChange={(event) => list.set({ filters: { periode: event.target.value } })}
        />
      </form>
      {body}
    </>
  );
}
