// What every step form on the referral page shares: its frame, and how a command's answer is handled
// (R-REF-2). 400 lands next to the fields, 422 (not allowed now) in the error summary, 409 (someone
// else changed the referral) in one notice for the page that offers to refresh.
import { createContext, useContext, type FormEvent, type ReactNode } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { ApiError, isApiError } from '../../api/client';
import { useRecordEvent } from '../../api/lifecycle';
import type { LifecycleCommand, ReferralDetail } from '../../api/lifecycleTypes';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { formatDate, isValidIsoDate } from '../../lib/dates';

const CONFLICT = 'Iemand anders heeft deze aanmelding net gewijzigd. Vernieuw de pagina.';

export interface StepHandlers {
  /** The step is recorded: announce it. */
  done: (message: string) => void;
  /** 409: the referral changed since the page showed it. */
  conflict: (message: string) => void;
}

export const StepContext = createContext<StepHandlers>({ done: () => undefined, conflict: () => undefined });

interface FormLike {
  applyServerError: (error: unknown) => void;
}

/** Sends the answer of a failed command where it belongs; shared by the event and upload forms. */
export function useStepErrorHandler(form: FormLike) {
  const handlers = useContext(StepContext);
  return (error: unknown) => {
    if (isApiError(error, 409)) handlers.conflict(error.problem.detail ?? CONFLICT);
    else form.applyServerError(error);
  };
}

/** The server names fields by the API (`heldOn`); a form may call them otherwise. */
export function withFieldNames(form: FormLike, names: Record<string, string>): FormLike {
  return {
    applyServerError: (error) => {
      if (!isApiError(error) || !error.problem.invalidParams) return form.applyServerError(error);
      const invalidParams = error.problem.invalidParams.map((p) => ({ ...p, name: names[p.name] ?? p.name }));
      form.applyServerError(new ApiError(error.status, { ...error.problem, invalidParams }));
    },
  };
}

export function useStepCommand(referral: ReferralDetail, form: FormLike) {
  const record = useRecordEvent(referral);
  const handlers = useContext(StepContext);
  const onError = useStepErrorHandler(form);
  // mutateAsync, not mutate's callbacks: the form unmounts as soon as the new state arrives, and
  // TanStack Query drops the callbacks of an unmounted observer.
  const run = (command: LifecycleCommand, message: string) => {
    if (record.isPending) return;
    record.mutateAsync(command).then(() => handlers.done(message), onError);
  };
  return { run, isPending: record.isPending };
}

export function useStepDone() {
  return useContext(StepContext).done;
}

interface StepFormProps {
  /** Short id, unique on the page: names the section and its error summary. */
  id: string;
  title: string;
  intro?: ReactNode;
  summary: SummaryItem[];
  attempt: number;
  submitLabel: string;
  busy: boolean;
  onSubmit: () => void;
  children?: ReactNode;
  /** Shown above the form, e.g. the plan under review. */
  before?: ReactNode;
}

/** A titled section with one form: error summary first, fields, one primary button (STYLE 20). */
export function StepForm({ id, title, intro, summary, attempt, submitLabel, busy, onSubmit, children, before }: StepFormProps) {
  const headingId = `stap-${id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <section aria-labelledby={headingId} className="koers-step">
      <Heading level={3} id={headingId}>
        {title}
      </Heading>
      {intro && <Paragraph>{intro}</Paragraph>}
      {before}
      <ErrorSummary id={`fouten-${id}`} level={4} items={summary} attempt={attempt} />
      <form noValidate onSubmit={submit} aria-labelledby={headingId} className="koers-form">
        {children}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {submitLabel}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** A date of something that has happened: filled, valid and not after the system date. */
export function pastDateProblem(value: string, today: string | undefined, what: string): string | undefined {
  if (value === '') return `Vul de ${what} in.`;
  if (!isValidIsoDate(value)) return `Vul een geldige ${what} in, bijvoorbeeld 05-01-2027.`;
  if (today && value > today) return `De ${what} kan niet na vandaag (${formatDate(today)}) liggen.`;
  return undefined;
}
