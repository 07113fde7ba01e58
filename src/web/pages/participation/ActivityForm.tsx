// Register or correct a participation activity (R-MAP-2): kind, organisation or place, the local
// facility it links to (000 §4.1 3g), dates and hours. Checked on blur and on submit; the server's
// refusals (a date before the referral, an end date in the future) land next to their fields.
import { useToday } from '../../api/queries';
import { useCorrectActivity, useRegisterActivity, type Activity } from '../../api/participation';
import { SelectField, TextField } from '../../components/fields';
import { formatDate } from '../../lib/dates';
import { useForm } from '../../lib/useForm';
import { ActionForm, dateProblem, requiredChoice, requiredText, serverErrorsTo, useAnnounce } from '../progress/formSupport';
import { activityKindLabels, hoursText } from './labels';

type F = 'kind' | 'organisation' | 'localFacilityName' | 'startDate' | 'endDate' | 'minutes';
const names: readonly F[] = ['kind', 'organisation', 'localFacilityName', 'startDate', 'endDate', 'minutes'];
/** Register (act-) and correct (corr-) can stand on one page: their fields are prefixed apart. */
type Field = `${'act' | 'corr'}-${F}`;

/** "2,5" or "2.5" hours → 150 minutes; undefined when it is no positive number of hours. */
export function minutesOf(text: string): number | undefined {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  const minutes = Math.round(Number(t) * 60);
  return minutes > 0 ? minutes : undefined;
}

interface Props {
  participantId: string;
  referralId: string;
  /** Given: a correction of this activity (a new version; the old one is kept). */
  activity?: Activity;
}

export function ActivityForm({ participantId, referralId, activity }: Props) {
  const prefix: 'act' | 'corr' = activity === undefined ? 'act' : 'corr';
  const f = (n: F): Field => `${prefix}-${n}`;
  const fields = names.map(f);
  const initial = Object.fromEntries(
    names.map((n) => {
      if (activity === undefined) return [`${prefix}-${n}`, ''];
      const value = n === 'minutes' ? hoursText(activity.minutes) : n === 'localFacilityName' ? (activity.localFacilityName ?? '') : String(activity[n]);
      return [`${prefix}-${n}`, value];
    }),
  ) as Record<Field, string>;
  const today = useToday().data;
  const register = useRegisterActivity(participantId);
  const correct = useCorrectActivity(participantId);
  const announce = useAnnounce();
  const name = (f: Field) => f.slice(prefix.length + 1) as F;
  const validate = (field: Field, v: Record<Field, string>): string | undefined => {
    const value = v[field];
    switch (name(field)) {
      case 'kind':
        return requiredChoice(value, 'Kies de soort activiteit.');
      case 'organisation':
        return requiredText(value, 'Vul de organisatie of plaats in.');
      case 'startDate':
        return dateProblem(value, 'begindatum', today);
      case 'endDate': {
        const start = v[`${prefix}-startDate` as Field];
        return dateProblem(value, 'einddatum', today) ?? (start !== '' && value < start ? 'De einddatum ligt vóór de begindatum.' : undefined);
      }
      case 'minutes':
        return value.trim() === '' ? 'Vul het aantal uren in.' : minutesOf(value) === undefined ? 'Vul een aantal uren in, bijvoorbeeld 2 of 2,5.' : undefined;
      case 'localFacilityName':
        return undefined;
    }
  };
  const form = useForm<Field>(initial, fields, validate);
  const onError = serverErrorsTo(form, prefix);

  const submit = () => {
    if (!form.validateAll()) return;
    const v: Record<Field, string> = form.values;
    const facility = v[f('localFacilityName')].trim();
    const fieldsOut = {
      kind: v[f('kind')] as Activity['kind'],
      organisation: v[f('organisation')].trim(),
      localFacility: facility !== '',
      localFacilityName: facility === '' ? null : facility,
      startDate: v[f('startDate')],
      endDate: v[f('endDate')],
      minutes: minutesOf(v[f('minutes')]) ?? 0,
    };
    const what = `${activityKindLabels[fieldsOut.kind] ?? fieldsOut.kind} bij ${fieldsOut.organisation}, ${hoursText(fieldsOut.minutes)} uur (${formatDate(fieldsOut.startDate)})`;
    if (activity === undefined) {
      register.mutateAsync({ ...fieldsOut, referralId }).then(() => {
        form.update(initial);
        announce(`Activiteit vastgelegd: ${what}.`);
      }, onError);
    } else {
      correct.mutateAsync({ ...fieldsOut, id: activity.id, version: activity.version }).then(() => announce(`Activiteit verbeterd: ${what}.`), onError);
    }
  };

  return (
    <ActionForm
      id={prefix}
      title={activity === undefined ? 'Activiteit vastleggen' : 'Activiteit verbeteren'}
      intro={activity === undefined ? undefined : 'De verbetering wordt een nieuwe versie; de oude blijft bewaard.'}
      summary={form.summary}
      attempt={form.attempt}
      submitLabel={activity === undefined ? 'Vastleggen' : 'Verbetering opslaan'}
      busy={register.isPending || correct.isPending}
      onSubmit={submit}
    >
      <SelectField {...form.bind(f('kind'))} label="Soort activiteit" options={Object.entries(activityKindLabels)} />
      <TextField {...form.bind(f('organisation'))} label="Organisatie of plaats" autoComplete="off" />
      <TextField
        {...form.bind(f('localFacilityName'))}
        label="Lokale voorziening"
        optional
        description="Vul de naam in als de inburgeraar hiermee is verbonden met een lokale activiteit of voorziening."
        autoComplete="off"
      />
      <TextField {...form.bind(f('startDate'))} label="Begindatum" type="date" />
      <TextField {...form.bind(f('endDate'))} label="Einddatum" type="date" description="Leg een activiteit vast als ze voorbij is." />
      <TextField {...form.bind(f('minutes'))} label="Aantal uren" inputMode="decimal" description="Bijvoorbeeld 2 of 2,5." autoComplete="off" />
    </ActionForm>
  );
}
