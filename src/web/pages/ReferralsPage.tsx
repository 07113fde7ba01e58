import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useReferralPage, type ReferralListQuery } from '../api/lists';
import { useToday } from '../api/queries';
import type { ReferralStatus } from '../api/types';
import { useUser } from '../components/AppLayout';
import { exportHref, SearchBox, useListState } from '../components/DataTable';
import { SelectField } from '../components/fields';
import { LoadError, Loading } from '../components/QueryStatus';
import { ReferralTable } from '../components/ReferralTable';
import { referralStatusLabels } from '../lib/labels';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { NotAllowed } from './NotAllowed';
import { can } from '../lib/permissions';

const statusOptions = Object.entries(referralStatusLabels) as [ReferralStatus, string][];
const PAGE_SIZE = 25;
type Sort = NonNullable<ReferralListQuery['sort']>;
const SORTS: readonly Sort[] = ['waiting', 'dueDate', '-dueDate', 'name', '-name', 'referredOn', '-referredOn', 'status', '-status'];

function readStatus(value: string | null): ReferralStatus | undefined {
  return statusOptions.find(([status]) => status === value)?.[0];
}

/** `/aanmeldingen`: referrals that reached the provider, with their acknowledgement deadline (R-REF-2). */
export function ReferralsPage() {
  useDocumentTitle('Aanmeldingen');
  const user = useUser();
  if (!can(user, 'referral.acknowledge')) return <NotAllowed title="Aanmeldingen" />;
  return <IncomingReferrals mayAcknowledge={can(user, 'referral.acknowledge')} />;
}

function IncomingReferrals({ mayAcknowledge }: { mayAcknowledge: boolean }) {
  // Still to acknowledge first, earliest deadline on top: the coordinator's order of work.
  const list = useListState<Sort>(SORTS, 'waiting');
  const status = readStatus(list.get('status'));
  const filter = { sort: list.sort, ...(status ? { status } : {}), ...(list.q ? { q: list.q } : {}) };
  const referrals = useReferralPage({ ...filter, page: list.page, pageSize: PAGE_SIZE });
  const today = useToday().data;

  let body;
  if (referrals.isPending) body = <Loading what="Aanmeldingen" />;
  else if (referrals.isError) body = <LoadError error={referrals.error} />;
  else if (referrals.data.total === 0) body = <Paragraph>Geen aanmeldingen{list.q ? ` gevonden voor “${list.q}”` : ''}.</Paragraph>;
  else {
    const { total, items } = referrals.data;
    body = (
      <>
        {/* The count only once it answers the search in the address: while the next page loads the previous
            answer stays on screen, and its count under the new search term would be untrue. */}
        {referrals.isPlaceholderData ? (
          <Loading what="Aanmeldingen" />
        ) : (
          <Paragraph aria-live="polite">
            {total === 1 ? '1 aanmelding' : `${total} aanmeldingen`}
            {list.q ? ` gevonden voor “${list.q}”` : ''}.
          </Paragraph>
        )}
        <ReferralTable
          caption="Aanmeldingen"
          referrals={items}
          today={today}
          showParticipant
          showProvider={false}
          canAcknowledge={mayAcknowledge}
          table={{
            sort: list.sort,
            onSort: (sort) => list.set({ sort: sort as Sort }),
            page: list.page,
            pageSize: PAGE_SIZE,
            total,
            onPage: (page) => list.set({ page }),
            exportHref: (format) => exportHref('/referrals/export', { status, q: list.q, sort: list.sort }, format),
            busy: referrals.isFetching,
          }}
        />
      </>
    );
  }

  return (
    <>
      <Heading level={1}>Aanmeldingen</Heading>
      <Paragraph>Bevestig de ontvangst van een aanmelding uiterlijk op de datum in de kolom “Ontvangstbevestiging uiterlijk”.</Paragraph>
      <SearchBox key={list.q} listLabel="Aanmeldingen" label="Zoek op naam of klantnummer" initial={list.q} onSearch={(q) => list.set({ q })} />
      <form className="koers-inline-form" aria-label="Filter aanmeldingen" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          name="status"
          label="Toon"
          optional
          markOptional={false}
          placeholder="Alle aanmeldingen"
          options={statusOptions}
          value={status ?? ''}
          onChange={(event) => list.set({ filters: { status: readStatus(event.target.value) ?? '' } })}
        />
      </form>
      {body}
    </>
  );
}
