// Issue #11, R-INV-6: "Onderbouwing": the registered facts that earned a line (the start, the progress
// report, the end, the decision, the hours) and every change of the line since, one click from the line.
import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useEvidence, type InvoiceLine } from '../../api/invoicing';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDate, formatTimestamp } from '../../lib/dates';
import { Dialog } from './Dialog';
import { formatCents, formatMonth, lineStatusLabel } from './format';

export function EvidenceDialog({ invoiceId, line, onClose }: { invoiceId: string; line: InvoiceLine; onClose: () => void }) {
  const evidence = useEvidence(invoiceId, line.id, true);

  let body;
  if (evidence.isPending) body = <Loading what="Onderbouwing" />;
  else if (evidence.isError) body = <LoadError error={evidence.error} />;
  else {
    const { facts, history } = evidence.data;
    body = (
      <>
        <Heading level={3}>Feiten</Heading>
        {facts.length === 0 ? (
          <Paragraph>Er zijn geen feiten bij deze regel vastgelegd.</Paragraph>
        ) : (
          <Table>
            <TableCaption className="koers-visually-hidden">Feiten waarop de regel berust</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Datum</TableHeaderCell>
                <TableHeaderCell scope="col">Feit</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {facts.map((f) => (
                <TableRow key={`${f.kind}:${f.date}:${f.label}`}>
                  <TableCell>{formatDate(f.date)}</TableCell>
                  <TableCell>
                    {f.label}
                    {f.referralId && (
                      <>
                        {' '}
                        (<RouterLink to={`/aanmeldingen/${encodeURIComponent(f.referralId)}#tijdlijn`}>tijdlijn van de aanmelding</RouterLink>)
                      </>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <Heading level={3}>Geschiedenis van de regel</Heading>
        {history.length === 0 ? (
          <Paragraph>De regel is nog niet gewijzigd.</Paragraph>
        ) : (
          <UnorderedList>
            {history.map((h) => (
              <UnorderedListItem key={`${h.changedAt}:${h.status}`}>
                {formatTimestamp(h.changedAt)}: {lineStatusLabel(h.status)}
                {h.changedBy ? `, door ${h.changedBy}` : ''}
                {h.reason ? `. Reden: ${h.reason}` : ''}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </>
    );
  }

  return (
    <Dialog title={`Onderbouwing: ${line.participantName}, ${line.productName}`} onClose={onClose}>
      <Paragraph>
        {formatCents(line.amountCents)} excl. btw, geleverd in {formatMonth(line.deliveryMonth)}. Status: {lineStatusLabel(line.status)}.
      </Paragraph>
      {body}
    </Dialog>
  );
}
