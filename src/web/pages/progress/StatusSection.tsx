// R-HRS-5: the status with its reasons in plain Dutch; when the provider overrode it, the reason and the
// computed status beside it. The coordinator overrides (or withdraws the override) with a reason.
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useOverrideStatus, type Overview, type ProgressStatus } from '../../api/progress';
import { TextareaField } from '../../components/choiceFields';
import { SelectField } from '../../components/fields';
import { formatPercent } from '../../lib/attendanceLabels';
import { useForm } from '../../lib/useForm';
import { ActionForm, requiredChoice, requiredText, serverErrorsTo, useAnnounce, ProgressForm } from './formSupport';
import { formatNumber, statusLabels, statusOptions } from './labels';

export function StatusBadge({ status }: { status: ProgressStatus }) {
  return <strong className={`koers-status koers-status--${status}`}>{statusLabels[status]}</strong>;
}

export function StatusSection({ overview, mayOverride }: { overview: Overview; mayOverride: boolean }) {
  const { status, hours } = overview;
  return (
    <section aria-labelledby="status" className="koers-section">
      <Heading level={2} id="status">
        Status
      </Heading>
      <Paragraph>
        Status: <StatusBadge status={status.status} />
        {!status.started && ' (het traject is nog niet gestart)'}
      </Paragraph>
      {status.overrideReason !== null && (
        <Paragraph>
          De aanbieder heeft de status aangepast. Reden: {status.overrideReason} Berekende status:{' '}
          {statusLabels[status.computedStatus]}.
        </Paragraph>
      )}
      <Heading level={3} id="status-redenen">
        Waarom deze status
      </Heading>
      {status.reasons.length === 0 ? (
        <Paragraph>Er zijn geen bijzonderheden.</Paragraph>
      ) : (
        <UnorderedList aria-labelledby="status-redenen">
          {status.reasons.map((reason) => (
            <UnorderedListItem key={reason}>{reason}</UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      <Paragraph>
        Uren gemaakt: <strong>{formatNumber(hours.made)}</strong> van {formatNumber(hours.target)} uur (waarvan{' '}
        {formatNumber(hours.nt2Lessons)} uur NT2-les). Aanwezigheid de laatste drie maanden:{' '}
        {formatPercent(overview.attendancePercentage)}.
        {status.pacePerWeek !== null && ` Tempo: ${formatNumber(status.pacePerWeek)} uur per week.`}
      </Paragraph>
      {mayOverride && (
        <ProgressForm label="Andere status registreren">
          <OverrideForm overview={overview} />
        </ProgressForm>
      )}
    </section>
  );
}

type OverrideField = 'status-status' | 'status-reason';
const fields = ['status-status', 'status-reason'] as const;
const WITHDRAW = 'computed';

function validate(name: OverrideField, values: Record<OverrideField, string>): string | undefined {
  if (name === 'status-status') return requiredChoice(values[name], 'Kies de status.');
  return requiredText(values[name], 'Schrijf op waarom u de status aanpast.');
}

function OverrideForm({ overview }: { overview: Overview }) {
  const override = useOverrideStatus(overview.participant.id);
  const announce = useAnnounce();
  const form = useForm<OverrideField>({ 'status-status': '', 'status-reason': '' }, fields, validate);
  const overridden = overview.status.overrideReason !== null;
  const onError = serverErrorsTo(form, 'status');

  const submit = () => {
    if (!form.validateAll()) return;
    const choice = form.values['status-status'];
    const status = choice === WITHDRAW ? null : (choice as ProgressStatus);
    override.mutateAsync({ status, reason: form.values['status-reason'].trim() }).then(() => {
      form.update({ 'status-status': '', 'status-reason': '' });
      announce(status === null ? 'De berekende status geldt weer.' : `De status is aangepast naar "${statusLabels[status]}".`);
    }, onError);
  };

  return (
    <ActionForm
      id="status"
      title="Status aanpassen"
      intro="Weet u iets wat Koers niet weet? Pas de status dan aan en schrijf op waarom. De berekende status blijft zichtbaar."
      summary={form.summary}
      attempt={form.attempt}
      submitLabel="Status aanpassen"
      busy={override.isPending}
      onSubmit={submit}
    >
      <SelectField
        {...form.bind('status-status')}
        label="Nieuwe status"
        options={overridden ? [...statusOptions, [WITHDRAW, 'Berekende status weer gebruiken'] as const] : statusOptions}
      />
      <TextareaField {...form.bind('status-reason')} label="Reden" />
    </ActionForm>
  );
}
