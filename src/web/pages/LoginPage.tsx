import { useEffect, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useLocation, useNavigate } from 'react-router-dom';
import { isApiError } from '../api/client';
import { forgetSession, useLogin } from '../api/queries';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/fields';
import { describeError } from '../components/QueryStatus';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useForm } from '../lib/useForm';
import { OidcLoginButtons } from '../components/OidcLoginButtons';
import { RouterLink } from '../components/RouterLink';
import { SecondFactorStep } from './account/SecondFactorStep';
import { DemoAccounts } from './DemoAccounts';

type LoginField = 'email' | 'password';
const loginFields = ['email', 'password'] as const;

function validateLogin(name: LoginField, values: Record<LoginField, string>): string | undefined {
  const value = values[name].trim();
  if (name === 'email') {
    if (value === '') return 'Vul uw e-mailadres in.';
    if (!/^[^\s@]+@[^\s@]+$/.test(value)) return 'Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.';
    return undefined;
  }
  return values.password === '' ? 'Vul uw wachtwoord in.' : undefined;
}

interface LoginState {
  from?: unknown;
  signedOut?: unknown;
}

function returnPath(state: unknown): string {
  const from = (state as LoginState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/inloggen') ? from : '/';
}

export function LoginPage() {
  useDocumentTitle('Inloggen');
  const navigate = useNavigate();
  const location = useLocation();
  const login = useLogin();
  const queryClient = useQueryClient();
  const form = useForm<LoginField>({ email: '', password: '' }, loginFields, validateLogin);
  // Issue #9: with a second factor, the right password leads to a second step on this page.
  const [step, setStep] = useState<'password' | 'code'>('password');

  // After "Uitloggen" (UserNav): now that the signed-in pages are gone, forget that user's data.
  const signedOut = (location.state as LoginState | null)?.signedOut === true;
  useEffect(() => {
    if (signedOut) forgetSession(queryClient);
  }, [signedOut, queryClient]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (login.isPending || !form.validateAll()) return;
    login.mutate(
      { email: form.values.email.trim(), password: form.values.password },
      {
        onSuccess: (answer) => {
          if ('user' in answer) void navigate(returnPath(location.state), { replace: true });
          else if (answer.enrolmentRequired) void navigate('/tweede-factor-instellen', { replace: true });
          else setStep('code');
        },
        onError: (error) => {
          if (isApiError(error, 401)) form.fail('E-mailadres of wachtwoord klopt niet.');
          else if (isApiError(error, 429)) form.fail(error.problem.detail ?? 'Te veel pogingen, probeer het later opnieuw.');
          else form.fail(describeError(error));
        },
      },
    );
  };

  const fillAccount = (email: string, password: string) => {
    form.update({ email, password });
    document.getElementById('veld-email')?.focus();
  };

  if (step === 'code') {
    return (
      <SecondFactorStep
        onDone={() => void navigate(returnPath(location.state), { replace: true })}
        onRestart={(message) => {
          setStep('password');
          form.update({ password: '' });
          form.fail(message);
        }}
      />
    );
  }

  return (
    <>
      <Heading level={1}>Inloggen</Heading>
      <Paragraph>Log in met het e-mailadres en wachtwoord van uw account bij Koers.</Paragraph>
      <ErrorSummary items={form.summary} attempt={form.attempt} title="Inloggen is niet gelukt" />
      <form noValidate onSubmit={submit} aria-label="Inloggen" className="koers-form koers-form--narrow">
        <TextField {...form.bind('email')} label="E-mailadres" type="email" autoComplete="username" />
        <TextField {...form.bind('password')} label="Wachtwoord" type="password" autoComplete="current-password" />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={login.isPending}>
            Inloggen
          </Button>
        </ButtonGroup>
      </form>
      <Paragraph>
        <RouterLink to="/wachtwoord-vergeten">Wachtwoord vergeten?</RouterLink>
      </Paragraph>
      <OidcLoginButtons />
      <DemoAccounts onUse={fillAccount} />
    </>
  );
}
