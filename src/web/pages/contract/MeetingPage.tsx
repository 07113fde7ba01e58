// `/contract/:id` (issue #14, R-CM-1): one meeting — its parties and due date, the agenda (the contract
// manager adopts items from Koers' proposal or adds its own), the minutes and the action items. The
// provider reads the same page at `/overleg/:id` and marks its own actions done. No participant on it.
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useLocation, useParams } from 'react-router-dom';
import { useMeeting, type MeetingDetail } from '../../api/contract';
import { useUser } from '../../components/AppLayout';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDate } from '../../lib/dates';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';
import { ActionsSection } from './ActionsSection';
import { AgendaSection } from './AgendaSection';
import { MinutesSection } from './MinutesSection';
import { sectionBase } from './contractLabels';

export function MeetingPage() {
  const user = useUser();
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  const base = sectionBase(useLocation().pathname);
  const title = meeting.data === undefined ? 'Overleg' : `${meeting.data.typeName} ${meeting.data.quarter}`;
  useDocumentTitle(title);
  if (!can(user, 'meeting.read')) return <NotAllowed title="Overleg" />;
  return (
    <>
      <Paragraph>
        <RouterLink to={base}>Terug naar de overleggen</RouterLink>
      </Paragraph>
      <Heading level={1}>{title}</Heading>
      {meeting.isPending ? <Loading what="Overleg" /> : meeting.isError ? <LoadError error={meeting.error} /> : <Meeting meeting={meeting.data} />}
    </>
  );
}

function Meeting({ meeting }: { meeting: MeetingDetail }) {
  const parties = [...meeting.providers, ...meeting.municipalities].map((p) => p.name).join(', ');
  return (
    <>
      <dl className="koers-answers">
        <dt>Contract</dt>
        <dd>{meeting.contractName}</dd>
        <dt>Datum</dt>
        <dd>
          {formatDate(meeting.heldOn)}
          {meeting.plannedLate ? ' — later dan het contract vraagt' : ''}
        </dd>
        <dt>Uiterlijk</dt>
        <dd>{meeting.dueOn === null ? 'Op verzoek, zonder uiterste datum' : formatDate(meeting.dueOn)}</dd>
        <dt>Deelnemers</dt>
        <dd>De contractmanager{parties === '' ? '' : `, ${parties}`}</dd>
      </dl>
      <AgendaSection meeting={meeting} />
      <MinutesSection meeting={meeting} />
      <ActionsSection meeting={meeting} />
    </>
  );
}
