// R-HRS-1 and R-HRS-2 on the participant page: total hours, hours per kind, the milestones (200, 400,
// 600 hours by default) with the day each was reached, and the hours per week (chart and the same
// numbers as a table, for screen readers and for reading exact values).
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
import { useParticipantHours, type ParticipantHours } from '../../api/hours';
import { useUser } from '../../components/AppLayout';
import { LoadError, Loading } from '../../components/QueryStatus';
import { formatHours, hourKindLabels, type HourKind } from '../../lib/attendanceLabels';
import { addDays, formatDate } from '../../lib/dates';
import { can } from '../../lib/permissions';

const HoursChart = lazy(() => import('./HoursChart'));

/** Weeks shown in the chart and the table: about half a year. */
const WEEKS_SHOWN = 26;

/** The weeks from the first to the last with hours, weeks without hours as 0; the last WEEKS_SHOWN. */
export function weeksOf(byWeek: ParticipantHours['byWeek']): { week: string; minutes: number }[] {
  const first = byWeek[0];
  const last = byWeek.at(-1);
  if (first === undefined || last === undefined) return [];
  const minutes = new Map(byWeek.map((w) => [w.week, w.minutes]));
  const out: { week: string; minutes: number }[] = [];
  for (let week = first.week; week <= last.week; week = addDays(week, 7)) out.push({ week, minutes: minutes.get(week) ?? 0 });
  return out.slice(-WEEKS_SHOWN);
}

export function HoursSection({ participantId }: { participantId: string }) {
  const user = useUser();
  const allowed = can(user, 'attendance.read');
  const hours = useParticipantHours(participantId, allowed);
  if (!allowed) return null;
  let body;
  if (hours.isPending) body = <Loading what="Uren" />;
  else if (hours.isError) body = <LoadError error={hours.error} />;
  else body = <HoursBody data={hours.data} />;
  return (
    <section aria-labelledby="uren" className="koers-section" id="uren-sectie">
      <Heading level={2} id="uren">
        Uren
      </Heading>
      {body}
    </section>
  );
}

function HoursBody({ data }: { data: ParticipantHours }) {
  const weeks = useMemo(() => weeksOf(data.byWeek), [data.byWeek]);
  const kinds = Object.keys(hourKindLabels) as HourKind[];
  return (
    <>
      <Paragraph>
        Totaal: <strong>{formatHours(data.totalMinutes)}</strong>. Daarvan {formatHours(data.lessonMinutes)} in lessen en{' '}
        {formatHours(data.registeredMinutes)} doorgegeven door de aanbieder.
      </Paragraph>

      <Heading level={3} id="uren-per-soort">
        Uren per soort
      </Heading>
      <Table aria-labelledby="uren-per-soort">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Soort</TableHeaderCell>
            <TableHeaderCell scope="col">Uren</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {kinds.map((kind) => (
            <TableRow key={kind}>
              <TableHeaderCell scope="row">{hourKindLabels[kind]}</TableHeaderCell>
              <TableCell>{formatHours(data.byKind[kind] ?? 0)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <Heading level={3} id="uren-mijlpalen">
        Mijlpalen
      </Heading>
      <Paragraph>Bij elke mijlpaal volgen een voortgangstoets en een voortgangsverslag.</Paragraph>
      <Table aria-labelledby="uren-mijlpalen">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Mijlpaal</TableHeaderCell>
            <TableHeaderCell scope="col">Bereikt op</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.milestones.map((m) => (
            <TableRow key={m.hours}>
              <TableHeaderCell scope="row">{m.hours} uur</TableHeaderCell>
              <TableCell>{m.reachedOn === null ? 'nog niet' : formatDate(m.reachedOn)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <Heading level={3} id="uren-per-week">
        Uren per week
      </Heading>
      {weeks.length === 0 ? (
        <Paragraph>Er zijn nog geen uren.</Paragraph>
      ) : (
        <>
          <div aria-hidden="true">
            <Suspense fallback={null}>
              <HoursChart byWeek={weeks} />
            </Suspense>
          </div>
          {/* Issue #10 item 5: the weekly table is the chart's text; it opens on demand (a year is 52 rows). */}
          <details className="koers-more">
            <summary>Uren per week als tabel ({weeks.length === 1 ? '1 week' : `${weeks.length} weken`})</summary>
            <Table>
              <TableCaption className="koers-visually-hidden">
                Uren per week, {weeks.length === 1 ? '1 week' : `${weeks.length} weken`}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Week</TableHeaderCell>
                  <TableHeaderCell scope="col">Uren</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {weeks.map((w) => (
                  <TableRow key={w.week}>
                    <TableHeaderCell scope="row">Week van {formatDate(w.week)}</TableHeaderCell>
                    <TableCell>{formatHours(w.minutes)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </details>
        </>
      )}
    </>
  );
}
