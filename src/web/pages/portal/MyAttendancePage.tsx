// `/mijn-aanwezigheid`: the participant's attendance and hours (R-PRT-2, R-ATT-3, R-HRS-1) with the
// norm explained in two short sentences. The norm is the participant's contract version's (80% in
// Westfriesland, 001 §2.3.1), as the server names it.
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useParticipantAttendance, type ParticipantAttendance } from '../../api/groups';
import { useParticipantHours } from '../../api/hours';
import { useUser } from '../../components/AppLayout';
import { LoadError } from '../../components/QueryStatus';
import { plainDate } from '../../i18n';
import { PortalPage } from './PortalPage';
import { PortalLoading } from './PortalText';

export function MyAttendancePage() {
  const { t } = useTranslation();
  const user = useUser();
  const participantId = user.organisation.kind === 'participant' ? user.organisation.id : '';
  return (
    <PortalPage title={t('attendance.title')}>
      {participantId === '' ? (
        <Paragraph>{t('common.onlyParticipants')}</Paragraph>
      ) : (
        <>
          <Attendance participantId={participantId} />
          <Hours participantId={participantId} />
        </>
      )}
    </PortalPage>
  );
}

function Attendance({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const attendance = useParticipantAttendance(participantId, true);
  if (attendance.isPending) return <PortalLoading />;
  if (attendance.isError) return <LoadError error={attendance.error} />;
  const a = attendance.data;
  const norm = a.normPercent;
  const percent = a.rate.percentage === null ? null : Math.floor(a.rate.percentage);
  return (
    <>
      <section aria-labelledby="de-regel" className="koers-section">
        <Heading level={2} id="de-regel">
          {t('attendance.normTitle')}
        </Heading>
        <Paragraph>{t('attendance.norm1', { norm })}</Paragraph>
        <Paragraph>{t('attendance.norm2', { norm })}</Paragraph>
      </section>
      <section aria-labelledby="hoe-vaak" className="koers-section">
        <Heading level={2} id="hoe-vaak">
          {t('attendance.rateTitle')}
        </Heading>
        {percent === null ? (
          <Paragraph>{t('attendance.rateNone')}</Paragraph>
        ) : (
          <>
            <Paragraph>
              <strong>{t('attendance.rate', { percent })}</strong> {a.belowNorm ? t('attendance.rateLow', { norm }) : t('attendance.rateGood')}
            </Paragraph>
            <Paragraph>{t('attendance.period', { from: plainDate(a.from), to: plainDate(a.to) })}</Paragraph>
          </>
        )}
      </section>
      <Absences absences={a.absences} />
    </>
  );
}

function Absences({ absences }: { absences: ParticipantAttendance['absences'] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="niet-aanwezig" className="koers-section">
      <Heading level={2} id="niet-aanwezig">
        {t('attendance.absencesTitle')}
      </Heading>
      {absences.length === 0 ? (
        <Paragraph>{t('attendance.absencesNone')}</Paragraph>
      ) : (
        <UnorderedList className="koers-portal-list">
          {absences.map((a) => (
            <UnorderedListItem key={a.lessonId}>
              {plainDate(a.date)}: {t(`lessonKinds.${a.kind}`)}. {t(a.calledIn ? 'attendance.absenceCalledIn' : 'attendance.absenceNotCalledIn')}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}

function Hours({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const hours = useParticipantHours(participantId);
  if (hours.isPending) return <PortalLoading />;
  if (hours.isError) return <LoadError error={hours.error} />;
  const h = hours.data;
  const whole = (minutes: number) => Math.floor(minutes / 60);
  // Language lessons (KNM included) against every other kind (participation, internship…, R-HRS-1).
  const language = h.byKind.language;
  const other = Math.max(0, h.totalMinutes - language);
  return (
    <section aria-labelledby="mijn-uren" className="koers-section">
      <Heading level={2} id="mijn-uren">
        {t('attendance.hoursTitle')}
      </Heading>
      <Paragraph>{t('attendance.hoursTotal', { hours: whole(h.totalMinutes) })}</Paragraph>
      <Paragraph>{t('attendance.hoursLessons', { hours: whole(language) })}</Paragraph>
      {other >= 60 && <Paragraph>{t('attendance.hoursOther', { hours: whole(other) })}</Paragraph>}
    </section>
  );
}
