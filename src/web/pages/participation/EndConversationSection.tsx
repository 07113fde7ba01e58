// Eindgesprek MAP (issue #12: R-MAP-1, R-MAP-3; 001 §3 and Bijlage 2) on /deelname/:id. The MAP
// provider prepares the conversation per the five parts of Bijlage 2 and proposes a date; the
// consultant of the municipality records the date it was held and the outcome. Everyone else reads.
// The questions come from src/domain/map-end-conversation.ts, the one place they are kept.
import { useState } from 'react';
import { Fieldset, FieldsetLegend, Heading, Paragraph } from '@utrecht/component-library-react';
import { ApiError, isApiError } from '../../api/client';
import { useToday } from '../../api/queries';
import { useEndConversation, useSaveOutcome, useSavePlanning, useSavePreparation, type EndConversation } from '../../api/mapEndConversation';
import { CheckboxGroupField, optionId, RadioField, TextareaField } from '../../components/choiceFields';
import { fieldId, TextField } from '../../components/fields';
import { LoadError, Loading } from '../../components/QueryStatus';
import { formatDate } from '../../lib/dates';
import { useForm } from '../../lib/useForm';
import { END_CONVERSATION_FORMAT, END_QUESTION_IDS, MAX_ANSWER_LENGTH, type ChoiceListId } from '../../../domain/map-end-conversation';
import { ActionForm, dateProblem, ProgressForm, requiredChoice, serverErrorsTo, useAnnounce } from '../progress/formSupport';
import { hoursText } from './labels';

const outcomeLabels: Record<string, string> = { sufficient: 'Voldoende', notYet: 'Nog niet voldoende' };
const optionLabel = (list: ChoiceListId, id: string) => {
  for (const p of END_CONVERSATION_FORMAT) for (const i of p.items) if (i.kind === 'choices' && i.id === list) return i.options.find((o) => o.id === id)?.label ?? id;
  return id;
};

interface Props {
  participantId: string;
  referralId: string;
  /** The MAP provider of this referral: prepares and proposes the date. */
  mayPrepare: boolean;
  /** The consultant of the participant's municipality: records the outcome. */
  mayDecide: boolean;
}

export function EndConversationSection({ participantId, referralId, mayPrepare, mayDecide }: Props) {
  const conversation = useEndConversation(participantId);
  let body;
  if (conversation.isPending) body = <Loading what="Eindgesprek MAP" />;
  else if (conversation.isError) body = <LoadError error={conversation.error} />;
  else {
    const c = conversation.data;
    body = (
      <>
        <Status c={c} />
        <PreparationView c={c} />
        {mayPrepare && (
          <ProgressForm label="Voorbereiding bijwerken">
            <PreparationForm key={c.preparation?.version ?? 0} participantId={participantId} referralId={referralId} c={c} />
          </ProgressForm>
        )}
        {mayPrepare && c.held === null && (
          <ProgressForm label="Datum voorstellen">
            <PlanningForm participantId={participantId} referralId={referralId} version={c.planned?.version ?? 0} />
          </ProgressForm>
        )}
        {mayDecide && (
          <ProgressForm label="Uitkomst vastleggen">
            <OutcomeForm participantId={participantId} c={c} />
          </ProgressForm>
        )}
      </>
    );
  }
  return (
    <section aria-labelledby="eindgesprek" className="koers-section">
      <Heading level={2} id="eindgesprek">
        Eindgesprek MAP
      </Heading>
      {body}
    </section>
  );
}

function Status({ c }: { c: EndConversation }) {
  const r = c.readiness;
  return (
    <>
      <Paragraph>
        {r.themesDone} van de 8 thema’s afgerond, praktijkdeel {hoursText(r.practicalMinutes)} / {hoursText(r.requiredMinutes)} uur.{' '}
        {r.readyForEndConversation ? 'De inburgeraar is klaar voor het eindgesprek.' : 'Voor de uitkomst voldoende zijn alle 8 thema’s en 40 uur praktijk nodig.'}
      </Paragraph>
      <Paragraph>
        {c.planned === null ? 'Nog geen datum voorgesteld.' : `Voorgestelde datum: ${formatDate(c.planned.plannedOn)} (door ${c.planned.recordedBy}).`}{' '}
        {c.held === null
          ? 'Het eindgesprek is nog niet gehouden.'
          : `Gehouden op ${formatDate(c.held.heldOn)}: ${outcomeLabels[c.held.outcome]?.toLowerCase() ?? c.held.outcome}${c.held.reason ? ` — ${c.held.reason}` : ''} (vastgelegd door ${c.held.recordedBy}${c.held.recordedByOrganisation ? `, ${c.held.recordedByOrganisation}` : ''}).`}
      </Paragraph>
    </>
  );
}

function PreparationView({ c }: { c: EndConversation }) {
  const p = c.preparation;
  if (p === null) return <Paragraph>De aanbieder heeft de voorbereiding nog niet vastgelegd.</Paragraph>;
  return (
    <>
      <Paragraph>
        Voorbereiding versie {p.version}, door {p.recordedBy}
        {p.recordedByOrganisation ? `, ${p.recordedByOrganisation}` : ''}.
      </Paragraph>
      {END_CONVERSATION_FORMAT.map((part) => {
        const progress = p.parts.find((x) => x.part === part.id);
        return (
          <section key={part.id} aria-labelledby={`eg-deel-${part.id}`}>
            <Heading level={3} id={`eg-deel-${part.id}`}>
              {part.title}
            </Heading>
            <Paragraph>
              {part.lead}. {progress?.complete ? 'Voorbereid.' : `${progress?.answered ?? 0} van ${progress?.questions ?? 0} vragen beantwoord.`}
            </Paragraph>
            <dl className="koers-answers">
              {part.items.map((item) => {
                const answer = item.kind === 'question' ? (p.answers[item.id] ?? '') : p.choices[item.id].map((o) => optionLabel(item.id, o)).join('; ');
                return answer === '' ? null : (
                  <div key={item.id}>
                    <dt>{item.text}</dt>
                    <dd>{answer}</dd>
                  </div>
                );
              })}
            </dl>
          </section>
        );
      })}
    </>
  );
}

const answerField = (id: string) => `eg-answers.${id}`;

function PreparationForm({ participantId, referralId, c }: { participantId: string; referralId: string; c: EndConversation }) {
  const save = useSavePreparation(participantId);
  const announce = useAnnounce();
  const fields = END_QUESTION_IDS.map(answerField);
  const initial: Record<string, string> = {};
  for (const id of END_QUESTION_IDS) initial[answerField(id)] = c.preparation?.answers[id] ?? '';
  const validate = (name: string, v: Record<string, string>) => ((v[name] ?? '').length > MAX_ANSWER_LENGTH ? `Hoogstens ${MAX_ANSWER_LENGTH} tekens.` : undefined);
  const form = useForm<string>(initial, fields, validate);
  const [choices, setChoices] = useState<Record<ChoiceListId, string[]>>({
    professionalCompetences: [...(c.preparation?.choices.professionalCompetences ?? [])],
    employeeCompetences: [...(c.preparation?.choices.employeeCompetences ?? [])],
  });
  const onError = serverErrorsTo(form, 'eg');
  const submit = () => {
    if (!form.validateAll()) return;
    const answers: Record<string, string> = {};
    for (const id of END_QUESTION_IDS) {
      const a = form.values[answerField(id)] ?? '';
      if (a.trim() !== '') answers[id] = a;
    }
    save.mutateAsync({ referralId, version: c.preparation?.version ?? 0, answers, choices }).then(() => announce('Voorbereiding van het eindgesprek opgeslagen.'), onError);
  };
  return (
    <ActionForm
      id="eg-voorbereiding"
      title="Voorbereiding eindgesprek"
      intro="Schrijf de antwoorden van de inburgeraar op, per onderdeel van het gespreksformat. U mag later verder gaan: elke keer opslaan bewaart een nieuwe versie."
      summary={form.summary}
      attempt={form.attempt}
      submitLabel="Voorbereiding opslaan"
      busy={save.isPending}
      onSubmit={submit}
    >
      {END_CONVERSATION_FORMAT.map((part) => (
        <Fieldset key={part.id}>
          <FieldsetLegend>
            {part.title}: {part.lead}
          </FieldsetLegend>
          {part.items.map((item) =>
            item.kind === 'question' ? (
              <TextareaField key={item.id} {...form.bind(answerField(item.id))} label={item.text} optional rows={2} />
            ) : (
              <CheckboxGroupField
                key={item.id}
                name={`eg-choices.${item.id}`}
                legend={`${item.text} (meerdere keuzes mogelijk)`}
                optional
                options={item.options.map((o) => [o.id, o.label] as const)}
                values={choices[item.id]}
                onChange={(values) => setChoices((prev) => ({ ...prev, [item.id]: values }))}
              />
            ),
          )}
        </Fieldset>
      ))}
    </ActionForm>
  );
}

type PlanField = 'eg-plannedOn';

function PlanningForm({ participantId, referralId, version }: { participantId: string; referralId: string; version: number }) {
  const today = useToday().data;
  const save = useSavePlanning(participantId);
  const announce = useAnnounce();
  const validate = (_: PlanField, v: Record<PlanField, string>) => {
    const problem = dateProblem(v['eg-plannedOn'], 'datum', today, true);
    if (problem) return problem;
    return today && v['eg-plannedOn'] < today ? 'Stel een datum voor die vandaag is of later.' : undefined;
  };
  const form = useForm<PlanField>({ 'eg-plannedOn': '' }, ['eg-plannedOn'], validate);
  const onError = serverErrorsTo(form, 'eg');
  const submit = () => {
    if (!form.validateAll()) return;
    const plannedOn = form.values['eg-plannedOn'];
    save.mutateAsync({ referralId, version, plannedOn }).then(() => announce(`Datum voor het eindgesprek voorgesteld: ${formatDate(plannedOn)}.`), onError);
  };
  return (
    <ActionForm id="eg-planning" title="Datum eindgesprek voorstellen" intro="De gemeente houdt het eindgesprek; u stelt de datum voor." summary={form.summary} attempt={form.attempt} submitLabel="Datum voorstellen" busy={save.isPending} onSubmit={submit}>
      <TextField {...form.bind('eg-plannedOn')} label="Voorgestelde datum" type="date" />
    </ActionForm>
  );
}

/** "Voldoende" can fall short twice (themes and hours): both reasons next to the one field, not the last only. */
function joinReasons(error: unknown): unknown {
  if (!isApiError(error) || !error.problem.invalidParams) return error;
  const byName = new Map<string, { name: string; code: string; reason: string }>();
  for (const p of error.problem.invalidParams) {
    const was = byName.get(p.name);
    byName.set(p.name, was === undefined ? { ...p } : { ...was, reason: `${was.reason} ${p.reason}` });
  }
  return new ApiError(error.status, { ...error.problem, invalidParams: [...byName.values()] });
}

type OutcomeField = 'uitkomst-heldOn' | 'uitkomst-outcome' | 'uitkomst-reason';
const outcomeFields: readonly OutcomeField[] = ['uitkomst-heldOn', 'uitkomst-outcome', 'uitkomst-reason'];

function OutcomeForm({ participantId, c }: { participantId: string; c: EndConversation }) {
  const today = useToday().data;
  const save = useSaveOutcome(participantId);
  const announce = useAnnounce();
  const validate = (name: OutcomeField, v: Record<OutcomeField, string>) => {
    if (name === 'uitkomst-heldOn') return dateProblem(v[name], 'datum van het gesprek', today);
    if (name === 'uitkomst-outcome') return requiredChoice(v[name], 'Kies de uitkomst.');
    if (v['uitkomst-outcome'] === 'notYet' && v[name].trim() === '') return 'Schrijf op waarom het nog niet voldoende is en wat er nog moet gebeuren.';
    return v[name].length > 2000 ? 'Hoogstens 2000 tekens.' : undefined;
  };
  const form = useForm<OutcomeField>({ 'uitkomst-heldOn': c.planned?.plannedOn ?? '', 'uitkomst-outcome': '', 'uitkomst-reason': '' }, outcomeFields, validate, (name) =>
    name === 'uitkomst-outcome' ? optionId(name, 'sufficient') : fieldId(name),
  );
  const onError = (error: unknown) => serverErrorsTo(form, 'uitkomst')(joinReasons(error));
  const submit = () => {
    if (!form.validateAll()) return;
    const v = form.values;
    const outcome = v['uitkomst-outcome'] as 'sufficient' | 'notYet';
    const reason = v['uitkomst-reason'].trim();
    save.mutateAsync({ version: c.held?.version ?? 0, heldOn: v['uitkomst-heldOn'], outcome, reason: reason === '' ? null : reason }).then(
      () => announce(`Uitkomst van het eindgesprek vastgelegd: ${outcomeLabels[outcome]?.toLowerCase() ?? outcome}.`),
      onError,
    );
  };
  return (
    <ActionForm
      id="uitkomst"
      title="Uitkomst eindgesprek"
      intro="Voldoende kan alleen als alle 8 thema’s zijn afgerond en het praktijkdeel minstens 40 uur heeft (001 §3)."
      summary={form.summary}
      attempt={form.attempt}
      submitLabel="Uitkomst vastleggen"
      busy={save.isPending}
      onSubmit={submit}
    >
      <TextField {...form.bind('uitkomst-heldOn')} label="Gehouden op" type="date" />
      <RadioField
        name="uitkomst-outcome"
        legend="Uitkomst"
        options={Object.entries(outcomeLabels)}
        value={form.values['uitkomst-outcome']}
        error={form.errors['uitkomst-outcome']}
        onChange={(value) => form.setValue('uitkomst-outcome', value)}
      />
      <TextareaField {...form.bind('uitkomst-reason')} label="Toelichting" description="Nodig bij nog niet voldoende: wat moet er nog gebeuren?" optional={form.values['uitkomst-outcome'] !== 'notYet'} rows={3} />
    </ActionForm>
  );
}

