// `/demo`: in demo mode the system date can be moved, so deadlines and signals can be shown (R-SIG-1).
import { useRef, useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useSystemDate } from '../api/queries';
import { useSetToday } from '../api/work';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/fields';
import { LoadError, Loading } from '../components/QueryStatus';
import { addDays, formatDate, isValidIsoDate } from '../lib/dates';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useForm } from '../lib/useForm';

function validateDate(_name: 'today', values: { today: string }): string | undefined {
  if (values.today === '') return 'Vul de systeemdatum in.';
  return isValidIsoDate(values.today) ? undefined : 'Vul een geldige datum in, bijvoorbeeld 05-01-2027.';
}

export function DemoClockPage() {
  useDocumentTitle('Systeemdatum');
  const date = useSystemDate();
  // Kept here: the form below starts again (keyed by the date) each time the date changes.
  const [announcement, setAnnouncement] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const changed = (today: string) => {
    setAnnouncement(`De systeemdatum is nu ${formatDate(today)}.`);
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  let body;
  if (date.isPending) body = <Loading what="Systeemdatum" />;
  else if (date.isError) body = <LoadError error={date.error} />;
  else if (!date.data.settable) body = <Paragraph>De systeemdatum kan alleen in de demonstratieomgeving worden verzet.</Paragraph>;
  else body = <ClockForm key={date.data.today} today={date.data.today} onChanged={changed} />;

  return (
    <>
      <Heading level={1}>Systeemdatum</Heading>
      {date.data && <Paragraph>Koers rekent alle termijnen en signalen met de systeemdatum: {formatDate(date.data.today)}.</Paragraph>}
      <Paragraph ref={statusRef} role="status" tabIndex={-1} className="koers-announcement">
        {announcement}
      </Paragraph>
      {body}
    </>
  );
}

function ClockForm({ today, onChanged }: { today: string; onChanged: (today: string) => void }) {
  const setToday = useSetToday();
  const form = useForm<'today'>({ today }, ['today'], validateDate);

  const change = (next: string) => {
    if (setToday.isPending) return;
    setToday.mutate(next, {
      onSuccess: (answer) => onChanged(answer.today),
      onError: (error) => form.applyServerError(error),
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.validateAll()) change(form.values.today);
  };

  return (
    <>
      <ErrorSummary items={form.summary} attempt={form.attempt} />
      <form noValidate onSubmit={submit} aria-label="Systeemdatum wijzigen" className="koers-inline-form">
        <TextField {...form.bind('today')} label="Systeemdatum" type="date" />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={setToday.isPending}>
            Datum instellen
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={() => change(addDays(today, 7))}>
            Een week vooruit
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
