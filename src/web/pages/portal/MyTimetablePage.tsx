// `/mijn-rooster`: the participant's lessons this week and next (R-PRT-2; 001 Bijlage 1 guideline 3,
// "Ik weet wat ik moet doen": when and where to be), in plain Dutch or English.
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../components/AppLayout';
import { LoadError } from '../../components/QueryStatus';
import { plainDate } from '../../i18n';
import { PortalPage } from './PortalPage';
import { PortalLoading } from './PortalText';
import { splitWeeks, useTimetable, weekdayIndex, type TimetableLesson } from './timetable';

export function MyTimetablePage() {
  const { t } = useTranslation();
  const user = useUser();
  const participantId = user.organisation.kind === 'participant' ? user.organisation.id : '';
  return (
    <PortalPage title={t('timetable.title')}>
      {participantId === '' ? <Paragraph>{t('common.onlyParticipants')}</Paragraph> : <Timetable participantId={participantId} />}
    </PortalPage>
  );
}

function Timetable({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const timetable = useTimetable(participantId);
  if (timetable.isPending) return <PortalLoading />;
  if (timetable.isError) return <LoadError error={timetable.error} />;
  const [thisWeek, nextWeek] = splitWeeks(timetable.data.from, timetable.data.lessons);
  return (
    <>
      <Paragraph>{t('timetable.intro')}</Paragraph>
      <Week id="deze-week" title={t('timetable.thisWeek')} lessons={thisWeek} />
      <Week id="volgende-week" title={t('timetable.nextWeek')} lessons={nextWeek} />
    </>
  );
}

function Week({ id, title, lessons }: { id: string; title: string; lessons: readonly TimetableLesson[] }) {
  const { t } = useTranslation();
  const weekdays = t('weekdays', { returnObjects: true }) as string[];
  return (
    <section aria-labelledby={id} className="koers-section">
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {lessons.length === 0 ? (
        <Paragraph>{t('timetable.none')}</Paragraph>
      ) : (
        <UnorderedList className="koers-portal-list">
          {lessons.map((l) => {
            const weekday = weekdays[weekdayIndex(l.date)] ?? '';
            return (
              <UnorderedListItem key={l.id}>
                <strong>{t('timetable.lesson', { weekday: weekday.charAt(0).toUpperCase() + weekday.slice(1), date: plainDate(l.date), time: l.startTime })}</strong>{' '}
                {l.cancelled ? <strong>{t('timetable.cancelled')}</strong> : null} {t('timetable.what', { kind: t(`lessonKinds.${l.kind}`), minutes: l.minutes })}{' '}
                {t('timetable.where', { location: l.location, group: l.groupName })}
              </UnorderedListItem>
            );
          })}
        </UnorderedList>
      )}
    </section>
  );
}
