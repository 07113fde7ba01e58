// What the forms on the progress page share: a titled form with its error summary and one button, the
// page's announcement of a recorded step, and the checks of dates and texts (STYLE 20).
import { createContext, useContext, type FormEvent, type ReactNode } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { ApiError, isApiError } from '../../api/client';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { FormDisclosure, useDisclosureClose } from '../../components/FormDisclosure';
import { formatDate, isValidIsoDate } from '../../lib/dates';
import { fieldFromParam } from '../../lib/useForm';

/** Announces a recorded step in the page's status region. */
export const AnnounceContext = createContext<(message: string) => void>(() => undefined);

export function useAnnounce() {
  return useContext(AnnounceContext);
}

interface ActionFormProps {
  /** Short id, unique on the page: names the heading and the error summary. */
  id: string;
  title: string;
  intro?: ReactNode;
  summary: SummaryItem[];
  attempt: number;
  submitLabel: string;
  busy: boolean;
  onSubmit: () => void;
  children?: ReactNode;
  level?: 3 | 4;
}

export function ActionForm({ id, title, intro, summary, attempt, submitLabel, busy, onSubmit, children, level = 3 }: ActionFormProps) {
  const headingId = `form-${id}`;
  const cancel = useDisclosureClose();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <section aria-labelledby={headingId} className="koers-step">
      <Heading level={level} id={headingId}>
        {title}
      </Heading>
      {intro && <Paragraph>{intro}</Paragraph>}
      <ErrorSummary id={`fouten-${id}`} level={level + 1} items={summary} attempt={attempt} />
      <form noValidate onSubmit={submit} aria-labelledby={headingId} className="koers-form">
        {children}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {submitLabel}
          </Button>
          {cancel && (
            <Button type="button" appearance="secondary-action-button" onClick={cancel}>
              Annuleren
            </Button>
          )}
        </ButtonGroup>
      </form>
    </section>
  );
}

/** A date that has happened (or, with `future`, any valid date). */
export function dateProblem(value: string, what: string, today?: string, future = false): string | undefined {
  if (value === '') return `Vul de ${what} in.`;
  if (!isValidIsoDate(value)) return `Vul een geldige ${what} in, bijvoorbeeld 05-01-2027.`;
  if (!future && today && value > today) return `De ${what} kan niet na vandaag (${formatDate(today)}) liggen.`;
  return undefined;
}

export function requiredText(value: string, message: string): string | undefined {
  return value.trim() === '' ? message : undefined;
}

export function requiredChoice(value: string, message: string): string | undefined {
  return value === '' ? message : undefined;
}

interface FormLike {
  applyServerError: (error: unknown) => void;
}

/**
 * Field names on this page carry a prefix (`toets-takenOn`), since several forms share the page; the
 * server names them plainly (`takenOn`, `content.risks`). This sends its answer to the (prefixed) field.
 */
export function serverErrorsTo(form: FormLike, prefix: string) {
  return (error: unknown) => {
    if (!isApiError(error) || !error.problem.invalidParams) return form.applyServerError(error);
    const invalidParams = error.problem.invalidParams.map((p) => {
      const name = fieldFromParam(p.name).replace(/^content\./, '');
      return { ...p, name: prefix ? `${prefix}-${name}` : name };
    });
    form.applyServerError(new ApiError(error.status, { ...error.problem, invalidParams }));
  };
}

/** A progress form behind its button (FormDisclosure): it closes on Escape, "Annuleren" and a save. */
export function ProgressForm({ label, children }: { label: string; children: ReactNode }) {
  const announce = useAnnounce();
  return (
    <FormDisclosure label={label} announce={announce} provideAnnounce={(inner, content) => <AnnounceContext.Provider value={inner}>{content}</AnnounceContext.Provider>}>
      {children}
    </FormDisclosure>
  );
}
