// `/mijn-voortgang`: the participant's own progress in plain Dutch (A2): how it goes, the hours made of
// the target, and the reports the school has sent, each in short sentences with its PDF. The session
// names the participant: for this role the organisation is the participant itself.
import { useQueries } from '@tanstack/react-query';
import { Heading, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { fetchReport, progressDownloads, reportKey, useProgress, type Overview } from '../../api/progress';
import { useUser } from '../../components/AppLayout';
import { LoadError, Loading } from '../../components/QueryStatus';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { plainNotStarted, plainStatusLabels } from './labels';
import './progress.css';

const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** '2027-05-12' → '12 mei 2027': easier to read than 12-05-2027. */
function plainDate(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${months[Number(iso.slice(5, 7)) - 1] ?? ''} ${iso.slice(0, 4)}`;
}

export function MyProgressPage() {
  useDocumentTitle('Mijn voortgang');
  const user = useUser();
  const participantId = user.organisation.kind === 'participant' ? user.organisation.id : '';
  const progress = useProgress(participantId);

  let body;
  if (participantId === '') body = <Paragraph>Deze pagina is alleen voor inburgeraars.</Paragraph>;
  else if (progress.isPending) body = <Loading what="Uw voortgang" />;
  else if (progress.isError) body = <LoadError error={progress.error} />;
  else body = <MyProgress overview={progress.data} />;
  return (
    <div className="koers-plain">
      <Heading level={1}>Mijn voortgang</Heading>
      {body}
    </div>
  );
}

function MyProgress({ overview }: { overview: Overview }) {
  const { hours, status } = overview;
  const made = Math.floor(hours.made);
  const percent = hours.target > 0 ? Math.min(100, Math.floor((hours.made / hours.target) * 100)) : 0;
  return (
    <>
      <section aria-labelledby="hoe-gaat-het" className="koers-section">
        <Heading level={2} id="hoe-gaat-het">
          Hoe gaat het?
        </Heading>
        <Paragraph>
          {/* R-BYD-1: before the start nothing can lag; an override still says what the school decided. */}
          <strong>{!status.started && status.overrideReason === null ? plainNotStarted : plainStatusLabels[status.status]}</strong>
        </Paragraph>
        {status.reasons.length > 0 && (
          <>
            <Paragraph>Waarom?</Paragraph>
            <UnorderedList>
              {status.reasons.map((reason) => (
                <UnorderedListItem key={reason}>{reason}</UnorderedListItem>
              ))}
            </UnorderedList>
          </>
        )}
      </section>
      <section aria-labelledby="mijn-uren" className="koers-section">
        <Heading level={2} id="mijn-uren">
          Uw uren
        </Heading>
        <Paragraph id="mijn-uren-tekst">
          U heeft {made} uur les gehad. Het doel is {hours.target} uur.
        </Paragraph>
        <progress className="koers-progress-bar" max={hours.target} value={Math.min(hours.made, hours.target)} aria-labelledby="mijn-uren" aria-describedby="mijn-uren-tekst">
          {percent}%
        </progress>
        <Paragraph>U heeft {percent}% van het doel gehaald.</Paragraph>
      </section>
      <MyReports overview={overview} />
    </>
  );
}

function MyReports({ overview }: { overview: Overview }) {
  const submitted = overview.reports.filter((r) => r.status === 'submitted').sort((a, b) => (b.submittedOn ?? '').localeCompare(a.submittedOn ?? ''));
  const reports = useQueries({
    queries: submitted.map((r) => ({
      queryKey: reportKey(r.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchReport(r.id, signal),
    })),
  });
  return (
    <section aria-labelledby="mijn-verslagen" className="koers-section">
      <Heading level={2} id="mijn-verslagen">
        Uw verslagen
      </Heading>
      {submitted.length === 0 && <Paragraph>Er is nog geen verslag. Uw taalschool maakt het verslag.</Paragraph>}
      {submitted.map((summary, i) => {
        const query = reports[i];
        const name = `${summary.kind === 'final' ? 'Eindverslag' : 'Voortgangsverslag'} van ${plainDate(summary.submittedOn ?? summary.createdAt)}`;
        const headingId = `verslag-${summary.id}`;
        return (
          <section key={summary.id} aria-labelledby={headingId} className="koers-plain-report">
            <Heading level={3} id={headingId}>
              {name}
            </Heading>
            {!query || query.isPending ? (
              <Loading what="Verslag" />
            ) : query.isError ? (
              <LoadError error={query.error} />
            ) : (
              query.data.plainDutch.map((sentence) => <Paragraph key={sentence}>{sentence}</Paragraph>)
            )}
            <Paragraph>
              <Link href={progressDownloads.reportPdf(summary.id)}>Download het {name.toLowerCase()} (pdf)</Link>
            </Paragraph>
          </section>
        );
      })}
    </section>
  );
}
