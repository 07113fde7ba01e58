import {
  Alert,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
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
import { useParams } from 'react-router-dom';
import { useLesson, type LessonPage as LessonData } from '../../api/groups';
import { useToday } from '../../api/queries';
import { useUser } from '../../components/AppLayout';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { lessonKindLabels, labelOf, reasonLabel, weekdayLabels } from '../../lib/attendanceLabels';
import { formatDate } from '../../lib/dates';
import { fullName } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { AttendanceForm } from './AttendanceForm';
import { LessonManage } from './LessonManage';
import { can } from '../../lib/permissions';

function weekdayOf(isoDate: string): string {
  const day = (new Date(`${isoDate}T00:00:00Z`).getUTCDay() + 6) % 7;
  return weekdayLabels[day] ?? '';
}

export function lessonTitle(lesson: { date: string; startTime: string }): string {
  return `Les van ${weekdayOf(lesson.date)} ${formatDate(lesson.date)} om ${lesson.startTime.slice(0, 5)}`;
}

/** `/lessen/:id`: the teacher's attendance entry for one lesson (R-ATT-1). */
export function LessonPage() {
  const { id = '' } = useParams();
  const lesson = useLesson(id);
  useDocumentTitle(lesson.data ? `${lessonTitle(lesson.data.lesson)} - Aanwezigheid` : 'Les');

  if (lesson.isPending) return <Loading what="Les" />;
  if (lesson.isError) {
    return (
      <>
        <Heading level={1}>Les</Heading>
        <LoadError error={lesson.error} />
      </>
    );
  }
  return <LessonView page={lesson.data} />;
}

function LessonView({ page }: { page: LessonData }) {
  const user = useUser();
  const today = useToday().data;
  const { lesson } = page;
  const mayRecord = can(user, 'attendance.record');
  const inFuture = today !== undefined && lesson.date > today;

  let body;
  if (lesson.cancelledByProvider) {
    body = <Alert type="warning">Deze les is vervallen (afgelast door de aanbieder). Er is geen aanwezigheid in te vullen.</Alert>;
  } else if (page.roster.length === 0) {
    body = <Paragraph>Op deze datum zit niemand in de groep.</Paragraph>;
  } else if (mayRecord && inFuture) {
    body = <Paragraph>Deze les heeft nog niet plaatsgevonden. De aanwezigheid vult u in op of na {formatDate(lesson.date)}.</Paragraph>;
  } else if (mayRecord) {
    // Keyed by lesson and date, so another lesson (or a lesson moved to another day) starts with its own roster.
    body = <AttendanceForm key={`${lesson.id}:${lesson.date}`} page={page} />;
  } else {
    body = <RosterTable page={page} />;
  }

  return (
    <>
      <Heading level={1}>{lessonTitle(lesson)}</Heading>
      <Paragraph>
        <RouterLink to={`/groepen/${encodeURIComponent(lesson.groupId)}`}>Naar groep {lesson.groupName}</RouterLink>
      </Paragraph>
      <DataList>
        <DataListItem>
          <DataListKey>Groep</DataListKey>
          <DataListValue>{lesson.groupName}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Soort les</DataListKey>
          <DataListValue>{labelOf(lessonKindLabels, lesson.kind)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Duur</DataListKey>
          <DataListValue>{lesson.minutes} minuten</DataListValue>
        </DataListItem>
        {lesson.cancelledByProvider && (
          <DataListItem>
            <DataListKey>Status</DataListKey>
            <DataListValue>Vervallen</DataListValue>
          </DataListItem>
        )}
      </DataList>
      <section aria-labelledby="aanwezigheid-titel" className="koers-section">
        <Heading level={2} id="aanwezigheid-titel">
          Aanwezigheid
        </Heading>
        {body}
      </section>
      {can(user, 'group.manage') && <LessonManage key={lesson.id} lesson={lesson} />}
    </>
  );
}

/** Read-only for roles that may read but not record (a consultant sees only its own residents). */
function RosterTable({ page }: { page: LessonData }) {
  return (
    <Table>
      <TableCaption className="koers-visually-hidden">Aanwezigheid bij deze les</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Naam</TableHeaderCell>
          <TableHeaderCell scope="col">Aanwezig</TableHeaderCell>
          <TableHeaderCell scope="col">Reden</TableHeaderCell>
          <TableHeaderCell scope="col">Minuten</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {page.roster.map((r) => (
          <TableRow key={r.participantId}>
            <TableHeaderCell scope="row">{fullName(r)}</TableHeaderCell>
            <TableCell>{!r.recorded ? 'Nog niet ingevuld' : r.present ? 'Aanwezig' : 'Afwezig'}</TableCell>
            <TableCell>{r.present ? '' : `${reasonLabel(r.reason)}${r.calledIn ? ', afgemeld' : ''}`}</TableCell>
            <TableCell>{r.minutesAttended}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
