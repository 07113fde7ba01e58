// R-HRS-4, R-END-1, R-END-2: the progress and final reports with status, due date and PDF; the
// coordinator starts a new one (a draft pre-filled by Koers) and goes on in the report editor.
import { useState } from 'react';
import {
  Button,
  ButtonGroup,
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
import { useNavigate } from 'react-router-dom';
import { progressDownloads, useCreateReport, type Overview, type ReportKind, type ReportSummary } from '../../api/progress';
import { ErrorSummary } from '../../components/ErrorSummary';
import { describeError } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { formatDate } from '../../lib/dates';
import { invoiceLabels, reportKindLabels, reportStatusLabels } from './labels';

export const reportPath = (id: string) => `/voortgangsrapportages/${encodeURIComponent(id)}`;

function reportName(r: ReportSummary): string {
  return `${reportKindLabels[r.kind]} ${r.submittedOn ? `van ${formatDate(r.submittedOn)}` : '(concept)'}`;
}

export function ReportsSection({ overview, mayWrite }: { overview: Overview; mayWrite: boolean }) {
  const reports = [...overview.reports].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section aria-labelledby="rapportages" className="koers-section">
      <Heading level={2} id="rapportages">
        Rapportages
      </Heading>
      {reports.length === 0 ? (
        <Paragraph>Er is nog geen voortgangs- of eindrapportage.</Paragraph>
      ) : (
        <Table>
          <TableCaption className="koers-visually-hidden">Voortgangs- en eindrapportages</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Rapportage</TableHeaderCell>
              <TableHeaderCell scope="col">Status</TableHeaderCell>
              <TableHeaderCell scope="col">Uiterlijk</TableHeaderCell>
              <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
              <TableHeaderCell scope="col">Factuur</TableHeaderCell>
              <TableHeaderCell scope="col">Pdf</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {reports.map((r) => (
              <TableRow key={r.id}>
                <TableHeaderCell scope="row">
                  <RouterLink to={reportPath(r.id)}>{reportName(r)}</RouterLink>
                </TableHeaderCell>
                <TableCell>{reportStatusLabels[r.status]}</TableCell>
                <TableCell>{r.dueOn ? formatDate(r.dueOn) : 'Geen termijn'}</TableCell>
                <TableCell>{r.providerName}</TableCell>
                <TableCell>{r.kind === 'final' ? (r.invoiceDecision ? invoiceLabels[r.invoiceDecision] : 'Nog geen besluit') : 'Niet van toepassing'}</TableCell>
                <TableCell>
                  <Link href={progressDownloads.reportPdf(r.id)}>
                    Pdf<VisuallyHidden> van {reportName(r).toLowerCase()}</VisuallyHidden>
                  </Link>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {mayWrite && <StartReport participantId={overview.participant.id} />}
    </section>
  );
}

function StartReport({ participantId }: { participantId: string }) {
  const create = useCreateReport(participantId);
  const navigate = useNavigate();
  const [problem, setProblem] = useState({ message: '', attempt: 0 });

  const start = (kind: ReportKind) => {
    if (create.isPending) return;
    create.mutateAsync({ kind }).then(
      (report) => void navigate(reportPath(report.id)),
      (error: unknown) => setProblem((p) => ({ message: describeError(error), attempt: p.attempt + 1 })),
    );
  };

  return (
    <section aria-labelledby="rapportage-starten" className="koers-step">
      <Heading level={3} id="rapportage-starten">
        Rapportage maken
      </Heading>
      <Paragraph>Koers vult de uren, aanwezigheid, status en de laatste toets alvast in. U vult de rest aan.</Paragraph>
      <ErrorSummary id="fouten-rapportage" level={4} items={problem.message ? [{ message: problem.message }] : []} attempt={problem.attempt} title="Niet gelukt" />
      <ButtonGroup>
        <Button appearance="primary-action-button" busy={create.isPending} onClick={() => start('progress')}>
          Voortgangsrapportage maken
        </Button>
        <Button appearance="secondary-action-button" busy={create.isPending} onClick={() => start('final')}>
          Eindrapportage maken
        </Button>
      </ButtonGroup>
    </section>
  );
}
