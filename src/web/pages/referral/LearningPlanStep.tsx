// The provider drafts the learning plan, or changes a returned one into a new version (R-REF-6).
import { Alert, Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import { skills, weekdays, type ReferralDetail } from '../../api/lifecycleTypes';
import { CheckboxGroupField, RadioField, TextareaField } from '../../components/choiceFields';
import { SelectField, TextField } from '../../components/fields';
import { formatDate } from '../../lib/dates';
import { routeOptions } from '../../lib/labels';
import { levelOptions, skillLabels, weekdayLabels } from '../../lib/lifecycleLabels';
import { useForm } from '../../lib/useForm';
import {
  levelField,
  listOf,
  mapThemeField,
  planFields,
  planTarget,
  planValuesFrom,
  toPlanContent,
  validatePlanField,
  withPlanFieldNames,
  type PlanField,
} from './learningPlanForm';
import { StepForm, useStepCommand } from './stepSupport';
import { MAP_THEME_NAMES } from '../../../domain/map-learning-plan';
import { MapThemes } from '../../../domain/participation';

const yesNoOptions = [
  ['ja', 'Ja'],
  ['nee', 'Nee'],
] as const;

const scheduleOptions = [
  ['evening', 'Avond'],
  ['weekend', 'Weekend'],
  ['online', 'Online'],
  ['blended', 'Blended (deels online, deels in de klas)'],
] as const;

const dayOptions = weekdays.map((day) => [day, weekdayLabels[day]] as const);

export function LearningPlanStep({ referral }: { referral: ReferralDetail }) {
  const latest = referral.learningPlans[0];
  const returned = referral.status === 'planReturned' && latest?.status === 'returned' ? latest : undefined;
  const form = useForm<PlanField>(planValuesFrom(latest?.content), planFields, validatePlanField, planTarget);
  const step = useStepCommand(referral, {
    applyServerError: (error) => form.applyServerError(withPlanFieldNames(error)),
  });
  const { bind, values } = form;
  const nextVersion = (latest?.version ?? 0) + 1;

  const submit = () => {
    if (!form.validateAll()) return;
    step.run(
      { type: 'planSubmitted', content: toPlanContent(values) },
      `Leerplan versie ${nextVersion} is ingediend. De gemeente beoordeelt het.`,
    );
  };

  const checkboxes = (name: PlanField) => ({
    name,
    values: listOf(values[name]),
    error: form.errors[name],
    onChange: (chosen: string[]) => form.setValue(name, chosen.join(',')),
  });
  const radio = (name: PlanField) => ({
    name,
    value: values[name],
    error: form.errors[name],
    onChange: (value: string) => form.setValue(name, value),
  });

  return (
    <StepForm
      id="leerplan"
      title={returned ? 'Aangepast leerplan indienen' : 'Leerplan opstellen'}
      intro={`Dit wordt versie ${nextVersion}. Velden zonder “(niet verplicht)” zijn verplicht.`}
      before={
        returned && (
          <Alert type="warning">
            <Paragraph>
              De gemeente stuurde versie {returned.version} terug
              {returned.decidedOn ? ` op ${formatDate(returned.decidedOn)}` : ''}
              {returned.decidedByName ? ` (${returned.decidedByName})` : ''} met deze opmerkingen:
            </Paragraph>
            <Paragraph className="koers-remarks">{returned.remarks}</Paragraph>
            <Paragraph>Het formulier is ingevuld met versie {returned.version}; pas aan wat nodig is.</Paragraph>
          </Alert>
        )
      }
      summary={form.summary}
      attempt={form.attempt}
      submitLabel={returned ? 'Aangepast leerplan indienen' : 'Leerplan indienen'}
      busy={step.isPending}
      onSubmit={submit}
    >
      <Fieldset>
        <FieldsetLegend>Leerroute en streefniveau</FieldsetLegend>
        <SelectField {...bind('route')} label="Leerroute" options={routeOptions} />
        <Fieldset>
          <FieldsetLegend>Streefniveau per vaardigheid</FieldsetLegend>
          {skills.map((skill) => (
            <SelectField key={skill} {...bind(levelField[skill])} label={skillLabels[skill]} options={levelOptions} />
          ))}
        </Fieldset>
      </Fieldset>

      <Fieldset>
        <FieldsetLegend>Weekrooster</FieldsetLegend>
        <TextField
          {...bind('dayParts')}
          label="Aantal dagdelen per week"
          description="Meestal 3, 4 of 5 dagdelen."
          inputMode="numeric"
          size={4}
        />
        <CheckboxGroupField
          {...checkboxes('scheduleForms')}
          legend="Vorm van de lessen"
          description="Kies wat van toepassing is."
          options={scheduleOptions}
          optional
        />
      </Fieldset>

      <Fieldset>
        <FieldsetLegend>MAP (Module Arbeidsmarkt en Participatie)</FieldsetLegend>
        <RadioField {...radio('mapIncluded')} legend="Maakt de MAP deel uit van dit leerplan?" options={yesNoOptions} />
        {values.mapIncluded === 'ja' && (
          <>
            <TextareaField {...bind('mapPracticalPart')} label="Praktijkdeel" description="Bijvoorbeeld een stage of vrijwilligerswerk." />
            <TextField {...bind('mapPracticalHours')} label="Uren praktijkdeel" description="Bij een aanmelding voor de MAP minstens 40 uur." inputMode="numeric" size={6} />
            <Fieldset>
              <FieldsetLegend>Hoe komen de acht thema’s aan bod?</FieldsetLegend>
              <Paragraph>Bij een aanmelding voor de MAP beschrijft u elk thema (001 §3).</Paragraph>
              {MapThemes.map((theme) => (
                <TextareaField key={theme} {...bind(mapThemeField[theme])} label={MAP_THEME_NAMES[theme]} optional rows={2} />
              ))}
            </Fieldset>
          </>
        )}
      </Fieldset>

      <Fieldset>
        <FieldsetLegend>Kinderopvang</FieldsetLegend>
        <RadioField {...radio('childCareNeeded')} legend="Is kinderopvang nodig?" options={yesNoOptions} />
        {values.childCareNeeded === 'ja' && (
          <>
            <CheckboxGroupField {...checkboxes('childCareDays')} legend="Dagen kinderopvang" options={dayOptions} />
            <TextField {...bind('childCareTimes')} label="Tijden kinderopvang" description="Bijvoorbeeld 8.30 tot 12.30 uur." />
            <TextareaField
              {...bind('childCareChanges')}
              label="Wijzigingen kinderopvang"
              description="Bijvoorbeeld wanneer de opvang verandert."
              optional
            />
          </>
        )}
      </Fieldset>

      <TextField {...bind('expectedDurationMonths')} label="Verwachte duur in maanden" inputMode="numeric" size={4} />
      <TextareaField {...bind('notes')} label="Opmerkingen" optional />
    </StepForm>
  );
}
