// Radio groups, checkbox groups and text areas in the style of fields.tsx (STYLE 20): a legend or label
// above, description and error wired with aria-describedby, the error only when invalid.
import type { ReactNode, TextareaHTMLAttributes } from 'react';
import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormLabel,
  RadioButton,
  Textarea,
} from '@utrecht/component-library-react';
import { describedBy, FieldDescription, FieldError, FieldLabel, fieldId } from './fields';

interface ChoiceGroupProps {
  name: string;
  legend: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  options: readonly (readonly [value: string, label: string])[];
  optional?: boolean;
}

/** The id of one option's input, `veld-<name>-<value>`: the error summary links to the first. */
export function optionId(name: string, value: string): string {
  return `${fieldId(name)}-${value}`;
}

function GroupFrame({
  name,
  legend,
  description,
  error,
  optional,
  radio,
  children,
}: Omit<ChoiceGroupProps, 'options'> & { radio: boolean; children: ReactNode }) {
  const id = fieldId(name);
  return (
    <Fieldset
      role={radio ? 'radiogroup' : undefined}
      invalid={Boolean(error)}
      required={radio && !optional}
      aria-describedby={describedBy(id, description, error)}
      className="koers-choices"
    >
      <FieldsetLegend>
        {legend}
        {optional && <span className="koers-optional"> (niet verplicht)</span>}
      </FieldsetLegend>
      {description && <FormFieldDescription id={`${id}-uitleg`}>{description}</FormFieldDescription>}
      <FieldError id={id} error={error} />
      {children}
    </Fieldset>
  );
}

export function RadioField({
  value,
  onChange,
  ...group
}: ChoiceGroupProps & { value: string; onChange: (value: string) => void }) {
  return (
    <GroupFrame {...group} radio>
      {group.options.map(([choice, text]) => (
        <FormField
          key={choice}
          type="radio"
          label={
            <FormLabel htmlFor={optionId(group.name, choice)} type="radio" checked={value === choice}>
              {text}
            </FormLabel>
          }
          input={
            <RadioButton
              id={optionId(group.name, choice)}
              name={group.name}
              value={choice}
              checked={value === choice}
              invalid={Boolean(group.error)}
              onChange={() => onChange(choice)}
            />
          }
        />
      ))}
    </GroupFrame>
  );
}

/** Several independent choices; `values` are the checked ones. */
export function CheckboxGroupField({
  values,
  onChange,
  ...group
}: ChoiceGroupProps & { values: readonly string[]; onChange: (values: string[]) => void }) {
  const toggle = (choice: string, checked: boolean) => {
    const next = group.options.map(([v]) => v).filter((v) => (v === choice ? checked : values.includes(v)));
    onChange(next);
  };
  return (
    <GroupFrame {...group} radio={false}>
      {group.options.map(([choice, text]) => (
        <FormField
          key={choice}
          type="checkbox"
          label={
            <FormLabel htmlFor={optionId(group.name, choice)} type="checkbox" checked={values.includes(choice)}>
              {text}
            </FormLabel>
          }
          input={
            <Checkbox
              id={optionId(group.name, choice)}
              name={group.name}
              value={choice}
              checked={values.includes(choice)}
              invalid={Boolean(group.error)}
              onChange={(event) => toggle(choice, event.target.checked)}
            />
          }
        />
      ))}
    </GroupFrame>
  );
}

export type TextareaFieldProps = {
  name: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id' | 'required'>;

export function TextareaField({ name, label, description, error, optional, ...textarea }: TextareaFieldProps) {
  const id = fieldId(name);
  return (
    <FormField
      invalid={Boolean(error)}
      label={<FieldLabel htmlFor={id} label={label} optional={Boolean(optional)} />}
      description={description ? <FieldDescription id={id} description={description} /> : undefined}
      input={
        <Textarea
          rows={4}
          {...textarea}
          id={id}
          name={name}
          required={!optional}
          invalid={Boolean(error)}
          aria-describedby={describedBy(id, description, error)}
        />
      }
      errorMessage={error ? <FieldError id={id} error={error} /> : undefined}
    />
  );
}
