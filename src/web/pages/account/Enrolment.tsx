// Issue #9: setting up a TOTP authenticator — scan the QR code (or type the key), confirm with a code,
// then write down the ten recovery codes, which are shown only now. Used on "Mijn account" and by a
// login whose role needs a second factor that is not set up yet.
import { Alert, Button, ButtonGroup, Heading, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useConfirmEnrolment, useStartEnrolment, type Enrolment as Started } from '../../api/account';
import { isApiError } from '../../api/client';
import type { User } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { describeError } from '../../components/QueryStatus';
import { useForm } from '../../lib/useForm';

const fields = ['code'] as const;
const validate = (_: 'code', v: Record<'code', string>) => (/^\d{6}$/.test(v.code.replace(/\s/g, '')) ? undefined : 'Vul de zes cijfers uit uw app in.');

/** The key in groups of four, as authenticator apps show it. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

export function Enrolment({ level, onConfirmed, onCancel }: { level: number; onConfirmed: (user: User) => void; onCancel?: () => void }) {
  const start = useStartEnrolment();
  const [started, setStarted] = useState<Started | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [user, setUser] = useState<User | null>(null);

  if (codes !== null && user !== null) return <RecoveryCodes codes={codes} level={level} onDone={() => onConfirmed(user)} />;
  if (started === null) {
    return (
      <>
        <Paragraph>U heeft een authenticator-app op uw telefoon nodig, bijvoorbeeld Microsoft Authenticator, Google Authenticator of FreeOTP.</Paragraph>
        {start.isError && <Alert type="error">{describeError(start.error)}</Alert>}
        <ButtonGroup>
          <Button appearance="primary-action-button" busy={start.isPending} onClick={() => start.mutate(undefined, { onSuccess: setStarted })}>
            Tweede factor instellen
          </Button>
          {onCancel && (
            <Button appearance="secondary-action-button" onClick={onCancel}>
              Annuleren
            </Button>
          )}
        </ButtonGroup>
      </>
    );
  }
  return (
    <Confirm
      started={started}
      level={level}
      onConfirmed={(answer) => {
        setUser(answer.user);
        setCodes(answer.recoveryCodes);
      }}
    />
  );
}

function Confirm({ started, level, onConfirmed }: { started: Started; level: number; onConfirmed: (answer: { recoveryCodes: string[]; user: User }) => void }) {
  const confirm = useConfirmEnrolment();
  const form = useForm<'code'>({ code: '' }, fields, validate);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (confirm.isPending || !form.validateAll()) return;
    confirm.mutate(form.values.code.replace(/\s/g, ''), {
      onSuccess: onConfirmed,
      onError: (error) => (isApiError(error, 429) ? form.fail(error.problem.detail ?? describeError(error)) : form.applyServerError(error)),
    });
  };
  return (
    <>
      <Heading level={level}>Stap 1: voeg Koers toe aan uw app</Heading>
      <Paragraph>Scan deze QR-code met uw authenticator-app.</Paragraph>
      {/* Made by the server from the otpauth address (the qrcode package): paths only, no script. */}
      <div className="koers-qr" role="img" aria-label="QR-code om Koers toe te voegen aan uw authenticator-app" dangerouslySetInnerHTML={{ __html: started.qrSvg }} />
      <Paragraph>
        Lukt scannen niet? Kies in de app voor een sleutel invoeren en typ: <code data-testid="totp-secret">{grouped(started.secret)}</code>
      </Paragraph>
      <Heading level={level}>Stap 2: vul de code uit de app in</Heading>
      <ErrorSummary items={form.summary} attempt={form.attempt} title="Instellen is niet gelukt" id="foutoverzicht-tweede-factor" level={level + 1} />
      <form noValidate onSubmit={submit} aria-label="Tweede factor bevestigen" className="koers-form koers-form--narrow">
        <TextField {...form.bind('code')} label="Code uit de app" description="Zes cijfers; de code verandert elke 30 seconden." autoComplete="one-time-code" inputMode="numeric" />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={confirm.isPending}>
            Bevestigen
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}

function RecoveryCodes({ codes, level, onDone }: { codes: string[]; level: number; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="herstelcodes" className="koers-section">
      <Heading level={level} id="herstelcodes" ref={heading} tabIndex={-1}>
        Uw herstelcodes
      </Heading>
      <Alert type="ok">
        <Paragraph>De tweede factor is ingesteld.</Paragraph>
      </Alert>
      <Paragraph>
        Schrijf deze tien codes op of bewaar ze in uw wachtwoordbeheerder. Met elke code kunt u één keer inloggen als u uw telefoon niet bij de hand heeft. Ze worden <strong>alleen nu</strong> getoond.
      </Paragraph>
      <OrderedList className="koers-recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <OrderedListItem key={code}>
            <code>{code}</code>
          </OrderedListItem>
        ))}
      </OrderedList>
      <ButtonGroup>
        <Button appearance="primary-action-button" onClick={onDone}>
          Ik heb de codes bewaard
        </Button>
      </ButtonGroup>
    </section>
  );
}
