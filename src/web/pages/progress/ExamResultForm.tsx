// R-LVL-2: the coordinator records the result of a registered attempt (exam date and passed or failed),
// PATCH /exam-attempts/:id. One form per pending attempt; the server's `takenOn`/`result` go to the fields.
import { useRecordExamResult, type Exam } from '../../api/progress';
import { useToday } from '../../api/queries';
import { optionId, RadioField } from '../../components/choiceFields';
import { TextField } from '../../components/fields';
import { formatDate } from '../../lib/dates';
import { useForm } from '../../lib/useForm';
import { ActionForm, dateProblem, requiredChoice, useAnnounce } from './formSupport';
import { examPartLabels, label } from './labels';

type Field = 'takenOn' | 'result';
const fields = ['takenOn', 'result'] as const;
const resultOptions = [
  ['passed', 'Geslaagd'],
  ['failed', 'Niet geslaagd'],
] as const;

/** "KNM A2, 1e poging": names the attempt in the form's title and the announcement. */
export const attemptName = (exam: Exam) => `${label(examPartLabels, exam.part)} ${exam.level}, ${exam.attemptNumber}e poging`;

export function ExamResultForm({ exam, participantId }: { exam: Exam; participantId: string }) {
  const today = useToday().data;
  const record = useRecordExamResult(participantId);
  const announce = useAnnounce();
  const prefix = `uitslag-${exam.id}`;
  const validate = (name: Field, v: Record<Field, string>) => {
    if (name === 'result') return requiredChoice(v.result, 'Kies geslaagd of niet geslaagd.');
    const problem = dateProblem(v.takenOn, 'examendatum', today);
    if (problem) return problem;
    return v.takenOn < exam.registeredOn ? `De examendatum ligt vóór de aanmelding (${formatDate(exam.registeredOn)}).` : undefined;
  };
  const form = useForm<Field>({ takenOn: '', result: '' }, fields, validate, (name) =>
    name === 'result' ? optionId(`${prefix}-result`, 'passed') : `veld-${prefix}-takenOn`,
  );

  const submit = () => {
    if (!form.validateAll()) return;
    const result = form.values.result as 'passed' | 'failed';
    record.mutateAsync({ id: exam.id, takenOn: form.values.takenOn, result }).then(
      () => announce(`De uitslag van ${attemptName(exam)} is vastgelegd: ${result === 'passed' ? 'geslaagd' : 'niet geslaagd'}.`),
      (error: unknown) => form.applyServerError(error),
    );
  };

  return (
    <ActionForm
      id={prefix}
      title={`Uitslag vastleggen: ${attemptName(exam)}`}
      intro={`Aangemeld op ${formatDate(exam.registeredOn)}.`}
      summary={form.summary}
      attempt={form.attempt}
      submitLabel="Uitslag vastleggen"
      busy={record.isPending}
      onSubmit={submit}
    >
      <TextField {...form.bind('takenOn')} name={`${prefix}-takenOn`} label="Examendatum" type="date" />
      <RadioField
        name={`${prefix}-result`}
        legend="Uitslag"
        options={resultOptions}
        value={form.values.result}
        error={form.errors.result}
        onChange={(value) => form.setValue('result', value)}
      />
    </ActionForm>
  );
}
