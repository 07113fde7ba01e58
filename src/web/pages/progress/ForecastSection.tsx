// R-BYD-1: when each milestone and the target are expected at the current pace, against the end of the
// term; a milestone expected after the end of the term is marked. Chart and the same facts as a table.
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
import type { Overview } from '../../api/progress';
import { useToday } from '../../api/queries';
import { formatDate } from '../../lib/dates';
import { forecastPoints } from './forecastPoints';
import { formatNumber } from './labels';

const ForecastChart = lazy(() => import('./ForecastChart'));

function whenText(projectedOn: string | null, reached: boolean): string {
  if (reached) return 'Gehaald';
  return projectedOn === null ? 'Geen prognose (geen tempo)' : formatDate(projectedOn);
}

export function ForecastSection({ overview }: { overview: Overview }) {
  const today = useToday().data;
  const { status, hours, participant } = overview;
  const points = useMemo(() => (today ? forecastPoints(today, hours.made, status.milestones) : []), [today, status.milestones, hours.made]);
  const late = status.milestones.some((m) => m.hours > hours.made && !m.beforeTermEnd);

  return (
    <section aria-labelledby="prognose" className="koers-section">
      <Heading level={2} id="prognose">
        Prognose
      </Heading>
      <Paragraph>
        Einde termijn: <strong>{formatDate(participant.termEndsOn)}</strong>
        {participant.termAssumed && ' (aangenomen: drie jaar na de eerste aanmelding)'}. Doel van {formatNumber(hours.target)} uur
        gehaald op: <strong>{status.targetReachedOn === null ? 'niet te voorspellen' : formatDate(status.targetReachedOn)}</strong>.
        {late && ' Let op: bij dit tempo wordt niet elke mijlpaal voor het einde van de termijn gehaald.'}
      </Paragraph>
      {points.length > 1 && (
        <div aria-hidden="true">
          <Suspense fallback={null}>
            <ForecastChart points={points} termEndsOn={participant.termEndsOn} />
          </Suspense>
        </div>
      )}
      <Table>
        <TableCaption className="koers-visually-hidden">Mijlpalen met de verwachte datum</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Mijlpaal</TableHeaderCell>
            <TableHeaderCell scope="col">Verwacht op</TableHeaderCell>
            <TableHeaderCell scope="col">Voor einde termijn</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {status.milestones.map((m) => {
            const reached = hours.made >= m.hours;
            const after = !reached && !m.beforeTermEnd;
            return (
              <TableRow key={m.hours} className={after ? 'koers-row--overdue' : undefined}>
                <TableHeaderCell scope="row">{formatNumber(m.hours)} uur</TableHeaderCell>
                <TableCell>{whenText(m.projectedOn, reached)}</TableCell>
                <TableCell>{reached || m.beforeTermEnd ? 'Ja' : <strong className="koers-overdue">Nee, na einde termijn</strong>}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}
