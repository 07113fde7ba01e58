// `/mijn-activiteiten`: the participant's participation activities and MAP progress (R-PRT-2, R-MAP-1,
// R-HRS-1; the six guidelines of 001 Bijlage 1): what they did, where and when, how many hours per kind,
// and — when they follow a MAP — the eight themes and the practical part against its 40 hours, explained
// in two short sentences. With no activities yet an encouraging sentence says what comes.
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../components/AppLayout';
import { LoadError } from '../../components/QueryStatus';
import { plainDate } from '../../i18n';
import { durationText, useMyParticipation, type MyActivity, type MyParticipation } from './myParticipation';
import { PortalPage } from './PortalPage';
import { PortalLoading } from './PortalText';

export function MyParticipationPage() {
  const { t } = useTranslation();
  const user = useUser();
  const participantId = user.organisation.kind === 'participant' ? user.organisation.id : '';
  return (
    <PortalPage title={t('activities.title')}>
      {participantId === '' ? <Paragraph>{t('common.onlyParticipants')}</Paragraph> : <Activities participantId={participantId} />}
    </PortalPage>
  );
}

function useDuration(): (minutes: number) => string {
  const { t } = useTranslation();
  return (minutes) => {
    const d = durationText(minutes);
    return t(d.key, { hours: d.hours, minutes: d.minutes });
  };
}

function Activities({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const query = useMyParticipation(participantId);
  if (query.isPending) return <PortalLoading />;
  if (query.isError) return <LoadError error={query.error} />;
  const data = query.data;
  return (
    <>
      <Paragraph>{t('activities.intro')}</Paragraph>
      <Done activities={data.activities} />
      {data.activities.length > 0 && <PerKind data={data} />}
      {data.map !== null && <Map map={data.map} />}
    </>
  );
}

function Done({ activities }: { activities: readonly MyActivity[] }) {
  const { t } = useTranslation();
  const duration = useDuration();
  return (
    <section aria-labelledby="wat-gedaan" className="koers-section">
      <Heading level={2} id="wat-gedaan">
        {t('activities.doneTitle')}
      </Heading>
      {activities.length === 0 ? (
        <>
          <Paragraph>{t('activities.none1')}</Paragraph>
          <Paragraph>{t('activities.none2')}</Paragraph>
        </>
      ) : (
        <UnorderedList className="koers-portal-list">
          {activities.map((a) => (
            <UnorderedListItem key={a.id}>
              {/* The place is the provider's Dutch name: marked lang="nl" on the English page (WCAG 3.1.2). */}
              <strong>{t(`activityKinds.${a.kind}`)}</strong>: <span lang="nl">{a.organisation}</span>.{' '}
              {a.startDate === a.endDate ? t('activities.on', { date: plainDate(a.startDate) }) : t('activities.fromTo', { from: plainDate(a.startDate), to: plainDate(a.endDate) })}{' '}
              {t('activities.time', { duration: duration(a.minutes) })}
              {a.localFacilityName !== null && (
                <>
                  {' '}
                  {t('activities.local')} <span lang="nl">{a.localFacilityName}</span>.
                </>
              )}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}

function PerKind({ data }: { data: MyParticipation }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const kinds = (Object.entries(data.byActivityKind) as [MyActivity['kind'], number][]).filter(([, minutes]) => minutes > 0);
  return (
    <section aria-labelledby="uren-per-soort" className="koers-section">
      <Heading level={2} id="uren-per-soort">
        {t('activities.perKindTitle')}
      </Heading>
      <UnorderedList className="koers-portal-list">
        {kinds.map(([kind, minutes]) => (
          <UnorderedListItem key={kind}>{t('activities.perKind', { kind: t(`activityKinds.${kind}`), duration: duration(minutes) })}</UnorderedListItem>
        ))}
      </UnorderedList>
      <Paragraph>{t('activities.total', { duration: duration(data.totalMinutes) })}</Paragraph>
    </section>
  );
}

function Map({ map }: { map: NonNullable<MyParticipation['map']> }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const { practical } = map;
  const required = practical.requiredMinutes / 60;
  return (
    <>
      <section aria-labelledby="oefenen-voor-werk" className="koers-section">
        <Heading level={2} id="oefenen-voor-werk">
          {t('activities.practicalTitle')}
        </Heading>
        <Paragraph>{t('activities.practical1', { hours: required })}</Paragraph>
        <Paragraph>{t('activities.practical2')}</Paragraph>
        <Paragraph id="oefenen-stand">
          <strong>{t('activities.practicalDone', { duration: duration(practical.minutes) })}</strong>{' '}
          {practical.met ? t('activities.practicalMet') : t('activities.practicalLeft', { duration: duration(practical.remainingMinutes) })}
        </Paragraph>
        <progress className="koers-progress-bar" max={practical.requiredMinutes} value={Math.min(practical.minutes, practical.requiredMinutes)} aria-labelledby="oefenen-voor-werk" aria-describedby="oefenen-stand">
          {Math.min(100, Math.floor((practical.minutes / practical.requiredMinutes) * 100))}%
        </progress>
      </section>
      <section aria-labelledby="onderwerpen" className="koers-section">
        <Heading level={2} id="onderwerpen">
          {t('activities.themesTitle')}
        </Heading>
        <Paragraph>{t('activities.themesIntro', { total: map.themes.length, done: map.done })}</Paragraph>
        <UnorderedList className="koers-portal-list">
          {map.themes.map((th) => (
            <UnorderedListItem key={th.theme}>
              {t(`mapThemes.${th.theme}`)}: <strong>{t(`mapThemeStatus.${th.status}`)}</strong>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </section>
    </>
  );
}
