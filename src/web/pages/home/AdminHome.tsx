// The administrator's home (issue #10 item 5): what functional management looks after today — the mail
// outbox (waiting and failed mails) and, in demo mode, the system date every deadline is judged by.
import { DataList, DataListItem, DataListKey, DataListValue, Heading, Paragraph } from '@utrecht/component-library-react';
import { useOutboxCount } from '../../api/home';
import { useSystemDate } from '../../api/queries';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDate } from '../../lib/dates';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

function Count({ query, what }: { query: ReturnType<typeof useOutboxCount>; what: string }) {
  if (query.isPending) return <Loading what={what} />;
  if (query.isError) return <LoadError error={query.error} />;
  return <>{query.data}</>;
}

export function AdminHome() {
  useDocumentTitle('Overzicht');
  const pending = useOutboxCount('pending');
  const failed = useOutboxCount('failed');
  const systemDate = useSystemDate();

  return (
    <>
      <Heading level={1}>Overzicht</Heading>
      <section aria-labelledby="mail" className="koers-section">
        <Heading level={2} id="mail">
          Uitgaande e-mail
        </Heading>
        <DataList>
          <DataListItem>
            <DataListKey>Wacht op verzending</DataListKey>
            <DataListValue>
              <Count query={pending} what="Aantal" />
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>Mislukt</DataListKey>
            <DataListValue>
              <Count query={failed} what="Aantal" />
            </DataListValue>
          </DataListItem>
        </DataList>
        <Paragraph>
          <RouterLink to="/uitgaande-mail">Naar de uitgaande e-mail</RouterLink>
        </Paragraph>
      </section>
      <section aria-labelledby="systeemdatum" className="koers-section">
        <Heading level={2} id="systeemdatum">
          Systeemdatum
        </Heading>
        {systemDate.isPending && <Loading what="Systeemdatum" />}
        {systemDate.isError && <LoadError error={systemDate.error} />}
        {systemDate.data && (
          <Paragraph>
            Koers rekent termijnen vanaf {formatDate(systemDate.data.today)}.{' '}
            {systemDate.data.settable ? (
              <>
                Dit is een demo: u kunt de datum <RouterLink to="/demo">verzetten</RouterLink>.
              </>
            ) : (
              'Dit is de echte datum; hij is niet te verzetten.'
            )}
          </Paragraph>
        )}
      </section>
    </>
  );
}
