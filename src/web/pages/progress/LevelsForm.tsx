// R-LVL-1: the coordinator records the target and current level per skill (each skill on its own: B1 for
// speaking, A2 for writing) and the status of KNM, MAP and PVT. Prefilled from the overview; only what
// changed is sent. The server's `skills.0.target` lands on the field of the skill it names.
import { Fragment, useMemo } from 'react';
import { ApiError, isApiError } from '../../api/client';
import { useRecordLevels, type ComponentName, type ComponentStatus, type Level, type LevelsInput, type Overview, type Skill } from '../../api/progress';
import { SelectField } from '../../components/fields';
import { fieldFromParam, useForm } from '../../lib/useForm';
import { ActionForm, useAnnounce } from './formSupport';
import { label, levelOptions, levelText, skillLabels, skills } from './labels';

type Field = `niveau-${Skill}-target` | `niveau-${Skill}-current` | `niveau-${ComponentName}`;
type Values = Record<Field, string>;

const components: readonly ComponentName[] = ['knm', 'map', 'pvt'];
const componentStatusOptions = (['notStarted', 'inProgress', 'passed', 'exempt'] as const).map((s) => [s, levelText(s)] as const);
const targetOf = (s: Skill) => `niveau-${s}-target` as const;
const currentOf = (s: Skill) => `niveau-${s}-current` as const;
const componentOf = (c: ComponentName) => `niveau-${c}` as const;
const fields: readonly Field[] = [...skills.flatMap((s) => [targetOf(s), currentOf(s)]), ...components.map(componentOf)];
const lower = (key: string) => label(skillLabels, key).toLowerCase();

/** The form's values from the latest level per skill and component ('' where none is known). */
function valuesOf(levels: Overview['levels']): Values {
  const of = (skill: string) => levels.find((l) => l.skill === skill);
  return Object.fromEntries([
    ...skills.flatMap((s) => [
      [targetOf(s), of(s)?.target ?? ''],
      [currentOf(s), of(s)?.current ?? ''],
    ]),
    ...components.map((c) => [componentOf(c), of(c)?.current ?? '']),
  ]) as Values;
}

const skillChanged = (s: Skill, v: Values, base: Values) => v[targetOf(s)] !== base[targetOf(s)] || v[currentOf(s)] !== base[currentOf(s)];

/** Only the skills and components whose values differ from what is recorded. */
function changesOf(v: Values, base: Values): LevelsInput {
  return {
    skills: skills
      .filter((s) => skillChanged(s, v, base))
      .map((s) => ({ skill: s, target: v[targetOf(s)] as Level, current: v[currentOf(s)] === '' ? null : (v[currentOf(s)] as Level) })),
    components: components
      .filter((c) => v[componentOf(c)] !== base[componentOf(c)] && v[componentOf(c)] !== '')
      .map((c) => ({ component: c, status: v[componentOf(c)] as ComponentStatus })),
  };
}

/** `skills.1.current` → the current-level field of the second skill sent; `skills` → its first field. */
function fieldOfParam(param: string, body: LevelsInput): Field | undefined {
  const match = /^(skills|components)(?:\.(\d+)(?:\.(\w+))?)?$/.exec(fieldFromParam(param));
  if (!match) return undefined;
  const index = Number(match[2] ?? 0);
  if (match[1] === 'skills') {
    const skill = body.skills[index]?.skill ?? body.skills[0]?.skill ?? 'reading';
    return match[3] === 'current' ? currentOf(skill) : targetOf(skill);
  }
  return componentOf(body.components[index]?.component ?? body.components[0]?.component ?? 'knm');
}

function inWords(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} en ${names[names.length - 1] ?? ''}`;
}

/** Remount it (key) when the recorded levels change, so that it starts from them again. */
export function LevelsForm({ overview }: { overview: Overview }) {
  const record = useRecordLevels(overview.participant.id);
  const announce = useAnnounce();
  const base = useMemo(() => valuesOf(overview.levels), [overview.levels]);
  const validate = (name: Field, v: Values): string | undefined => {
    const skill = skills.find((s) => name === targetOf(s));
    if (skill && v[name] === '' && skillChanged(skill, v, base)) return `Kies het doelniveau voor ${lower(skill)}.`;
    const component = components.find((c) => name === componentOf(c));
    if (component && v[name] === '' && base[name] !== '') return `Kies de status van ${label(skillLabels, component)}.`;
    return undefined;
  };
  const form = useForm<Field>(base, fields, validate);

  const submit = () => {
    if (!form.validateAll()) return;
    const body = changesOf(form.values, base);
    if (body.skills.length === 0 && body.components.length === 0) {
      form.fail('U heeft niets gewijzigd. Kies eerst een ander niveau of een andere status.');
      return;
    }
    const onError = (error: unknown) => {
      if (!isApiError(error) || !error.problem.invalidParams) return form.applyServerError(error);
      const invalidParams = error.problem.invalidParams.map((p) => ({ ...p, name: fieldOfParam(p.name, body) ?? p.name }));
      form.applyServerError(new ApiError(error.status, { ...error.problem, invalidParams }));
    };
    const names = [...body.skills.map((s) => lower(s.skill)), ...body.components.map((c) => label(skillLabels, c.component))];
    record.mutateAsync(body).then(() => announce(`De niveaus zijn vastgelegd voor ${inWords(names)}.`), onError);
  };

  return (
    <ActionForm
      id="niveau"
      title="Doelniveaus en huidig niveau vastleggen"
      intro="Elke vaardigheid heeft een eigen doelniveau. Alleen wat u wijzigt, wordt vastgelegd."
      summary={form.summary}
      attempt={form.attempt}
      submitLabel="Niveaus vastleggen"
      busy={record.isPending}
      onSubmit={submit}
    >
      {skills.map((s) => (
        <Fragment key={s}>
          <SelectField {...form.bind(targetOf(s))} label={`Doelniveau ${lower(s)}`} placeholder="Kies het doelniveau" options={levelOptions} />
          <SelectField
            {...form.bind(currentOf(s))}
            label={`Huidig niveau ${lower(s)}`}
            optional
            markOptional={false}
            placeholder="Nog niet getoetst"
            options={levelOptions}
          />
        </Fragment>
      ))}
      {components.map((c) => (
        <SelectField
          key={c}
          {...form.bind(componentOf(c))}
          label={`Status ${label(skillLabels, c)}`}
          optional
          markOptional={false}
          placeholder="Nog niet vastgelegd"
          options={componentStatusOptions}
        />
      ))}
    </ActionForm>
  );
}
