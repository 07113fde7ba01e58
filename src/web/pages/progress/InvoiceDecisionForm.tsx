// R-END-2 (001 §2.3.1): the municipality decides whether the final product may be invoiced, in writing.
import { useInvoiceDecision, type Report } from '../../api/progress';
import { useToday } from '../../api/queries';
import { optionId, RadioField, TextareaField } from '../../components/choiceFields';
import { TextField } from '../../components/fields';
import { useForm } from '../../lib/useForm';
import { ActionForm, dateProblem, requiredChoice, requiredText } from './formSupport';
import { invoiceLabels } from './labels';

type Field = 'talkHeldOn' | 'decision' | 'reason';
const fields = ['talkHeldOn', 'decision', 'reason'] as const;

export function InvoiceDecisionForm({ report, onDone }: { report: Report; onDone: (message: string) => void }) {
  const decide = useInvoiceDecision(report.id);
  const today = useToday().data;
  // R-END-2: goals not reached → a talk with the municipality comes first; its date is required.
  const needsTalk = report.content.goalsReached === false;
  const validate = (name: Field, values: Record<Field, string>): string | undefined => {
    if (name === 'talkHeldOn') return needsTalk || values.talkHeldOn !== '' ? dateProblem(values.talkHeldOn, 'datum van het gesprek', today) : undefined;
    if (name === 'decision') return requiredChoice(values.decision, 'Kies of het eindproduct gefactureerd mag worden.');
    return requiredText(values.reason, 'Schrijf de beslissing toe.');
  };
  const form = useForm<Field>({ talkHeldOn: '', decision: '', reason: '' }, fields, validate, (name) => (name === 'decision' ? optionId('decision', 'mayInvoice') : `veld-${name}`));

  const submit = () => {
    if (!form.validateAll()) return;
    const decision = form.values.decision as 'mayInvoice' | 'mayNotInvoice';
    const talkHeldOn = form.values.talkHeldOn === '' ? null : form.values.talkHeldOn;
    decide.mutateAsync({ talkHeldOn, decision, reason: form.values.reason.trim() }).then(
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
      {needsTalk && <TextField {...form.bind('talkHeldOn')} label="Datum van het gesprek met de aanbieder en de inburgeraar" type="date" />}
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
