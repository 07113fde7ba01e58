// `/mijn-voortgang`: the participant's home in plain Dutch (A2) or English (R-PRT-1, R-PRT-2; the six
// guidelines of 001 Bijlage 1): how it goes, where they are in the route, what comes next and by when,
// what is expected of them, whom to call, their hours, and the reports the school has sent. The session
// names the participant: for this role the organisation is the participant itself.
import { Heading, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useProgress, type Overview } from '../../api/progress';
import { useUser } from '../../components/AppLayout';
import { LoadError } from '../../components/QueryStatus';
import { plainDate } from '../../i18n';
import { PortalLoading, DutchText } from './PortalText';
import { PortalPage } from './PortalPage';
import { mailtoHref, telHref } from './contact';
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
      <Expected overview={overview} />
      <WhomToCall contacts={overview.contacts} work={overview.provider?.work === true} />
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
          <Paragraph>{t(`home.${next.key}`, { provider: overview.provider?.name ?? '' })}</Paragraph>
        )}
      </section>
    </>
  );
}

function Expected({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  // A participation or MAP provider has appointments, not lessons (R-PRT-1: the right word per provider).
  const work = overview.provider?.work === true ? 'Work' : '';
  const provider = overview.provider?.name ?? '';
  return (
    <section aria-labelledby="wat-moet-ik-doen" className="koers-section">
      <Heading level={2} id="wat-moet-ik-doen">
        {t('home.expectedTitle')}
      </Heading>
      <UnorderedList className="koers-portal-list">
        <UnorderedListItem>{t(`home.expected1${work}`)}</UnorderedListItem>
        <UnorderedListItem>{t(`home.expected2${work}`, { provider })}</UnorderedListItem>
        <UnorderedListItem>{t('home.expected3')}</UnorderedListItem>
      </UnorderedList>
    </section>
  );
}

/**
 * 001 Bijlage 1 guideline 5: whom to call, with the phone number and the days and times it is answered.
 * The contacts come from the contract files (migration 0021); where a phone number or e-mail address is
 * missing the page says they are on the organisation's website, as it did before Koers kept them.
 */
function WhomToCall({ contacts, work }: { contacts: Overview['contacts']; work: boolean }) {
  const { t } = useTranslation();
  const municipality = contacts.find((c) => c.role === 'municipality');
  const provider = contacts.find((c) => c.role === 'provider');
  const incomplete = contacts.length === 0 || contacts.some((c) => c.phone === null || c.email === null);
  return (
    <section aria-labelledby="wie-bellen" className="koers-section">
      <Heading level={2} id="wie-bellen">
        {t('home.callTitle')}
      </Heading>
      <UnorderedList className="koers-portal-list">
        <UnorderedListItem>
          <span>{municipality === undefined ? t('home.callMunicipalityUnknown') : t('home.callMunicipality', { name: municipality.organisation })}</span>
          {municipality !== undefined && <ContactLines contact={municipality} />}
        </UnorderedListItem>
        {provider !== undefined && (
          <UnorderedListItem>
            <span>{t(work ? 'home.callProviderWork' : 'home.callProvider', { name: provider.organisation })}</span>
            <ContactLines contact={provider} />
          </UnorderedListItem>
        )}
      </UnorderedList>
      {incomplete && <Paragraph>{t('home.callNumbers')}</Paragraph>}
    </section>
  );
}

function ContactLines({ contact }: { contact: Overview['contacts'][number] }) {
  const { t } = useTranslation();
  const { name, phone, email, hours } = contact;
  if (name === null && phone === null && email === null && hours === null) return null;
  // The name and hours are the contract's Dutch words: marked lang="nl" on the English page (WCAG 3.1.2).
  return (
    <UnorderedList className="koers-portal-list">
      {name !== null && (
        <UnorderedListItem>
          {t('home.callAskFor')} <span lang="nl">{name}</span>
        </UnorderedListItem>
      )}
      {phone !== null && (
        <UnorderedListItem>
          {t('home.callPhone')} <Link href={telHref(phone)}>{phone}</Link>
        </UnorderedListItem>
      )}
      {email !== null && (
        <UnorderedListItem>
          {t('home.callEmail')} <Link href={mailtoHref(email)}>{email}</Link>
        </UnorderedListItem>
      )}
      {hours !== null && (
        <UnorderedListItem>
          {t('home.callHours')} <span lang="nl">{hours}</span>
        </UnorderedListItem>
      )}
    </UnorderedList>
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
