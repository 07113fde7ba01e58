// `/tweede-factor-instellen` (issue #9): a user whose role needs a second factor (KOERS_MFA_ROLES) and
// who has none yet lands here after the password; the session starts once the factor is confirmed.
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { startSession } from '../../api/account';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Enrolment } from './Enrolment';

export function EnrolPage() {
  useDocumentTitle('Tweede factor instellen');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <Heading level={1}>Tweede factor instellen</Heading>
      <Paragraph>Voor uw rol logt u in met uw wachtwoord én een code uit een app op uw telefoon. Stel dat nu eenmalig in; daarna komt u in Koers.</Paragraph>
      <Enrolment
        level={2}
        onConfirmed={(user) => {
          startSession(queryClient, user);
          void navigate('/', { replace: true });
        }}
        onCancel={() => void navigate('/inloggen', { replace: true })}
      />
    </>
  );
}
