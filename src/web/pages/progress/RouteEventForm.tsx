// R-RTE-1, R-RTE-2, R-RTE-3, R-RTE-4, R-END-1: one form for every route event; the fields follow the
// chosen type. The municipality decides a route change, a move and a switch of provider; both parties
// record the rest. After 18 months a route change needs an exception reason: the server says so on
// 'exceptionReason'.
import { useRecordRouteEvent, type RouteEventInput } from '../../api/progress';
import { useToday } from '../../api/queries';
import { CheckboxGroupField, optionId, TextareaField } from '../../components/choiceFields';
import { SelectField, TextField } from '../../components/fields';
import { routeLabels, routeOptions } from '../../lib/labels';
import { useForm } from '../../lib/useForm';
import { ActionForm, dateProblem, requiredChoice, requiredText, serverErrorsTo, useAnnounce } from './formSupport';
import { attendeeLabels, dropOutReasonLabels, holdReasonLabels, label, routeEventLabels } from './labels';

const MUNICIPALITY_ONLY = ['routeChanged', 'movedAway', 'providerSwitched'];

type F = 'type' | 'on' | 'toRoute' | 'reason' | 'exceptionReason' | 'reasonCode' | 'expectedEndOn' | 'toMunicipality' | 'attendees' | 'note';
type Field = `route-${F}`;
const names: readonly F[] = ['type', 'on', 'toRoute', 'reason', 'exceptionReason', 'reasonCode', 'expectedEndOn', 'toMunicipality', 'attendees', 'note'];
const fields = names.map((n) => `route-${n}` as const);
const empty = Object.fromEntries(fields.map((f) => [f, ''])) as Record<Field, string>;

/** Which fields a type asks, besides type and date. */
const fieldsOf: Record<string, readonly F[]> = {
  routeChanged: ['toRoute', 'reason', 'exceptionReason'],
  onHold: ['reasonCode', 'expectedEndOn', 'note'],
  resumed: ['note'],
  droppedOut: ['reasonCode', 'note'],
  movedAway: ['toMunicipality'],
  providerSwitched: ['note'],
  handOverHeld: ['attendees', 'note'],
  routeEnded: ['note'],
};

export function RouteEventForm({ participantId, municipality, currentRoute }: { participantId: string; municipality: boolean; currentRoute: string }) {
  const today = useToday().data;
  const record = useRecordRouteEvent(participantId);
  const announce = useAnnounce();
  const validate = (name: Field, v: Record<Field, string>): string | undefined => {
    const type = v['route-type'];
    const asks = (f: F) => (fieldsOf[type] ?? []).includes(f);
    if (name === 'route-type') return requiredChoice(type, 'Kies wat er is gebeurd.');
    if (name === 'route-on') return dateProblem(v[name], 'datum', today, type === 'onHold');
    if (name === 'route-toRoute' && asks('toRoute')) return v[name] === currentRoute ? 'Dit is al de leerroute van deze inburgeraar.' : requiredChoice(v[name], 'Kies de nieuwe leerroute.');
    if (name === 'route-reason' && asks('reason')) return requiredText(v[name], 'Schrijf op waarom de leerroute verandert.');
    if (name === 'route-reasonCode' && asks('reasonCode')) return requiredChoice(v[name], 'Kies de reden.');
    if (name === 'route-expectedEndOn' && asks('expectedEndOn')) return dateProblem(v[name], 'verwachte einddatum', today, true);
    if (name === 'route-toMunicipality' && asks('toMunicipality')) return requiredText(v[name], 'Vul de nieuwe gemeente in.');
    if (name === 'route-attendees' && asks('attendees') && v[name].split(',').filter(Boolean).length < 2) return 'Een warme overdracht is een gesprek met minstens twee partijen.';
    return undefined;
  };
  const form = useForm<Field>(empty, fields, validate, (name) => (name === 'route-attendees' ? optionId(name, 'participant') : `veld-${name}`));
  const onError = serverErrorsTo(form, 'route');
  const type = form.values['route-type'];
  const asks = (f: F) => (fieldsOf[type] ?? []).includes(f);
  const typeOptions = Object.keys(fieldsOf)
    .filter((t) => municipality || !MUNICIPALITY_ONLY.includes(t))
    .map((t) => [t, label(routeEventLabels, t)] as const);

  const submit = () => {
    if (!form.validateAll()) return;
    const v = form.values;
    const body: RouteEventInput = { type, on: v['route-on'] };
    for (const f of fieldsOf[type] ?? []) {
      const value = v[`route-${f}`].trim();
      if (f === 'attendees') body.attendees = value.split(',').filter(Boolean);
      else if (f === 'reasonCode') body.reason = value;
      else body[f] = value;
    }
    record.mutateAsync(body).then(() => {
      form.update(empty);
      announce(`Vastgelegd: ${label(routeEventLabels, type).toLowerCase()} op ${v['route-on'].split('-').reverse().join('-')}.`);
    }, onError);
  };

  const reasonCodes = type === 'onHold' ? holdReasonLabels : dropOutReasonLabels;
  return (
    <ActionForm
      id="route"
      title="Gebeurtenis in de leerroute vastleggen"
      summary={form.summary}
      attempt={form.attempt}
      submitLabel="Vastleggen"
      busy={record.isPending}
      onSubmit={submit}
    >
      <SelectField {...form.bind('route-type')} label="Wat is er gebeurd?" options={typeOptions} />
      <TextField {...form.bind('route-on')} label={type === 'onHold' ? 'Gestopt vanaf' : 'Datum'} type="date" />
      {asks('toRoute') && (
        <SelectField {...form.bind('route-toRoute')} label="Nieuwe leerroute" options={routeOptions.filter(([r]) => r !== currentRoute)} description={`Nu: ${label(routeLabels, currentRoute)}.`} />
      )}
      {asks('reason') && <TextareaField {...form.bind('route-reason')} label="Reden van de wijziging" />}
      {asks('exceptionReason') && (
        <TextareaField
          {...form.bind('route-exceptionReason')}
          label="Reden voor de uitzondering"
          optional
          description="Verplicht als de eerste 18 maanden van de termijn voorbij zijn."
        />
      )}
      {asks('reasonCode') && <SelectField {...form.bind('route-reasonCode')} label="Reden" options={Object.entries(reasonCodes)} />}
      {asks('expectedEndOn') && <TextField {...form.bind('route-expectedEndOn')} label="Verwacht weer te beginnen op" type="date" />}
      {asks('toMunicipality') && <TextField {...form.bind('route-toMunicipality')} label="Nieuwe gemeente" />}
      {asks('attendees') && (
        <CheckboxGroupField
          name="route-attendees"
          legend="Wie waren erbij?"
          options={Object.entries(attendeeLabels)}
          values={form.values['route-attendees'].split(',').filter(Boolean)}
          error={form.errors['route-attendees']}
          onChange={(values) => form.setValue('route-attendees', values.join(','))}
        />
      )}
      {asks('note') && <TextareaField {...form.bind('route-note')} label="Toelichting" optional />}
    </ActionForm>
  );
}
