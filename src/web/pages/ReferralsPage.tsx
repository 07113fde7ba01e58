import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useSearchParams } from 'react-router-dom';
import { useReferrals, useToday } from '../api/queries';
import type { Referral, ReferralStatus } from '../api/types';
import { useUser } from '../components/AppLayout';
import { SelectField } from '../components/fields';
import { LoadError, Loading } from '../components/QueryStatus';
import { isOverdue, ReferralTable } from '../components/ReferralTable';
import { referralStatusLabels } from '../lib/labels';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { NotAllowed } from './NotAllowed';
import { can } from '../lib/permissions';

const statusOptions = Object.entries(referralStatusLabels) as [ReferralStatus, string][];

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
  const [searchParams, setSearchParams] = useSearchParams();
  const status = readStatus(searchParams.get('status'));
  const referrals = useReferrals(status);
  const today = useToday().data;

  let body;
  if (referrals.isPending) body = <Loading what="Aanmeldingen" />;
  else if (referrals.isError) body = <LoadError error={referrals.error} />;
  else if (referrals.data.length === 0) body = <Paragraph>Geen aanmeldingen.</Paragraph>;
  else {
    // Still to acknowledge first, earliest deadline on top; then the acknowledged ones, latest first.
    const waiting = (r: Referral) => (r.status === 'referred' ? 0 : 1);
    const sorted = [...referrals.data].sort(
      (a, b) =>
        waiting(a) - waiting(b) ||
        (waiting(a) === 0
          ? a.acknowledgementDueDate.localeCompare(b.acknowledgementDueDate)
          : (b.acknowledgedAt ?? '').localeCompare(a.acknowledgedAt ?? '')),
    );
    const overdue = sorted.filter((r) => isOverdue(r, today)).length;
    body = (
      <>
        <Paragraph>
          {sorted.length === 1 ? '1 aanmelding' : `${sorted.length} aanmeldingen`}
          {overdue > 0 ? `, waarvan ${overdue} te laat bevestigd` : ''}.
        </Paragraph>
        <ReferralTable
          caption="Aanmeldingen"
          referrals={sorted}
          today={today}
          showParticipant
          showProvider={false}
          canAcknowledge={mayAcknowledge}
        />
      </>
    );
  }

  return (
    <>
      <Heading level={1}>Aanmeldingen</Heading>
      <Paragraph>Bevestig de ontvangst van een aanmelding uiterlijk op de datum in de kolom “Ontvangstbevestiging uiterlijk”.</Paragraph>
      <form className="koers-inline-form" aria-label="Filter aanmeldingen" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          name="status"
          label="Toon"
          optional
          markOptional={false}
          placeholder="Alle aanmeldingen"
          options={statusOptions}
          value={status ?? ''}
          onChange={(event) => {
            const next = readStatus(event.target.value);
            setSearchParams(next ? { status: next } : {});
          }}
        />
      </form>
      {body}
    </>
  );
}
