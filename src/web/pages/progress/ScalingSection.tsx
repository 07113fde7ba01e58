// R-LVL-3/R-LVL-4: scaling requests per skill with the sources' checks, each passed or failed with its
// reason; the municipality decides, the provider requests.
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { Overview, Scaling } from '../../api/progress';
import { formatDate } from '../../lib/dates';
import { scalingStatusLabels, scalingTitle } from './labels';
import { ScalingDecisionForm, ScalingRequestForm } from './ScalingForms';
import { ProgressForm } from './formSupport';

export function ScalingSection({ overview, mayRequest, mayDecide }: { overview: Overview; mayRequest: boolean; mayDecide: boolean }) {
  const requests = [...overview.scaling].sort((a, b) => b.requestedOn.localeCompare(a.requestedOn));
  return (
    <section aria-labelledby="schaling" className="koers-section">
      <Heading level={2} id="schaling">
        Af- en opschaling
      </Heading>
      {requests.length === 0 && <Paragraph>Er is geen af- of opschaling aangevraagd.</Paragraph>}
      {requests.map((s) => (
        <ScalingRequest key={s.id} scaling={s} participantId={overview.participant.id} mayDecide={mayDecide} />
      ))}
      {mayRequest && (
        <ProgressForm label="Aanvraag af- of opschaling">
          <ScalingRequestForm overview={overview} />
        </ProgressForm>
      )}
    </section>
  );
}

function ScalingRequest({ scaling: s, participantId, mayDecide }: { scaling: Scaling; participantId: string; mayDecide: boolean }) {
  const headingId = `schaling-${s.id}`;
  return (
    <section aria-labelledby={headingId} className="koers-step">
      <Heading level={3} id={headingId}>
        {scalingTitle(s)}
      </Heading>
      <Paragraph>
        Aangevraagd op {formatDate(s.requestedOn)}. Status: <strong>{scalingStatusLabels[s.status]}</strong>
        {s.decidedOn && ` op ${formatDate(s.decidedOn)}`}.
      </Paragraph>
      <Paragraph className="koers-remarks">Reden van de aanbieder: {s.reason}</Paragraph>
      {s.decisionReason && <Paragraph className="koers-remarks">Toelichting van de gemeente: {s.decisionReason}</Paragraph>}
      {s.newLevelDueOn && s.status === 'approved' && <Paragraph>Het nieuwe niveau moet uiterlijk {formatDate(s.newLevelDueOn)} zijn ingevoerd.</Paragraph>}
      <Heading level={4} id={`${headingId}-voorwaarden`}>
        Voorwaarden {s.allChecksPassed ? '(alle voldaan)' : '(niet alle voldaan)'}
      </Heading>
      <UnorderedList aria-labelledby={`${headingId}-voorwaarden`} className="koers-checks">
        {s.checks.map((c) => (
          <UnorderedListItem key={c.id} className={c.passed ? 'koers-check koers-check--passed' : 'koers-check koers-check--failed'}>
            <strong>{c.passed ? 'Voldaan' : 'Niet voldaan'}:</strong> {c.reason}
          </UnorderedListItem>
        ))}
      </UnorderedList>
      {mayDecide && s.status === 'requested' && (
        <ProgressForm label="Besluit over de aanvraag registreren">
          <ScalingDecisionForm scaling={s} participantId={participantId} />
        </ProgressForm>
      )}
    </section>
  );
}
