// R-HRS-2/R-HRS-4: the coordinator records a progress test: the date, the milestone it belongs to and a
// result per skill (a skill not tested stays empty). The results become the current levels.
import { useRecordTest, type Level, type Overview, type Skill } from '../../api/progress';
import { useToday } from '../../api/queries';
import { SelectField, TextField } from '../../components/fields';
import { useForm } from '../../lib/useForm';
import { ActionForm, dateProblem, serverErrorsTo, useAnnounce } from './formSupport';
import { levelOptions, skillLabels, skills } from './labels';

type TestField = 'toets-takenOn' | 'toets-milestoneHours' | `toets-${Skill}`;
const fields: readonly TestField[] = ['toets-takenOn', 'toets-milestoneHours', ...skills.map((s) => `toets-${s}` as const)];
const empty = Object.fromEntries(fields.map((f) => [f, ''])) as Record<TestField, string>;

export function ProgressTestForm({ overview }: { overview: Overview }) {
  const today = useToday().data;
  const record = useRecordTest(overview.participant.id);
  const announce = useAnnounce();
  const validate = (name: TestField, values: Record<TestField, string>) => {
    if (name === 'toets-takenOn') return dateProblem(values[name], 'datum van de toets', today);
    if (name === 'toets-reading' && skills.every((s) => values[`toets-${s}`] === '')) return 'Vul bij minstens één vaardigheid een uitslag in.';
    return undefined;
  };
  const form = useForm<TestField>(empty, fields, validate);
  const onError = serverErrorsTo(form, 'toets');

  const submit = () => {
    if (!form.validateAll()) return;
    const v = form.values;
    const results = Object.fromEntries(skills.map((s) => [s, v[`toets-${s}`] === '' ? null : (v[`toets-${s}`] as Level)])) as Record<Skill, Level | null>;
    const milestone = v['toets-milestoneHours'];
    record.mutateAsync({ takenOn: v['toets-takenOn'], milestoneHours: milestone === '' ? null : Number(milestone), results }).then(() => {
      form.update(empty);
      announce('De voortgangstoets is vastgelegd.');
    }, onError);
  };

  return (
    <ActionForm
      id="toets"
      title="Voortgangstoets vastleggen"
      summary={form.summary}
      attempt={form.attempt}
      submitLabel="Toets vastleggen"
      busy={record.isPending}
      onSubmit={submit}
    >
      <TextField {...form.bind('toets-takenOn')} label="Datum van de toets" type="date" />
      <SelectField
        {...form.bind('toets-milestoneHours')}
        label="Bij mijlpaal"
        optional
        placeholder="Geen mijlpaal"
        options={overview.status.milestones.map((m) => [String(m.hours), `${m.hours} uur`] as const)}
      />
      {skills.map((s) => (
        <SelectField key={s} {...form.bind(`toets-${s}`)} label={`Uitslag ${skillLabels[s]?.toLowerCase() ?? s}`} optional placeholder="Niet getoetst" options={levelOptions} />
      ))}
    </ActionForm>
  );
}
