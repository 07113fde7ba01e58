// `/mijn-account` (issue #9): the second factor (status, set up again for a new phone or new recovery
// codes) and changing the password. Staff only: participants log in with DigiD.
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useChangePassword, useSecondFactorStatus } from '../../api/account';
import { useUser } from '../../components/AppLayout';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { LoadError, Loading } from '../../components/QueryStatus';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useForm } from '../../lib/useForm';
import { NotAllowed } from '../NotAllowed';
import { Enrolment } from './Enrolment';
import { MIN_LENGTH, validateNewPassword } from './passwordRules';

const TITLE = 'Mijn account';

export function AccountPage() {
  useDocumentTitle(TITLE);
  const user = useUser();
  if (user.role === 'participant') return <NotAllowed title={TITLE} />;
  return (
    <>
      <Heading level={1}>{TITLE}</Heading>
      <Paragraph>
        U bent ingelogd als {user.name} ({user.email}).
      </Paragraph>
      <SecondFactor />
      <ChangePassword email={user.email} />
    </>
  );
}

function SecondFactor() {
  const status = useSecondFactorStatus();
  const [enrolling, setEnrolling] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <section aria-labelledby="tweede-factor" className="koers-section">
      <Heading level={2} id="tweede-factor">
        Tweede factor
      </Heading>
      {status.isPending ? (
        <Loading what="Tweede factor" />
      ) : status.isError ? (
        <LoadError error={status.error} />
      ) : enrolling ? (
        <Enrolment
          level={3}
          onConfirmed={() => {
            setEnrolling(false);
            setDone(true);
          }}
          onCancel={() => setEnrolling(false)}
        />
      ) : (
        <>
          {done && (
            <Alert type="ok">
              <Paragraph>Uw nieuwe tweede factor en herstelcodes zijn in gebruik.</Paragraph>
            </Alert>
          )}
          <Paragraph>
            {status.data.enrolled
              ? `U logt in met uw wachtwoord en een code uit uw authenticator-app. U heeft nog ${status.data.recoveryCodesLeft} ongebruikte herstelcodes.`
              : status.data.required
                ? 'Voor uw rol is een tweede factor verplicht.'
                : 'U logt nu in met alleen uw wachtwoord. Met een tweede factor is uw account veel beter beschermd.'}
          </Paragraph>
          <ButtonGroup>
            <Button appearance={status.data.enrolled ? 'secondary-action-button' : 'primary-action-button'} onClick={() => setEnrolling(true)}>
              {status.data.enrolled ? 'Opnieuw instellen (nieuwe telefoon of nieuwe herstelcodes)' : 'Tweede factor instellen'}
            </Button>
          </ButtonGroup>
        </>
      )}
    </section>
  );
}

type PwField = 'currentPassword' | 'newPassword' | 'repeatPassword';
const pwFields = ['currentPassword', 'newPassword', 'repeatPassword'] as const;

function ChangePassword({ email }: { email: string }) {
  const change = useChangePassword();
  const [changed, setChanged] = useState(false);
  const validate = (name: PwField, v: Record<PwField, string>) => {
    if (name === 'currentPassword') return v.currentPassword === '' ? 'Vul uw huidige wachtwoord in.' : undefined;
    if (name === 'newPassword') return validateNewPassword(v.newPassword, email);
    return v.repeatPassword !== v.newPassword ? 'De twee nieuwe wachtwoorden zijn niet gelijk.' : undefined;
  };
  const form = useForm<PwField>({ currentPassword: '', newPassword: '', repeatPassword: '' }, pwFields, validate);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending || !form.validateAll()) return;
    change.mutate(
      { currentPassword: form.values.currentPassword, newPassword: form.values.newPassword },
      {
        onSuccess: () => {
          setChanged(true);
          form.update({ currentPassword: '', newPassword: '', repeatPassword: '' });
        },
        onError: form.applyServerError,
      },
    );
  };
  return (
    <section aria-labelledby="wachtwoord" className="koers-section">
      <Heading level={2} id="wachtwoord">
        Wachtwoord wijzigen
      </Heading>
      {changed && (
        <Alert type="ok">
          <Paragraph>Uw wachtwoord is gewijzigd. Op andere apparaten bent u uitgelogd.</Paragraph>
        </Alert>
      )}
      <ErrorSummary items={form.summary} attempt={form.attempt} title="Wijzigen is niet gelukt" id="foutoverzicht-wachtwoord" level={3} />
      <form noValidate onSubmit={submit} aria-label="Wachtwoord wijzigen" className="koers-form koers-form--narrow">
        <TextField {...form.bind('currentPassword')} label="Huidig wachtwoord" type="password" autoComplete="current-password" />
        <TextField {...form.bind('newPassword')} label="Nieuw wachtwoord" type="password" autoComplete="new-password" description={`Minstens ${MIN_LENGTH} tekens. Een zin van een paar woorden is goed te onthouden en sterk.`} />
        <TextField {...form.bind('repeatPassword')} label="Nieuw wachtwoord nog een keer" type="password" autoComplete="new-password" />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={change.isPending}>
            Wachtwoord wijzigen
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
