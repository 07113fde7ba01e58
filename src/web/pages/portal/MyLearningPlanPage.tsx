// `/mijn-leerplan`: the learning plan the municipality approved (R-PRT-2, R-REF-6) and the copy the
// participant signed (R-REF-7), in plain Dutch or English: route, duration, goals, lessons per week,
// practice for work, child care.
import { Heading, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../components/AppLayout';
import { LoadError } from '../../components/QueryStatus';
import { plainDate } from '../../i18n';
import { signedPlanHref, useMyLearningPlan, type MyLearningPlan } from './learningPlan';
import { PortalPage } from './PortalPage';
import { DutchText, PortalLoading } from './PortalText';

const SKILLS = ['reading', 'writing', 'listening', 'speaking'] as const;

export function MyLearningPlanPage() {
  const { t } = useTranslation();
  const user = useUser();
  const participantId = user.organisation.kind === 'participant' ? user.organisation.id : '';
  return (
    <PortalPage title={t('plan.title')}>
      {participantId === '' ? <Paragraph>{t('common.onlyParticipants')}</Paragraph> : <Plan participantId={participantId} />}
    </PortalPage>
  );
}

function Plan({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const query = useMyLearningPlan(participantId);
  if (query.isPending) return <PortalLoading />;
  if (query.isError) return <LoadError error={query.error} />;
  const { plan, signed } = query.data;
  if (plan === null) return <Paragraph>{t('plan.none')}</Paragraph>;
  return (
    <>
      <Paragraph>
        {t('plan.approved', { date: plainDate(plan.approvedOn) })} {t('plan.school', { provider: plan.providerName })}
      </Paragraph>
      <PlanContent content={plan.content} />
      <section aria-labelledby="getekend" className="koers-section">
        <Heading level={2} id="getekend">
          {t('plan.signedTitle')}
        </Heading>
        {signed === null ? (
          <Paragraph>{t('plan.notSigned')}</Paragraph>
        ) : (
          <>
            <Paragraph>{t('plan.signed', { date: plainDate(signed.uploadedOn) })}</Paragraph>
            <Paragraph>
              <Link href={signedPlanHref(participantId)}>{t('plan.signedDownload')}</Link>
            </Paragraph>
          </>
        )}
      </section>
    </>
  );
}

function PlanContent({ content }: { content: NonNullable<MyLearningPlan['plan']>['content'] }) {
  const { t } = useTranslation();
  const week = content.weeklySchedule;
  return (
    <>
      <section aria-labelledby="wat-gaat-u-doen" className="koers-section">
        <Heading level={2} id="wat-gaat-u-doen">
          {t('plan.whatTitle')}
        </Heading>
        <Paragraph>{t('plan.route', { route: t(`routes.${content.route}`) })}</Paragraph>
        <Paragraph>{t('plan.duration', { months: content.expectedDurationMonths })}</Paragraph>
      </section>
      <section aria-labelledby="uw-doel" className="koers-section">
        <Heading level={2} id="uw-doel">
          {t('plan.levelsTitle')}
        </Heading>
        <UnorderedList className="koers-portal-list">
          {SKILLS.map((skill) => (
            <UnorderedListItem key={skill}>{t('plan.level', { skill: t(`skills.${skill}`), level: content.targetLevels[skill] })}</UnorderedListItem>
          ))}
        </UnorderedList>
      </section>
      <section aria-labelledby="hoe-vaak-les" className="koers-section">
        <Heading level={2} id="hoe-vaak-les">
          {t('plan.weekTitle')}
        </Heading>
        <Paragraph>{t('plan.dayParts', { count: week.dayParts })}</Paragraph>
        {week.evening && <Paragraph>{t('plan.evening')}</Paragraph>}
        {week.weekend && <Paragraph>{t('plan.weekend')}</Paragraph>}
        {(week.online || week.blended) && <Paragraph>{t('plan.online')}</Paragraph>}
      </section>
      {content.map.included && (
        <section aria-labelledby="leren-werk" className="koers-section">
          <Heading level={2} id="leren-werk">
            {t('plan.mapTitle')}
          </Heading>
          <Paragraph>{t('plan.mapHours', { hours: content.map.practicalHours })}</Paragraph>
          {content.map.practicalPart !== '' && (
            <DutchText>
              <Paragraph>{content.map.practicalPart}</Paragraph>
            </DutchText>
          )}
        </section>
      )}
      <section aria-labelledby="opvang" className="koers-section">
        <Heading level={2} id="opvang">
          {t('plan.childCareTitle')}
        </Heading>
        <Paragraph>{t(content.childCare.needed ? 'plan.childCareNeeded' : 'plan.childCareNone')}</Paragraph>
      </section>
      {content.notes !== undefined && content.notes !== '' && (
        <section aria-labelledby="notities" className="koers-section">
          <Heading level={2} id="notities">
            {t('plan.notesTitle')}
          </Heading>
          <DutchText>
            <Paragraph>{content.notes}</Paragraph>
          </DutchText>
        </section>
      )}
    </>
  );
}
