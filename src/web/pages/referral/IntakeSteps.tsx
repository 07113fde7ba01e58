// Acknowledgement and intake (R-REF-2, R-REF-3, R-REF-4): the provider's first steps.
import { useToday } from '../../api/queries';
import type { ReferralDetail } from '../../api/lifecycleTypes';
import { optionId, RadioField } from '../../components/choiceFields';
import { TextField } from '../../components/fields';
import { formatDate, isValidIsoDate } from '../../lib/dates';
import { fullName } from '../../lib/labels';
import { useForm } from '../../lib/useForm';
import { pastDateProblem, StepForm, useStepCommand, withFieldNames } from './stepSupport';

interface StepProps {
  referral: ReferralDetail;
}

export function AcknowledgeStep({ referral }: StepProps) {
  const form = useForm<never>({}, [], () => undefined);
  const step = useStepCommand(referral, form);
  return (
    <StepForm
      id="ontvangst"
      title="Ontvangst bevestigen"
      intro={`Bevestig dat ${referral.provider.name} de aanmelding van ${fullName(referral.participant)} heeft ontvangen.`}
      summary={form.summary}
      attempt={form.attempt}
      submitLabel="Ontvangst bevestigen"
      busy={step.isPending}
      onSubmit={() => step.run({ type: 'acknowledged' }, 'De ontvangst van de aanmelding is bevestigd.')}
    />
  );
}

type InviteField = 'intakeDate' | 'location';
const inviteFields = ['intakeDate', 'location'] as const;

export function InviteStep({ referral }: StepProps) {
  const again = referral.status === 'intakeNoShow';
  const validate = (name: InviteField, values: Record<InviteField, string>) => {
    const value = values[name].trim();
    if (name === 'location') return value === '' ? 'Vul de locatie van de intake in, bijvoorbeeld Hoorn, Grote Noord 1.' : undefined;
    if (value === '') return 'Vul de datum van de intake in.';
    if (!isValidIsoDate(value)) return 'Vul een geldige datum van de intake in, bijvoorbeeld 05-01-2027.';
    if (value < referral.referredOn) {
      return `De intake kan niet vóór de aanmelding (${formatDate(referral.referredOn)}) liggen.`;
    }
    return undefined;
  };
  const form = useForm<InviteField>(
    // R-REF-3: after a no-show the municipality has agreed the new moment; start from it.
    { intakeDate: again ? (referral.intake.agreedIntakeDate ?? '') : '', location: referral.intake.location ?? '' },
    inviteFields,
    validate,
  );
  const step = useStepCommand(referral, form);
  const submit = () => {
    if (!form.validateAll()) return;
    const { intakeDate, location } = form.values;
    step.run(
      { type: 'intakeInvited', intakeDate, location: location.trim() },
      `De uitnodiging voor de intake op ${formatDate(intakeDate)} is vastgelegd.`,
    );
  };
  return (
    <StepForm
      id="uitnodiging"
      title={again ? 'Opnieuw uitnodigen voor intake' : 'Uitnodigen voor intake'}
      intro={
        again
          ? `De inburgeraar verscheen niet op de intake. De gemeente heeft een nieuwe intake afgesproken${referral.intake.agreedIntakeDate ? ` op ${formatDate(referral.intake.agreedIntakeDate)}` : ''}: leg de uitnodiging daarvoor vast.`
          : undefined
      }
      summary={form.summary}
      attempt={form.attempt}
      submitLabel="Uitnodiging vastleggen"
      busy={step.isPending}
      onSubmit={submit}
    >
      <TextField {...form.bind('intakeDate')} label="Datum van de intake" type="date" />
      <TextField
        {...form.bind('location')}
        label="Locatie van de intake"
        description="Plaats en adres, bijvoorbeeld Hoorn, Grote Noord 1."
        autoComplete="off"
      />
    </StepForm>
  );
}

type ResultField = 'intakeOutcome' | 'intakeOn' | 'regularStartInTime';
const resultFields = ['intakeOutcome', 'intakeOn', 'regularStartInTime'] as const;
const START_TERM_QUESTION = 'Kan de reguliere start binnen de starttermijn (30 werkdagen)?';

function resultTarget(name: ResultField): string {
  if (name === 'intakeOutcome') return optionId(name, 'held');
  if (name === 'regularStartInTime') return optionId(name, 'ja');
  return `veld-${name}`;
}

/** R-REF-3, R-REF-4: the intake was held (and can the regular start fit?) or the participant did not come. */
export function IntakeResultStep({ referral, held, noShow }: StepProps & { held: boolean; noShow: boolean }) {
  const today = useToday().data;
  const only = held && !noShow ? 'held' : !held && noShow ? 'noShow' : '';
  const plannedDate = referral.intake.date;
  const validate = (name: ResultField, values: Record<ResultField, string>) => {
    if (name === 'intakeOutcome') return values.intakeOutcome === '' ? 'Kies of de intake is gehouden.' : undefined;
    if (name === 'intakeOn') return pastDateProblem(values.intakeOn, today, 'datum van de intake');
    if (values.intakeOutcome === 'held' && values.regularStartInTime === '') {
      return 'Kies ja of nee: kan de reguliere start binnen de starttermijn?';
    }
    return undefined;
  };
  const initialDate = plannedDate && (!today || plannedDate <= today) ? plannedDate : '';
  const form = useForm<ResultField>(
    { intakeOutcome: only, intakeOn: initialDate, regularStartInTime: '' },
    resultFields,
    validate,
    resultTarget,
  );
  const step = useStepCommand(referral, withFieldNames(form, { heldOn: 'intakeOn', noShowOn: 'intakeOn' }));
  const submit = () => {
    if (!form.validateAll()) return;
    const { intakeOutcome, intakeOn, regularStartInTime } = form.values;
    if (intakeOutcome === 'held') {
      step.run(
        { type: 'intakeHeld', heldOn: intakeOn, regularStartInTime: regularStartInTime === 'ja' },
        `De intake van ${formatDate(intakeOn)} is vastgelegd als gehouden.`,
      );
    } else {
      step.run(
        { type: 'intakeNoShow', noShowOn: intakeOn },
        `Vastgelegd: de inburgeraar is op ${formatDate(intakeOn)} niet verschenen. De gemeente krijgt een signaal.`,
      );
    }
  };
  const outcomes = [
    ...(held ? [['held', 'Intake gehouden'] as const] : []),
    ...(noShow ? [['noShow', 'Niet verschenen (no-show)'] as const] : []),
  ];
  return (
    <StepForm
      id="intake"
      title="Uitkomst intake vastleggen"
      intro={
        plannedDate
          ? `De intake stond gepland op ${formatDate(plannedDate)}${referral.intake.location ? `, locatie: ${referral.intake.location}` : ''}.`
          : undefined
      }
      summary={form.summary}
      attempt={form.attempt}
      submitLabel="Uitkomst vastleggen"
      busy={step.isPending}
      onSubmit={submit}
    >
      <RadioField
        name="intakeOutcome"
        legend="Uitkomst van de intake"
        options={outcomes}
        value={form.values.intakeOutcome}
        error={form.errors.intakeOutcome}
        onChange={(value) => form.setValue('intakeOutcome', value)}
      />
      <TextField {...form.bind('intakeOn')} label="Datum van de intake" type="date" />
      {form.values.intakeOutcome === 'held' && (
        <RadioField
          name="regularStartInTime"
          legend={START_TERM_QUESTION}
          description="Zo nee, dan moet de inburgeraar binnen 5 werkdagen na de intake in een opstartklas starten."
          options={[
            ['ja', 'Ja'],
            ['nee', 'Nee'],
          ]}
          value={form.values.regularStartInTime}
          error={form.errors.regularStartInTime}
          onChange={(value) => form.setValue('regularStartInTime', value)}
        />
      )}
    </StepForm>
  );
}
