// The start (R-REF-2) and the start class (R-REF-4): the provider records the date each began.
import { useToday } from '../../api/queries';
import type { ReferralDetail } from '../../api/lifecycleTypes';
import { TextField } from '../../components/fields';
import { formatDate } from '../../lib/dates';
import { useForm } from '../../lib/useForm';
import { pastDateProblem, StepForm, useStepCommand, withFieldNames } from './stepSupport';

interface DateStepProps {
  referral: ReferralDetail;
  type: 'startClassStarted' | 'started';
}

const texts = {
  startClassStarted: {
    id: 'opstartklas',
    title: 'Opstartklas gestart',
    intro: 'De reguliere start past niet binnen de starttermijn: leg vast wanneer de opstartklas begon.',
    field: 'startClassStartedOn',
    label: 'Startdatum opstartklas',
    what: 'startdatum van de opstartklas',
    submit: 'Start opstartklas vastleggen',
    done: (date: string) => `De start van de opstartklas op ${formatDate(date)} is vastgelegd.`,
  },
  started: {
    id: 'start',
    title: 'Gestart met het leerplan',
    intro: 'Leg vast op welke dag de inburgeraar met het leerplan begon.',
    field: 'startedOn',
    label: 'Startdatum',
    what: 'startdatum',
    submit: 'Start vastleggen',
    done: (date: string) => `De start op ${formatDate(date)} is vastgelegd. De status is nu Gestart.`,
  },
} as const;

export function DateStep({ referral, type }: DateStepProps) {
  const today = useToday().data;
  const t = texts[type];
  const form = useForm<'date'>(
    { date: today ?? '' },
    ['date'],
    (_name, values) => pastDateProblem(values.date, today, t.what),
    () => `veld-${t.field}`,
  );
  const step = useStepCommand(referral, withFieldNames(form, { startedOn: 'date' }));
  const submit = () => {
    if (!form.validateAll()) return;
    step.run({ type, startedOn: form.values.date }, t.done(form.values.date));
  };
  const bound = form.bind('date');
  return (
    <StepForm
      id={t.id}
      title={t.title}
      intro={
        type === 'startClassStarted' && referral.intake.regularStartInTime !== false
          ? 'Alleen nodig als de inburgeraar toch eerst in een opstartklas begint.'
          : t.intro
      }
      summary={form.summary}
      attempt={form.attempt}
      submitLabel={t.submit}
      busy={step.isPending}
      onSubmit={submit}
    >
      <TextField {...bound} name={t.field} label={t.label} type="date" />
    </StepForm>
  );
}
