// `/wachtwoord-vergeten` (issue #9): ask for a reset link. The answer is the same whether the address
// is known or not, so the page cannot be used to find out who has an account.
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useRequestPasswordReset } from '../../api/account';
import { isApiError } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { describeError } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useForm } from '../../lib/useForm';

const fields = ['email'] as const;
const validate = (_: 'email', v: Record<'email', string>) => {
  const value = v.email.trim();
  if (value === '') return 'Vul uw e-mailadres in.';
  return /^[^\s@]+@[^\s@]+$/.test(value) ? undefined : 'Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.';
};

export function ForgotPasswordPage() {
  useDocumentTitle('Wachtwoord vergeten');
  const request = useRequestPasswordReset();
  const [sent, setSent] = useState(false);
  const form = useForm<'email'>({ email: '' }, fields, validate);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (request.isPending || !form.validateAll()) return;
    request.mutate(form.values.email.trim(), {
      onSuccess: () => setSent(true),
      onError: (error) => form.fail(isApiError(error, 429) ? (error.problem.detail ?? describeError(error)) : describeError(error)),
    });
  };
  return (
    <>
      <Heading level={1}>Wachtwoord vergeten</Heading>
      {sent ? (
        <Alert type="ok">
          <Paragraph>Als dit e-mailadres bij Koers bekend is, ontvangt u binnen enkele minuten een e-mail met een link om een nieuw wachtwoord in te stellen. De link werkt één keer en 30 minuten lang.</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>Vul het e-mailadres van uw account in. U krijgt een e-mail met een link om een nieuw wachtwoord in te stellen.</Paragraph>
          <ErrorSummary items={form.summary} attempt={form.attempt} title="Aanvragen is niet gelukt" />
          <form noValidate onSubmit={submit} aria-label="Nieuw wachtwoord aanvragen" className="koers-form koers-form--narrow">
            <TextField {...form.bind('email')} label="E-mailadres" type="email" autoComplete="username" />
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" busy={request.isPending}>
                Link aanvragen
              </Button>
            </ButtonGroup>
          </form>
        </>
      )}
      <Paragraph>
        <RouterLink to="/inloggen">Terug naar inloggen</RouterLink>
      </Paragraph>
    </>
  );
}
