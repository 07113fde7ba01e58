import { Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { useParams } from 'react-router-dom';
import { useParticipant, useToday } from '../../api/queries';
import type { ParticipantDetail } from '../../api/types';
import { useUser } from '../../components/AppLayout';
import { LoadError, Loading } from '../../components/QueryStatus';
import { ReferralTable } from '../../components/ReferralTable';
import { RouterLink } from '../../components/RouterLink';
import { fullName } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { AttendanceSection } from './AttendanceSection';
import { AuditLog } from './AuditLog';
import { HoursSection } from './HoursSection';
import { ParticipantTimelines } from './ParticipantTimelines';
import { ParticipantEscalations } from '../escalation/ParticipantEscalations';
import { DuoSection } from '../duo/DuoSection';
import { PersonalData } from './PersonalData';
import { can, canSeeProgressOfOthers } from '../../lib/permissions';

/** `/inburgeraars/:id`: one participant's file; the server answers 404 outside the user's room. */
export function ParticipantDetailPage() {
  const { id = '' } = useParams();
  const participant = useParticipant(id);
  useDocumentTitle(participant.data ? `${fullName(participant.data)} - Inburgeraar` : 'Inburgeraar');

  if (participant.isPending) return <Loading what="Inburgeraar" />;
  if (participant.isError) {
    return (
      <>
        <Heading level={1}>Inburgeraar</Heading>
        <LoadError error={participant.error} />
        <Paragraph>
          <RouterLink to="/inburgeraars">Naar de lijst van inburgeraars</RouterLink>
        </Paragraph>
      </>
    );
  }
  return <ParticipantFile participant={participant.data} />;
}

function ParticipantFile({ participant }: { participant: ParticipantDetail }) {
  const user = useUser();
  const today = useToday().data;
  const referPath = `/inburgeraars/${encodeURIComponent(participant.id)}/aanmelden`;
  const showAudit = can(user, 'participant.auditRead');

  return (
    <>
      <Heading level={1}>{fullName(participant)}</Heading>
      {(can(user, 'referral.create') || showAudit || can(user, 'attendance.read')) && (
        <ul className="koers-actions">
          {can(user, 'referral.create') && (
            <li>
              <RouterLink to={referPath}>Nieuwe aanmelding voor deze inburgeraar</RouterLink>
            </li>
          )}
          {canSeeProgressOfOthers(user) && (
            <li>
              <RouterLink to={`/inburgeraars/${encodeURIComponent(participant.id)}/voortgang`}>Voortgang en rapportages</RouterLink>
            </li>
          )}
          {can(user, 'attendance.read') && (
            <li>
              <Link href="#aanwezigheid-sectie">Aanwezigheid</Link>
            </li>
          )}
          {showAudit && (
            <li>
              <Link href="#logboek-sectie">Logboek (wie heeft dit dossier bekeken)</Link>
            </li>
          )}
        </ul>
      )}
      <PersonalData participant={participant} />
      <section aria-labelledby="aanmeldingen" className="koers-section">
        <Heading level={2} id="aanmeldingen">
          Aanmeldingen
        </Heading>
        {participant.referrals.length === 0 ? (
          <Paragraph>Deze inburgeraar is nog niet aangemeld bij een aanbieder.</Paragraph>
        ) : (
          <ReferralTable
            caption={`Aanmeldingen van ${fullName(participant)}`}
            referrals={participant.referrals}
            today={today}
            showParticipant={false}
            showProvider
            canAcknowledge={can(user, 'referral.acknowledge')}
          />
        )}
      </section>
      {can(user, 'attendance.read') && <AttendanceSection participantId={participant.id} mayClassify={can(user, 'attendance.classify')} />}
      <HoursSection participantId={participant.id} />
      {can(user, 'referral.read') && <ParticipantTimelines referrals={participant.referrals} />}
      {can(user, 'escalation.record') && <ParticipantEscalations participant={participant} record />}
      {can(user, 'duo.read') && <DuoSection participantId={participant.id} mayRefresh={can(user, 'duo.refresh')} />}
      {showAudit && <AuditLog participantId={participant.id} />}
    </>
  );
}
