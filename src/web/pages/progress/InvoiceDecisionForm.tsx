// R-END-2 (001 §2.3.1): the municipality decides whether the final product may be invoiced, in writing.
import { useInvoiceDecision, type Report } from '../../api/progress';
import { optionId, RadioField, TextareaField } from '../../components/choiceFields';
import { useForm } from '../../lib/useForm';
import { ActionForm, requiredChoice, requiredText } from './formSupport';
import { invoiceLabels } from './labels';

type Field = 'decision' | 'reason';
const fields = ['decision', 'reason'] as const;

function validate(name: Field, values: Record<Field, string>): string | undefined {
  if (name === 'decision') return requiredChoice(values.decision, 'Kies of het eindproduct gefactureerd mag worden.');
  return requiredText(values.reason, 'Schrijf de beslissing toe.');
}

export function InvoiceDecisionForm({ report, onDone }: { report: Report; onDone: (message: string) => void }) {
  const decide = useInvoiceDecision(report.id);
  const form = useForm<Field>({ decision: '', reason: '' }, fields, validate, (name) => (name === 'decision' ? optionId('decision', 'mayInvoice') : 'veld-reason'));

  const submit = () => {
    if (!form.validateAll()) return;
    const decision = form.values.decision as 'mayInvoice' | 'mayNotInvoice';
    decide.mutateAsync({ decision, reason: form.values.reason.trim() }).then(
      () => onDone(`Besluit vastgelegd: ${invoiceLabels[decision].toLowerCase()}.`),
      (error: unknown) => form.applyServerError(error),
    );
  };

  return (
    <ActionForm
      id="factuur"
      title="Besluit over de factuur"
      intro={report.content.goalsReached === false ? 'De doelen zijn niet gehaald. Lees de uitleg van de aanbieder en beslis.' : undefined}
      summary={form.summary}
      attempt={form.attempt}
      submitLabel="Besluit vastleggen"
      busy={decide.isPending}
      onSubmit={submit}
    >
      <RadioField
        name="decision"
        legend="Mag het eindproduct gefactureerd worden?"
        options={[
          ['mayInvoice', 'Ja, mag gefactureerd worden'],
          ['mayNotInvoice', 'Nee, mag niet gefactureerd worden'],
        ]}
        value={form.values.decision}
        error={form.errors.decision}
        onChange={(value) => form.setValue('decision', value)}
      />
      <TextareaField {...form.bind('reason')} label="Toelichting" />
    </ActionForm>
  );
}
