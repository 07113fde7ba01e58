import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useCreateGroup, type Group } from '../../api/groups';
import { CheckboxGroupField } from '../../components/choiceFields';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { RouterLink } from '../../components/RouterLink';
import { lessonKindLabels, levelBandLabels, literacyLabels, weekdayLabels } from '../../lib/attendanceLabels';
import { useForm } from '../../lib/useForm';
import { emptyGroup, groupFields, groupSummaryTarget, toNewGroup, validateGroupField } from './groupForm';

const entries = <K extends string>(labels: Record<K, string>) => Object.entries(labels) as [K, string][];
const weekdayOptions = weekdayLabels.map((label, i) => [String(i + 1), label] as const);

/** R-GRP-1: the coordinator makes a group with its weekly schedule. */
export function GroupForm() {
  const create = useCreateGroup();
  const form = useForm(emptyGroup, groupFields, validateGroupField, groupSummaryTarget);
  const [created, setCreated] = useState<Group | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending || !form.validateAll()) return;
    create.mutate(toNewGroup(form.values), {
      onSuccess: (group) => {
        setCreated(group);
        form.update(emptyGroup);
      },
      onError: (error) => form.applyServerError(error),
    });
  };

  return (
    <section aria-labelledby="nieuwe-groep" className="koers-section">
      <Heading level={2} id="nieuwe-groep">
        Nieuwe groep
      </Heading>
      <div role="status" aria-live="polite" className="koers-live">
        {created && (
          <Paragraph>
            Groep {created.name} is aangemaakt.{' '}
            <RouterLink to={`/groepen/${encodeURIComponent(created.id)}`}>Open groep {created.name}</RouterLink> om lessen te maken.
          </Paragraph>
        )}
      </div>
      <ErrorSummary items={form.summary} attempt={form.attempt} id="groep-fouten" level={3} />
      <form noValidate onSubmit={submit} aria-labelledby="nieuwe-groep" className="koers-form">
        <TextField {...form.bind('name')} label="Naam van de groep" />
        <SelectField {...form.bind('levelBand')} label="Niveau" options={entries(levelBandLabels)} />
        <SelectField {...form.bind('literacy')} label="Geletterdheid" options={entries(literacyLabels)} description="Alfabete en anderstalige analfabete deelnemers komen niet in één groep." />
        <TextField {...form.bind('location')} label="Locatie" />
        <TextField {...form.bind('sizeLimit')} label="Maximum aantal deelnemers" inputMode="numeric" optional description="Leeg laten: 15. Een Alfa- of Z-groep heeft hoogstens 15 deelnemers." />
        <CheckboxGroupField
          name="weekdays"
          legend="Lesdagen"
          options={weekdayOptions}
          values={form.values.weekdays.split(',').filter(Boolean)}
          error={form.errors.weekdays}
          onChange={(values) => form.setValue('weekdays', values.join(','))}
        />
        <TextField {...form.bind('startTime')} label="Begintijd" description="UU:MM, bijvoorbeeld 09:00." />
        <TextField {...form.bind('minutes')} label="Lesduur in minuten" inputMode="numeric" />
        <SelectField {...form.bind('kind')} label="Soort les" options={entries(lessonKindLabels)} />
        <TextField {...form.bind('activeFrom')} label="Startdatum" type="date" />
        <TextField {...form.bind('activeTo')} label="Einddatum" type="date" optional />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={create.isPending}>
            Groep aanmaken
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
