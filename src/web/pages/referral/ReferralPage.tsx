// `/aanmeldingen/:id`: one referral from referral to start (R-REF-2, R-REF-3, R-REF-4, R-REF-6,
// R-REF-7): what is owed, what this user can record now, the learning plan, the timeline and the
// documents.
import { useEffect, type ReactNode } from 'react';
import { DataList, DataListItem, DataListKey, DataListValue, Heading, Paragraph } from '@utrecht/component-library-react';
import { useLocation, useParams } from 'react-router-dom';
import { useReferralDetail } from '../../api/lifecycle';
import type { ReferralDetail } from '../../api/lifecycleTypes';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDate } from '../../lib/dates';
import { fullName, referralStatusLabel, yesNo } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Documents } from './Documents';
import { LearningPlans } from './LearningPlans';
import { PendingSteps } from './PendingSteps';
import { ReferralActions } from './ReferralActions';
import { Timeline } from './Timeline';

export function ReferralPage() {
  const { id = '' } = useParams();
  const referral = useReferralDetail(id);
  useDocumentTitle(referral.data ? `Aanmelding ${fullName(referral.data.participant)}` : 'Aanmelding');

  if (referral.isPending) return <Loading what="Aanmelding" />;
  if (referral.isError) {
    return (
      <>
        <Heading level={1}>Aanmelding</Heading>
        <LoadError error={referral.error} />
        <Paragraph>
          <RouterLink to="/">Naar de werklijst</RouterLink>
        </Paragraph>
      </>
    );
  }
  return <ReferralFile referral={referral.data} />;
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

/** `#tijdlijn` (linked from the participant's file) focuses the timeline once the page is there. */
function useFocusHash() {
  const { hash } = useLocation();
  useEffect(() => {
    if (hash !== '#tijdlijn') return;
    // After Shell has put focus on <main> for the new route.
    const frame = requestAnimationFrame(() => {
      const target = document.getElementById('tijdlijn-sectie');
      target?.scrollIntoView();
      target?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [hash]);
}

function ReferralFile({ referral }: { referral: ReferralDetail }) {
  useFocusHash();
  const { intake } = referral;
  return (
    <>
      <Heading level={1}>Aanmelding {fullName(referral.participant)}</Heading>
      <DataList className="koers-referral-summary">
        <Item label="Inburgeraar">
          <RouterLink to={`/inburgeraars/${encodeURIComponent(referral.participant.id)}`}>
            {fullName(referral.participant)}
          </RouterLink>
        </Item>
        <Item label="Aanbieder">{referral.provider.name}</Item>
        <Item label="Perceel">{referral.product.name}</Item>
        <Item label="Status">
          <strong>{referralStatusLabel(referral.status)}</strong>
        </Item>
        <Item label="Aangemeld op">{formatDate(referral.referredOn)}</Item>
        {intake.date && (
          <Item label="Intake">
            {formatDate(intake.date)}
            {intake.location ? `, ${intake.location}` : ''}
            {intake.heldOn ? ` (gehouden op ${formatDate(intake.heldOn)})` : ''}
            {intake.noShowOn && referral.status === 'intakeNoShow' ? ` (niet verschenen op ${formatDate(intake.noShowOn)})` : ''}
            {intake.agreedIntakeDate && referral.status === 'intakeNoShow' ? `; nieuwe intake afgesproken op ${formatDate(intake.agreedIntakeDate)}` : ''}
          </Item>
        )}
        {intake.regularStartInTime !== null && (
          <Item label="Reguliere start binnen de starttermijn">{yesNo(intake.regularStartInTime)}</Item>
        )}
        {referral.startClassStartedOn && <Item label="Opstartklas gestart op">{formatDate(referral.startClassStartedOn)}</Item>}
        {referral.startedOn && <Item label="Gestart op">{formatDate(referral.startedOn)}</Item>}
      </DataList>
      <PendingSteps steps={referral.pendingSteps} />
      <ReferralActions referral={referral} />
      <LearningPlans plans={referral.learningPlans} />
      <Timeline referral={referral} />
      <Documents referralId={referral.id} />
    </>
  );
}
