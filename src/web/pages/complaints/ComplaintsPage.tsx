// The complaints register (issue #14, R-CM-3; 002 eis 36–37): the provider's coordinator sees its own
// complaints and registers new ones; a consultant reads those of its municipality's participants.
// Searched, filtered on open/closed, sorted, paged and exported with the shared list.
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useComplaints, useRegisterComplaint, type ComplaintItem, type ComplaintQuery, type ComplaintSort } from '../../api/complaints';
import { useReferralPage } from '../../api/lists';
import { useSystemDate } from '../../api/queries';
import { useUser } from '../../components/AppLayout';
import { DataTable, exportHref, SearchBox, useListState, type Column } from '../../components/DataTable';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDate } from '../../lib/dates';
import { fullName } from '../../lib/labels';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { ApiForm, type FieldSpec } from '../contract/ApiForm';
import { NotAllowed } from '../NotAllowed';
import { FROM, OUTCOME } from './complaintLabels';

const PAGE_SIZE = 25;
const SORTS: readonly ComplaintSort[] = ['-receivedOn', 'receivedOn', 'subject', 'status', 'provider'];
const TITLE = 'Klachten';

const columns: Column<ComplaintItem>[] = [
  { id: 'receivedOn', label: 'Ontvangen', fixed: true, sortKey: 'receivedOn', cell: (i) => formatDate(i.receivedOn) },
  { id: 'subject', label: 'Onderwerp', rowHeader: true, sortKey: 'subject', cell: (i) => <RouterLink to={`/klachten/${encodeURIComponent(i.id)}`}>{i.subject}</RouterLink> },
  { id: 'from', label: 'Van', cell: (i) => `${FROM[i.from.kind]}: ${i.from.name}` },
  { id: 'provider', label: 'Aanbieder', sortKey: 'provider', cell: (i) => i.providerName },
  { id: 'status', label: 'Stand', sortKey: 'status', cell: (i) => (i.closedOn === null ? 'Open' : `Afgesloten ${formatDate(i.closedOn)}${i.outcome === null ? '' : ` (${OUTCOME[i.outcome].toLowerCase()})`}`) },
];

export function ComplaintsPage() {
  const user = useUser();
  useDocumentTitle(TITLE);
  if (!can(user, 'complaint.read')) return <NotAllowed title={TITLE} />;
  const register = can(user, 'complaint.register');
  return <Complaints register={register} />;
}

function Complaints({ register }: { register: boolean }) {
  const list = useListState<ComplaintSort>(SORTS, '-receivedOn');
  const filters = list.q ? { q: list.q } : {};
  const query: ComplaintQuery = { sort: list.sort, page: list.page, pageSize: PAGE_SIZE, ...filters };
  const complaints = useComplaints(query);
  let body;
  if (complaints.isPending) body = <Loading what={TITLE} />;
  else if (complaints.isError) body = <LoadError error={complaints.error} />;
  else if (complaints.data.total === 0) body = <Paragraph>Er zijn geen klachten{list.q ? ` gevonden voor “${list.q}”` : ''}.</Paragraph>;
  else {
    const { total, items } = complaints.data;
    body = (
      <>
        {/* The count only once it answers the search in the address: while the next page loads the previous
            answer stays on screen, and its count under the new search term would be untrue. */}
        {complaints.isPlaceholderData ? (
          <Loading what={TITLE} />
        ) : (
          <Paragraph aria-live="polite">
            {total === 1 ? '1 klacht' : `${String(total)} klachten`}
            {list.q ? ` gevonden voor “${list.q}”` : ''}.
          </Paragraph>
        )}
        <DataTable
          id="klachten"
          caption={TITLE}
          columns={columns}
          rows={items}
          rowKey={(i) => i.id}
          sort={list.sort}
          onSort={(sort) => list.set({ sort: sort as ComplaintSort })}
          page={list.page}
          pageSize={PAGE_SIZE}
          total={total}
          onPage={(page) => list.set({ page })}
          exportHref={(format) => exportHref('/complaints/export', { ...filters, sort: list.sort }, format)}
          busy={complaints.isFetching}
        />
      </>
    );
  }
  return (
    <>
      <Heading level={1}>{TITLE}</Heading>
      <Paragraph>
        {register
          ? 'De klachten die uw organisatie ontving, van inburgeraars en van organisaties, met wie ze behandelt, de maatregelen en de afsluiting. De gemeente van de inburgeraar leest mee; de contractmanager ziet alleen aantallen.'
          : 'De klachten van de inburgeraars van uw gemeente bij hun aanbieder, met de behandeling en de afsluiting.'}
      </Paragraph>
      <SearchBox key={list.q} listLabel={TITLE} label="Zoek op onderwerp of naam" initial={list.q} onSearch={(q) => list.set({ q })} />
      {body}
      {register && <RegisterForm />}
    </>
  );
}

type RegisterField = 'receivedOn' | 'kind' | 'referralId' | 'name' | 'subject' | 'handledBy';

/** The provider registers a complaint: from one of its participants (by referral) or an organisation. */
function RegisterForm() {
  const today = useSystemDate().data?.today ?? '';
  const referrals = useReferralPage({ page: 1, pageSize: 1000 });
  const registerComplaint = useRegisterComplaint();
  const options = (referrals.data?.items ?? []).map((r) => [r.id, `${fullName(r.participant)} — ${r.product.name}`] as const);
  const fields: FieldSpec<RegisterField>[] = [
    { name: 'receivedOn', label: 'Ontvangen op', kind: 'date' },
    { name: 'kind', label: 'Van', kind: 'select', options: [['participant', 'Een inburgeraar'], ['organisation', 'Een organisatie']] },
    { name: 'referralId', label: 'Aanmelding van de inburgeraar', kind: 'select', options, optional: true, check: (v, all) => (all.kind === 'participant' && v === '' ? 'Kies de aanmelding.' : undefined) },
    { name: 'name', label: 'Naam van de organisatie', optional: true, check: (v, all) => (all.kind === 'organisation' && v === '' ? 'Vul de naam van de organisatie in.' : undefined) },
    { name: 'subject', label: 'Onderwerp', kind: 'textarea' },
    { name: 'handledBy', label: 'Behandeld door', optional: true },
  ];
  return (
    <details className="koers-disclosure koers-record-form">
      <summary>Klacht registreren</summary>
      <ApiForm
        id="klacht-nieuw"
        label="Klacht registreren"
        fields={fields}
        initial={{ receivedOn: today, kind: 'participant', referralId: '', name: '', subject: '', handledBy: '' }}
        submitLabel="Registreren"
        savedMessage="De klacht is geregistreerd."
        onSubmit={(v) =>
          registerComplaint.mutateAsync({
            receivedOn: v.receivedOn,
            from: v.kind === 'organisation' ? { kind: 'organisation', name: v.name } : { kind: 'participant', referralId: v.referralId },
            subject: v.subject,
            handledBy: v.handledBy === '' ? null : v.handledBy,
            measures: '',
          })
        }
      />
    </details>
  );
}
