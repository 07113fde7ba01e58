// `/mijn-voortgang`: the participant's home in plain Dutch (A2) or English (R-PRT-1, R-PRT-2; the six
// guidelines of 001 Bijlage 1): how it goes, where they are in the route, what comes next and by when,
// what is expected of them, whom to call, their hours, and the reports the school has sent. The session
// names the participant: for this role the organisation is the participant itself.
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useParticipant } from '../../api/queries';
import { useProgress, type Overview } from '../../api/progress';
import { useUser } from '../../components/AppLayout';
import { LoadError } from '../../components/QueryStatus';
import { plainDate } from '../../i18n';
import { PortalLoading, DutchText } from './PortalText';
import { PortalPage } from './PortalPage';
import { MyReports } from './MyReports';
import { nextStep, statusKey, whereKey } from './position';

export function MyProgressPage() {
  const { t } = useTranslation();
  const user = useUser();
  const participantId = user.organisation.kind === 'participant' ? user.organisation.id : '';
  return (
    <PortalPage title={t('home.title')}>
      {participantId === '' ? <Paragraph>{t('common.onlyParticipants')}</Paragraph> : <Home participantId={participantId} />}
    </PortalPage>
  );
}

function Home({ participantId }: { participantId: string }) {
  const progress = useProgress(participantId);
  if (progress.isPending) return <PortalLoading />;
  if (progress.isError) return <LoadError error={progress.error} />;
  const overview = progress.data;
  return (
    <>
      <HowItGoes overview={overview} />
      <WhereAndNext overview={overview} />
      <Expected />
      <WhomToCall participantId={participantId} providerName={overview.provider?.name ?? null} />
      <MyHours overview={overview} />
      <MyReports overview={overview} />
    </>
  );
}

function HowItGoes({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const { reasons } = overview.status;
  return (
    <section aria-labelledby="hoe-gaat-het" className="koers-section">
      <Heading level={2} id="hoe-gaat-het">
        {t('home.howTitle')}
      </Heading>
      <Paragraph>
        <strong>{t(`home.status.${statusKey(overview)}`)}</strong>
      </Paragraph>
      {reasons.length > 0 && (
        <>
          <Paragraph>{t('home.why')}</Paragraph>
          {/* The reasons are the server's plain Dutch (src/domain/progress-status.ts). */}
          <DutchText>
            <UnorderedList>
              {reasons.map((reason) => (
                <UnorderedListItem key={reason}>{reason}</UnorderedListItem>
              ))}
            </UnorderedList>
          </DutchText>
        </>
      )}
    </section>
  );
}

function WhereAndNext({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const next = nextStep(overview);
  return (
    <>
      <section aria-labelledby="waar-ben-ik" className="koers-section">
        <Heading level={2} id="waar-ben-ik">
          {t('home.whereTitle')}
        </Heading>
        <Paragraph>{t(`home.${whereKey(overview)}`, { provider: overview.provider?.name ?? '' })}</Paragraph>
      </section>
      <section aria-labelledby="wat-komt-hierna" className="koers-section">
        <Heading level={2} id="wat-komt-hierna">
          {t('home.nextTitle')}
        </Heading>
        {next.key === 'nextMilestone' ? (
          <Paragraph>
            {t('home.nextMilestone', { hours: next.hours })}
            {next.by !== null && ` ${t('home.nextMilestoneBy', { date: plainDate(next.by) })}`}
          </Paragraph>
        ) : (
          <Paragraph>{t(`home.${next.key}`)}</Paragraph>
        )}
      </section>
    </>
  );
}

function Expected() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="wat-moet-ik-doen" className="koers-section">
      <Heading level={2} id="wat-moet-ik-doen">
        {t('home.expectedTitle')}
      </Heading>
      <UnorderedList className="koers-portal-list">
        <UnorderedListItem>{t('home.expected1')}</UnorderedListItem>
        <UnorderedListItem>{t('home.expected2')}</UnorderedListItem>
        <UnorderedListItem>{t('home.expected3')}</UnorderedListItem>
      </UnorderedList>
    </section>
  );
}

/**
 * 001 Bijlage 1 guideline 5: whom to call. Koers keeps no phone number, e-mail address or hours of the
 * consultant or the provider's contact yet (no table holds them; 001 §1.1 has the parties exchange them),
 * so the page names the municipality and the school and points to their own websites.
 */
function WhomToCall({ participantId, providerName }: { participantId: string; providerName: string | null }) {
  const { t } = useTranslation();
  const file = useParticipant(participantId);
  const municipality = file.data?.municipality.name;
  return (
    <section aria-labelledby="wie-bellen" className="koers-section">
      <Heading level={2} id="wie-bellen">
        {t('home.callTitle')}
      </Heading>
      <UnorderedList className="koers-portal-list">
        <UnorderedListItem>{municipality === undefined ? t('home.callMunicipalityUnknown') : t('home.callMunicipality', { name: municipality })}</UnorderedListItem>
        {providerName !== null && <UnorderedListItem>{t('home.callProvider', { name: providerName })}</UnorderedListItem>}
      </UnorderedList>
      <Paragraph>{t('home.callNumbers')}</Paragraph>
    </section>
  );
}

function MyHours({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const { hours } = overview;
  const made = Math.floor(hours.made);
  const percent = hours.target > 0 ? Math.min(100, Math.floor((hours.made / hours.target) * 100)) : 0;
  return (
    <section aria-labelledby="mijn-uren" className="koers-section">
      <Heading level={2} id="mijn-uren">
        {t('home.hoursTitle')}
      </Heading>
      <Paragraph id="mijn-uren-tekst">{t('home.hoursMade', { made, target: hours.target })}</Paragraph>
      <progress className="koers-progress-bar" max={hours.target} value={Math.min(hours.made, hours.target)} aria-labelledby="mijn-uren" aria-describedby="mijn-uren-tekst">
        {percent}%
      </progress>
      <Paragraph>{t('home.hoursPercent', { percent })}</Paragraph>
    </section>
  );
}
