// The period of the attendance-rate page: three presets around the system date, or two dates of one's
// own (checked here, errors next to the field), and whether to show only those under the norm.
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Checkbox, FormField, FormLabel, Heading } from '@utrecht/component-library-react';
import { TextField } from '../../components/fields';
import { useFollowing } from '../../lib/useFollowing';
import { presetLabels, presetOf, presetPeriod, presets, validatePeriod, type Period, type PeriodErrors } from './rates';

interface PeriodFilterProps {
  period: Period;
  today: string;
  belowNorm: boolean;
  /** Unknown while the list loads. */
  normPercent: number | undefined;
  onPeriod: (period: Period) => void;
  onBelowNorm: (belowNorm: boolean) => void;
}

export function PeriodFilter({ period, today, belowNorm, normPercent, onPeriod, onBelowNorm }: PeriodFilterProps) {
  const current = presetOf(period, today);
  const [belowNormBox, setBelowNormBox] = useFollowing(belowNorm);
  return (
    <section aria-labelledby="periode" className="koers-section">
      <Heading level={2} id="periode">
        Periode
      </Heading>
      <ButtonGroup role="group" aria-label="Snel een periode kiezen">
        {presets.map((preset) => (
          <Button
            key={preset}
            type="button"
            appearance="secondary-action-button"
            pressed={current === preset}
            onClick={() => onPeriod(presetPeriod(preset, today))}
          >
            {presetLabels[preset]}
          </Button>
        ))}
      </ButtonGroup>
      <OwnDates key={`${period.from}..${period.to}`} period={period} onPeriod={onPeriod} />
      <FormField
        type="checkbox"
        label={
          <FormLabel htmlFor="veld-onder-norm" type="checkbox" checked={belowNormBox}>
            Alleen onder de norm{normPercent !== undefined && ` (${normPercent}%)`}
          </FormLabel>
        }
        input={
          <Checkbox
            id="veld-onder-norm"
            name="onderNorm"
            checked={belowNormBox}
            onChange={(event) => {
              setBelowNormBox(event.target.checked);
              onBelowNorm(event.target.checked);
            }}
          />
        }
      />
    </section>
  );
}

function OwnDates({ period, onPeriod }: { period: Period; onPeriod: (period: Period) => void }) {
  const [values, setValues] = useState<Period>(period);
  const [errors, setErrors] = useState<PeriodErrors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validatePeriod(values);
    setErrors(found);
    const first = found.from ? 'from' : found.to ? 'to' : undefined;
    if (first) {
      document.getElementById(`veld-${first}`)?.focus();
      return;
    }
    onPeriod(values);
  };

  const change = (name: keyof Period, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    if (errors[name]) setErrors((e) => ({ ...e, [name]: undefined }));
  };

  return (
    <form noValidate onSubmit={submit} aria-label="Periode kiezen" className="koers-inline-form">
      <TextField name="from" label="Eerste dag" type="date" value={values.from} error={errors.from} onChange={(e) => change('from', e.target.value)} />
      <TextField
        name="to"
        label="Laatste dag"
        type="date"
        value={values.to}
        error={errors.to}
        onChange={(e) => change('to', e.target.value)}
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button">
          Periode tonen
        </Button>
      </ButtonGroup>
    </form>
  );
}
