import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';
import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { VisuallyHidden } from './VisuallyHidden';

/** Stable ids, so the error summary can link to a field: `veld-bsn`. */
export function fieldId(name: string): string {
  return `veld-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

interface FieldFrameProps {
  name: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  /** Mark an optional field "(niet verplicht)"; off for search boxes. */
  markOptional?: boolean;
}

export function describedBy(id: string, description: unknown, error: unknown): string | undefined {
  const ids = [description ? `${id}-uitleg` : '', error ? `${id}-fout` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldLabel({ htmlFor, label, optional }: { htmlFor: string; label: ReactNode; optional?: boolean }) {
  return (
    <FormLabel htmlFor={htmlFor}>
      {label}
      {optional && <span className="koers-optional"> (niet verplicht)</span>}
    </FormLabel>
  );
}

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <FormFieldErrorMessage id={`${id}-fout`}>
      <VisuallyHidden>Fout: </VisuallyHidden>
      {error}
    </FormFieldErrorMessage>
  );
}

export function FieldDescription({ id, description }: { id: string; description: ReactNode }) {
  if (!description) return null;
  return <FormFieldDescription id={`${id}-uitleg`}>{description}</FormFieldDescription>;
}

export type TextFieldProps = FieldFrameProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'required'>;

/** Label above, description, input, error next to it; wired with aria-describedby (STYLE 20). */
export function TextField({ name, label, description, error, optional, markOptional = true, ...input }: TextFieldProps) {
  const id = fieldId(name);
  return (
    <FormField
      invalid={Boolean(error)}
      label={<FieldLabel htmlFor={id} label={label} optional={Boolean(optional) && markOptional} />}
      description={description ? <FieldDescription id={id} description={description} /> : undefined}
      input={
        <Textbox
          {...input}
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

export type SelectFieldProps = FieldFrameProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id' | 'required'> & {
    options: readonly (readonly [value: string, label: string])[];
    placeholder?: string;
  };

export function SelectField({
  name,
  label,
  description,
  error,
  optional,
  markOptional = true,
  options,
  placeholder = 'Maak een keuze',
  ...select
}: SelectFieldProps) {
  const id = fieldId(name);
  return (
    <FormField
      invalid={Boolean(error)}
      label={<FieldLabel htmlFor={id} label={label} optional={Boolean(optional) && markOptional} />}
      description={description ? <FieldDescription id={id} description={description} /> : undefined}
      input={
        <Select
          {...select}
          id={id}
          name={name}
          required={!optional}
          invalid={Boolean(error)}
          aria-describedby={describedBy(id, description, error)}
        >
          <SelectOption value="">{placeholder}</SelectOption>
          {options.map(([value, text]) => (
            <SelectOption key={value} value={value}>
              {text}
            </SelectOption>
          ))}
        </Select>
      }
      errorMessage={error ? <FieldError id={id} error={error} /> : undefined}
    />
  );
}
