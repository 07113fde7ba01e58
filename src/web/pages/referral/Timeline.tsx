// R-REF-2: every step with its date and actor, oldest first.
import { Heading, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react';
import type { ReferralDetail } from '../../api/lifecycleTypes';
import { formatDate, formatTimestamp } from '../../lib/dates';
import { roleLabel } from '../../lib/labels';
import { describeEvent } from '../../lib/lifecycleLabels';

interface TimelineProps {
  referral: ReferralDetail;
  /** Distinguishes several timelines on one page (the participant page shows one per referral). */
  idPrefix?: string;
  title?: string;
  level?: 2 | 3;
}

export function Timeline({ referral, idPrefix = '', title = 'Tijdlijn', level = 2 }: TimelineProps) {
  const headingId = `${idPrefix}tijdlijn`;
  const events = [...referral.events].sort(
    (a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.occurredOn.localeCompare(b.occurredOn),
  );
  return (
    <section aria-labelledby={headingId} className="koers-section" id={`${headingId}-sectie`} tabIndex={-1}>
      <Heading level={level} id={headingId}>
        {title}
      </Heading>
      {events.length === 0 ? (
        <Paragraph>Er is nog niets vastgelegd.</Paragraph>
      ) : (
        <OrderedList className="koers-timeline" aria-labelledby={headingId}>
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
