import { useEffect, useRef } from 'react';
import {
  Alert,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { rowErrorOf, type ImportCounts, type UploadOutcome } from '../../api/imports';

const number = new Intl.NumberFormat('nl-NL');

/** "1.000 regels: 12 nieuw, 3 gewijzigd, 985 ongewijzigd" */
export function countsText(c: ImportCounts): string {
  return `${number.format(c.rows)} ${c.rows === 1 ? 'regel' : 'regels'}: ${number.format(c.created)} nieuw, ${number.format(c.changed)} gewijzigd, ${number.format(c.unchanged)} ongewijzigd`;
}

type Refused = Extract<UploadOutcome, { kind: 'refused' }>;

/** The rows in error of a refused file (R-EXC-2: all or nothing), focused when shown (WCAG 3.3.1). */
export function RefusedImport({ outcome, attempt }: { outcome: Refused; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [attempt]);
  const params = outcome.problem.invalidParams ?? [];
  const errors = params.map((p) => rowErrorOf(p.name, p.reason));
  const rowErrors = errors.filter((e) => e.row !== null);
  const fileErrors = errors.filter((e) => e.row === null);
  const total = /(\d+) fouten?\b/.exec(outcome.problem.detail ?? '')?.[1];
  const more = total !== undefined && Number(total) > params.length;
  // The server's text starts with what the page already says in its own sentence.
  const rest = (outcome.problem.detail ?? '').replace(/^Er is niets opgeslagen[:.]\s*/, '');
  const detail = rest.charAt(0).toUpperCase() + rest.slice(1);

  return (
    <>
      <Alert ref={ref} type="error" tabIndex={-1} className="koers-error-summary">
        <Heading level={2} id="import-fouten-titel">
          Het bestand is niet geïmporteerd
        </Heading>
        <Paragraph>Er is niets opgeslagen.</Paragraph>
        {detail && <Paragraph>{detail}</Paragraph>}
        {rowErrors.length > 0 && (
          <Paragraph>
            {rowErrors.length === 1 ? 'Eén fout staat in de tabel hieronder.' : `${number.format(rowErrors.length)} fouten staan in de tabel hieronder.`}{' '}
            <a className="utrecht-link utrecht-link--html-a" href="#import-fouten-tabel">
              Naar de fouten per regel
            </a>
          </Paragraph>
        )}
        {fileErrors.length > 0 && (
          <UnorderedList>
            {fileErrors.map((e) => (
              <UnorderedListItem key={`${e.column}:${e.reason}`}>{e.reason}</UnorderedListItem>
            ))}
          </UnorderedList>
        )}
        {!detail && errors.length === 0 && <Paragraph>Er ging iets mis (fout {outcome.status}). Probeer het later opnieuw.</Paragraph>}
      </Alert>
      {rowErrors.length > 0 && (
        <section aria-labelledby="import-fouten-tabel" className="koers-section">
          <Heading level={2} id="import-fouten-tabel" tabIndex={-1}>
            Fouten per regel
          </Heading>
          {more && (
            <Paragraph>
              Alleen de eerste {number.format(params.length)} van de {number.format(Number(total))} fouten staan hieronder. Verbeter ze en lever het bestand opnieuw aan om de
              volgende te zien.
            </Paragraph>
          )}
          <Table>
            <TableCaption className="koers-visually-hidden">Regels van het bestand met een fout</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Rij</TableHeaderCell>
                <TableHeaderCell scope="col">Kolom</TableHeaderCell>
                <TableHeaderCell scope="col">Reden</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rowErrors.map((e, i) => (
                <TableRow key={`${String(e.row)}:${e.column}:${String(i)}`}>
                  <TableHeaderCell scope="row">{e.row}</TableHeaderCell>
                  <TableCell>{e.column}</TableCell>
                  <TableCell>{e.reason}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      )}
    </>
  );
}
