// R-REF-2: every step with its date and actor, oldest first.
import { Heading, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react';
import type { ReferralDetail } from '../../api/lifecycleTypes';
import { formatDate, formatTimestamp } from '../../lib/dates';
import { roleLabel } from '../../lib/labels';
import { describeEvent } from '../../lib/lifecycleLabels';

export function Timeline({ referral }: { referral: ReferralDetail }) {
  const events = [...referral.events].sort(
    (a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.occurredOn.localeCompare(b.occurredOn),
  );
  return (
    <section aria-labelledby="tijdlijn" className="koers-section" id="tijdlijn-sectie" tabIndex={-1}>
      <Heading level={2} id="tijdlijn">
        Tijdlijn
      </Heading>
      {events.length === 0 ? (
        <Paragraph>Er is nog niets vastgelegd.</Paragraph>
      ) : (
        <OrderedList className="koers-timeline" aria-labelledby="tijdlijn">
          {events.map((event) => {
            const { title, facts } = describeEvent(event, referral);
            return (
              <OrderedListItem key={event.id} className="koers-timeline__item">
                <span className="koers-timeline__date">{formatDate(event.occurredOn)}</span>{' '}
                <strong>{title}</strong>
                {facts.map((fact) => (
                  <span key={fact} className="koers-timeline__fact">
                    {fact}
                  </span>
                ))}
                <span className="koers-timeline__actor">
                  Door {event.actorName} ({[roleLabel(event.actorRole), event.organisationName].filter(Boolean).join(', ')}),{' '}
                  vastgelegd op {formatTimestamp(event.occurredAt)}
                </span>
              </OrderedListItem>
            );
          })}
        </OrderedList>
      )}
    </section>
  );
}
