// R-REF-2: the participant page shows the timeline of every referral, so a consultant reads the whole
// route in one place without opening each referral.
import { Heading } from '@utrecht/component-library-react';
import { useReferralDetail } from '../../api/lifecycle';
import type { Referral } from '../../api/types';
import { LoadError, Loading } from '../../components/QueryStatus';
import { Timeline } from '../referral/Timeline';

function ReferralTimeline({ referral, index }: { referral: Referral; index: number }) {
  const detail = useReferralDetail(referral.id);
  if (detail.isPending) return <Loading what="Tijdlijn" />;
  if (detail.isError) return <LoadError error={detail.error} />;
  return (
    <Timeline
      referral={detail.data}
      idPrefix={`aanmelding-${index}-`}
      level={3}
      title={`${referral.product.name} bij ${referral.provider.name}`}
    />
  );
}

export function ParticipantTimelines({ referrals }: { referrals: readonly Referral[] }) {
  if (referrals.length === 0) return null;
  return (
    <section aria-labelledby="tijdlijnen" className="koers-section">
      <Heading level={2} id="tijdlijnen">
        Tijdlijn
      </Heading>
      {referrals.map((r, i) => (
        <ReferralTimeline key={r.id} referral={r} index={i} />
      ))}
    </section>
  );
}
