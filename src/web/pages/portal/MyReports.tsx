// The participant's progress and final reports (R-PRT-2, R-HRS-4): each in short sentences with its PDF.
// The sentences are the server's plain Dutch (src/features/progress/plain-dutch.ts).
import { useQueries } from '@tanstack/react-query';
import { Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { fetchReport, progressDownloads, reportKey, type Overview } from '../../api/progress';
import { LoadError } from '../../components/QueryStatus';
import { plainDate } from '../../i18n';
import { DutchText, PortalLoading } from './PortalText';

export function MyReports({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
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
        {t('home.reportsTitle')}
      </Heading>
      {submitted.length === 0 && <Paragraph>{t(overview.provider?.work === true ? 'home.reportsNoneWork' : 'home.reportsNone')}</Paragraph>}
      {submitted.map((summary, i) => {
        const query = reports[i];
        const date = plainDate(summary.submittedOn ?? summary.createdAt);
        const name = t(summary.kind === 'final' ? 'home.reportFinal' : 'home.reportProgress', { date });
        const headingId = `verslag-${summary.id}`;
        return (
          <section key={summary.id} aria-labelledby={headingId} className="koers-plain-report">
            <Heading level={3} id={headingId}>
              {name}
            </Heading>
            {!query || query.isPending ? (
              <PortalLoading what={t('home.reportLoading')} />
            ) : query.isError ? (
              <LoadError error={query.error} />
            ) : (
              <DutchText>
                {query.data.plainDutch.map((sentence) => (
                  <Paragraph key={sentence}>{sentence}</Paragraph>
                ))}
              </DutchText>
            )}
            <Paragraph>
              <Link href={progressDownloads.reportPdf(summary.id)}>{t('home.reportDownload', { name: name.charAt(0).toLowerCase() + name.slice(1) })}</Link>
            </Paragraph>
          </section>
        );
      })}
    </section>
  );
}
