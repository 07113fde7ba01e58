// One small form for the many records of issue #14 (meetings, actions, ladder steps, the quality
// register): labelled fields, checks on blur and on submit, and the server's problem+json field errors
// in Dutch next to their field (useForm.applyServerError), an error summary that links to them, and a
// status line once saved. Field names are the API's body fields, so a 422's `invalidParams[].name`
// lands on the right field; the element ids carry the form's id, so two forms on a page never clash.
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { CheckboxGroupField, TextareaField } from '../../components/choiceFields';
import { ErrorSummary } from '../../components/ErrorSummary';
import { fieldId, SelectField, TextField } from '../../components/fields';
import { isValidIsoDate } from '../../lib/dates';
import { useForm } from '../../lib/useForm';

export interface FieldSpec<K extends string> {
  name: K;
  label: string;
  kind?: 'text' | 'date' | 'textarea' | 'select' | 'number' | 'checkboxes';
  options?: readonly (readonly [string, string])[];
  optional?: boolean;
  description?: string;
  /** Without it the check is only "filled in" (and a real date for a date field). */
  check?: (value: string, values: Record<K, string>) => string | undefined;
}

interface ApiFormProps<K extends string> {
  id: string;
  /** The form's accessible name. */
  label: string;
  fields: readonly FieldSpec<K>[];
  initial: Record<K, string>;
  submitLabel: string;
  /** Sends the values; a rejection with a problem+json shows its reasons next to the fields. */
  onSubmit: (values: Record<K, string>) => Promise<unknown>;
  savedMessage: string;
  /** Keep the values after saving (minutes); otherwise the form empties for the next record. */
  keepValues?: boolean;
  /** A refusal that is not a field's (a 409): its Dutch text, or undefined to show the server's. */
  describeRefusal?: (error: unknown) => string | undefined;
}

function requiredMessage(spec: FieldSpec<string>): string {
  if (spec.kind === 'select') return `Kies ${spec.label.toLowerCase()}.`;
  return `Vul ${spec.label.toLowerCase()} in.`;
}

export function ApiForm<K extends string>({ id, label, fields, initial, submitLabel, onSubmit, savedMessage, keepValues = false, describeRefusal }: ApiFormProps<K>) {
  const order = fields.map((f) => f.name);
  const validate = (name: K, values: Record<K, string>): string | undefined => {
    const spec = fields.find((f) => f.name === name);
    if (spec === undefined) return undefined;
    const value = values[name].trim();
    if (value === '') return spec.optional === true ? undefined : requiredMessage(spec);
    if (spec.kind === 'date' && !isValidIsoDate(value)) return `Vul ${spec.label.toLowerCase()} in als een geldige datum.`;
    return spec.check?.(value, values);
  };
  const target = (name: K) => fieldId(`${id}-${name}`);
  const form = useForm(initial, order, validate, target);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved('');
    if (pending || !form.validateAll()) return;
    setPending(true);
    onSubmit(form.values)
      .then(() => {
        setSaved(savedMessage);
        if (!keepValues) form.update(initial);
      })
      .catch((error: unknown) => {
        const refusal = describeRefusal?.(error);
        if (refusal !== undefined) form.fail(refusal);
        else form.applyServerError(error);
      })
      .finally(() => setPending(false));
  };

  return (
    <div className="koers-api-form">
      <div role="status" aria-live="polite" className="koers-live">
        {saved !== '' && <Paragraph>{saved}</Paragraph>}
      </div>
      <ErrorSummary items={form.summary} attempt={form.attempt} id={`${id}-fouten`} level={3} />
      <form noValidate onSubmit={submit} aria-label={label} className="koers-form">
        {fields.map((spec) => {
          const bound = { ...form.bind(spec.name), name: `${id}-${spec.name}` };
          const common = { label: spec.label, optional: spec.optional === true, description: spec.description };
          if (spec.kind === 'textarea') return <TextareaField key={spec.name} {...bound} {...common} />;
          // Several choices travel as one comma-separated value (codes hold no comma).
          if (spec.kind === 'checkboxes')
            return (
              <CheckboxGroupField
                key={spec.name}
                name={bound.name}
                legend={spec.label}
                options={spec.options ?? []}
                values={form.values[spec.name].split(',').filter(Boolean)}
                error={form.errors[spec.name]}
                onChange={(values) => form.setValue(spec.name, values.join(','))}
              />
            );
          if (spec.kind === 'select') return <SelectField key={spec.name} {...bound} {...common} options={spec.options ?? []} />;
          return <TextField key={spec.name} {...bound} {...common} type={spec.kind === 'date' ? 'date' : 'text'} inputMode={spec.kind === 'number' ? 'decimal' : undefined} />;
        })}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={pending}>
            {submitLabel}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

/** An empty value is null for the API's optional fields. */
export const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());
export const YES_NO: readonly (readonly [string, string])[] = [
  ['true', 'Ja'],
  ['false', 'Nee'],
];
