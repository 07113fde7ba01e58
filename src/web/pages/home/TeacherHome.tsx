// The teacher's home (issue #10 item 5): today's lessons and the rest of this week's, of the groups it
// teaches, each with the way to the lesson page to mark attendance (R-ATT-1). A teacher gets no signals:
// the provider's signals go to the coordinator (src/platform/access.ts signalInScope), so none are shown.
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useLessonsBetween } from '../../api/home';
import { useToday } from '../../api/queries';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDate } from '../../lib/dates';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { LessonTable } from './LessonTable';
import { weekOf } from './week';

export function TeacherHome() {
  useDocumentTitle('Mijn lessen');
  const today = useToday();
  const week = today.data ? weekOf(today.data) : undefined;
  const lessons = useLessonsBetween(week?.from, week?.to);

  let body;
  if (today.isPending || lessons.isPending) body = <Loading what="Lessen" />;
  else if (today.isError) body = <LoadError error={today.error} />;
  else if (lessons.isError) body = <LoadError error={lessons.error} />;
  else {
    const day = today.data;
    const todays = lessons.data.filter((l) => l.date === day);
    const rest = lessons.data.filter((l) => l.date !== day);
    const open = todays.filter((l) => !l.attendanceRecorded && !l.cancelledByProvider).length;
    body = (
      <>
        <section aria-labelledby="vandaag" className="koers-section">
          <Heading level={2} id="vandaag">
            Vandaag
          </Heading>
          {todays.length > 0 && (
            <Paragraph>
              {open === 0 ? 'De aanwezigheid van vandaag is geregistreerd.' : `Nog ${open === 1 ? '1 les' : `${open} lessen`} zonder registratie van de aanwezigheid.`}
            </Paragraph>
          )}
          <LessonTable caption={`Lessen op ${formatDate(day)}`} lessons={todays} today={day} empty="U heeft vandaag geen lessen." withDate={false} />
        </section>
        <section aria-labelledby="deze-week" className="koers-section">
          <Heading level={2} id="deze-week">
            Deze week
          </Heading>
          <LessonTable
            caption={`Andere lessen van ${formatDate(week?.from)} tot en met ${formatDate(week?.to)}`}
            lessons={rest}
            today={day}
            empty="U heeft deze week geen andere lessen."
          />
        </section>
      </>
    );
  }

  return (
    <>
      <Heading level={1}>Mijn lessen</Heading>
      <Paragraph>
        De lessen van uw groepen{today.data ? `, op ${formatDate(today.data)}` : ''}. Open een les om de aanwezigheid te registreren. Al uw groepen staan bij{' '}
        <RouterLink to="/groepen">Groepen</RouterLink>.
      </Paragraph>
      {body}
    </>
  );
}
