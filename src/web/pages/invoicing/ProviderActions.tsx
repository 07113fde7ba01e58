// Issue #11, R-INV-4: the provider's steps on its invoice: send it pro forma (the municipality checks
// before the real invoice, 002 eis 12–13), send it (after a confirmation: it is then mailed and can
// only be corrected by a credit note), and credit the lines the municipality disputed.
import { useState, type FormEvent } from 'react';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import { useCredit, useInvoiceStep, type InvoiceDetail, type InvoiceSummary } from '../../api/invoicing';
import { TextareaField } from '../../components/choiceFields';
import { FieldError } from '../../components/fields';
import { ErrorSummary } from '../../components/ErrorSummary';
import { describeError } from '../../components/QueryStatus';
import { useForm } from '../../lib/useForm';
import { Dialog } from './Dialog';
import { reasonProblem } from './DisputeDialog';
import { formatCents } from './format';

/** The problem's detail and, when the server names fields (an invoice that cannot be printed), their reasons. */
function problemText(error: unknown): string {
  const reasons = isApiError(error) ? (error.problem.invalidParams ?? []).map((p) => p.reason).filter((r) => r !== '') : [];
  return [describeError(error), ...reasons].join(' ');
}

export function SendSteps({ invoice, announce }: { invoice: InvoiceDetail; announce: (message: string) => void }) {
  const step = useInvoiceStep(invoice.id);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  if (invoice.status === 'sent') return null;
  // A credit note has no pro-forma round: it corrects what the municipality already checked.
  const isInvoice = invoice.kind === 'invoice';
  const what = isInvoice ? 'factuur' : 'creditnota';

  const run = (which: 'pro-forma' | 'send') => {
    if (step.isPending) return;
    setError(undefined);
    step.mutateAsync(which).then(
      (done: InvoiceSummary) => {
        setConfirming(false);
        announce(
          which === 'send'
            ? `${isInvoice ? 'Factuur' : 'Creditnota'} ${done.numberText} is verstuurd naar ${done.municipalityName}.${isInvoice ? ' De gemeente kan de regels nu controleren.' : ''}`
            : `Factuur ${done.numberText} is pro forma verstuurd. ${done.municipalityName} kan de regels controleren voordat u hem definitief verstuurt.`,
        );
      },
      (failure: unknown) => setError(problemText(failure)),
    );
  };

  return (
    <section aria-labelledby="versturen" className="koers-section">
      <Heading level={2} id="versturen">
        Versturen
      </Heading>
      {invoice.status === 'prepared' && (
        <Paragraph>
          Deze {what} is nog niet verstuurd. Alleen u ziet hem.{isInvoice && ' Verstuur hem eerst pro forma als de gemeente dat vraagt.'}
        </Paragraph>
      )}
      {invoice.status === 'proForma' && <Paragraph>{invoice.municipalityName} heeft deze factuur pro forma ontvangen en kan de regels controleren.</Paragraph>}
      {error && !confirming && (
        <Alert type="error">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      <ButtonGroup>
        {isInvoice && invoice.status === 'prepared' && (
          <Button appearance="secondary-action-button" busy={step.isPending && !confirming} onClick={() => run('pro-forma')}>
            Pro forma versturen
          </Button>
        )}
        <Button appearance="primary-action-button" onClick={() => setConfirming(true)}>
          Versturen
        </Button>
      </ButtonGroup>
      {confirming && (
        <Dialog title={`${isInvoice ? 'Factuur' : 'Creditnota'} ${invoice.numberText} versturen?`} onClose={() => setConfirming(false)} closeLabel="Annuleren">
          <Paragraph>
            De {what} van {formatCents(invoice.totalInclVatCents)} inclusief btw gaat naar {invoice.municipalityName}. Noemt het contract een factuuradres, dan mailt Koers de pdf daarheen; anders stuurt u de pdf zelf. Daarna kunt u hem niet meer wijzigen{isInvoice ? '; een fout herstelt u met een creditnota' : ''}.
          </Paragraph>
          {error && (
            <Alert type="error">
              <Paragraph>{error}</Paragraph>
            </Alert>
          )}
          <ButtonGroup>
            <Button appearance="primary-action-button" busy={step.isPending} onClick={() => run('send')}>
              Ja, versturen
            </Button>
          </ButtonGroup>
        </Dialog>
      )}
    </section>
  );
}

export const CREDIT_REASON_MISSING = 'Schrijf op waarom deze regels gecrediteerd worden.';

export function CreditForm({ invoice, selected, onDone }: { invoice: InvoiceDetail; selected: readonly string[]; onDone: (credit: InvoiceSummary) => void }) {
  const credit = useCredit(invoice.id);
  // The chosen lines are the table's (the page holds them); the validator reads them as they are now.
  const form = useForm<'reason' | 'lineIds'>(
    { reason: '', lineIds: '' },
    ['lineIds', 'reason'],
    (name, values) => {
      if (name === 'reason') return reasonProblem(values.reason, CREDIT_REASON_MISSING);
      return selected.length === 0 ? 'Kies ten minste één betwiste regel in de tabel.' : undefined;
    },
    (name) => (name === 'lineIds' ? 'factuurregels-kiezen' : `veld-${name}`),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (credit.isPending || !form.validateAll()) return;
    credit.mutateAsync({ lineIds: [...selected], reason: form.values.reason.trim() }).then(onDone, form.applyServerError);
  };

  return (
    <section aria-labelledby="crediteren" className="koers-section">
      <Heading level={2} id="crediteren">
        Betwiste regels crediteren
      </Heading>
      <Paragraph id="factuurregels-kiezen" tabIndex={-1}>
        Kies in de tabel de betwiste regels die u crediteert ({selected.length} gekozen). Koers maakt een creditnota; de gecrediteerde producten staan daarna weer bij Te declareren, zodat u ze gecorrigeerd opnieuw kunt factureren.
      </Paragraph>
      {form.errors.lineIds && selected.length === 0 && <FieldError id="factuurregels-kiezen" error={form.errors.lineIds} />}
      <ErrorSummary id="fouten-crediteren" level={3} items={form.summary} attempt={form.attempt} />
      <form noValidate onSubmit={submit} aria-labelledby="crediteren" className="koers-form">
        <TextareaField {...form.bind('reason')} label="Reden van de creditering" />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={credit.isPending}>
            Crediteren
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
