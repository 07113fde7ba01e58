// R-REF-3, 001 §1.1 ("Gemeente neemt hierin het voortouw"): after a no-show the consultant records the
// new intake moment agreed with the participant and the provider; only then may the provider invite again.
import type { ReferralDetail } from '../../api/lifecycleTypes';
import { TextareaField } from '../../components/choiceFields';
import { TextField } from '../../components/fields';
import { formatDate, isValidIsoDate } from '../../lib/dates';
import { useForm } from '../../lib/useForm';
import { StepForm, useStepCommand } from './stepSupport';

type Field = 'agreedIntakeDate' | 'note';
const fields = ['agreedIntakeDate', 'note'] as const;

export function NewIntakeStep({ referral }: { referral: ReferralDetail }) {
  const noShowOn = referral.intake.noShowOn;
  const validate = (name: Field, values: Record<Field, string>) => {
    if (name === 'note') return values.note.length > 2000 ? 'Schrijf maximaal 2000 tekens.' : undefined;
    const value = values.agreedIntakeDate.trim();
    if (value === '') return 'Vul de datum van de nieuwe intake in.';
    if (!isValidIsoDate(value)) return 'Vul een geldige datum van de nieuwe intake in, bijvoorbeeld 05-01-2027.';
    if (noShowOn && value < noShowOn) return `De nieuwe intake kan niet vóór de no-show (${formatDate(noShowOn)}) liggen.`;
    return undefined;
  };
  const form = useForm<Field>({ agreedIntakeDate: '', note: '' }, fields, validate);
  const step = useStepCommand(referral, form);
  const submit = () => {
    if (!form.validateAll()) return;
    const { agreedIntakeDate, note } = form.values;
    step.run(
      { type: 'newIntakeAgreed', agreedIntakeDate, ...(note.trim() === '' ? {} : { note: note.trim() }) },
      `De nieuwe intake op ${formatDate(agreedIntakeDate)} is vastgelegd. De aanbieder kan nu opnieuw uitnodigen.`,
    );
  };
  return (
    <StepForm
      id="nieuwe-intake"
      title="Nieuwe intake afspreken"
      intro={`De inburgeraar verscheen niet op de intake${noShowOn ? ` van ${formatDate(noShowOn)}` : ''}. Spreek met de inburgeraar en de aanbieder een nieuw intakemoment af en leg het hier vast.`}
      summary={form.summary}
      attempt={form.attempt}
      submitLabel="Afspraak vastleggen"
      busy={step.isPending}
      onSubmit={submit}
    >
      <TextField {...form.bind('agreedIntakeDate')} label="Datum van de nieuwe intake" type="date" />
      <TextareaField
        {...form.bind('note')}
        label="Toelichting"
        description="Bijvoorbeeld met wie en hoe het is afgesproken."
        optional
      />
    </StepForm>
  );
}
