// One record of the quality register (issue #14, R-QLT-1, R-QLT-2, R-QLT-3, R-QLT-4) behind a disclosure: the form opens on
// demand (native details/summary: keyboard-operable, no script), sends its body to one route and the
// answer — the whole record — replaces the page's copy (useRecordChange).
import { isApiError } from '../../api/client';
import { useRecordChange, type QualityRecord, type RecordKey } from '../../api/quality';
import { ApiForm, type FieldSpec } from '../contract/ApiForm';

interface RecordFormProps<K extends string, V> {
  id: string;
  summary: string;
  recordKey: RecordKey;
  call: (path: RecordKey, body: V) => Promise<QualityRecord>;
  fields: readonly FieldSpec<K>[];
  initial: Record<K, string>;
  toBody: (values: Record<K, string>) => V;
  submitLabel: string;
  savedMessage: string;
}

export const VERSION_CONFLICT = 'Iemand anders heeft deze gegevens intussen gewijzigd. Laad de pagina opnieuw en voer uw wijziging nog eens in.';

export function RecordForm<K extends string, V>({ id, summary, recordKey, call, fields, initial, toBody, submitLabel, savedMessage }: RecordFormProps<K, V>) {
  const change = useRecordChange(recordKey, call);
  return (
    <details className="koers-disclosure koers-record-form">
      <summary>{summary}</summary>
      <ApiForm
        id={id}
        label={summary}
        fields={fields}
        initial={initial}
        submitLabel={submitLabel}
        savedMessage={savedMessage}
        describeRefusal={(error) => (isApiError(error, 409) ? VERSION_CONFLICT : undefined)}
        onSubmit={(values) => change.mutateAsync(toBody(values))}
      />
    </details>
  );
}

/** "8,5" or "8.5" as a number; empty is null (the API's optional numbers). */
export function numberOrNull(value: string): number | null {
  const trimmed = value.trim().replace(',', '.');
  return trimmed === '' ? null : Number(trimmed);
}

export const numberCheck = (min: number, max: number, whole: boolean) => (value: string) => {
  const n = numberOrNull(value);
  if (n === null) return undefined;
  if (!Number.isFinite(n) || n < min || n > max || (whole && !Number.isInteger(n))) return whole ? `Vul een heel getal van ${String(min)} of meer in.` : `Vul een getal van ${String(min)} tot ${String(max)} in.`;
  return undefined;
};
