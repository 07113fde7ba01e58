// The 001 Bijlage 3 part of the portfolio (R-MAP-3): the general client profile (CV, work-fit, diploma
// valuation: yes / no / in progress with a note) and per MAP theme what was learned and what was put
// into practice with which learning goals. It may be saved half-filled: the completeness overview says
// what is still missing. Each save is a new version; saving over someone else's newer one is refused.
import { Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import type { PortfolioAnnex, PortfolioAnnexInput } from '../../api/portfolio';
import { useSavePortfolioAnnex } from '../../api/portfolio';
import { TextareaField } from '../../components/choiceFields';
import { SelectField, TextField } from '../../components/fields';
import { useForm } from '../../lib/useForm';
import { ActionForm, serverErrorsTo, useAnnounce } from '../progress/formSupport';
import { mapThemeLabels } from './labels';
import { answerLabels, profileQuestions } from './portfolioLabels';

type Question = (typeof profileQuestions)[number][0];
type Theme = keyof PortfolioAnnex['content']['themes'];
const THEMES = Object.keys(mapThemeLabels) as Theme[];
// Field names follow the server's paths (profile.workFit.answer), prefixed: its refusals land on them.
const answer = (q: Question) => `b3-profile.${q}.answer`;
const note = (q: Question) => `b3-profile.${q}.note`;
const learned = (t: Theme) => `b3-themes.${t}.learned`;
const practised = (t: Theme) => `b3-themes.${t}.practised`;
const FIELDS = [...profileQuestions.flatMap(([q]) => [answer(q), note(q)]), ...THEMES.flatMap((t) => [learned(t), practised(t)])];

function validate(field: string, v: Record<string, string>): string | undefined {
  const max = field.endsWith('.note') ? 1000 : 3000;
  return (v[field] ?? '').length > max ? `Hoogstens ${max} tekens.` : undefined;
}

const orNull = (s: string | undefined): string | null => (s === undefined || s.trim() === '' ? null : s);

export function AnnexForm({ participantId, referralId, annex }: { participantId: string; referralId: string; annex: PortfolioAnnex }) {
  const save = useSavePortfolioAnnex(participantId);
  const announce = useAnnounce();
  const c = annex.content;
  const initial: Record<string, string> = {};
  for (const [q] of profileQuestions) {
    initial[answer(q)] = c.profile[q].answer ?? '';
    initial[note(q)] = c.profile[q].note ?? '';
  }
  for (const t of THEMES) {
    initial[learned(t)] = c.themes[t].learned ?? '';
    initial[practised(t)] = c.themes[t].practised ?? '';
  }
  const form = useForm<string>(initial, FIELDS, validate);
  const onError = serverErrorsTo(form, 'b3');
  const submit = () => {
    if (!form.validateAll()) return;
    const v = form.values;
    const body: PortfolioAnnexInput = {
      referralId,
      version: annex.version,
      profile: Object.fromEntries(profileQuestions.map(([q]) => [q, { answer: orNull(v[answer(q)]), note: orNull(v[note(q)]) }])),
      themes: Object.fromEntries(THEMES.map((t) => [t, { learned: orNull(v[learned(t)]), practised: orNull(v[practised(t)]) }])),
    };
    save.mutateAsync(body).then((saved) => {
      const cmp = saved.completeness;
      announce(cmp === null || cmp.complete ? 'Bijlage 3 opgeslagen. Het portfolio is compleet.' : `Bijlage 3 opgeslagen. Nog niet compleet: ${cmp.missing.length} ${cmp.missing.length === 1 ? 'onderdeel' : 'onderdelen'}.`);
    }, onError);
  };
  return (
    <ActionForm
      id="b3"
      title="Bijlage 3 invullen"
      intro="U kunt tussendoor opslaan. Elke keer opslaan maakt een nieuwe versie; de oude blijft bewaard."
      summary={form.summary}
      attempt={form.attempt}
      submitLabel="Bijlage 3 opslaan"
      busy={save.isPending}
      onSubmit={submit}
    >
      <Fieldset>
        <FieldsetLegend>Algemeen klantbeeld</FieldsetLegend>
        {profileQuestions.map(([q, label]) => (
          <div key={q}>
            <SelectField {...form.bind(answer(q))} label={label} optional placeholder="Nog niet ingevuld" options={Object.entries(answerLabels)} />
            <TextField {...form.bind(note(q))} label={`Toelichting: ${label.toLowerCase()}`} optional autoComplete="off" />
          </div>
        ))}
      </Fieldset>
      {THEMES.map((t) => (
        <Fieldset key={t}>
          <FieldsetLegend>{mapThemeLabels[t]}</FieldsetLegend>
          <TextareaField {...form.bind(learned(t))} label={`${mapThemeLabels[t]}: wat heeft de inburgeraar geleerd?`} optional rows={3} />
          <TextareaField {...form.bind(practised(t))} label={`${mapThemeLabels[t]}: wat in praktijk gebracht, met welke leerdoelen?`} optional rows={3} />
        </Fieldset>
      ))}
    </ActionForm>
  );
}
