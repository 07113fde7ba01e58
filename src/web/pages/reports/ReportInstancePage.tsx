// `/rapportages/:id` (issue #13, R-MI-6): one report instance. Every figure from the document; for the
// owing provider the qualitative sections as a form (save the draft, submit after a confirmation); once
// submitted the frozen report "ingediend op … door …" with its content hash, the differences with the
// figures computed now, and the frozen report as XLSX and PDF.
import { useCallback, useRef, useState } from 'react';
import { Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { useParams } from 'react-router-dom';
import { instanceExportHref, useReportInstance, type InstanceDetail } from '../../api/reportInstances';
import { useUser } from '../../components/AppLayout';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDate, formatTimestamp } from '../../lib/dates';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotAllowed } from '../NotAllowed';
import { EnteredForm } from './EnteredForm';
import { DifferencesTable, ReportDocumentView } from './ReportDocumentView';
import { STATUS_LABELS } from './reportLabels';
import './reports.css';

export function ReportInstancePage() {
  const user = useUser();
  if (!can(user, 'report.read')) return <NotAllowed title="Rapportage" />;
  return <Instance />;
}

function Instance() {
  const { id = '' } = useParams();
  const detail = useReportInstance(id);
  const i = detail.data?.instance;
  const title = i ? `${i.kindName} ${i.period.id} — ${i.scopeName}` : 'Rapportage';
  useDocumentTitle(title);
  if (detail.isPending) return <Loading what="Rapportage" />;
  if (detail.isError) {
    return (
      <>
        <Heading level={1}>Rapportage</Heading>
        <LoadError error={detail.error} />
      </>
    );
  }
  return <InstanceView detail={detail.data} title={title} />;
}

function InstanceView({ detail, title }: { detail: InstanceDetail; title: string }) {
  const user = useUser();
  const { instance: i, submissions } = detail;
  const latest = submissions.at(-1);
  const [announcement, setAnnouncement] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const done = useCallback((message: string) => {
    setAnnouncement(message);
    requestAnimationFrame(() => statusRef.current?.focus());
  }, []);
  // The server shows a provider only its own instances: a coordinator here is the one that owes it.
  const owner = can(user, 'report.submit') && user.organisation.kind === 'provider';
  const differences = detail.differences?.cells ?? [];

  return (
    <>
      <Heading level={1}>{title}</Heading>
      <Paragraph>
        Status: <strong>{STATUS_LABELS[i.status]}</strong>. Aanbieder: {i.providerName}. Periode {formatDate(i.period.start)} – {formatDate(i.period.end)}.{' '}
        {i.dueOn === null ? 'Het contract noemt geen uiterste datum.' : `Uiterlijk in te dienen op ${formatDate(i.dueOn)}.`} Naar: {i.recipients.join(', ')}.
      </Paragraph>
      <ul className="koers-actions">
        <li>
          <RouterLink to="/rapportages">Terug naar de rapportages</RouterLink>
        </li>
        {latest && detail.figuresShown && (
          <>
            <li>
              <Link href={instanceExportHref(i.id, 'xlsx')}>Ingediende rapportage (xlsx)</Link>
            </li>
            <li>
              <Link href={instanceExportHref(i.id, 'pdf')}>Ingediende rapportage (pdf)</Link>
            </li>
          </>
        )}
      </ul>
      <div role="status" aria-live="polite" ref={statusRef} tabIndex={-1} className="koers-live">
        {announcement && <Paragraph>{announcement}</Paragraph>}
      </div>
      {latest && (
        <section aria-labelledby="ingediend" className="koers-section">
          <Heading level={2} id="ingediend">
            Ingediend
          </Heading>
          {submissions.map((s) => (
            <Paragraph key={s.sequence}>
              {s.sequence === 1 ? 'Ingediend' : `Correctie ${String(s.sequence - 1)}`} op {formatTimestamp(s.submittedAt)} door {s.submittedBy}
              {s.correctionReason ? ` — reden: ${s.correctionReason}` : ''}. Contractversie {s.contractVersion}. Inhoudshash (sha-256):{' '}
              <code className="koers-hash">{s.contentHash}</code>
              {s.intact ? '' : ' — let op: de opgeslagen inhoud past niet meer bij deze hash.'}
            </Paragraph>
          ))}
        </section>
      )}
      {!detail.figuresShown || detail.figuresNote ? <Paragraph className="koers-remarks">{detail.figuresNote}</Paragraph> : null}
      {detail.submitted && (
        <section aria-labelledby="verschillen" className="koers-section">
          <Heading level={2} id="verschillen">
            Verschillen met nu
          </Heading>
          {differences.length === 0 ? (
            <Paragraph>Opnieuw berekend komen alle cijfers hetzelfde uit als bij het indienen.</Paragraph>
          ) : (
            <>
              <Paragraph>Sinds het indienen zijn gegevens over deze periode gecorrigeerd. De ingediende rapportage blijft zoals zij was; hieronder beide waarden en het verschil.</Paragraph>
              <DifferencesTable cells={differences} />
            </>
          )}
        </section>
      )}
      {owner && i.figuresAvailable && <EnteredForm detail={detail} onDone={done} />}
      {!detail.figuresShown && detail.submittedEntered && detail.entered.length > 0 && (
        <section aria-labelledby="toelichting-aanbieder" className="koers-section">
          <Heading level={2} id="toelichting-aanbieder">
            Toelichting van de aanbieder
          </Heading>
          {detail.entered.map((e) => (
            <div key={e.key}>
              <Heading level={3}>{e.label}</Heading>
              <Paragraph className="koers-report-text">{detail.submittedEntered?.[e.key] || 'Niet ingevuld.'}</Paragraph>
            </div>
          ))}
        </section>
      )}
      {detail.submitted ? (
        <section aria-labelledby="rapportage-ingediend" className="koers-section">
          <Heading level={2} id="rapportage-ingediend">
            De rapportage zoals ingediend
          </Heading>
          <ReportDocumentView doc={detail.submitted} prefix="ingediend" level={3} />
        </section>
      ) : (
        detail.current && (
          <section aria-labelledby="rapportage-nu" className="koers-section">
            <Heading level={2} id="rapportage-nu">
              De cijfers zoals Koers ze nu berekent
            </Heading>
            <ReportDocumentView doc={detail.current} prefix="nu" level={3} />
          </section>
        )
      )}
    </>
  );
}
