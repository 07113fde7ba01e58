import { useCallback, useState } from 'react';
import { isApiError } from '../api/client';
import type { SummaryItem } from '../components/ErrorSummary';
import { fieldId } from '../components/fields';
import { describeError } from '../components/QueryStatus';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;
export type Validator<K extends string> = (name: K, values: Record<K, string>) => string | undefined;

/** Server field paths (`referral.providerId`, `/bsn`) to the form's own field names. */
export function fieldFromParam(name: string): string {
  return name.replace(/^\//, '').replace(/\//g, '.').replace(/^(body|referral|criteria)\./, '');
}

/**
 * Form state with validation on blur and on submit (STYLE 20). Errors clear as soon as the value is
 * right; the server's problem+json `invalidParams` land next to their fields.
 */
export function useForm<K extends string>(
  initial: Record<K, string>,
  order: readonly K[],
  validate: Validator<K>,
  targetId: (name: K) => string = fieldId,
) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors<K>>({});
  const [messages, setMessages] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);

  /** Sets one or more values; fields already showing an error are checked again right away. */
  const update = useCallback(
    (patch: Partial<Record<K, string>>) => {
      const next = { ...values, ...patch };
      setValues(next);
      const recheck = (Object.keys(patch) as K[]).filter((name) => errors[name] !== undefined);
      if (recheck.length > 0) {
        setErrors((prev) => {
          const updated = { ...prev };
          for (const name of recheck) updated[name] = validate(name, next);
          return updated;
        });
      }
    },
    [values, errors, validate],
  );

  const setValue = useCallback(
    (name: K, value: string) => update({ [name]: value } as Partial<Record<K, string>>),
    [update],
  );

  const blur = useCallback(
    (name: K) => setErrors((prev) => ({ ...prev, [name]: validate(name, values) })),
    [values, validate],
  );

  /** Validates every field; on failure shows and focuses the error summary. */
  const validateAll = (): boolean => {
    const found: FieldErrors<K> = {};
    for (const name of order) {
      const error = validate(name, values);
      if (error) found[name] = error;
    }
    setErrors(found);
    setMessages([]);
    const ok = Object.keys(found).length === 0;
    if (!ok) setAttempt((n) => n + 1);
    return ok;
  };

  const applyServerError = (error: unknown) => {
    const found: FieldErrors<K> = {};
    const other: string[] = [];
    if (isApiError(error) && error.problem.invalidParams?.length) {
      for (const param of error.problem.invalidParams) {
        const field = fieldFromParam(param.name);
        if ((order as readonly string[]).includes(field)) found[field as K] = param.reason;
        else other.push(param.reason);
      }
    } else {
      other.push(describeError(error));
    }
    setErrors(found);
    setMessages(other);
    setAttempt((n) => n + 1);
  };

  /** A message that belongs to no single field, e.g. a refused login. */
  const fail = (message: string) => {
    setErrors({});
    setMessages([message]);
    setAttempt((n) => n + 1);
  };

  const summary: SummaryItem[] = [
    ...messages.map((message) => ({ message })),
    ...order.flatMap((name) => {
      const message = errors[name];
      return message ? [{ targetId: targetId(name), message }] : [];
    }),
  ];

  /** Props for a TextField/SelectField bound to `name`. */
  const bind = (name: K) => ({
    name,
    value: values[name],
    error: errors[name],
    onChange: (event: { target: { value: string } }) => setValue(name, event.target.value),
    onBlur: () => blur(name),
  });

  return { values, errors, update, setValue, blur, validateAll, applyServerError, fail, summary, attempt, bind };
}
