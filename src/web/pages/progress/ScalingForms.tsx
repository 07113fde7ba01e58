// R-LVL-3/R-LVL-4: the coordinator requests down- or up-scaling of one skill; the consultant approves or
// refuses in writing (approving despite a failed check needs a reason: the server says so on 'reason').
import { useDecideScaling, useRequestScaling, type Level, type Overview, type Scaling, type Skill } from '../../api/progress';
import { optionId, RadioField, TextareaField } from '../../components/choiceFields';
import { SelectField } from '../../components/fields';
import { useForm } from '../../lib/useForm';
import { ActionForm, requiredChoice, requiredText, serverErrorsTo, useAnnounce } from './formSupport';
import { levelOptions, scalingDirectionLabels, scalingTitle, skillOptions } from './labels';

type RequestField = 'schaling-skill' | 'schaling-direction' | 'schaling-toLevel' | 'schaling-reason';
const requestFields = ['schaling-skill', 'schaling-direction', 'schaling-toLevel', 'schaling-reason'] as const;
const emptyRequest: Record<RequestField, string> = { 'schaling-skill': '', 'schaling-direction': '', 'schaling-toLevel': '', 'schaling-reason': '' };

function validateRequest(name: RequestField, values: Record<RequestField, string>): string | undefined {
  if (name === 'schaling-skill') return requiredChoice(values[name], 'Kies de vaardigheid.');
  if (name === 'schaling-direction') return requiredChoice(values[name], 'Kies afschalen of opschalen.');
  if (name === 'schaling-toLevel') return requiredChoice(values[name], 'Kies het nieuwe niveau.');
  return requiredText(values[name], 'Schrijf op waarom u af- of opschaling vraagt.');
}

export function ScalingRequestForm({ overview }: { overview: Overview }) {
  const request = useRequestScaling(overview.participant.id);
  const announce = useAnnounce();
  const form = useForm<RequestField>(emptyRequest, requestFields, validateRequest, (name) =>
    name === 'schaling-direction' ? optionId(name, 'down') : `veld-${name}`,
  );
  const onError = serverErrorsTo(form, 'schaling');

  const submit = () => {
    if (!form.validateAll()) return;
    const v = form.values;
    const body = {
      skill: v['schaling-skill'] as Skill,
      direction: v['schaling-direction'] as 'down' | 'up',
      toLevel: v['schaling-toLevel'] as Level,
      reason: v['schaling-reason'].trim(),
    };
    request.mutateAsync(body).then((scaling) => {
      form.update(emptyRequest);
      const failed = scaling.checks.filter((c) => !c.passed).length;
      announce(
        `${scalingTitle(scaling)} is aangevraagd. ${failed === 0 ? 'Alle voorwaarden zijn voldaan.' : `${failed} ${failed === 1 ? 'voorwaarde is' : 'voorwaarden zijn'} niet voldaan.`} De gemeente beslist.`,
      );
    }, onError);
  };

  return (
    <ActionForm
      id="schaling"
      title="Af- of opschaling aanvragen"
      intro="Koers controleert de voorwaarden en laat ze aan de gemeente zien."
      summary={form.summary}
      attempt={form.attempt}
      submitLabel="Aanvragen"
      busy={request.isPending}
      onSubmit={submit}
    >
      <SelectField {...form.bind('schaling-skill')} label="Vaardigheid" options={skillOptions} />
      <RadioField
        name="schaling-direction"
        legend="Afschalen of opschalen"
        options={Object.entries(scalingDirectionLabels)}
        value={form.values['schaling-direction']}
        error={form.errors['schaling-direction']}
        onChange={(value) => form.setValue('schaling-direction', value)}
      />
      <SelectField {...form.bind('schaling-toLevel')} label="Nieuw niveau" options={levelOptions} />
      <TextareaField {...form.bind('schaling-reason')} label="Reden van de aanvraag" />
    </ActionForm>
  );
}

type DecisionField = 'decision' | 'reason';
const decisionFields = ['decision', 'reason'] as const;

export function ScalingDecisionForm({ scaling, participantId }: { scaling: Scaling; participantId: string }) {
  const decide = useDecideScaling(participantId);
  const announce = useAnnounce();
  const prefix = `besluit-${scaling.id}`;
  const validate = (name: DecisionField, values: Record<DecisionField, string>) => {
    if (name === 'decision') return requiredChoice(values.decision, 'Kies goedkeuren of afwijzen.');
    if (values.decision === 'approved' && !scaling.allChecksPassed) return requiredText(values.reason, 'Niet alle voorwaarden zijn voldaan. Schrijf op waarom u toch goedkeurt.');
    if (values.decision === 'refused') return requiredText(values.reason, 'Schrijf op waarom u afwijst.');
    return undefined;
  };
  const form = useForm<DecisionField>({ decision: '', reason: '' }, decisionFields, validate, (name) =>
    name === 'decision' ? optionId(`${prefix}-decision`, 'approved') : `veld-${prefix}-reason`,
  );

  const submit = () => {
    if (!form.validateAll()) return;
    const decision = form.values.decision as 'approved' | 'refused';
    decide.mutateAsync({ id: scaling.id, decision, reason: form.values.reason.trim() }).then(
      () => announce(`${scalingTitle(scaling)} is ${decision === 'approved' ? 'goedgekeurd' : 'afgewezen'}.`),
      (error: unknown) => form.applyServerError(error),
    );
  };

  return (
    <ActionForm
      id={prefix}
      level={4}
      title="Besluit over deze aanvraag"
      summary={form.summary}
      attempt={form.attempt}
      submitLabel="Besluit vastleggen"
      busy={decide.isPending}
      onSubmit={submit}
    >
      <RadioField
        name={`${prefix}-decision`}
        legend={`Uw besluit: ${scalingTitle(scaling).toLowerCase()}`}
        options={[
          ['approved', 'Goedkeuren'],
          ['refused', 'Afwijzen'],
        ]}
        value={form.values.decision}
        error={form.errors.decision}
        onChange={(value) => form.setValue('decision', value)}
      />
      <TextareaField
        name={`${prefix}-reason`}
        label="Toelichting"
        optional={scaling.allChecksPassed}
        description={scaling.allChecksPassed ? undefined : 'Niet alle voorwaarden zijn voldaan: bij goedkeuren is een toelichting verplicht.'}
        value={form.values.reason}
        error={form.errors.reason}
        onChange={(event) => form.setValue('reason', event.target.value)}
        onBlur={() => form.blur('reason')}
      />
    </ActionForm>
  );
}
