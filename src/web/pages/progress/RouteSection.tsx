// R-RTE-1, R-RTE-2, R-RTE-3, R-RTE-4, R-END-1: the route's events, oldest first, and the state they
// leave it in; the hours statement as proof of participation. The route event form follows.
import { Heading, Link, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react';
import { progressDownloads, type Overview, type RouteEvent } from '../../api/progress';
import { formatDate } from '../../lib/dates';
import { routeLabel } from '../../lib/labels';
import { attendeeLabels, dropOutReasonLabels, holdReasonLabels, label, routeEventLabels, routeStateLabels } from './labels';
import { RouteEventForm } from './RouteEventForm';
import { ProgressForm } from './formSupport';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The facts of one event, each a short sentence. */
export function eventFacts(event: RouteEvent): string[] {
  const d = event.details;
  const facts: string[] = [];
  if (event.type === 'routeChanged') {
    facts.push(`Van ${routeLabel(text(d.fromRoute))} naar ${routeLabel(text(d.toRoute))}.`);
    if (text(d.reason)) facts.push(`Reden: ${text(d.reason)}`);
    if (text(d.exceptionReason)) facts.push(`Reden voor de uitzondering: ${text(d.exceptionReason)}`);
  }
  if (event.type === 'onHold') {
    facts.push(`Reden: ${label(holdReasonLabels, text(d.reason))}. Verwacht weer te beginnen op ${formatDate(text(d.expectedEndOn))}.`);
  }
  if (event.type === 'droppedOut') facts.push(`Reden: ${label(dropOutReasonLabels, text(d.reason))}.`);
  if (event.type === 'movedAway') facts.push(`Nieuwe gemeente: ${text(d.toMunicipality)}.`);
  if (event.type === 'handOverHeld' && Array.isArray(d.attendees)) {
    facts.push(`Aanwezig: ${d.attendees.map((a) => label(attendeeLabels, text(a)).toLowerCase()).join(', ')}.`);
  }
  if (text(d.note)) facts.push(`Toelichting: ${text(d.note)}`);
  return facts;
}

export function RouteSection({ overview, mayRecord, municipality }: { overview: Overview; mayRecord: boolean; municipality: boolean }) {
  return (
    <section aria-labelledby="route" className="koers-section">
      <Heading level={2} id="route">
        Leerroute
      </Heading>
      <Paragraph>
        Leerroute: <strong>{routeLabel(overview.participant.route)}</strong>. Stand: <strong>{routeStateLabels[overview.routeState]}</strong>.
        {overview.provider && ` Aanbieder: ${overview.provider.name}.`}
      </Paragraph>
      <Paragraph>
        <Link href={progressDownloads.hoursStatementPdf(overview.participant.id)}>Urenoverzicht met bewijs van deelname (pdf)</Link>
      </Paragraph>
      <Heading level={3} id="route-gebeurtenissen">
        Gebeurtenissen
      </Heading>
      {overview.routeEvents.length === 0 ? (
        <Paragraph>Er is nog niets vastgelegd over de leerroute.</Paragraph>
      ) : (
        <OrderedList className="koers-timeline" aria-labelledby="route-gebeurtenissen">
          {overview.routeEvents.map((event) => (
            <OrderedListItem key={event.id} className="koers-timeline__item">
              <span className="koers-timeline__date">{formatDate(event.onDate)}</span> <strong>{label(routeEventLabels, event.type)}</strong>
              {eventFacts(event).map((fact) => (
                <span key={fact} className="koers-timeline__fact">
                  {fact}
                </span>
              ))}
              <span className="koers-timeline__actor">Vastgelegd door {event.recordedByName}</span>
            </OrderedListItem>
          ))}
        </OrderedList>
      )}
      {mayRecord && (
        <ProgressForm label="Gebeurtenis in de leerroute registreren">
          <RouteEventForm participantId={overview.participant.id} municipality={municipality} currentRoute={overview.participant.route} />
        </ProgressForm>
      )}
    </section>
  );
}
