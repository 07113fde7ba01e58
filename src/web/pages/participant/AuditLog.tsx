import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useAuditEvents } from '../../api/queries';
import { LoadError, Loading } from '../../components/QueryStatus';
import { formatTimestamp } from '../../lib/dates';
import { auditEventLabel, roleLabel } from '../../lib/labels';

/** R-SEC-2: the municipality (controller) sees who read or changed this file. */
export function AuditLog({ participantId }: { participantId: string }) {
  const events = useAuditEvents(participantId, true);

  let body;
  if (events.isPending) body = <Loading what="Logboek" />;
  else if (events.isError) body = <LoadError error={events.error} />;
  else if (events.data.length === 0) body = <Paragraph>Er staat nog niets in het logboek.</Paragraph>;
  else {
    body = (
      <Table>
        <TableCaption className="koers-visually-hidden">Logboek van dit dossier</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Wanneer</TableHeaderCell>
            <TableHeaderCell scope="col">Wie</TableHeaderCell>
            <TableHeaderCell scope="col">Rol</TableHeaderCell>
            <TableHeaderCell scope="col">Organisatie</TableHeaderCell>
            <TableHeaderCell scope="col">Handeling</TableHeaderCell>
            <TableHeaderCell scope="col">Resultaat</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {events.data.map((event) => (
            <TableRow key={event.id}>
              <TableCell>{formatTimestamp(event.startedAt)}</TableCell>
              <TableCell>{event.actorName}</TableCell>
              <TableCell>{event.actorRole === null ? '—' : roleLabel(event.actorRole)}</TableCell>
              <TableCell>{event.organisationName ?? '—'}</TableCell>
              <TableCell>{auditEventLabel(event.name)}</TableCell>
              <TableCell>{event.status === 'ok' ? 'Gelukt' : 'Mislukt'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  }

  return (
    <section aria-labelledby="logboek" className="koers-section" id="logboek-sectie">
      <Heading level={2} id="logboek">
        Logboek (wie heeft dit dossier bekeken)
      </Heading>
      {body}
    </section>
  );
}
