// `/wachtwoord-herstellen#<token>` (issue #9): the link from the reset mail. The token is in the
// fragment, which the browser never sends to a server, so it is in no access log.
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useLocation } from 'react-router-dom';
import { useConfirmPasswordReset } from '../../api/account';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { RouterLink } from '../../components/RouterLink';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useForm } from '../../lib/useForm';
import { MIN_LENGTH, validateNewPassword } from './passwordRules';

type F = 'password' | 'repeatPassword';
const fields = ['password', 'repeatPassword'] as const;
const validate = (name: F, v: Record<F, string>) => (name === 'password' ? validateNewPassword(v.password, '') : v.repeatPassword !== v.password ? 'De twee wachtwoorden zijn niet gelijk.' : undefined);

export function ResetPasswordPage() {
  useDocumentTitle('Nieuw wachtwoord instellen');
  const token = useLocation().hash.replace(/^#/, '');
  const confirm = useConfirmPasswordReset();
  const [done, setDone] = useState(false);
  const form = useForm<F>({ password: '', repeatPassword: '' }, fields, validate);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (confirm.isPending || !form.validateAll()) return;
    confirm.mutate({ token, password: form.values.password }, { onSuccess: () => setDone(true), onError: form.applyServerError });
  };
  return (
    <>
      <Heading level={1}>Nieuw wachtwoord instellen</Heading>
      {done ? (
        <Alert type="ok">
          <Paragraph>
            Uw nieuwe wachtwoord is ingesteld. U bent overal uitgelogd. <RouterLink to="/inloggen">Log opnieuw in</RouterLink>.
          </Paragraph>
        </Alert>
      ) : token === '' ? (
        <Alert type="error">
          <Paragraph>
            Deze link is niet compleet. <RouterLink to="/wachtwoord-vergeten">Vraag een nieuwe link aan</RouterLink>.
          </Paragraph>
        </Alert>
      ) : (
        <>
          <ErrorSummary items={form.summary} attempt={form.attempt} title="Instellen is niet gelukt" />
          <form noValidate onSubmit={submit} aria-label="Nieuw wachtwoord instellen" className="koers-form koers-form--narrow">
            <TextField {...form.bind('password')} label="Nieuw wachtwoord" type="password" autoComplete="new-password" description={`Minstens ${MIN_LENGTH} tekens. Een zin van een paar woorden is goed te onthouden en sterk.`} />
            <TextField {...form.bind('repeatPassword')} label="Nieuw wachtwoord nog een keer" type="password" autoComplete="new-password" />
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" busy={confirm.isPending}>
                Wachtwoord instellen
              </Button>
            </ButtonGroup>
          </form>
        </>
      )}
    </>
  );
}
