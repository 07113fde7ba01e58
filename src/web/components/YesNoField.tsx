import { Fieldset, FieldsetLegend, FormField, FormLabel, RadioButton } from '@utrecht/component-library-react';
import { FieldError, fieldId } from './fields';

interface YesNoFieldProps {
  name: string;
  legend: string;
  value: string;
  error?: string | undefined;
  onChange: (value: 'ja' | 'nee') => void;
}

/** A ja/nee question as a radio group (R-SEC-3: special data is only yes or no). */
export function YesNoField({ name, legend, value, error, onChange }: YesNoFieldProps) {
  const id = fieldId(name);
  return (
    <Fieldset
      role="radiogroup"
      invalid={Boolean(error)}
      required
      aria-describedby={error ? `${id}-fout` : undefined}
      className="koers-yes-no"
    >
      <FieldsetLegend>{legend}</FieldsetLegend>
      <FieldError id={id} error={error} />
      {(['ja', 'nee'] as const).map((choice) => (
        <FormField
          key={choice}
          type="radio"
          label={
            <FormLabel htmlFor={`${id}-${choice}`} type="radio" checked={value === choice}>
              {choice === 'ja' ? 'Ja' : 'Nee'}
            </FormLabel>
          }
          input={
            <RadioButton
              id={`${id}-${choice}`}
              name={name}
              value={choice}
              checked={value === choice}
              invalid={Boolean(error)}
              onChange={() => onChange(choice)}
            />
          }
        />
      ))}
    </Fieldset>
  );
}
