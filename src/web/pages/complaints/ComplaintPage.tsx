// One complaint (issue #14, R-CM-3): from whom, the subject, its handling now and every earlier version;
// the provider's coordinator records the handling (handler, measures, closed with its outcome) as a new
// version — 409 in Dutch when someone else saved first, 422 once closed. Not routed yet (`/klachten/:id`).
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { useComplaint, useHandleComplaint, type ComplaintDetail, type ComplaintOutcome } from '../../api/complaints';
import { useSystemDate } from '../../api/queries';
import { useUser } from '../../components/AppLayout';
import { LoadError, Loading } from '../../components/QueryStatus';
import { formatDate, formatTimestamp } from '../../lib/dates';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { ApiForm, type FieldSpec } from '../contract/ApiForm';
import { NotAllowed } from '../NotAllowed';
import { VERSION_CONFLICT } from '../quality/RecordForm';
import { FROM, OUTCOME, OUTCOME_OPTIONS } from './complaintLabels';

export function ComplaintPage() {
  const user = useUser();
  useDocumentTitle('Klacht');
  const { id = '' } = useParams();
  if (!can(user, 'complaint.read')) return <NotAllowed title="Klacht" />;
  return <Complaint id={id} handle={can(user, 'complaint.register')} />;
}

function Complaint({ id, handle }: { id: string; handle: boolean }) {
  const complaint = useComplaint(id);
  if (complaint.isPending) return <Loading what="de klacht" />;
  if (complaint.isError) return <LoadError error={complaint.error} />;
  const c = complaint.data;
  return (
    <>
      <Heading level={1}>Klacht van {formatDate(c.receivedOn)}</Heading>
      <dl className="koers-facts">
        <dt>Van</dt>
        <dd>
          {FROM[c.from.kind]}: {c.from.name}
        </dd>
        <dt>Aanbieder</dt>
        <dd>{c.providerName}</dd>
        <dt>Onderwerp</dt>
        <dd>{c.subject}</dd>
        <dt>Behandeld door</dt>
        <dd>{c.handledBy ?? 'Nog niemand'}</dd>
        <dt>Maatregelen</dt>
        <dd>{c.measures === '' ? 'Nog geen' : c.measures}</dd>
        <dt>Stand</dt>
        <dd>{c.closedOn === null ? 'Open' : `Afgesloten op ${formatDate(c.closedOn)}${c.outcome === null ? '' : `: ${OUTCOME[c.outcome].toLowerCase()}`}${c.outcomeNote === null ? '' : ` — ${c.outcomeNote}`}`}</dd>
      </dl>
      {handle && c.closedOn === null && <HandlingForm complaint={c} />}
      <History complaint={c} />
    </>
  );
}

type HandlingField = 'handledBy' | 'measures' | 'closedOn' | 'outcome' | 'outcomeNote';

function HandlingForm({ complaint }: { complaint: ComplaintDetail }) {
  const today = useSystemDate().data?.today ?? '';
  const change = useHandleComplaint(complaint.id);
  const fields: FieldSpec<HandlingField>[] = [
    { name: 'handledBy', label: 'Behandeld door', optional: true },
    { name: 'measures', label: 'Maatregelen', kind: 'textarea', optional: true },
    { name: 'closedOn', label: 'Afgesloten op', kind: 'date', optional: true, description: `Leeg laten zolang de klacht loopt. Uiterlijk ${formatDate(today)}.` },
    { name: 'outcome', label: 'Uitkomst', kind: 'select', options: OUTCOME_OPTIONS, optional: true, check: (v, all) => (all.closedOn !== '' && v === '' ? 'Kies de uitkomst van de afgesloten klacht.' : undefined) },
    { name: 'outcomeNote', label: 'Toelichting op de uitkomst', kind: 'textarea', optional: true },
  ];
  return (
    <section aria-labelledby="behandeling" className="koers-section">
      <Heading level={2} id="behandeling">
        Behandeling bijwerken
      </Heading>
      <Paragraph>Elke opslag is een nieuwe versie; de vorige blijven hieronder staan. Een afgesloten klacht blijft afgesloten.</Paragraph>
      <ApiForm
        id="klacht-behandeling"
        label="Behandeling bijwerken"
        fields={fields}
        initial={{ handledBy: complaint.handledBy ?? '', measures: complaint.measures, closedOn: '', outcome: '', outcomeNote: '' }}
        submitLabel="Opslaan"
        savedMessage="De behandeling is opgeslagen."
        keepValues
        describeRefusal={(error) => (isApiError(error, 409) ? VERSION_CONFLICT : undefined)}
        onSubmit={(v) =>
          change.mutateAsync({
            version: complaint.version,
            handledBy: v.handledBy === '' ? null : v.handledBy,
            measures: v.measures,
            closedOn: v.closedOn === '' ? null : v.closedOn,
            outcome: v.outcome === '' ? null : (v.outcome as ComplaintOutcome),
            outcomeNote: v.outcomeNote === '' ? null : v.outcomeNote,
          })
        }
      />
    </section>
  );
}

function History({ complaint }: { complaint: ComplaintDetail }) {
  return (
    <section aria-labelledby="versies" className="koers-section">
      <Heading level={2} id="versies">
        Eerdere versies
      </Heading>
      <ol>
        {complaint.history.map((v) => (
          <li key={v.version}>
            Versie {v.version}, {formatTimestamp(v.recordedAt)} door {v.recordedBy}: {v.handledBy ?? 'nog niemand'}; {v.measures === '' ? 'geen maatregelen' : v.measures}
            {v.closedOn !== null && `; afgesloten op ${formatDate(v.closedOn)}${v.outcome === null ? '' : ` (${OUTCOME[v.outcome].toLowerCase()})`}`}
          </li>
        ))}
      </ol>
    </section>
  );
}
