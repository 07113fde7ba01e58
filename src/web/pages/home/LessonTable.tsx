// The lessons of a day or a week on a home (issue #10 item 5): date, time, group, place, and whether
// attendance is registered, each with a link to the lesson page where the teacher marks attendance.
import {
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { LessonOverview } from '../../api/home';
import { RouterLink } from '../../components/RouterLink';
import { TableScroll } from '../../components/TableScroll';
import { lessonKindLabels, weekdayLabels } from '../../lib/attendanceLabels';
import { formatDate } from '../../lib/dates';

function weekdayOf(isoDate: string): string {
  return weekdayLabels[(new Date(`${isoDate}T00:00:00Z`).getUTCDay() + 6) % 7] ?? '';
}

function attendanceText(lesson: LessonOverview, today: string): string {
  if (lesson.cancelledByProvider) return 'Les vervalt';
  if (lesson.attendanceRecorded) return `Geregistreerd (${lesson.recordedCount} van ${lesson.memberCount})`;
  return lesson.date > today ? 'Nog niet aan de beurt' : 'Nog niet geregistreerd';
}

function linkText(lesson: LessonOverview, today: string): string {
  if (lesson.cancelledByProvider || lesson.date > today) return 'Les bekijken';
  return lesson.attendanceRecorded ? 'Aanwezigheid bekijken' : 'Aanwezigheid registreren';
}

interface LessonTableProps {
  caption: string;
  lessons: LessonOverview[];
  today: string;
  empty: string;
  /** Show the date column (a week); a day's table leaves it out. */
  withDate?: boolean;
}

export function LessonTable({ caption, lessons, today, empty, withDate = true }: LessonTableProps) {
  if (lessons.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <TableScroll label={caption}>
      <Table>
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {withDate && <TableHeaderCell scope="col">Datum</TableHeaderCell>}
            <TableHeaderCell scope="col">Tijd</TableHeaderCell>
            <TableHeaderCell scope="col">Groep</TableHeaderCell>
            <TableHeaderCell scope="col">Plaats</TableHeaderCell>
            <TableHeaderCell scope="col">Aanwezigheid</TableHeaderCell>
            <TableHeaderCell scope="col">Les</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {lessons.map((lesson) => (
            <TableRow key={lesson.id}>
              {withDate && (
                <TableCell>
                  {weekdayOf(lesson.date)} {formatDate(lesson.date)}
                </TableCell>
              )}
              <TableCell>
                {lesson.startTime.slice(0, 5)} ({lesson.minutes} min., {lessonKindLabels[lesson.kind]})
              </TableCell>
              <TableCell>{lesson.groupName}</TableCell>
              <TableCell className="koers-wrap-anywhere">{lesson.location}</TableCell>
              <TableCell>{attendanceText(lesson, today)}</TableCell>
              <TableCell>
                <RouterLink
                  to={`/lessen/${encodeURIComponent(lesson.id)}`}
                  aria-label={`${linkText(lesson, today)}: ${lesson.groupName}, ${weekdayOf(lesson.date)} ${formatDate(lesson.date)} om ${lesson.startTime.slice(0, 5)}`}
                >
                  {linkText(lesson, today)}
                </RouterLink>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
