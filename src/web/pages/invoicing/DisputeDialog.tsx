// Issue #11, R-INV-6: the municipality disputes one line, always with a reason the provider can act on.
import type { FormEvent } from 'react';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useCheckLine, type InvoiceLine } from '../../api/invoicing';
import { TextareaField } from '../../components/choiceFields';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useForm } from '../../lib/useForm';
import { Dialog } from './Dialog';
import { formatCents, formatMonth } from './format';

export const DISPUTE_REASON_MISSING = 'Schrijf op waarom u deze regel betwist.';

export function reasonProblem(value: string, missing: string): string | undefined {
  if (value.trim() === '') return missing;
  if (value.length > 2000) return 'Schrijf maximaal 2000 tekens.';
  return undefined;
}

export function DisputeDialog({ invoiceId, line, onClose, onDone }: { invoiceId: string; line: InvoiceLine; onClose: () => void; onDone: (message: string) => void }) {
  const check = useCheckLine(invoiceId);
  const form = useForm<'reason'>({ reason: '' }, ['reason'], (_name, values) => reasonProblem(values.reason, DISPUTE_REASON_MISSING));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (check.isPending || !form.validateAll()) return;
    check
      .mutateAsync({ lineId: line.id, decision: 'disputed', reason: form.values.reason.trim() })
      .then(() => onDone(`De regel van ${line.participantName} (${line.productName}) is betwist. De aanbieder ziet de reden.`), form.applyServerError);
  };

  return (
    <Dialog title={`Regel betwisten: ${line.participantName}, ${line.productName}`} onClose={onClose} closeLabel="Annuleren">
      <Paragraph>
        {formatCents(line.amountCents)} excl. btw, geleverd in {formatMonth(line.deliveryMonth)}. De aanbieder krijgt de reden te zien en kan de regel crediteren.
      </Paragraph>
      <ErrorSummary id="fouten-betwisten" level={3} items={form.summary} attempt={form.attempt} />
      <form noValidate onSubmit={submit} aria-label="Regel betwisten" className="koers-form">
        <TextareaField {...form.bind('reason')} label="Reden" description="Bijvoorbeeld: de inburgeraar is in deze maand niet gestart." />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={check.isPending}>
            Regel betwisten
          </Button>
        </ButtonGroup>
      </form>
    </Dialog>
  );
}
