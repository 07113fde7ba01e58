// `/kwaliteitsregister/:contractId/:providerCode` (issue #14, R-QLT-1, R-QLT-2, R-QLT-3, R-QLT-4): one provider's record under a
// contract — KvK, quality marks with audit reports, covenant membership with its history, screenings
// (items, findings, the provider's answers, the decision), the teacher register with compliance,
// customer satisfaction and class visits, and the contract manager's open quality signals. The
// contract manager records (quality.manage); the provider reads its own at `/kwaliteit/...`, answers
// findings and keeps its teachers (quality.respond).
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useLocation, useParams } from 'react-router-dom';
import { useQualityRecord, type QualityRecord, type RecordKey } from '../../api/quality';
import { useUser } from '../../components/AppLayout';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDate } from '../../lib/dates';
import { signalCauseLabel } from '../../lib/labels';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';
import { MarksSection, MembershipSection, KvkSection } from './ProviderFacts';
import { recordBase } from './RegisterPage';
import { ScreeningsSection } from './ScreeningsSection';
import { TeachersSection } from './TeachersSection';
import { VisitsSection } from './VisitsSection';

export function RecordPage() {
  const user = useUser();
  const { contractId = '', providerCode = '' } = useParams();
  const key = { contractId, providerCode };
  const record = useQualityRecord(key);
  const base = recordBase(useLocation().pathname);
  const title = record.data === undefined ? 'Kwaliteit van de aanbieder' : `${record.data.provider.name} — kwaliteit`;
  useDocumentTitle(title);
  if (!can(user, 'quality.read')) return <NotAllowed title="Kwaliteit" />;
  return (
    <>
      <Paragraph>
        <RouterLink to={base}>{base === '/kwaliteit' ? 'Terug naar Kwaliteit' : 'Terug naar het kwaliteitsregister'}</RouterLink>
      </Paragraph>
      <Heading level={1}>{title}</Heading>
      {record.isPending ? (
        <Loading what="Kwaliteitsgegevens" />
      ) : record.isError ? (
        <LoadError error={record.error} />
      ) : (
        <Record record={record.data} recordKey={key} manage={can(user, 'quality.manage')} respond={can(user, 'quality.respond')} />
      )}
    </>
  );
}

export interface SectionProps {
  record: QualityRecord;
  recordKey: RecordKey;
  manage: boolean;
  respond: boolean;
}

function Record(props: SectionProps) {
  const { record } = props;
  return (
    <>
      <Paragraph>Contract: {record.contractName}.</Paragraph>
      {record.signals.length > 0 && (
        <section aria-labelledby="signalen" className="koers-section">
          <Heading level={2} id="signalen">
            Open signalen
          </Heading>
          <UnorderedList>
            {record.signals.map((s) => (
              <UnorderedListItem key={s.id}>
                {signalCauseLabel(s.cause)}, sinds {formatDate(s.raisedOn)}
                {s.status === 'acknowledged' ? ' (gezien)' : ''}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
      )}
      <KvkSection {...props} />
      <MarksSection {...props} />
      <MembershipSection {...props} />
      <ScreeningsSection {...props} />
      <TeachersSection {...props} />
      <VisitsSection {...props} />
    </>
  );
}
