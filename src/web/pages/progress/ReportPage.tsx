// `/voortgangsrapportages/:id` (R-HRS-4, R-END-1, R-END-2): the coordinator completes and submits a
// draft; once submitted the report is read-only for everyone, and the municipality decides on a final
// report's invoice. The participant's name and route come from the progress overview.
import { useCallback, useRef, useState } from 'react';
import { Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { useParams } from 'react-router-dom';
import { progressDownloads, useProgress, useReport, type Report } from '../../api/progress';
import { useUser } from '../../components/AppLayout';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDate } from '../../lib/dates';
import { fullName } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { InvoiceDecisionForm } from './InvoiceDecisionForm';
import { invoiceLabels, reportKindLabels, reportStatusLabels } from './labels';
import { ReportEditor } from './ReportEditor';
import { ReportView } from './ReportView';
import './progress.css';
import { can, canSeeProgressOfOthers } from '../../lib/permissions';

export function ReportPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const report = useReport(id);
  const overview = useProgress(report.data?.participantId ?? '', canSeeProgressOfOthers(user));
  const name = overview.data ? fullName(overview.data.participant) : '';
  const title = report.data ? `${reportKindLabels[report.data.kind]}${name ? ` van ${name}` : ''}` : 'Rapportage';
  useDocumentTitle(title);

  if (report.isPending || (overview.isPending && overview.fetchStatus !== 'idle')) return <Loading what="Rapportage" />;
  if (report.isError || overview.isError) {
    return (
      <>
        <Heading level={1}>Rapportage</Heading>
        <LoadError error={report.error ?? overview.error} />
      </>
    );
  }
  return <ReportFile report={report.data} title={title} route={overview.data?.participant.route ?? 'b1'} />;
}

function ReportFile({ report, title, route }: { report: Report; title: string; route: string }) {
  const user = useUser();
  const [announcement, setAnnouncement] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const done = useCallback((message: string) => {
    setAnnouncement(message);
    requestAnimationFrame(() => statusRef.current?.focus());
  }, []);
  const editable = report.status === 'draft' && can(user, 'progress.write');
  const progressPath = `/inburgeraars/${encodeURIComponent(report.participantId)}/voortgang`;

  return (
    <>
      <Heading level={1}>{title}</Heading>
      <Paragraph>
        Status: <strong>{reportStatusLabels[report.status]}</strong>
        {report.submittedOn && ` op ${formatDate(report.submittedOn)}`}. Aanbieder: {report.providerName}.
        {report.dueOn && ` Uiterlijk in te dienen op ${formatDate(report.dueOn)}.`}
      </Paragraph>
      <ul className="koers-actions">
        {canSeeProgressOfOthers(user) && (
          <li>
            <RouterLink to={progressPath}>Terug naar de voortgang</RouterLink>
          </li>
        )}
        <li>
          <Link href={progressDownloads.reportPdf(report.id)}>{reportKindLabels[report.kind]} (pdf)</Link>
        </li>
      </ul>
      <div role="status" aria-live="polite" ref={statusRef} tabIndex={-1} className="koers-live">
        {announcement && <Paragraph>{announcement}</Paragraph>}
      </div>
      {report.kind === 'final' && report.invoiceDecision !== null && (
        <Paragraph className="koers-remarks">
          Besluit gemeente: <strong>{invoiceLabels[report.invoiceDecision]}</strong>. {report.invoiceDecisionReason}
          {report.invoiceTalkHeldOn !== null && ` (Gesprek op ${formatDate(report.invoiceTalkHeldOn)}.)`}
        </Paragraph>
      )}
      {editable ? <ReportEditor report={report} route={route} onDone={done} /> : <ReportView report={report} route={route} />}
      {report.kind === 'final' && report.status === 'submitted' && report.invoiceDecision === null && can(user, 'progress.decide') && (
        <InvoiceDecisionForm report={report} onDone={done} />
      )}
    </>
  );
}
