// One case of the participant-level ladder (issue #14, R-ESC-1): its steps in order with date, actors and
// decision, the improvement plan's weekly check-ins, and — for the consultant and the provider's
// coordinator — the next step, a check-in held and the closure; the contract manager's judgement at the
// last step (000 §5), which the contract manager records. The contract manager reads the case at
// `/contract/escalaties-inburgeraars/:id` under its pseudonym: the server sends no person and no reason.
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useLocation, useParams } from 'react-router-dom';
import { useEscalation, type EscalationCase } from '../../api/participantEscalation';
import { useUser } from '../../components/AppLayout';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDate } from '../../lib/dates';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';
import { CheckInForm, CloseForm, JudgementForm, StepForm } from './EscalationForms';
import { escalationBase } from './EscalationsPage';
import { caseLabel } from './escalationList';

export function EscalationCasePage() {
  const user = useUser();
  const { id = '' } = useParams();
  const base = escalationBase(useLocation().pathname);
  useDocumentTitle('Escalatie');
  if (!can(user, 'escalation.read')) return <NotAllowed title="Escalatie" />;
  return <Case id={id} base={base} record={can(user, 'escalation.record')} judge={can(user, 'escalation.judge')} />;
}

function Case({ id, base, record, judge }: { id: string; base: string; record: boolean; judge: boolean }) {
  const escalation = useEscalation(id);
  if (escalation.isPending) return <Loading what="de escalatie" />;
  if (escalation.isError) return <LoadError error={escalation.error} />;
  const c = escalation.data;
  const open = c.closedOn === null;
  return (
    <>
      <Heading level={1}>Escalatie {caseLabel(c)}</Heading>
      <dl className="koers-facts">
        {c.person !== null && (
          <>
            <dt>Inburgeraar</dt>
            <dd>
              <RouterLink to={`/inburgeraars/${encodeURIComponent(c.person.participantId)}`}>{c.person.name}</RouterLink>
            </dd>
            <dt>Casusnummer</dt>
            <dd>{c.pseudonym}</dd>
          </>
        )}
        <dt>Aanbieder</dt>
        <dd>{c.providerCode}</dd>
        <dt>Contract</dt>
        <dd>{c.contractId}</dd>
        {c.reason !== null && (
          <>
            <dt>Aanleiding</dt>
            <dd>{c.reason}</dd>
          </>
        )}
        <dt>Stand</dt>
        <dd>{open ? 'Open' : `Afgesloten op ${formatDate(c.closedOn)}`}</dd>
        {c.closureGrounds !== null && (
          <>
            <dt>Onderbouwing van de afsluiting</dt>
            <dd>{c.closureGrounds}</dd>
          </>
        )}
      </dl>
      <Steps escalation={c} />
      <CheckIns escalation={c} />
      <Judgement escalation={c} />
      {judge && <JudgementForm escalation={c} />}
      {record && open && (
        <>
          <StepForm escalation={c} />
          <CheckInForm escalation={c} />
          <CloseForm escalation={c} />
        </>
      )}
      <Paragraph>
        <RouterLink to={base}>Naar de escalaties</RouterLink>
      </Paragraph>
    </>
  );
}

function Steps({ escalation }: { escalation: EscalationCase }) {
  return (
    <section aria-labelledby="stappen" className="koers-section">
      <Heading level={2} id="stappen">
        Stappen
      </Heading>
      <ol>
        {escalation.steps.map((s) => (
          <li key={s.step}>
            <strong>{s.name}</strong>, {formatDate(s.decidedOn)}
            {s.planWeeks !== null && ` (${String(s.planWeeks)} weken monitoring)`}
            <dl className="koers-facts">
              <dt>Betrokkenen</dt>
              <dd>{s.actors}</dd>
              <dt>Besluit</dt>
              <dd>{s.decision}</dd>
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}

function CheckIns({ escalation }: { escalation: EscalationCase }) {
  if (escalation.checkIns.length === 0) return null;
  return (
    <section aria-labelledby="monitoring" className="koers-section">
      <Heading level={2} id="monitoring">
        Wekelijkse monitoring
      </Heading>
      <ul>
        {escalation.checkIns.map((k) => (
          <li key={k.dueOn}>
            {formatDate(k.dueOn)}:{' '}
            {k.heldOn === null ? <span className={k.overdue ? 'koers-overdue' : undefined}>{k.overdue ? 'te laat, nog niet gehouden' : 'nog te houden'}</span> : `gehouden op ${formatDate(k.heldOn)} — ${k.note ?? ''}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Judgement({ escalation }: { escalation: EscalationCase }) {
  const j = escalation.judgement;
  if (j === null) return null;
  return (
    <section aria-labelledby="oordeel" className="koers-section">
      <Heading level={2} id="oordeel">
        Oordeel van de contractmanager
      </Heading>
      <dl className="koers-facts">
        <dt>Oordeel</dt>
        <dd>{j.name}</dd>
        <dt>Datum</dt>
        <dd>{formatDate(j.judgedOn)}</dd>
        <dt>Onderbouwing</dt>
        <dd>{j.grounds}</dd>
      </dl>
    </section>
  );
}
