// The spread of the rates over the period, everyone in the room (not only the current page or filter),
// from the server's counts per band:
// a bar chart for the eye, hidden from assistive technology, and the same numbers as a table.
import { lazy, Suspense, useMemo } from 'react';
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
import type { RateSummary } from '../../api/attendanceRates';
import { LoadError, Loading } from '../../components/QueryStatus';
import { bandsOf } from './rates';

const DistributionChart = lazy(() => import('./DistributionChart'));

export function Distribution({ summary, error }: { summary: RateSummary | undefined; error: Error | null }) {
  // The norm the server counted with (R-ATT-3), so the bands mark what the signals mark.
  const spread = useMemo(() => (summary ? { bands: bandsOf(summary.bands, summary.normPercent), withoutLessons: summary.withoutLessons, normPercent: summary.normPercent } : undefined), [summary]);
  const everyone = summary?.total;

  let body;
  if (everyone === 0) body = <Paragraph>Er zijn in deze periode geen inburgeraars met lessen.</Paragraph>;
  else if (error) body = <LoadError error={error} />;
  else if (!spread) body = <Loading what="Verdeling" />;
  else
    body = (
      <>
        <div aria-hidden="true">
          <Suspense fallback={null}>
            <DistributionChart bands={spread.bands} />
          </Suspense>
        </div>
        <Table>
          <TableCaption className="koers-visually-hidden">Aantal inburgeraars per aanwezigheid, norm {spread.normPercent}%</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Aanwezigheid</TableHeaderCell>
              <TableHeaderCell scope="col">Inburgeraars</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {spread.bands.map((band) => (
              <TableRow key={band.label}>
                <TableHeaderCell scope="row">
                  {band.label}
                  {band.belowNorm && ` (onder ${spread.normPercent}%)`}
                </TableHeaderCell>
                <TableCell>{band.count}</TableCell>
              </TableRow>
            ))}
            {spread.withoutLessons > 0 && (
              <TableRow>
                <TableHeaderCell scope="row">Nog geen lessen</TableHeaderCell>
                <TableCell>{spread.withoutLessons}</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </>
    );

  return (
    <section aria-labelledby="verdeling" className="koers-section">
      <Heading level={2} id="verdeling">
        Verdeling
      </Heading>
      <Paragraph>Hoeveel inburgeraars in de periode per tien procent aanwezig waren, iedereen in de lijst (ook boven de norm).</Paragraph>
      {body}
    </section>
  );
}
