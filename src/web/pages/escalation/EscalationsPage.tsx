// `/escalaties` (issue #14, R-ESC-1): the consultant's and the provider's coordinator's participant-level
// ladder — the cases in their room with the person, the step reached and the check-ins still to hold;
// searched, sorted, paged and exported by the server with the shared list features.
// The contract manager reads the same list at `/contract/escalaties-inburgeraars`: the cases from the
// last step on, under their pseudonym only (the server sends no person).
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useLocation } from 'react-router-dom';
import { useEscalations, type EscalationItem } from '../../api/participantEscalation';
import { useUser } from '../../components/AppLayout';
import { DataTable, exportHref, SearchBox, useListState, type Column } from '../../components/DataTable';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDate } from '../../lib/dates';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';
import { caseLabel, ESCALATION_SORTS, lastStep, openCheckIns, STEP_NAME, type EscalationSort } from './escalationList';

const PAGE_SIZE = 25;
export const CONTRACT_BASE = '/contract/escalaties-inburgeraars';
export const escalationBase = (pathname: string) => (pathname.startsWith(CONTRACT_BASE) ? CONTRACT_BASE : '/escalaties');

export function EscalationsPage() {
  const user = useUser();
  const manager = !can(user, 'escalation.record');
  const title = manager ? 'Escalaties inburgeraars' : 'Escalaties';
  useDocumentTitle(title);
  if (!can(user, 'escalation.read')) return <NotAllowed title={title} />;
  return <Escalations title={title} manager={manager} />;
}

function columnsFor(base: string, manager: boolean): Column<EscalationItem>[] {
  return [
    { id: 'case', label: manager ? 'Casus' : 'Inburgeraar', fixed: true, rowHeader: true, sortKey: 'case', cell: (c) => <RouterLink to={`${base}/${encodeURIComponent(c.id)}`}>{caseLabel(c)}</RouterLink> },
    ...(manager ? [] : [{ id: 'pseudonym', label: 'Casusnummer', cell: (c: EscalationItem) => c.pseudonym }]),
    { id: 'provider', label: 'Aanbieder', cell: (c) => c.providerCode },
    { id: 'step', label: 'Laatste stap', sortKey: 'step', cell: (c) => STEP_NAME[lastStep(c)?.step ?? 'signalAndAlignment'] },
    { id: 'lastStepOn', label: 'Datum', sortKey: 'lastStepOn', firstDescending: true, cell: (c) => formatDate(lastStep(c)?.decidedOn) },
    {
      id: 'checkIns',
      label: 'Monitoring',
      cell: (c) => {
        const overdue = c.checkIns.filter((k) => k.overdue).length;
        const open = openCheckIns(c).length;
        if (c.checkIns.length === 0) return 'Geen';
        return `${String(c.checkIns.length - open)} van ${String(c.checkIns.length)} gehouden${overdue > 0 ? `, ${String(overdue)} te laat` : ''}`;
      },
    },
    { id: 'status', label: 'Stand', cell: (c) => (c.closedOn === null ? 'Open' : `Afgesloten ${formatDate(c.closedOn)}`) },
  ];
}

function Escalations({ title, manager }: { title: string; manager: boolean }) {
  const base = escalationBase(useLocation().pathname);
  const list = useListState<EscalationSort>(ESCALATION_SORTS, '-lastStepOn');
  const filters = list.q ? { q: list.q } : {};
  const escalations = useEscalations({ sort: list.sort, page: list.page, pageSize: PAGE_SIZE, ...filters });
  let body;
  if (escalations.isPending) body = <Loading what={title} />;
  else if (escalations.isError) body = <LoadError error={escalations.error} />;
  else {
    const { total, items: rows } = escalations.data;
    body =
      total === 0 ? (
        <Paragraph>Er zijn geen escalaties{list.q ? ` gevonden voor “${list.q}”` : ''}.</Paragraph>
      ) : (
        <>
          {/* The count only once it answers the search in the address (the previous page stays while the next loads). */}
          {escalations.isPlaceholderData ? (
            <Loading what={title} />
          ) : (
            <Paragraph aria-live="polite">
              {total === 1 ? '1 escalatie' : `${String(total)} escalaties`}
              {list.q ? ` gevonden voor “${list.q}”` : ''}.
            </Paragraph>
          )}
          <DataTable
            id={manager ? 'escalaties-contract' : 'escalaties'}
            caption={title}
            columns={columnsFor(base, manager)}
            rows={rows}
            rowKey={(c) => c.id}
            sort={list.sort}
            onSort={(sort) => list.set({ sort: sort as EscalationSort })}
            page={list.page}
            pageSize={PAGE_SIZE}
            total={total}
            onPage={(page) => list.set({ page })}
            exportHref={(format) => exportHref('/participant-escalations/export', { ...filters, sort: list.sort }, format)}
            busy={escalations.isFetching}
          />
        </>
      );
  }
  return (
    <>
      <Heading level={1}>{title}</Heading>
      <Paragraph>
        {manager
          ? 'De escalaties over individuele inburgeraars die bij u als contractmanager zijn aangekomen, onder hun casusnummer: zonder naam of andere persoonsgegevens. U beoordeelt of de aanbieder handelt zoals afgesproken.'
          : 'De escalaties over individuele inburgeraars: signalering en afstemming, een verbeterplan met wekelijkse monitoring, overleg op lokaal management- of beleidsniveau en tot slot de contractmanager. Een escalatie opent u bij de inburgeraar.'}
      </Paragraph>
      <SearchBox key={list.q} listLabel={title} label={manager ? 'Zoek op casusnummer of aanbieder' : 'Zoek op naam, casusnummer of aanbieder'} initial={list.q} onSearch={(q) => list.set({ q })} />
      {body}
    </>
  );
}
