// R-REF-7: the documents of this referral, always downloadable by the municipality.
import {
  Heading,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { downloads, useReferralDocuments } from '../../api/lifecycle';
import { LoadError, Loading } from '../../components/QueryStatus';
import { formatTimestamp } from '../../lib/dates';
import { documentKindLabel, formatSize } from '../../lib/lifecycleLabels';

export function Documents({ referralId }: { referralId: string }) {
  const documents = useReferralDocuments(referralId);

  let body;
  if (documents.isPending) body = <Loading what="Documenten" />;
  else if (documents.isError) body = <LoadError error={documents.error} />;
  else if (documents.data.length === 0) body = <Paragraph>Er zijn nog geen documenten geüpload.</Paragraph>;
  else {
    body = (
      <Table>
        <TableCaption className="koers-visually-hidden">Geüploade documenten</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Document</TableHeaderCell>
            <TableHeaderCell scope="col">Soort</TableHeaderCell>
            <TableHeaderCell scope="col">Grootte</TableHeaderCell>
            <TableHeaderCell scope="col">Geüpload</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {documents.data.map((document) => (
            <TableRow key={document.id}>
              <TableCell>
                <Link href={downloads.document(document.id)}>{document.fileName}</Link>
              </TableCell>
              <TableCell>{documentKindLabel(document.kind)}</TableCell>
              <TableCell>{formatSize(document.sizeBytes)}</TableCell>
              <TableCell>
                {formatTimestamp(document.createdAt)} door {document.createdByName}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  }

  return (
    <section aria-labelledby="documenten" className="koers-section">
      <Heading level={2} id="documenten">
        Documenten
      </Heading>
      <Paragraph>
        <Link href={downloads.referralPdf(referralId)}>Aanmelding (pdf)</Link>
      </Paragraph>
      {body}
    </section>
  );
}
