// `/back-up` (issue #17, BIO2 8.13): the administrator downloads an online backup of the embedded database;
// on PostgreSQL the page says to use pg_dump (`npm run backup`). docs/backup.md.
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { BACKUP_URL, useDatabaseKind } from '../../api/backup';
import { useUser } from '../../components/AppLayout';
import { LoadError, Loading } from '../../components/QueryStatus';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';

const TITLE = 'Back-up';

export function BackupPage() {
  useDocumentTitle(TITLE);
  const user = useUser();
  if (!can(user, 'system.backup')) return <NotAllowed title={TITLE} />;
  return <Backup />;
}

function Backup() {
  const kind = useDatabaseKind();
  let body;
  if (kind.isPending) body = <Loading what="Databasegegevens" />;
  else if (kind.isError) body = <LoadError error={kind.error} />;
  else if (kind.data === 'postgres')
    body = (
      <Paragraph>
        Koers draait op PostgreSQL. Maak de back-up op de server met <code>npm run backup -- &lt;bestand&gt;</code> (pg_dump); die kan terwijl Koers draait.
      </Paragraph>
    );
  else
    body = (
      <>
        <Paragraph>Koers draait op de ingebouwde database. De back-up is een momentopname van alles wat is vastgelegd, gemaakt terwijl Koers doorwerkt.</Paragraph>
        <Paragraph>
          {/* A plain link: the browser downloads with the session cookie and shows its own progress. */}
          <a className="utrecht-link" href={BACKUP_URL} download>
            Back-up downloaden
          </a>
        </Paragraph>
      </>
    );
  return (
    <>
      <Heading level={1}>{TITLE}</Heading>
      <Paragraph>Het bestand bevat alle gegevens van alle inburgeraars. Bewaar het even goed beveiligd als de database zelf. De sleutel (KOERS_SECRET) zit er niet in: bewaar die apart; zonder die sleutel zijn de BSN’s in de back-up niet te lezen.</Paragraph>
      <Paragraph>Terugzetten kan alleen in een lege database, met <code>npm run restore -- &lt;bestand&gt;</code>.</Paragraph>
      {body}
    </>
  );
}
