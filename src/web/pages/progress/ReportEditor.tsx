// R-HRS-4, R-END-1, R-END-2: the coordinator completes a draft report. "Opslaan" keeps the draft (optimistic
// locking by lockVersion); "Indienen" saves and submits. The server checks what the route and kind ask
// and names missing fields (content.<field>): each message lands next to its field and in the summary.
import type { FormEvent } from 'react';
import { Button, ButtonGroup, Heading } from '@utrecht/component-library-react';
import { useSaveReport, useSubmitReport, type Report } from '../../api/progress';
import { RadioField, TextareaField, optionId } from '../../components/choiceFields';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { isValidIsoDate } from '../../lib/dates';
import { useForm } from '../../lib/useForm';
import { serverErrorsTo } from './formSupport';
import { levelOptions } from './labels';
import { ALL_EDIT_KEYS, contentDescriptions, contentLabels, contentOf, editKeysFor, requiredKeys, valuesOf, type EditKey, type TextKey } from './reportFields';
import { ReportFacts } from './ReportView';

function validate(name: EditKey, values: Record<EditKey, string>): string | undefined {
  if (name === 'expectedExamDate' && values[name] !== '' && !isValidIsoDate(values[name])) return 'Vul een geldige datum in, bijvoorbeeld 05-01-2027.';
  if (name === 'pvtCompletedMonth' && !/^(\d{4}-(0[1-9]|1[0-2]))?$/.test(values[name])) return 'Vul een maand in als JJJJ-MM, bijvoorbeeld 2027-03.';
  return undefined;
}

interface EditorProps {
  report: Report;
  route: string;
  onDone: (message: string) => void;
}

export function ReportEditor({ report, route, onDone }: EditorProps) {
  const save = useSaveReport(report.id);
  const submitReport = useSubmitReport(report.id);
  const form = useForm<EditKey>(valuesOf(report.content), ALL_EDIT_KEYS, validate, (name) =>
    name === 'goalsReached' ? optionId(name, 'yes') : `veld-${name}`,
  );
  const onError = serverErrorsTo(form, '');
  const busy = save.isPending || submitReport.isPending;
  const keys = editKeysFor(report.kind, route, report.content);
  const required = requiredKeys(report.kind, route, report.content, form.values.goalsReached);

  const store = async () => save.mutateAsync({ lockVersion: report.lockVersion, content: contentOf(report.content, form.values) });

  const onSave = () => {
    if (busy || !form.validateAll()) return;
    store().then(() => onDone('Het concept is opgeslagen.'), onError);
  };

  // mutateAsync, not mutate's callbacks: once submitted the editor unmounts for the read-only view.
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (busy || !form.validateAll()) return;
    store()
      .then((saved) => submitReport.mutateAsync({ lockVersion: saved.lockVersion }))
      .then(() => onDone('De rapportage is ingediend. De gemeente en de inburgeraar kunnen haar nu lezen.'), onError);
  };

  const text = (key: TextKey) => (
    <TextareaField key={key} {...form.bind(key)} label={contentLabels[key]} description={contentDescriptions[key]} optional={!required.has(key)} />
  );

  return (
    <>
      <ReportFacts content={report.content} headingId="feiten" />
      <section aria-labelledby="bewerken" className="koers-section">
        <Heading level={2} id="bewerken">
          Aanvullen door de aanbieder
        </Heading>
        <ErrorSummary items={form.summary} attempt={form.attempt} level={3} />
        <form noValidate onSubmit={onSubmit} aria-labelledby="bewerken" className="koers-form">
          {keys.map((key) => {
            if (key === 'expectedEndLevel') {
              return <SelectField key={key} {...form.bind(key)} label={contentLabels[key]} options={levelOptions} />;
            }
            if (key === 'expectedExamDate') return <TextField key={key} {...form.bind(key)} label={contentLabels[key]} type="date" optional />;
            if (key === 'pvtCompletedMonth') {
              return <TextField key={key} {...form.bind(key)} label={contentLabels[key]} description={contentDescriptions[key]} type="month" optional />;
            }
            if (key === 'goalsReached') {
              return (
                <RadioField
                  key={key}
                  name={key}
                  legend={contentLabels[key]}
                  options={[
                    ['yes', 'Ja'],
                    ['no', 'Nee'],
                  ]}
                  value={form.values.goalsReached}
                  error={form.errors.goalsReached}
                  onChange={(value) => form.setValue('goalsReached', value)}
                />
              );
            }
            return text(key);
          })}
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={submitReport.isPending}>
              Indienen
            </Button>
            <Button type="button" appearance="secondary-action-button" busy={save.isPending} onClick={onSave}>
              Concept opslaan
            </Button>
          </ButtonGroup>
        </form>
      </section>
    </>
  );
}
