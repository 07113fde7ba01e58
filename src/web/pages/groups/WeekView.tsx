// Issue #4 item 2: a week view of a group's lessons; each lesson links to its attendance page.
import { Button, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { generatedLessonsKey, useGroupLessons, type Group, type Lesson } from '../../api/groups';
import { Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { labelOf, lessonKindLabels, weekdayLabels } from '../../lib/attendanceLabels';
import { addDays, formatDate, isValidIsoDate } from '../../lib/dates';

/** The Monday of the week of an ISO date. */
export function mondayOf(isoDate: string): string {
  const weekday = (new Date(`${isoDate}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(isoDate, -weekday);
}

const weekdayName = (isoDate: string) => weekdayLabels[(new Date(`${isoDate}T00:00:00Z`).getUTCDay() + 6) % 7] ?? '';

function LessonItem({ lesson }: { lesson: Lesson }) {
  const when = `${weekdayName(lesson.date)} ${formatDate(lesson.date)} ${lesson.startTime.slice(0, 5)}`;
  return (
    <UnorderedListItem>
      <RouterLink to={`/lessen/${encodeURIComponent(lesson.id)}`}>Les {when}</RouterLink>
      {`, ${labelOf(lessonKindLabels, lesson.kind)}, ${lesson.minutes} minuten`}
      {lesson.cancelledByProvider && <strong className="koers-cancelled"> (vervallen)</strong>}
    </UnorderedListItem>
  );
}

export function WeekView({ group, today }: { group: Group; today: string }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const asked = searchParams.get('week') ?? '';
  const monday = mondayOf(isValidIsoDate(asked) ? asked : today);
  const sunday = addDays(monday, 6);
  const lessons = useGroupLessons(group.id, monday, sunday);
  const queryClient = useQueryClient();

  const go = (weeks: number) => setSearchParams({ week: addDays(monday, weeks * 7) }, { replace: false });

  let list;
  if (lessons.isPending) list = <Loading what="Lessen" />;
  else {
    // API gap: without GET /groups/:id/lessons, fall back to lessons generated in this session.
    const known = lessons.isError
      ? (queryClient.getQueryData<Lesson[]>(generatedLessonsKey(group.id)) ?? [])
      : lessons.data;
    const inWeek = known.filter((l) => l.date >= monday && l.date <= sunday).sort((a, b) => `${a.date}${a.startTime}`.localeCompare(`${b.date}${b.startTime}`));
    if (inWeek.length > 0) {
      list = (
        <UnorderedList>
          {inWeek.map((l) => (
            <LessonItem key={l.id} lesson={l} />
          ))}
        </UnorderedList>
      );
    } else if (lessons.isError) {
      const planned = group.schedule.map((s) => `${weekdayLabels[s.weekday - 1] ?? ''} ${s.startTime} (${s.minutes} minuten)`);
      list = (
        <Paragraph>
          Het lesoverzicht van deze week kan nog niet worden opgehaald. Volgens het rooster: {planned.join(', ') || 'geen lessen'}.
        </Paragraph>
      );
    } else list = <Paragraph>Geen lessen in deze week.</Paragraph>;
  }

  return (
    <section aria-labelledby="week-titel" className="koers-section">
      <Heading level={2} id="week-titel">
        Lessen in de week van {formatDate(monday)} tot en met {formatDate(sunday)}
      </Heading>
      <nav aria-label="Weken" className="koers-actions">
        <Button appearance="secondary-action-button" onClick={() => go(-1)}>
          Vorige week
        </Button>
        <Button appearance="secondary-action-button" onClick={() => go(1)}>
          Volgende week
        </Button>
      </nav>
      <div aria-live="polite">{list}</div>
    </section>
  );
}
