// Issue #11, R-INV-4: the provider prepares one collective invoice for a municipality from what the facts
// earned up to a date (POST /invoicing/runs). The date may not lie after the system date: nothing after
// today has been earned yet. The answer says what was invoiced and, in Dutch, what was skipped and why.
import { useEffect, useRef, type FormEvent, type KeyboardEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { usePrepareRun, type RunResult } from '../../api/invoicing';
import { useToday } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { formatDate, isValidIsoDate } from '../../lib/dates';
import { useForm } from '../../lib/useForm';

export function upToProblem(value: string, today: string | undefined): string | undefined {
  if (value === '') return 'Vul de datum in tot en met wanneer u wilt declareren.';
  if (!isValidIsoDate(value)) return 'Vul een geldige datum in, bijvoorbeeld 31-12-2026.';
  if (today !== undefined && value > today) return `De datum kan niet na vandaag (${formatDate(today)}) liggen: wat daarna valt, is nog niet verdiend.`;
  return undefined;
}

export function PrepareInvoice({ municipality, onDone, onCancel }: {
  municipality: { municipalityId: string; municipalityName: string };
  onDone: (result: RunResult, municipalityName: string) => void;
  onCancel: () => void;
}) {
  const today = useToday().data;
  const run = usePrepareRun();
  const form = useForm<'upTo'>({ upTo: today ?? '' }, ['upTo'], (_name, values) => upToProblem(values.upTo, today));
  const panelRef = useRef<HTMLElement>(null);
  const headingId = 'factuur-voorbereiden';

  useEffect(() => {
    panelRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, [municipality.municipalityId]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (run.isPending || !form.validateAll()) return;
    // mutateAsync: the form closes with the answer, and an unmounted observer's callbacks are dropped.
    run.mutateAsync({ municipalityId: municipality.municipalityId, upTo: form.values.upTo }).then((result) => onDone(result, municipality.municipalityName), form.applyServerError);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onCancel();
  };

  return (
    <section ref={panelRef} aria-labelledby={headingId} className="koers-step" onKeyDown={onKeyDown}>
      <Heading level={3} id={headingId}>
        Factuur voorbereiden voor {municipality.municipalityName}
      </Heading>
      <Paragraph>Koers zet alles wat tot en met deze datum verdiend is en nog niet gefactureerd, op één verzamelfactuur. U kunt die daarna controleren voordat u hem verstuurt.</Paragraph>
      <ErrorSummary id="fouten-voorbereiden" level={4} items={form.summary} attempt={form.attempt} />
      <form noValidate onSubmit={submit} aria-labelledby={headingId} className="koers-form">
        <TextField {...form.bind('upTo')} label="Verdiend tot en met" type="date" />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={run.isPending}>
            Factuur voorbereiden
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
            Annuleren
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
