// R-ATT-3 and R-ATT-2 on the participant page: this month's rate, the trend per month (chart and the same
// numbers as a table), the absences with reason, and for the municipality the classification.
import { lazy, Suspense, useState } from 'react';
import {
  Button,
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
import { useClassifyAbsence, useParticipantAttendance, type Absence, type Classification, type ParticipantAttendance } from '../../api/groups';
import { LoadError, Loading, describeError } from '../../components/QueryStatus';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { classificationLabels, formatPercent, isBelowNorm, labelOf, lessonKindLabels, monthLabel, reasonLabel } from '../../lib/attendanceLabels';
import { formatDate } from '../../lib/dates';
import { yesNo } from '../../lib/labels';

const AttendanceChart = lazy(() => import('./AttendanceChart'));

export function AttendanceSection({ participantId, mayClassify }: { participantId: string; mayClassify: boolean }) {
  const attendance = useParticipantAttendance(participantId, true);
  let body;
  if (attendance.isPending) body = <Loading what="Aanwezigheid" />;
  else if (attendance.isError) body = <LoadError error={attendance.error} />;
  else body = <AttendanceBody data={attendance.data} participantId={participantId} mayClassify={mayClassify} />;
  return (
    <section aria-labelledby="aanwezigheid" className="koers-section" id="aanwezigheid-sectie">
      <Heading level={2} id="aanwezigheid">
        Aanwezigheid
      </Heading>
      {body}
    </section>
  );
}

function AttendanceBody({ data, participantId, mayClassify }: { data: ParticipantAttendance; participantId: string; mayClassify: boolean }) {
  const thisMonth = data.byMonth.at(-1);
  const months = data.byMonth.filter((m) => m.percentage !== null);
  return (
    <>
      <Paragraph>
        Aanwezigheid deze maand: <strong>{formatPercent(thisMonth?.percentage ?? null)}</strong>
        {isBelowNorm(thisMonth?.percentage ?? null, data.normPercent) && <strong className="koers-overdue"> (onder {data.normPercent}%)</strong>}.
        Van {formatDate(data.from)} tot en met {formatDate(data.to)}: {formatPercent(data.rate.percentage)}
        {data.belowNorm ? `, onder de norm van ${data.normPercent}%` : ''}.
      </Paragraph>
      <Heading level={3} id="aanwezigheid-per-maand">
        Aanwezigheid per maand
      </Heading>
      {months.length === 0 ? (
        <Paragraph>Er waren in deze periode nog geen lessen.</Paragraph>
      ) : (
        <>
          <div aria-hidden="true">
            <Suspense fallback={null}>
              <AttendanceChart byMonth={months} normPercent={data.normPercent} />
            </Suspense>
          </div>
          <Table>
            <TableCaption className="koers-visually-hidden">Aanwezigheid per maand, norm {data.normPercent}%</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Maand</TableHeaderCell>
                <TableHeaderCell scope="col">Aanwezigheid</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {months.map((m) => (
                <TableRow key={m.month}>
                  <TableHeaderCell scope="row">{monthLabel(m.month)}</TableHeaderCell>
                  <TableCell>
                    {formatPercent(m.percentage)}
                    {isBelowNorm(m.percentage, data.normPercent) && ` (onder ${data.normPercent}%)`}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      <Heading level={3}>Verzuim</Heading>
      {data.absences.length === 0 ? (
        <Paragraph>Geen verzuim in deze periode.</Paragraph>
      ) : (
        <AbsenceTable absences={data.absences} participantId={participantId} mayClassify={mayClassify} />
      )}
    </>
  );
}

function AbsenceTable({ absences, participantId, mayClassify }: { absences: Absence[]; participantId: string; mayClassify: boolean }) {
  const classify = useClassifyAbsence(participantId);
  const [message, setMessage] = useState('');
  const sorted = [...absences].sort((a, b) => b.date.localeCompare(a.date));

  const decide = (absence: Absence, classification: Classification) => {
    setMessage('');
    classify.mutate(
      { lessonId: absence.lessonId, classification },
      {
        onSuccess: () => setMessage(`Verzuim van ${formatDate(absence.date)} is beoordeeld als ${classificationLabels[classification].toLowerCase()}.`),
        onError: (error) => setMessage(`Niet opgeslagen: ${describeError(error)}`),
      },
    );
  };

  return (
    <>
      <Table>
        <TableCaption className="koers-visually-hidden">Verzuim met reden en beoordeling</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Datum</TableHeaderCell>
            <TableHeaderCell scope="col">Les</TableHeaderCell>
            <TableHeaderCell scope="col">Reden</TableHeaderCell>
            <TableHeaderCell scope="col">Afgemeld</TableHeaderCell>
            <TableHeaderCell scope="col">Beoordeling</TableHeaderCell>
            {mayClassify && <TableHeaderCell scope="col">Beoordelen</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((a) => (
            <TableRow key={a.lessonId}>
              <TableHeaderCell scope="row">{formatDate(a.date)}</TableHeaderCell>
              <TableCell>{labelOf(lessonKindLabels, a.kind)}</TableCell>
              <TableCell>{reasonLabel(a.reason)}</TableCell>
              <TableCell>{yesNo(a.calledIn)}</TableCell>
              <TableCell>{a.classification ? classificationLabels[a.classification] : 'Nog niet beoordeeld'}</TableCell>
              {mayClassify && (
                <TableCell>
                  <span className="koers-actions koers-actions--tight">
                    {(['authorised', 'unauthorised'] as const).map((c) => (
                      <Button
                        key={c}
                        appearance="secondary-action-button"
                        pressed={a.classification === c}
                        disabled={classify.isPending}
                        onClick={() => decide(a, c)}
                      >
                        {classificationLabels[c]}
                        <VisuallyHidden> (verzuim {formatDate(a.date)})</VisuallyHidden>
                      </Button>
                    ))}
                  </span>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div role="status" aria-live="polite" className="koers-live">
        {message && <Paragraph>{message}</Paragraph>}
      </div>
    </>
  );
}
