// The "Escalatie" section of a participant's file (issue #14, R-ESC-1): the participant's cases on the
// participant-level ladder, and — for the consultant and the provider's coordinator — opening one about a
// referral with its first step (signal and alignment, 000 §5). The new case opens on its own page.
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useNavigate } from 'react-router-dom';
import { useEscalations, useOpenEscalation } from '../../api/participantEscalation';
import { useSystemDate } from '../../api/queries';
import type { ParticipantDetail } from '../../api/types';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDate } from '../../lib/dates';
import { ApiForm } from '../contract/ApiForm';
import { lastStep, STEP_NAME } from './escalationList';

export function ParticipantEscalations({ participant, record }: { participant: ParticipantDetail; record: boolean }) {
  // The participant's own cases, filtered by the server (a handful: one page holds them all).
  const escalations = useEscalations({ participant: participant.id, sort: '-lastStepOn', pageSize: 500 });
  let body;
  if (escalations.isPending) body = <Loading what="de escalaties" />;
  else if (escalations.isError) body = <LoadError error={escalations.error} />;
  else {
    const mine = escalations.data.items;
    body =
      mine.length === 0 ? (
        <Paragraph>Er is geen escalatie over deze inburgeraar.</Paragraph>
      ) : (
        <ul>
          {mine.map((c) => (
            <li key={c.id}>
              <RouterLink to={`/escalaties/${encodeURIComponent(c.id)}`}>{c.pseudonym}</RouterLink>: {STEP_NAME[lastStep(c)?.step ?? 'signalAndAlignment']} op {formatDate(lastStep(c)?.decidedOn)}
              {c.closedOn !== null && `, afgesloten op ${formatDate(c.closedOn)}`}
            </li>
          ))}
        </ul>
      );
  }
  return (
    <section aria-labelledby="escalatie-sectie" className="koers-section">
      <Heading level={2} id="escalatie-sectie">
        Escalatie
      </Heading>
      {body}
      {record && participant.referrals.length > 0 && <OpenForm participant={participant} />}
    </section>
  );
}

function OpenForm({ participant }: { participant: ParticipantDetail }) {
  const today = useSystemDate().data?.today ?? '';
  const openCase = useOpenEscalation();
  const navigate = useNavigate();
  const options = participant.referrals.map((r) => [r.id, `${r.product.name} bij ${r.provider.name}, aangemeld ${formatDate(r.referredOn)}`] as const);
  return (
    <details className="koers-disclosure koers-record-form">
      <summary>Escalatie openen</summary>
      <Paragraph>De eerste stap is signalering en afstemming tussen aanbieder en gemeente. Wat u bij de stap invult, leest de contractmanager later zonder naam: noem de inburgeraar daar niet.</Paragraph>
      <ApiForm
        id="escalatie-openen"
        label="Escalatie openen"
        fields={[
          { name: 'referralId', label: 'Aanmelding', kind: 'select', options },
          { name: 'reason', label: 'Aanleiding', kind: 'textarea' },
          { name: 'decidedOn', label: 'Datum van de afstemming', kind: 'date' },
          { name: 'actors', label: 'Betrokkenen', description: 'Wie waren erbij: organisaties en functies.' },
          { name: 'decision', label: 'Besluit', kind: 'textarea' },
        ]}
        initial={{ referralId: options.length === 1 ? (options[0]?.[0] ?? '') : '', reason: '', decidedOn: today, actors: '', decision: '' }}
        submitLabel="Escalatie openen"
        savedMessage="De escalatie is geopend."
        onSubmit={(v) => openCase.mutateAsync(v).then((c) => void navigate(`/escalaties/${encodeURIComponent(c.id)}`))}
      />
    </details>
  );
}
