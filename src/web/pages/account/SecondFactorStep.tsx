// Issue #9: the second step of a login — the code from the authenticator app, or a recovery code.
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import type { FormEvent } from 'react';
import { useSecondFactorLogin } from '../../api/account';
import { isApiError } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { describeError } from '../../components/QueryStatus';
import { useForm } from '../../lib/useForm';

const fields = ['code'] as const;
const validate = (_: 'code', v: Record<'code', string>) => (v.code.trim() === '' ? 'Vul de code in.' : undefined);

export function SecondFactorStep({ onDone, onRestart }: { onDone: () => void; onRestart: (message: string) => void }) {
  const form = useForm<'code'>({ code: '' }, fields, validate);
  const verify = useSecondFactorLogin();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (verify.isPending || !form.validateAll()) return;
    verify.mutate(form.values.code.trim(), {
      onSuccess: onDone,
      onError: (error) => {
        const detail = isApiError(error) ? (error.problem.detail ?? '') : '';
        // The pending login is over (expired or too many wrong codes): start again with the password.
        if (isApiError(error, 401) && /opnieuw in/.test(detail)) onRestart(detail);
        else if (isApiError(error, 401)) form.fail('De code klopt niet. Probeer het opnieuw met de code die nu in uw app staat.');
        else if (isApiError(error, 429)) form.fail(detail);
        else form.fail(describeError(error));
      },
    });
  };

  return (
    <>
      <Heading level={1}>Inloggen: tweede stap</Heading>
      <Paragraph>Uw wachtwoord klopt. Vul nu de code in die uw authenticator-app laat zien. Heeft u uw telefoon niet bij de hand? Gebruik dan een van uw herstelcodes.</Paragraph>
      <ErrorSummary items={form.summary} attempt={form.attempt} title="De code is niet geaccepteerd" />
      <form noValidate onSubmit={submit} aria-label="Code invullen" className="koers-form koers-form--narrow">
        <TextField
          {...form.bind('code')}
          label="Code"
          description="Zes cijfers uit de app, of een herstelcode zoals abcd-efgh-jk."
          autoComplete="one-time-code"
          spellCheck={false}
          autoFocus
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={verify.isPending}>
            Inloggen
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
